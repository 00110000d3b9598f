/**
 * DPoP proofs (RFC 9449) as the platform's servers check them: the registry and the platform API for requests with a
 * sender-constrained access token, and the sandbox provider for the token exchange. One module, in the registry's
 * package (which depends on nothing of the sandbox), so that every server applies the same rules; the sandbox imports
 * it as `@digione/manifests/dpop`.
 *
 * A proof is a JWT the client signs per request with the private key its tokens are bound to (`cnf.jkt`, the RFC 7638
 * thumbprint of the public key). It names the request (`htm`, `htu`), when it was made (`iat`), is used once (`jti`)
 * and, at a resource server, names the access token it accompanies (`ath`). A token copied off the device is useless
 * without the key, which never leaves the browser.
 */
import { createHash } from 'node:crypto';
import { calculateJwkThumbprint, decodeProtectedHeader, EmbeddedJWK, errors, jwtVerify, type JWTPayload } from 'jose';

/** Asymmetric algorithms a proof may be signed with (RFC 9449 §4.3: never `none` nor a MAC). */
export const DPOP_ALGORITHMS: readonly string[] = ['ES256', 'ES384', 'ES512', 'PS256', 'PS384', 'PS512', 'RS256', 'EdDSA', 'Ed25519'];
/** How far a proof's `iat` may be from the server's clock, in seconds, either way. */
export const DPOP_WINDOW_S = 60;
/** How many `jti`s a {@link ReplayCache} keeps at most; beyond it the oldest are forgotten first. */
export const REPLAY_CACHE_SIZE = 50_000;

/** A proof refused; `reason` says which rule it broke, in words a client developer can act on. */
export class DpopError extends Error {
  constructor(readonly reason: string) {
    super(`DPoP proof refused: ${reason}`);
    this.name = 'DpopError';
  }
}

/**
 * The `jti`s seen within the window, so that a captured proof cannot be sent again. In memory and bounded: a proof
 * older than the window is refused by its `iat` anyway, so an entry is needed only that long. Several instances of a
 * server would share it (e.g. in their database); the sandbox runs one.
 */
export class ReplayCache {
  /** `jti` → when it may be forgotten (seconds since the epoch); insertion order is expiry order. */
  readonly #seen = new Map<string, number>();

  constructor(private readonly limit = REPLAY_CACHE_SIZE) {}

