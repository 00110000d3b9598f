/**
 * OAuth 2.0 Token Exchange (RFC 8693) at the sandbox provider: the shell trades its own access token for a short-lived
 * token of one widget on one dashboard, so that no widget's API call ever carries the shell's token. The exchanged
 * token keeps the user (`sub`, identity claims), names the widget (`digione_widget`) and the shell as the actor
 * (`act`), is bound to the dashboard's tenant, role and child, and carries only the scopes that are requested, in the
 * widget's manifest, granted by the tenant's policy and allowed to the role.
 *
 * Sender-constrained (RFC 9449): the request must carry a DPoP proof for the token endpoint, signed with the key the
 * subject token is bound to (`cnf.jkt`), and the widget's token is bound to that same key. So a shell token copied off
 * the device cannot be exchanged, and a widget's token is as useless elsewhere as the shell's.
 */
import { CLAIM, ROLES, toPlatformUser, type IdentityClaims, type Role, type TenantConfig } from '@digione/sdk/identity';
import { boundThumbprint, DpopError, ReplayCache, verifyDpopProof } from '@digione/manifests/dpop';
import { jwtVerify, SignJWT, type JWTPayload } from 'jose';
import { errors, type KoaContextWithOIDC, type UnknownObject } from 'oidc-provider';
import { API_SCOPES, identityClaimsFrom, PREVIEW_CLAIM, previewActorOf, ROLE_SCOPES, WIDGET_CLAIM } from '../api/access.ts';

export { PREVIEW_CLAIM, previewActorOf };

/** The grant type of RFC 8693. */
export const TOKEN_EXCHANGE_GRANT = 'urn:ietf:params:oauth:grant-type:token-exchange';
/** The token type of an access token (RFC 8693 §3), the only subject and requested token type accepted here. */
export const ACCESS_TOKEN_TYPE = 'urn:ietf:params:oauth:token-type:access_token';
/** Longest life of a widget's token in seconds; never longer than the shell token it was exchanged for. */
export const WIDGET_TOKEN_TTL = 300;

/** Request parameters of the exchange besides `grant_type` (RFC 8693's, and DigiOne's naming the widget's place). */
export const EXCHANGE_PARAMETERS = [
  'subject_token',
  'subject_token_type',
  'requested_token_type',
  'resource',
  'scope',
  'digione_widget',
  'digione_tenant',
  'digione_role',
  'digione_learner',
  'digione_preview',
] as const;

/** Longest life of a preview token in seconds: one look at a draft, not a session. */
export const PREVIEW_TOKEN_TTL = 300;


/** What the tenant approved for one widget, as the registry knows it at the moment of the exchange. */
export interface WidgetApproval {
  /** Scopes the widget's manifest declares. */
  manifestScopes: readonly string[];
  /** Scopes the tenant's policy grants the widget. */
  policyScopes: readonly string[];
}

/** What the provider asks the registry: is `widget` approved in `tenant` for `role` (undefined: not approved). */
export interface WidgetApprovalQuery {
  widget: string;
  tenant: string;
  role: Role;
  /**
   * A token of the user for the registry, so that it answers for this user's dashboard only. Not the shell's own:
   * that one is bound to the shell's DPoP key, which the provider does not hold. See {@link relayToken}.
   */
  subjectToken: string;
  /** The exchange is for a preview: the widget must be on the DRAFT dashboard (the registry's `draft=true`). */
  preview?: boolean;
}

/** How long a {@link relayToken} lives, in seconds: one request from the provider to the registry. */
export const RELAY_TOKEN_TTL = 30;

/** Looks up a widget's approval; called on every exchange, so that a revoked approval stops new tokens at once. */
export type WidgetApprovals = (query: WidgetApprovalQuery) => Promise<WidgetApproval | undefined>;

