/**
 * Access tokens: checked offline against the identity provider's keys (issuer, audience, signature, expiry, `typ`
 * at+jwt as RFC 9068 asks), then mapped to a {@link PlatformUser} by the one function the platform shares. A token
 * bound to a key (`cnf.jkt`, DPoP) is accepted only with the `DPoP` scheme and a proof of that key for this request
 * (./dpop.ts); an unbound one only as `Bearer`.
 */
import { errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { CLAIM, toPlatformUser, type IdentityClaims, type MandateClaim, type PlatformUser, type TenantConfig } from '@digione/sdk/identity';
import { boundThumbprint, DpopError, parseAuthorization, ReplayCache, verifyDpopProof } from './dpop.ts';
import { Problem } from './problem.ts';

export interface TokenCheck {
  issuer: string;
  audience: string;
  jwks: JWTVerifyGetKey;
  /** The tenants the claims are mapped against. */
  tenants: () => readonly TenantConfig[];
  /** The `jti`s of DPoP proofs seen recently; one per server. */
  replay: ReplayCache;
}

/** What {@link authenticate} reads of a request. */
export interface AuthRequest {
  authorization: string | undefined;
  /** The `DPoP` header(s). */
  dpop: string | string[] | undefined;
  method: string;
  /** The URL the client addressed (scheme, host, path). */
  url: string;
}

const strings = (value: unknown): string | string[] | undefined =>
  typeof value === 'string' ? value : Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : undefined;
const string = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

function mandates(value: unknown): MandateClaim[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((m: unknown): MandateClaim[] => {
    if (typeof m !== 'object' || m === null) return [];
    const { principal, name, status, educationProviderOid } = m as Record<string, unknown>;
    if (typeof principal !== 'string' || typeof name !== 'string' || typeof educationProviderOid !== 'string') return [];
    if (status !== 'ALLOWED' && status !== 'DISALLOWED') return [];
    return [{ principal, name, status, educationProviderOid }];
  });
}

/**
 * The identity claims of a verified payload, each narrowed to the type {@link toPlatformUser} expects: a claim of
 * the wrong shape is dropped, never trusted.
 */
export function identityClaims(payload: JWTPayload & { sub: string }): IdentityClaims {
  const claims: IdentityClaims = { sub: payload.sub };
  const copy = <K extends keyof IdentityClaims>(key: K, value: IdentityClaims[K] | undefined): void => {
    if (value !== undefined && !(Array.isArray(value) && value.length === 0)) claims[key] = value;
  };
  copy('given_name', string(payload['given_name']));
  copy('family_name', string(payload['family_name']));
  copy('name', string(payload['name']));
  copy(CLAIM.mpassUid, string(payload[CLAIM.mpassUid]));
  copy(CLAIM.learnerOid, string(payload[CLAIM.learnerOid]));
  copy(CLAIM.schoolInfo, strings(payload[CLAIM.schoolInfo]));
  copy(CLAIM.educationProviderInfo, strings(payload[CLAIM.educationProviderInfo]));
  copy(CLAIM.classLevel, string(payload[CLAIM.classLevel]));
  copy(CLAIM.role, strings(payload[CLAIM.role]));
  const idp = payload[CLAIM.idp];
  copy(CLAIM.idp, idp === 'mpassid' || idp === 'suomifi' ? idp : undefined);
  copy(CLAIM.mandates, mandates(payload[CLAIM.mandates]));
  return claims;
}

/**
 * A 401 with the RFC 6750 challenge, or the RFC 9449 one when DPoP is what failed; no `error` when the request simply
 * had no token.
 */
function unauthorized(detail: string, error?: 'invalid_request' | 'invalid_token' | 'invalid_dpop_proof', scheme: 'Bearer' | 'DPoP' = 'Bearer'): Problem {
  const algs = 'algs="ES256 PS256 RS256 EdDSA"';
  const withError = (name: string) => `${name} realm="digione", error="${error}", error_description="${detail.replaceAll('"', "'")}"`;
  const challenge = !error
    ? 'Bearer realm="digione"'
    : scheme === 'DPoP'
      ? `${withError('DPoP')}, ${algs}`
      : withError('Bearer');
  return new Problem(401, 'unauthorized', detail, {}, { 'WWW-Authenticate': challenge });
}

/** Why a token was refused, in words a developer can act on. */
function refusal(error: unknown): Problem {
  if (error instanceof errors.JWTExpired) return unauthorized('the access token has expired; renew it', 'invalid_token');
  if (error instanceof errors.JWTClaimValidationFailed) {
    return unauthorized(`the access token's \`${error.claim}\` claim is not accepted: ${error.reason}`, 'invalid_token');
  }
  if (error instanceof errors.JWSSignatureVerificationFailed) {
    return unauthorized('the access token\'s signature does not verify', 'invalid_token');
  }
  if (error instanceof errors.JWKSNoMatchingKey) {
    return unauthorized('the access token is signed with a key the identity provider does not publish', 'invalid_token');
  }
  if (error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid || !(error instanceof errors.JOSEError)) {
    return new Problem(503, 'identity-unavailable', `the identity provider's keys could not be read: ${(error as Error).message}`);
  }
  return unauthorized(`the access token is not valid: ${error.message}`, 'invalid_token');
}

/** The user a request's `Authorization` (and `DPoP`) header stands for; throws a 401 {@link Problem} otherwise. */
export async function authenticate(request: AuthRequest, check: TokenCheck): Promise<PlatformUser> {
  const caller = await authenticateCaller(request, check);
  // A preview token reads one draft dashboard (server.ts, `draft=true`) and nothing else of the registry.
  if (caller.preview) throw unauthorized('a preview token reaches only the draft dashboard it previews', 'invalid_token');
  return caller.user;
}

/**
 * Who a preview token ("Preview as", docs/decisions/0008-preview-as.md) says previews: the admin in its `act`, and the
 * dashboard it was issued for. The registry checks the admin against the tenant's admins itself.
 */
export interface PreviewActor {
  /** `sub` of the admin. */
  sub: string;
  /** The admin's MPASSid uid, which the tenant's configuration lists. */
  mpassUid: string;
  /** The admin's name, for the audit log. */
  name: string;
  tenant: string;
  role: string;
  /** The token is bound to a key (the preview page's own call, not the provider's relayed question). */
  bound: boolean;
}

/** The preview a verified payload stands for, undefined when none, or a refusal for a malformed one. */
function previewOf(payload: JWTPayload, bound: boolean): PreviewActor | undefined {
  if (payload['digione_preview'] !== true || payload['digione_widget'] !== undefined) return undefined;
  const act = payload['act'];
  const tenant = payload['digione_tenant'];
  const role = payload['digione_role'];
  if (typeof act !== 'object' || act === null || typeof tenant !== 'string' || typeof role !== 'string') return undefined;
  const { sub, [CLAIM.mpassUid]: mpassUid, name } = act as Record<string, unknown>;
  if (typeof sub !== 'string' || typeof mpassUid !== 'string') return undefined;
  return { sub, mpassUid, name: typeof name === 'string' ? name : sub, tenant, role, bound };
}

/** {@link authenticate}, which also accepts a preview token and says so. */
export async function authenticateCaller(request: AuthRequest, check: TokenCheck): Promise<{ user: PlatformUser; preview?: PreviewActor }> {
  const header = request.authorization;
  if (!header) throw unauthorized('send `Authorization: Bearer <access token>`, or `Authorization: DPoP <access token>` with a `DPoP` proof when the token is bound to a key');
  const parsed = parseAuthorization(header);
  if (!parsed) throw unauthorized('the Authorization header must be `DPoP <access token>` or `Bearer <access token>`', 'invalid_request');
  const { scheme, token } = parsed;
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(token, check.jwks, {
      issuer: check.issuer,
      audience: check.audience,
      algorithms: ['RS256'],
      typ: 'at+jwt',
      requiredClaims: ['sub', 'exp'],
      clockTolerance: 5,
    }));
  } catch (error) {
    throw refusal(error);
  }
  const sub = payload.sub;
  if (typeof sub !== 'string' || sub === '') throw unauthorized('the access token has no subject', 'invalid_token');
  const preview = previewOf(payload, boundThumbprint(payload) !== undefined);
  // A widget's delegated token (RFC 8693 `act`) is for the platform API only: never the registry and its admin API.
  if (payload['act'] !== undefined && !preview) throw unauthorized('a widget\'s token is not accepted here; only the shell\'s own', 'invalid_token');
  const jkt = boundThumbprint(payload);
  if (jkt !== undefined) {
    // RFC 9449 §7.1: a bound token sent as a bearer token is refused, whoever sends it.
    if (scheme !== 'DPoP') throw unauthorized('the access token is bound to a key: send it as `DPoP` with a proof', 'invalid_token', 'DPoP');
    try {
      await verifyDpopProof(request.dpop, { method: request.method, url: request.url, accessToken: token, jkt, replay: check.replay });
    } catch (error) {
      if (error instanceof DpopError) throw unauthorized(error.message, 'invalid_dpop_proof', 'DPoP');
      throw error;
    }
  } else if (scheme === 'DPoP') {
    throw unauthorized('the access token is not bound to a key: send it as `Bearer`', 'invalid_token', 'DPoP');
  }
  const user = toPlatformUser(identityClaims({ ...payload, sub }), check.tenants());
  return preview ? { user, preview } : { user };
}
