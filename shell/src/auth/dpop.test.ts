import { expect } from '@open-wc/testing';
import { IndexedDbDpopStore } from './dpop-store.js';
import { signProof } from './dpop.js';
import { IndexedDbStateStore } from './idb-store.js';

const fromB64url = (text: string): Uint8Array<ArrayBuffer> => Uint8Array.from(atob(text.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));
const json = (part: string): Record<string, unknown> => JSON.parse(new TextDecoder().decode(fromB64url(part))) as Record<string, unknown>;

async function keyPair(): Promise<CryptoKeyPair> {
  return crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify']);
}

describe('DPoP proofs of the shell (RFC 9449)', () => {
  afterEach(async () => {
    await new IndexedDbStateStore().destroy();
  });

  it('signs a proof for one request that its own jwk header verifies, naming the token it accompanies', async () => {
    const keys = await keyPair();
    const proof = await signProof(keys, 'get', 'https://api.test/v1/schedule?from=2026-11-30#top', 'the.access.token', 0);
    const [header = '', payload = '', signature = ''] = proof.split('.');
    const h = json(header);
    expect(h.typ).to.equal('dpop+jwt');
    expect(h.alg).to.equal('ES256');
    const jwk = h.jwk as JsonWebKey;
    expect(Object.keys(jwk).sort()).to.deep.equal(['crv', 'kty', 'x', 'y'], 'the public key only');
    const publicKey = await crypto.subtle.importKey('jwk', jwk, { name: 'ECDSA', namedCurve: 'P-256' }, false, ['verify']);
    const verified = await crypto.subtle.verify(
      { name: 'ECDSA', hash: 'SHA-256' },
      publicKey,
      fromB64url(signature),
      new TextEncoder().encode(`${header}.${payload}`),
    );
    expect(verified).to.equal(true);
    const claims = json(payload);
    expect(claims.htm).to.equal('GET');
    expect(claims.htu).to.equal('https://api.test/v1/schedule', 'without query and fragment');
    const hash = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode('the.access.token')));
    expect(fromB64url(String(claims.ath))).to.deep.equal(hash);
    expect(Math.abs(Number(claims.iat) - Date.now() / 1000)).to.be.below(5);
    const again = json((await signProof(keys, 'GET', 'https://api.test/v1/schedule', 'the.access.token', 0)).split('.')[1] ?? '');
    expect(again.jti).to.be.a('string').and.not.equal(claims.jti, 'a new jti per proof');
  });

  it('dates a proof on the provider\'s clock when the device\'s is off, and leaves out ath at the token endpoint', async () => {
    const claims = json((await signProof(await keyPair(), 'POST', 'https://idp.test/token', undefined, -3 * 3600_000)).split('.')[1] ?? '');
    expect(Math.abs(Number(claims.iat) - (Date.now() / 1000 - 3 * 3600))).to.be.below(5);
    expect(claims).not.to.have.property('ath');
  });

  it('keeps the non-extractable key pair in the session database, where sign-out deletes it', async () => {
    const store = new IndexedDbDpopStore(new IndexedDbStateStore());
    const keys = await keyPair();
    await store.set('digione-shell', { keys });
    expect(await store.getAllKeys()).to.deep.equal(['digione-shell']);
    const kept = (await store.get('digione-shell')).keys;
    expect(kept.privateKey.extractable).to.equal(false);
    // Another tab's connection reads the same key, and it still signs.
    const other = (await new IndexedDbDpopStore(new IndexedDbStateStore()).get('digione-shell')).keys;
    expect((await signProof(other, 'GET', 'https://api.test/', 't', 0)).split('.')).to.have.length(3);
    await new IndexedDbStateStore().destroy();
    expect(await store.getAllKeys()).to.deep.equal([]);
  });
});