/**
 * Approvals read from the registry over HTTP, as the user: `GET /v1/dashboard?role=&tenant=` answers the widgets the
 * tenant approves for that dashboard, each manifest with its scopes already cut to those the policy grants (and only
 * when its version and integration level are approved and it is made for the role). A widget that is not on the
 * user's dashboard gets no token.
 */
export function registryApprovals(registryUrl: string, fetchImpl: typeof fetch = fetch): WidgetApprovals {
  const base = registryUrl.replace(/\/+$/, '');
  return async ({ widget, tenant, role, subjectToken, preview }) => {
    const url = `${base}/v1/dashboard?role=${encodeURIComponent(role)}&tenant=${encodeURIComponent(tenant)}${preview ? '&draft=true' : ''}`;
    const response = await fetchImpl(url, { headers: { authorization: `Bearer ${subjectToken}`, accept: 'application/json' } });
    if (response.status === 403 || response.status === 404) return undefined;
    if (!response.ok) throw new Error(`registry answered ${response.status} for the dashboard of ${role} in ${tenant}`);
    const body = (await response.json()) as { widgets?: Record<string, { scopes?: unknown }> };
    const manifest = body.widgets?.[widget];
    if (!manifest || !Array.isArray(manifest.scopes)) return undefined;
    const scopes = manifest.scopes.filter((s): s is string => typeof s === 'string');
    return { manifestScopes: scopes, policyScopes: scopes };
  };
}

/** What the provider hands the exchange. */
export interface TokenExchangeSetup {
  issuer: string;
  /** The resource indicator (and `aud`) of the platform API. */
  audience: string;
  /** The only client whose tokens may be exchanged, and that may exchange them. */
  shellClientId: string;
  /** The provider's signing key, to verify subject tokens. */
  publicKey: CryptoKey;
  /** The provider's private key and its `kid` in the JWKS, to sign {@link relayToken}s. */
  privateKey: CryptoKey;
  kid: string;
  tenants: readonly TenantConfig[];
  approvals: WidgetApprovals;
  /** Longest life of an exchanged token in seconds. */
  ttl: number;
  /** The resource server info oidc-provider signs the token with (RS256 JWT, `aud` the platform). */
  resourceServerInfo: UnknownObject;
  /** Claims the provider's `extraTokenClaims` adds to the token it is about to issue. */
  claimsFor: WeakMap<object, UnknownObject>;
  /** The token endpoint's URL, which the DPoP proof's `htu` must name. */
  tokenEndpoint: string;
  /**
   * The identity claims of a designated preview persona of `tenant` (a test account), or undefined for anyone else:
   * real pupils can never be previewed.
   */
  previewPersona?: (sub: string, tenant: string) => IdentityClaims | undefined;
  /** Records a preview start (who previewed as whom, when). */
  auditPreview?: (entry: PreviewAudit) => void;
}

/** One preview start, as the provider records it. */
export interface PreviewAudit {
  when: string;
  /** `sub` of the admin. */
  admin: string;
  /** `sub` of the preview persona. */
  persona: string;
  tenant: string;
  role: Role;
}

/**
 * An OAuth error whose `error_description` says why: oidc-provider keeps a fixed description for `invalid_grant` and
 * `invalid_target` and hides the detail, which leaves the shell's developer guessing.
 */
function refusal(kind: typeof errors.InvalidGrant | typeof errors.InvalidTarget, description: string): Error {
  return Object.assign(new kind(description), { error_description: description });
}

