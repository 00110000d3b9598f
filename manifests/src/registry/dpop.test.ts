import assert from 'node:assert/strict';
import { createHash, randomUUID } from 'node:crypto';
import { before, describe, it } from 'node:test';
import { calculateJwkThumbprint, createLocalJWKSet, exportJWK, generateKeyPair, SignJWT, type JWK, type JWTPayload } from 'jose';
import { authenticate, type AuthRequest, type TokenCheck } from './auth.ts';
import { accessTokenHash, DpopError, ReplayCache, verifyDpopProof, type ProofExpectation } from './dpop.ts';
import { Problem } from './problem.ts';

const URL_ME = 'https://registry.example/v1/me';
const ISSUER = 'https://idp.example';
const AUDIENCE = 'urn:digione:platform';

interface Holder {
  privateKey: CryptoKey;
  jwk: JWK;
  jkt: string;
}

async function holder(alg = 'ES256'): Promise<Holder> {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
  const jwk = await exportJWK(publicKey);
  return { privateKey, jwk, jkt: await calculateJwkThumbprint(jwk) };
}

let key: Holder;
let other: Holder;
const ACCESS_TOKEN = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln';

/** A proof of `key` for GET URL_ME with ACCESS_TOKEN; `change` edits claims and header before signing. */
async function proof(
  change: { claims?: Record<string, unknown>; header?: Record<string, unknown>; by?: Holder; alg?: string } = {},
): Promise<string> {
  const by = change.by ?? key;
  return new SignJWT({
    htm: 'GET',
    htu: URL_ME,
    iat: Math.floor(Date.now() / 1000),
    jti: randomUUID(),
    ath: accessTokenHash(ACCESS_TOKEN),
    ...change.claims,
  })
    .setProtectedHeader({ alg: change.alg ?? 'ES256', typ: 'dpop+jwt', jwk: by.jwk, ...change.header })
    .sign(by.privateKey);
}

const expect = (replay = new ReplayCache()): ProofExpectation => ({ method: 'GET', url: URL_ME, accessToken: ACCESS_TOKEN, jkt: key.jkt, replay });

async function refusedFor(value: string | string[] | undefined, reason: RegExp, expectation = expect()): Promise<void> {
  await assert.rejects(verifyDpopProof(value, expectation), (error: unknown) => {
    assert.ok(error instanceof DpopError, String(error));
    assert.match(error.reason, reason);
    return true;
  });
}

before(async () => {
  [key, other] = await Promise.all([holder(), holder()]);
});