  /** Records `jti` until `until`; false when it was seen already (a replay). */
  use(jti: string, until: number, now: number): boolean {
    for (const [key, expires] of this.#seen) {
      if (expires > now && this.#seen.size < this.limit) break;
      this.#seen.delete(key);
    }
    if (this.#seen.has(jti)) return false;
    this.#seen.set(jti, until);
    return true;
  }

  get size(): number {
    return this.#seen.size;
  }
}

/** What a proof must match. */
export interface ProofExpectation {
  /** The request's method. */
  method: string;
  /** The request's full URL as the client addressed it; query and fragment are ignored (RFC 9449 §4.3). */
  url: string | URL;
  /** The access token sent with the proof: its hash must be the proof's `ath`. Absent at the token endpoint. */
  accessToken?: string;
  /** The thumbprint the token is bound to (`cnf.jkt`): the proof's key must have it. */
  jkt?: string;
  replay: ReplayCache;
  /** The server's clock in seconds since the epoch; default the real one. */
  now?: number;
}

/** The thumbprint of the key that signed a proof, and the proof's claims. */
export interface VerifiedProof {
  jkt: string;
  payload: JWTPayload;
}

/** `htu` compared without query and fragment. */
function withoutQuery(url: string | URL): string | undefined {
  const parsed = URL.parse(String(url));
  if (!parsed) return undefined;
  parsed.search = '';
  parsed.hash = '';
  return parsed.href;
}

/** base64url(SHA-256(access token)), the `ath` of a proof that accompanies it. */
export function accessTokenHash(accessToken: string): string {
  return createHash('sha256').update(accessToken, 'ascii').digest('base64url');
}

/**
 * Checks one `DPoP` header value against the request; returns the key's thumbprint, or throws {@link DpopError}.
 * The replay cache records the proof's `jti` only when every other rule held.
 */
export async function verifyDpopProof(proof: string | string[] | undefined, expected: ProofExpectation): Promise<VerifiedProof> {
  if (proof === undefined || proof === '') throw new DpopError('the request has no `DPoP` header');
  // Node joins repeated headers with ", "; a JWT has no comma.
  if (Array.isArray(proof) || proof.includes(',')) throw new DpopError('the request must carry exactly one `DPoP` header');
  let header;
  try {
    header = decodeProtectedHeader(proof);
  } catch {
    throw new DpopError('the `DPoP` header is not a signed JWT');
  }
  if (header.typ !== 'dpop+jwt') throw new DpopError('its `typ` must be `dpop+jwt`');
  if (typeof header.alg !== 'string' || !DPOP_ALGORITHMS.includes(header.alg)) {
    throw new DpopError(`its \`alg\` ${String(header.alg)} is not an accepted asymmetric algorithm (${DPOP_ALGORITHMS.join(', ')})`);
  }
  const jwk = header.jwk;
  if (typeof jwk !== 'object' || jwk === null) throw new DpopError('it has no `jwk` header with the public key');
  if ('d' in jwk || jwk.kty === 'oct') throw new DpopError('its `jwk` header must be a public key');
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(proof, EmbeddedJWK, { typ: 'dpop+jwt', algorithms: [...DPOP_ALGORITHMS] }));
  } catch (error) {
    if (error instanceof errors.JWSSignatureVerificationFailed) throw new DpopError('its signature does not verify with its `jwk`');
    throw new DpopError(`it is not a valid JWT: ${(error as Error).message}`);
  }
  const jkt = await calculateJwkThumbprint(jwk, 'sha256');
  if (expected.jkt !== undefined && jkt !== expected.jkt) {
    throw new DpopError("its key is not the one the access token is bound to (the thumbprint differs from `cnf.jkt`)");
  }
  if (payload.htm !== expected.method.toUpperCase()) throw new DpopError(`its \`htm\` must be ${expected.method.toUpperCase()}`);
  const htu = typeof payload['htu'] === 'string' ? withoutQuery(payload['htu']) : undefined;
  if (htu === undefined || htu !== withoutQuery(expected.url)) throw new DpopError(`its \`htu\` must be ${withoutQuery(expected.url)}`);
  const now = expected.now ?? Math.floor(Date.now() / 1000);
  if (typeof payload.iat !== 'number') throw new DpopError('it has no `iat`');
  if (Math.abs(payload.iat - now) > DPOP_WINDOW_S) {
    throw new DpopError(`its \`iat\` is more than ${DPOP_WINDOW_S} s from the server's time: make a new proof per request`);
  }
  if (expected.accessToken !== undefined && payload['ath'] !== accessTokenHash(expected.accessToken)) {
    throw new DpopError('its `ath` is not the hash of the access token sent with it');
  }
  if (typeof payload.jti !== 'string' || payload.jti === '' || payload.jti.length > 256) throw new DpopError('it has no `jti`');
  if (!expected.replay.use(`${jkt}:${payload.jti}`, payload.iat + DPOP_WINDOW_S, now)) {
    throw new DpopError('its `jti` was used before: a proof is good for one request');
  }
  return { jkt, payload };
}

/** The `cnf.jkt` a verified access token is bound to, if any. */
export function boundThumbprint(payload: JWTPayload): string | undefined {
  const cnf = payload['cnf'];
  if (typeof cnf !== 'object' || cnf === null) return undefined;
  const jkt = (cnf as Record<string, unknown>)['jkt'];
  return typeof jkt === 'string' ? jkt : undefined;
}

/** The access token of an `Authorization` header with its scheme, or undefined when the header is malformed. */
export function parseAuthorization(header: string | undefined): { scheme: 'Bearer' | 'DPoP'; token: string } | undefined {
  const match = /^(Bearer|DPoP) +([A-Za-z0-9._~+/-]+=*) *$/i.exec(header ?? '');
  if (!match?.[1] || !match[2]) return undefined;
  return { scheme: match[1].toLowerCase() === 'dpop' ? 'DPoP' : 'Bearer', token: match[2] };
}