function param(ctx: KoaContextWithOIDC, name: (typeof EXCHANGE_PARAMETERS)[number]): string | undefined {
  const value = ctx.oidc.params?.[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** Splits a space-delimited scope parameter; duplicates removed. */
function scopeList(value: string | undefined): string[] {
  return [...new Set((value ?? '').split(' ').filter((s) => s !== ''))];
}

/**
 * The user's token for the provider's own question to the registry: the subject token's claims without its binding
 * (`cnf`), signed anew for {@link RELAY_TOKEN_TTL} seconds. The registry requires a DPoP proof with a bound token, and
 * only the shell holds the key; this token goes from the provider to the registry and nowhere else.
 */
export function relayToken(subject: JWTPayload, setup: Pick<TokenExchangeSetup, 'privateKey' | 'kid' | 'issuer' | 'audience'>): Promise<string> {
  const { cnf: _cnf, jti: _jti, iat: _iat, exp: _exp, nbf: _nbf, ...claims } = subject;
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'RS256', typ: 'at+jwt', kid: setup.kid })
    .setIssuer(setup.issuer)
    .setAudience(setup.audience)
    .setIssuedAt()
    .setExpirationTime(`${RELAY_TOKEN_TTL}s`)
    .sign(setup.privateKey);
}

/** The grant handler to register with `provider.registerGrantType(TOKEN_EXCHANGE_GRANT, …)`. */
export function tokenExchangeHandler(setup: TokenExchangeSetup): (ctx: KoaContextWithOIDC) => Promise<void> {
  /** `jti`s of the proofs seen recently: a proof exchanges once. */
  const replay = new ReplayCache();
  return async (ctx) => {
    const { client, provider } = ctx.oidc;
    if (!client || client.clientId !== setup.shellClientId) throw new errors.UnauthorizedClient('only the shell exchanges tokens');

    const resource = param(ctx, 'resource');
    if (resource !== setup.audience) {
      throw refusal(errors.InvalidTarget, `resource must be ${setup.audience}: widget tokens are for the platform API only`);
    }
    if (param(ctx, 'subject_token_type') !== ACCESS_TOKEN_TYPE) {
      throw new errors.InvalidRequest(`subject_token_type must be ${ACCESS_TOKEN_TYPE}`);
    }
    const requestedType = param(ctx, 'requested_token_type');
    if (requestedType !== undefined && requestedType !== ACCESS_TOKEN_TYPE) {
      throw new errors.InvalidRequest(`requested_token_type must be ${ACCESS_TOKEN_TYPE}`);
    }
    const subjectToken = param(ctx, 'subject_token');
    const widget = param(ctx, 'digione_widget');
    const tenant = param(ctx, 'digione_tenant');
    const role = param(ctx, 'digione_role');
    const learner = param(ctx, 'digione_learner');
    if (!subjectToken) throw new errors.InvalidRequest('subject_token is missing');
    if (!widget || !tenant || !role) throw new errors.InvalidRequest('name the widget, tenant and role: digione_widget, digione_tenant, digione_role');
    if (!(ROLES as readonly string[]).includes(role)) throw new errors.InvalidRequest(`digione_role must be one of ${ROLES.join(', ')}`);
    if (param(ctx, 'digione_preview') !== undefined && widget !== PREVIEW_WIDGET) {
      throw new errors.InvalidRequest(`a preview token is asked for with digione_widget=${PREVIEW_WIDGET}`);
    }
    const requested = scopeList(param(ctx, 'scope'));
    const unknown = requested.filter((s) => !API_SCOPES.includes(s));
    if (unknown.length > 0) throw new errors.InvalidScope(`not platform API scopes: ${unknown.join(' ')}`, unknown.join(' '));

    // The subject token: the shell's own, for the platform, still valid. A widget's token is never exchanged again.
    let subject: JWTPayload;
    try {
      ({ payload: subject } = await jwtVerify(subjectToken, setup.publicKey, {
        issuer: setup.issuer,
        audience: setup.audience,
        typ: 'at+jwt',
        algorithms: ['RS256'],
        requiredClaims: ['sub', 'exp'],
      }));
    } catch {
      throw refusal(errors.InvalidGrant, 'subject_token is not a valid access token of this provider');
    }
    // A preview token (its `act` the admin) may be exchanged for the previewed dashboard's widgets; no other delegated one.
    const previewActor = subject[WIDGET_CLAIM.widget] === undefined ? previewActorOf(subject) : undefined;
    if (subject['client_id'] !== setup.shellClientId || (subject['act'] !== undefined && !previewActor) || subject[WIDGET_CLAIM.widget] !== undefined) {
      throw refusal(errors.InvalidGrant, 'subject_token must be the shell\'s own access token');
    }
    const previewOf = param(ctx, 'digione_preview');
    if (previewOf !== undefined && previewActor) throw refusal(errors.InvalidGrant, 'a preview token cannot start another preview');
    if (previewActor && (subject[WIDGET_CLAIM.tenant] !== tenant || subject[WIDGET_CLAIM.role] !== role)) {
      throw refusal(errors.InvalidGrant, 'a preview token reaches only the widgets of the dashboard it previews');
    }
    // Proof of possession: the caller holds the key the subject token is bound to.
    const jkt = boundThumbprint(subject);
    if (jkt === undefined) throw refusal(errors.InvalidGrant, 'subject_token must be bound to a key (DPoP)');
    try {
      await verifyDpopProof(ctx.get('DPoP') || undefined, { method: ctx.method, url: setup.tokenEndpoint, jkt, replay });
    } catch (error) {
      if (error instanceof DpopError) throw new errors.InvalidDpopProof(error.message);
      throw error;
    }
    const claims = identityClaimsFrom(subject);
    if (!claims) throw refusal(errors.InvalidGrant, 'subject_token has no subject');
    const accountId = claims.sub;
    const remaining = (subject.exp ?? 0) - Math.floor(Date.now() / 1000);
    if (remaining < 1) throw refusal(errors.InvalidGrant, 'subject_token has expired');

    // The user must hold the role in the tenant (and, as a guardian, act for the child there): the token's own claims.
    const user = toPlatformUser(claims, setup.tenants);
    if (previewOf !== undefined) return issuePreview(ctx, setup, { subject, user, persona: previewOf, tenant, role: role as Role, jkt, remaining });
    if (!user.roles.some((r) => r.role === role && r.tenant === tenant)) {
      throw refusal(errors.InvalidGrant, `the user does not act as ${role} in ${tenant}`);
    }
    if (learner !== undefined && (role !== 'guardian' || !user.children.some((c) => c.learnerOid === learner && c.tenant === tenant))) {
      throw refusal(errors.InvalidGrant, 'digione_learner must be a child the guardian acts for in that tenant');
    }

    const approval = await setup.approvals({
      widget,
      tenant,
      role: role as Role,
      subjectToken: await relayToken(subject, setup),
      ...(previewActor ? { preview: true } : {}),
    });
    if (!approval) throw refusal(errors.InvalidTarget, `widget ${widget} is not approved for the ${role} dashboard of ${tenant}`);
    const allowed = new Set(ROLE_SCOPES[role as Role]);
    const granted = requested.filter(
      (s) => approval.manifestScopes.includes(s) && approval.policyScopes.includes(s) && allowed.has(s),
    );

    const { AccessToken, ResourceServer } = provider as unknown as {
      AccessToken: new (init: UnknownObject) => {
        save(): Promise<string>;
        setThumbprint(kind: 'jkt', thumbprint: string): void;
        expiration: number;
        scope?: string;
      };
      ResourceServer: new (identifier: string, info: UnknownObject) => object;
    };
    const token = new AccessToken({
      accountId,
      client,
      gty: 'token-exchange',
      ...(granted.length > 0 ? { scope: granted.join(' ') } : {}),
      resourceServer: new ResourceServer(setup.audience, setup.resourceServerInfo),
      expiresIn: Math.min(setup.ttl, remaining),
    });
    token.setThumbprint('jkt', jkt);
    setup.claimsFor.set(token, {
      [WIDGET_CLAIM.widget]: widget,
      [WIDGET_CLAIM.tenant]: tenant,
      [WIDGET_CLAIM.role]: role,
      ...(learner === undefined ? {} : { [WIDGET_CLAIM.learner]: learner }),
      // From a preview, the admin stays in the chain (RFC 8693 §4.1 nested `act`) and the token stays read-only.
      act: previewActor ? { sub: setup.shellClientId, act: subject['act'] } : { sub: setup.shellClientId },
      ...(previewActor ? { [PREVIEW_CLAIM]: true } : {}),
    });
    const value = await token.save();
    ctx.body = {
      access_token: value,
      issued_token_type: ACCESS_TOKEN_TYPE,
      token_type: 'DPoP',
      expires_in: token.expiration,
      // RFC 6749 §5.1: the granted scope, which may be narrower than the request (possibly empty).
      scope: granted.join(' '),
    };
  };
}

