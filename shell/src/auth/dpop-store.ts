import type { DPoPState, IndexedDbDPoPStore } from 'oidc-client-ts';
import { dpopKeyOf, type IndexedDbStateStore } from './idb-store.js';

/** oidc-client-ts's key store interface (not exported by name in 3.5). */
type DPoPStore = Pick<IndexedDbDPoPStore, 'set' | 'get' | 'remove' | 'getAllKeys'>;

/**
 * oidc-client-ts's DPoP key store (RFC 9449), in the same database as the user: one non-extractable key pair per
 * browser sign-in, shared by every tab (they share the refresh token bound to it), and deleted with the rest of the
 * session at sign-out. Loaded with oidc-client-ts, which alone needs it (session.ts reads the key itself). oidc-client-ts's own IndexedDbDPoPStore would keep it in a database of its own, which the
 * sign-out would have to know about.
 */
export class IndexedDbDpopStore implements DPoPStore {
  constructor(private readonly db: IndexedDbStateStore) {}

  async set(key: string, value: DPoPState): Promise<void> {
    await this.db.put(dpopKeyOf(key), { keys: value.keys, nonce: value.nonce });
  }

  async get(key: string): Promise<DPoPState> {
    return (await this.db.value(dpopKeyOf(key))) as DPoPState;
  }

  async remove(key: string): Promise<DPoPState> {
    const value = await this.get(key);
    await this.db.remove(dpopKeyOf(key));
    return value;
  }

  async getAllKeys(): Promise<string[]> {
    const prefix = dpopKeyOf('');
    return (await this.db.getAllKeys()).filter((k) => k.startsWith(prefix)).map((k) => k.slice(prefix.length));
  }
}