describe('DPoP proof checker (RFC 9449)', () => {
  it('accepts a fresh proof of the bound key for this request, and ignores query and fragment in htu', async () => {
    const verified = await verifyDpopProof(await proof({ claims: { htu: `${URL_ME}?x=1#y` } }), { ...expect(), url: `${URL_ME}?role=pupil` });
    assert.equal(verified.jkt, key.jkt);
  });

  it('accepts RSA keys (PS256) as well as EC', async () => {
    const rsa = await holder('PS256');
    const value = await proof({ by: rsa, alg: 'PS256' });
    assert.equal((await verifyDpopProof(value, { ...expect(), jkt: rsa.jkt })).jkt, rsa.jkt);
  });

  it('refuses a missing, repeated or malformed header', async () => {
    await refusedFor(undefined, /no `DPoP` header/);
    await refusedFor('', /no `DPoP` header/);
    const one = await proof();
    await refusedFor([one, one], /exactly one/);
    await refusedFor(`${one}, ${one}`, /exactly one/);
    await refusedFor('not-a-jwt', /not a signed JWT/);
  });

  it('refuses a typ other than dpop+jwt', async () => {
    await refusedFor(await proof({ header: { typ: 'JWT' } }), /`typ` must be `dpop\+jwt`/);
  });

  it('refuses a symmetric or unsigned algorithm', async () => {
    const mac = await new SignJWT({ htm: 'GET', htu: URL_ME, iat: Math.floor(Date.now() / 1000), jti: randomUUID() })
      .setProtectedHeader({ alg: 'HS256', typ: 'dpop+jwt', jwk: { kty: 'oct' } })
      .sign(new TextEncoder().encode('secret'));
    await refusedFor(mac, /`alg` HS256 is not an accepted asymmetric algorithm/);
    const [, body] = (await proof()).split('.');
    const none = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'dpop+jwt', jwk: key.jwk })).toString('base64url')}.${body}.`;
    await refusedFor(none, /`alg` none/);
  });

  it('refuses a proof without a public jwk, or with a private one', async () => {
    await refusedFor(await proof({ header: { jwk: undefined } }), /no `jwk` header/);
    const { privateKey } = await generateKeyPair('ES256', { extractable: true });
    await refusedFor(await proof({ header: { jwk: await exportJWK(privateKey) } }), /must be a public key/);
  });

  it('refuses a signature that does not verify with the jwk it carries', async () => {
    await refusedFor(await proof({ header: { jwk: other.jwk } }), /signature does not verify/);
  });

  it('refuses a proof of another key than the token is bound to (cnf.jkt)', async () => {
    await refusedFor(await proof({ by: other }), /thumbprint differs from `cnf\.jkt`/);
  });

  it('refuses another method or URL', async () => {
    await refusedFor(await proof({ claims: { htm: 'POST' } }), /`htm` must be GET/);
    await refusedFor(await proof({ claims: { htu: 'https://registry.example/v1/dashboard' } }), /`htu` must be https:\/\/registry\.example\/v1\/me/);
    await refusedFor(await proof({ claims: { htu: 'https://evil.example/v1/me' } }), /`htu`/);
    await refusedFor(await proof({ claims: { htu: 42 } }), /`htu`/);
  });

  it('refuses an iat outside the window, or none', async () => {
    const now = Math.floor(Date.now() / 1000);
    await refusedFor(await proof({ claims: { iat: now - 120 } }), /`iat` is more than 60 s/);
    await refusedFor(await proof({ claims: { iat: now + 120 } }), /`iat` is more than 60 s/);
    await refusedFor(await proof({ claims: { iat: undefined } }), /no `iat`/);
  });

  it('refuses an ath that is not the hash of the access token sent, or none', async () => {
    await refusedFor(await proof({ claims: { ath: createHash('sha256').update('another token').digest('base64url') } }), /`ath`/);
    await refusedFor(await proof({ claims: { ath: undefined } }), /`ath`/);
  });

  it('refuses a proof used before, and one without jti', async () => {
    const replay = new ReplayCache();
    const once = await proof();
    await verifyDpopProof(once, expect(replay));
    await refusedFor(once, /used before/, expect(replay));
    await refusedFor(await proof({ claims: { jti: undefined } }), /no `jti`/);
  });

  it('keeps its replay cache bounded, forgetting expired entries first', () => {
    const cache = new ReplayCache(3);
    assert.ok(cache.use('a', 100, 50));
    assert.ok(cache.use('b', 200, 50));
    assert.equal(cache.use('a', 100, 60), false, 'a replay within its window');
    assert.ok(cache.use('c', 300, 150), 'a expired by now');
    assert.equal(cache.size, 2);
    assert.ok(cache.use('d', 300, 150));
    assert.ok(cache.use('e', 300, 150), 'full: the oldest goes');
    assert.ok(cache.size <= 3);
  });
});

describe('authenticate with DPoP-bound tokens', () => {
  let check: TokenCheck;
  let sign: (claims: JWTPayload) => Promise<string>;

  before(async () => {
    const { privateKey, publicKey } = await generateKeyPair('RS256');
    const jwk = { ...(await exportJWK(publicKey)), kid: 'k', alg: 'RS256' };
    check = { issuer: ISSUER, audience: AUDIENCE, jwks: createLocalJWKSet({ keys: [jwk] }), tenants: () => [], replay: new ReplayCache() };
    sign = (claims) =>
      new SignJWT({ ...claims })
        .setProtectedHeader({ alg: 'RS256', typ: 'at+jwt', kid: 'k' })
        .setIssuer(ISSUER)
        .setAudience(AUDIENCE)
        .setSubject('pupil-1')
        .setIssuedAt()
        .setExpirationTime('5m')
        .sign(privateKey);
  });

  const proofFor = async (token: string, by = key): Promise<string> =>
    new SignJWT({ htm: 'GET', htu: URL_ME, ath: accessTokenHash(token) })
      .setProtectedHeader({ alg: 'ES256', typ: 'dpop+jwt', jwk: by.jwk })
      .setIssuedAt()
      .setJti(randomUUID())
      .sign(by.privateKey);

  const request = (authorization: string, dpop?: string): AuthRequest => ({ authorization, dpop, method: 'GET', url: URL_ME });

  async function refused(call: Promise<unknown>, challenge: RegExp): Promise<void> {
    await assert.rejects(call, (error: unknown) => {
      assert.ok(error instanceof Problem);
      assert.equal(error.status, 401);
      assert.match(error.headers['WWW-Authenticate'] ?? '', challenge);
      return true;
    });
  }

  it('accepts a bound token sent as DPoP with a proof of its key', async () => {
    const token = await sign({ cnf: { jkt: key.jkt } });
    const user = await authenticate(request(`DPoP ${token}`, await proofFor(token)), check);
    assert.equal(user.id, 'pupil-1');
  });

  it('refuses a bound token sent as Bearer, with a DPoP invalid_token challenge', async () => {
    const token = await sign({ cnf: { jkt: key.jkt } });
    await refused(authenticate(request(`Bearer ${token}`), check), /^DPoP .*error="invalid_token"/);
    await refused(authenticate(request(`Bearer ${token}`, await proofFor(token)), check), /^DPoP .*error="invalid_token"/);
  });

  it('refuses a bound token with a proof of another key, or a replayed proof', async () => {
    const token = await sign({ cnf: { jkt: key.jkt } });
    await refused(authenticate(request(`DPoP ${token}`, await proofFor(token, other)), check), /error="invalid_dpop_proof"/);
    const once = await proofFor(token);
    await authenticate(request(`DPoP ${token}`, once), check);
    await refused(authenticate(request(`DPoP ${token}`, once), check), /error="invalid_dpop_proof".*used before/);
  });

  it('keeps unbound tokens to Bearer', async () => {
    const token = await sign({});
    assert.equal((await authenticate(request(`Bearer ${token}`), check)).id, 'pupil-1');
    await refused(authenticate(request(`DPoP ${token}`, await proofFor(token)), check), /not bound to a key/);
  });
});
