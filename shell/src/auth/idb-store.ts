import type { StateStore } from 'oidc-client-ts';

/** The IndexedDB database the shell keeps its signed-in user in (deleted at sign-out). */
export const SESSION_DB = 'digione-session';
const STORE = 'kv';

/**
 * oidc-client-ts's user store on IndexedDB, shared by the shell's tabs.
 *
 * Why not localStorage: Chromium propagates a localStorage write to other tabs' renderers asynchronously, so a tab
 * that takes the renewal lock right after another tab released it can still read the old, already used refresh token
 * and end the sign-in (measured: two requests with one token 16 ms apart). An IndexedDB transaction that completed
 * before the lock was released is visible to every later transaction in any tab.
 */
export class IndexedDbStateStore implements StateStore {
  private db: Promise<IDBDatabase> | undefined;

  private open(): Promise<IDBDatabase> {
    this.db ??= new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(SESSION_DB, 1);
      request.onupgradeneeded = () => request.result.createObjectStore(STORE);
      request.onsuccess = () => {
        const db = request.result;
        // Another tab deleting the database at sign-out: let it, and open afresh next time.
        db.onversionchange = () => {
          db.close();
          this.db = undefined;
        };
        resolve(db);
      };
      request.onerror = () => reject(request.error ?? new Error('auth.store: IndexedDB could not be opened'));
    });
    return this.db;
  }

  private async run<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
    const db = await this.open();
    return new Promise<T>((resolve, reject) => {
      const tx = db.transaction(STORE, mode, { durability: 'strict' });
      const request = work(tx.objectStore(STORE));
      // Resolve when the transaction has committed, not when the request succeeded: only then do other tabs see it.
      tx.oncomplete = () => resolve(request.result);
      tx.onerror = () => reject(tx.error ?? new Error('auth.store: IndexedDB transaction failed'));
      tx.onabort = () => reject(tx.error ?? new Error('auth.store: IndexedDB transaction aborted'));
    });
  }

  set(key: string, value: string): Promise<void> {
    return this.put(key, value);
  }

  async get(key: string): Promise<string | null> {
    const value = await this.value(key);
    return typeof value === 'string' ? value : null;
  }

  /** Any structured-cloneable value, e.g. a non-extractable `CryptoKeyPair` (which only IndexedDB can keep). */
  value(key: string): Promise<unknown> {
    return this.run('readonly', (store) => store.get(key) as IDBRequest<unknown>);
  }

  async put(key: string, value: unknown): Promise<void> {
    await this.run('readwrite', (store) => store.put(value, key));
  }

  async remove(key: string): Promise<string | null> {
    const value = await this.get(key);
    await this.run('readwrite', (store) => store.delete(key));
    return value;
  }

  async getAllKeys(): Promise<string[]> {
    const keys = await this.run('readonly', (store) => store.getAllKeys());
    return keys.map(String);
  }

  /** Closes this tab's connection and deletes the database (every tab's copy of the session). */
  async destroy(): Promise<void> {
    const db = await this.db?.catch(() => undefined);
    db?.close();
    this.db = undefined;
    await new Promise<void>((resolve) => {
      const request = indexedDB.deleteDatabase(SESSION_DB);
      request.onsuccess = () => resolve();
      request.onerror = () => resolve();
      // Other tabs close their connections on versionchange; if one does not, deletion completes when it does.
      request.onblocked = () => resolve();
    });
  }
}

/** Where the session's DPoP key pair is kept in the session database (see dpop-store.ts). */
export const dpopKeyOf = (clientId: string): string => `dpop:${clientId}`;