/** The `digione_widget` a preview token request names: the preview is the shell's, not a widget's. */
export const PREVIEW_WIDGET = 'digione.preview';

/** oidc-provider's access token model, as the handlers use it. */
interface AccessTokenModel {
  save(): Promise<string>;
  setThumbprint(kind: 'jkt', thumbprint: string): void;
  expiration: number;
  scope?: string;
}

/**
 * Issues a preview token (RFC 8693 impersonation): the subject becomes the preview persona, `act` names the admin
 * (with their MPASSid uid, so that the registry can check them against the tenant's admins itself), bound to the
 * admin's DPoP key, at most {@link PREVIEW_TOKEN_TTL} seconds, no refresh token. Only an admin of the tenant, only a
 * designated preview persona of that tenant who holds the role there.
 */
async function issuePreview(
  ctx: KoaContextWithOIDC,
  setup: TokenExchangeSetup,
  request: { subject: JWTPayload; user: ReturnType<typeof toPlatformUser>; persona: string; tenant: string; role: Role; jkt: string; remaining: number },
): Promise<void> {
  const { subject, user, persona, tenant, role, jkt, remaining } = request;
  if (role === 'admin') throw refusal(errors.InvalidGrant, 'the admin dashboard is not previewed');
  if (!user.roles.some((r) => r.role === 'admin' && r.tenant === tenant)) {
    throw refusal(errors.InvalidGrant, `only an admin of ${tenant} may preview its dashboards`);
  }
  const adminUid = subject[CLAIM.mpassUid];
  if (typeof adminUid !== 'string') throw refusal(errors.InvalidGrant, 'the admin\'s token has no MPASSid uid');
  const claims = setup.previewPersona?.(persona, tenant);
  if (!claims) throw refusal(errors.InvalidGrant, `${persona} is not a preview persona of ${tenant}: only the tenant's test accounts can be previewed`);
  if (!toPlatformUser(claims, setup.tenants).roles.some((r) => r.role === role && r.tenant === tenant)) {
    throw refusal(errors.InvalidGrant, `the preview persona ${persona} is not a ${role} in ${tenant}`);
  }
  const { client, provider } = ctx.oidc;
  const { AccessToken, ResourceServer } = provider as unknown as {
    AccessToken: new (init: UnknownObject) => AccessTokenModel;
    ResourceServer: new (identifier: string, info: UnknownObject) => object;
  };
  const token = new AccessToken({
    accountId: persona,
    client,
    gty: 'token-exchange',
    resourceServer: new ResourceServer(setup.audience, setup.resourceServerInfo),
    expiresIn: Math.min(PREVIEW_TOKEN_TTL, setup.ttl, remaining),
  });
  token.setThumbprint('jkt', jkt);
  setup.claimsFor.set(token, {
    [WIDGET_CLAIM.tenant]: tenant,
    [WIDGET_CLAIM.role]: role,
    [PREVIEW_CLAIM]: true,
    act: { sub: subject.sub, [CLAIM.mpassUid]: adminUid, name: user.displayName },
  });
  const value = await token.save();
  setup.auditPreview?.({ when: new Date().toISOString(), admin: String(subject.sub), persona, tenant, role });
  ctx.body = { access_token: value, issued_token_type: ACCESS_TOKEN_TYPE, token_type: 'DPoP', expires_in: token.expiration, scope: '' };
}
