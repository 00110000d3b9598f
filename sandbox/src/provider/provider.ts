import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { toPlatformUser, type TenantConfig } from '@digione/sdk/identity';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, jwtVerify } from 'jose';
import Provider, {
  errors,
  type Account,
  type AccessToken,
  type ClientCredentials,
  type Configuration,
  type ErrorOut,
  type Grant,
  type KoaContextWithOIDC,
  type UnknownObject,
} from 'oidc-provider';
import { claimsOf, PROFILE_CLAIMS } from '../data/claims.ts';
import { SIGN_IN_PERSONA_RECORDS, personaBySub, personaByUsername, SANDBOX_PASSWORD } from '../data/people.ts';
import { SANDBOX_TENANTS } from '../data/tenants.ts';
import { listenOnHost, readForm, sendHtml, sendJson } from './http.ts';
import { pickLocale, type PageLocale } from './i18n.ts';
import {
  EXCHANGE_PARAMETERS,
  TOKEN_EXCHANGE_GRANT,
  tokenExchangeHandler,
  WIDGET_TOKEN_TTL,
  type PreviewAudit,
  type WidgetApprovals,
} from './token-exchange.ts';
import { errorPage, loginPage, logoutPage, signedOutPage, SIGN_IN_SOURCES, type Page, type SignInSource } from './pages.ts';

/** The shell, the platform's only OpenID client (public, PKCE). */
export const SHELL_CLIENT_ID = 'digione-shell';
/** Resource indicator and `aud` of the access tokens the platform's servers accept. */
export const PLATFORM_AUDIENCE = 'urn:digione:platform';
/** Access token lifetime in seconds (default; {@link IdentityProviderOptions.accessTokenTtl} shortens it for tests). */
export const ACCESS_TOKEN_TTL = 600;
/** How long a sign-in lasts (the provider session, and the refresh tokens bound to it): a school day. */
export const SESSION_TTL = 12 * 60 * 60;

const CLIENT_SCOPES = 'openid profile offline_access';
/** oidc-provider's token endpoint (its default route). */
const TOKEN_PATH = '/token';
/** The tenant's preview personas ("Preview as", docs/decisions/0008-preview-as.md): `GET ?tenant=`. */
export const PREVIEW_PERSONAS_PATH = '/preview-personas';
/** Scopes an access token for the platform carries. */
const PLATFORM_SCOPES = 'openid profile';

/** Options of {@link startIdentityProvider}. */
export interface IdentityProviderOptions {
  /** Port to listen on; it must be the issuer's port. */
  port: number;
  /** Issuer URL, e.g. `http://localhost:4174` (no trailing slash). */
  issuer: string;
  /** The shell's origin, e.g. `http://localhost:4173`: CORS, redirect URI and post-logout redirect URI derive from it. */
  shellOrigin: string;
  /**
   * The platform's tenants (manifests/tenants/*.json); default the sandbox's own. The provider checks at start that
   * the personas fit them (their tenants exist, the admin persona is an admin) and warns about any drift.
   */
  tenants?: readonly TenantConfig[];
  /** Redirect URIs of the shell; default `<shellOrigin>/auth/callback`. */
  redirectUris?: readonly string[];
  /** Post-logout redirect URIs of the shell; default `<shellOrigin>/`. */
  postLogoutRedirectUris?: readonly string[];
  /** Host name to listen on; default the issuer's host name. */
  host?: string;
  /**
   * Access token (and id_token) lifetime in seconds; default {@link ACCESS_TOKEN_TTL}. Tests shorten it to a few
   * seconds to make the shell renew often (`DIGIONE_ACCESS_TOKEN_TTL` in scripts/platform.ts).
   */
  accessTokenTtl?: number;
  /** How long a sign-in lasts in seconds; default {@link SESSION_TTL} (12 h). */
  sessionTtl?: number;
  /**
   * The RS256 key pair to sign with (extractable); default a new one per start. Tests that restart the provider pass
   * one, so that servers which cached its JWKS keep accepting its tokens.
   */
  signingKeys?: { privateKey: CryptoKey; publicKey: CryptoKey };
  /**
   * Where the token exchange (RFC 8693) reads what a tenant approved for a widget; without it the shell cannot
   * exchange its token for widgets' tokens. scripts/platform.ts passes {@link registryApprovals} of the registry.
   */
  widgetApprovals?: WidgetApprovals;
  /** Longest life of a widget's exchanged token in seconds; default {@link WIDGET_TOKEN_TTL}. */
  widgetTokenTtl?: number;
  /**
   * Tests only (no environment variable or CLI flag sets it): asked at each token request, how many milliseconds to
   * hold it before answering; 0 answers at once. A long hold is a token endpoint that hangs, for testing the shell's
   * timeouts. A held request whose client gives up is dropped unanswered.
   */
  tokenDelayMs?: () => number;
}

/** A running sandbox provider. */
export interface IdentityProvider {
  /** The issuer URL. */
  url: string;
  /** Every preview token issued since the start ("Preview as", docs/decisions/0008-preview-as.md), oldest first. */
  previews: readonly PreviewAudit[];
  close(): Promise<void>;
}

function stringParam(params: UnknownObject | undefined, name: string): string | undefined {
  const value = params?.[name];
  return typeof value === 'string' ? value : undefined;
}

function localeOf(ctx: KoaContextWithOIDC): PageLocale {
  // ctx.oidc is absent when an error happens before oidc-provider set up its context.
  const oidc: KoaContextWithOIDC['oidc'] | undefined = ctx.oidc;
  return pickLocale(stringParam(oidc?.params, 'ui_locales'), ctx.get('accept-language'));
}

function renderInto(ctx: KoaContextWithOIDC, page: Page): void {
  ctx.type = 'html';
  ctx.set('content-security-policy', page.csp);
  ctx.set('cache-control', 'no-store');
  ctx.body = page.html;
}

function sourceOf(value: string | null | undefined): SignInSource {
  return SIGN_IN_SOURCES.find((s) => s === value) ?? 'mpassid';
}

function positiveSeconds(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 1) throw new Error(`sandbox provider: ${name} must be a whole number of seconds ≥ 1, not ${value}`);
  return value;
}

/** Where the personas do not fit the tenant configuration, in words; empty when they do. */
export function personaDrift(tenants: readonly TenantConfig[]): string[] {
  const drift: string[] = [];
  for (const persona of SIGN_IN_PERSONA_RECORDS) {
    const user = toPlatformUser(claimsOf(persona), tenants);
    const expected = toPlatformUser(claimsOf(persona), SANDBOX_TENANTS);
    if (user.roleNames.join() !== expected.roleNames.join() || user.tenants.join() !== expected.tenants.join()) {
      drift.push(
        `persona "${persona.username}" maps to roles [${user.roleNames.join(', ')}] in [${user.tenants.join(', ')}] with the ` +
          `configured tenants, not [${expected.roleNames.join(', ')}] in [${expected.tenants.join(', ')}]: check manifests/tenants/*.json`,
      );
    }
  }
  return drift;
}

/** The claims of a persona without `sub`, for access tokens (oidc-provider sets `sub` itself). */
function tokenClaims(accountId: string): UnknownObject | undefined {
  const persona = personaBySub(accountId);
  if (!persona) return undefined;
  const { sub: _sub, ...rest } = claimsOf(persona);
  return rest;
}

/**
 * Starts the sandbox OpenID provider: MPASSid and Suomi.fi stand-in with the sandbox personas, its own sign-in page in
 * fi/sv/en, no consent for the shell, JWT access tokens for the platform and a userinfo endpoint that accepts them.
 */
export async function startIdentityProvider(options: IdentityProviderOptions): Promise<IdentityProvider> {
  const issuer = options.issuer.replace(/\/+$/, '');
  const issuerUrl = new URL(issuer);
  const shellOrigin = new URL(options.shellOrigin).origin;
  const tenants = options.tenants ?? SANDBOX_TENANTS;
  const redirectUris = options.redirectUris ?? [`${shellOrigin}/auth/callback`];
  const postLogoutRedirectUris = options.postLogoutRedirectUris ?? [`${shellOrigin}/`];
  const formTargets = [...new Set([...redirectUris, ...postLogoutRedirectUris].map((u) => new URL(u).origin))];
  const accessTokenTtl = positiveSeconds(options.accessTokenTtl, ACCESS_TOKEN_TTL, 'accessTokenTtl');
  const sessionTtl = positiveSeconds(options.sessionTtl, SESSION_TTL, 'sessionTtl');
  const widgetTokenTtl = positiveSeconds(options.widgetTokenTtl, WIDGET_TOKEN_TTL, 'widgetTokenTtl');
  /** Widget claims of the exchanged token being issued, handed from the grant handler to `extraTokenClaims`. */
  const exchangeClaims = new WeakMap<object, UnknownObject>();
  const platformResourceServer = {
    scope: PLATFORM_SCOPES,
    audience: PLATFORM_AUDIENCE,
    accessTokenTTL: accessTokenTtl,
    accessTokenFormat: 'jwt',
    jwt: { sign: { alg: 'RS256' } },
  } as const;

  // One signing key per process: tokens do not survive a restart, which suits a sandbox.
  const { privateKey, publicKey } = options.signingKeys ?? (await generateKeyPair('RS256', { extractable: true }));
  const jwk = await exportJWK(privateKey);
  const kid = await calculateJwkThumbprint(jwk);

  for (const drift of personaDrift(tenants)) console.warn(`sandbox provider: ${drift}`);

  const configuration: Configuration = {
    clients: [
      {
        client_id: SHELL_CLIENT_ID,
        client_name: 'DigiOne',
        application_type: 'web',
        token_endpoint_auth_method: 'none',
        grant_types: ['authorization_code', 'refresh_token', ...(options.widgetApprovals ? [TOKEN_EXCHANGE_GRANT] : [])],
        response_types: ['code'],
        redirect_uris: redirectUris,
        post_logout_redirect_uris: postLogoutRedirectUris,
        scope: CLIENT_SCOPES,
        // The shell warns before the sign-in's 12 hours run out; it counts them from auth_time.
        require_auth_time: true,
        // RFC 9449: every token request carries a proof of the shell's key; access and refresh tokens are bound to it.
        dpop_bound_access_tokens: true,
      },
    ],
    jwks: { keys: [{ ...jwk, kid, alg: 'RS256', use: 'sig' }] },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    scopes: ['openid', 'profile', 'offline_access'],
    claims: { openid: ['sub'], profile: [...PROFILE_CLAIMS] },
    // Custom claims go into the id_token too, not only userinfo.
    conformIdTokenClaims: false,
    pkce: { required: () => true },
    responseTypes: ['code'],
    ttl: {
      AccessToken: accessTokenTtl,
      AuthorizationCode: 60,
      IdToken: accessTokenTtl,
      Interaction: 30 * 60,
      Session: sessionTtl,
      Grant: sessionTtl,
      // A rotated token inherits what is left of its predecessor's lifetime: a sign-in lasts a school day at most.
      RefreshToken: (ctx) => ctx.oidc.entities.RotatedRefreshToken?.remainingTTL ?? sessionTtl,
    },
    rotateRefreshToken: true,
    // The shell gets a refresh token without prompt=consent (which would strip offline_access): it is first-party.
    issueRefreshToken: (_ctx, client) => client.grantTypeAllowed('refresh_token') && client.clientId === SHELL_CLIENT_ID,
    // Signing out at the provider ends the shell's refresh tokens too (shared school computers).
    expiresWithSession: () => true,
    clientBasedCORS: (_ctx, origin) => origin === shellOrigin,
    async findAccount(_ctx, sub): Promise<Account | undefined> {
      const persona = personaBySub(sub);
      if (!persona) return undefined;
      return { accountId: persona.sub, claims: () => claimsOf(persona) };
    },
    async extraTokenClaims(_ctx, token: AccessToken | ClientCredentials): Promise<UnknownObject | undefined> {
      if (token.kind !== 'AccessToken') return undefined;
      const identity = tokenClaims(token.accountId);
      const widget = exchangeClaims.get(token);
      return widget ? { ...identity, ...widget } : identity;
    },
    async loadExistingGrant(ctx): Promise<Grant | undefined> {
      const { client, session } = ctx.oidc;
      if (!client || !session) return undefined;
      const grantId = ctx.oidc.result?.consent?.grantId ?? session.grantIdFor(client.clientId);
      const existing = grantId ? await ctx.oidc.provider.Grant.find(grantId) : undefined;
      if (client.clientId !== SHELL_CLIENT_ID || !session.accountId) return existing;
      // First-party client: grant what it asks for without a consent page.
      const grant =
        existing && existing.accountId === session.accountId
          ? existing
          : new ctx.oidc.provider.Grant({ clientId: client.clientId, accountId: session.accountId });
      grant.addOIDCScope(CLIENT_SCOPES);
      grant.addOIDCClaims([...PROFILE_CLAIMS]);
      grant.addResourceScope(PLATFORM_AUDIENCE, PLATFORM_SCOPES);
      await grant.save();
      return grant;
    },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    features: {
      devInteractions: { enabled: false },
      // DPoP (RFC 9449). Nonces are not required, but a proof whose `iat` is off (a device clock minutes or hours
      // wrong) is answered with one to use instead of being refused: oidc-client-ts retries with it.
      dPoP: { enabled: true, nonceSecret: randomBytes(32), requireNonce: () => false },
      revocation: { enabled: true },
      // oidc-provider's userinfo refuses access tokens that have an audience; ours (below) accepts the platform's.
      userinfo: { enabled: false },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => PLATFORM_AUDIENCE,
        useGrantedResource: () => true,
        getResourceServerInfo: (_ctx, resourceIndicator) => {
          if (resourceIndicator !== PLATFORM_AUDIENCE) throw new errors.InvalidTarget();
          return { ...platformResourceServer, jwt: { sign: { alg: 'RS256' } } };
        },
      },
      rpInitiatedLogout: {
        enabled: true,
        async logoutSource(ctx, form) {
          const redirect = stringParam(ctx.oidc.params, 'post_logout_redirect_uri');
          const auto = ctx.oidc.entities.IdTokenHint !== undefined && redirect !== undefined;
          renderInto(ctx, logoutPage({ locale: localeOf(ctx), form, auto, formTargets }));
        },
        async postLogoutSuccessSource(ctx) {
          renderInto(ctx, signedOutPage(localeOf(ctx)));
        },
      },
    },
    discovery: {
      userinfo_endpoint: `${issuer}/me`,
      ui_locales_supported: ['fi', 'sv', 'en'],
      // Not standard: how long a sign-in lasts from auth_time, so that the shell can warn before it ends.
      digione_session_ttl: sessionTtl,
    },
    async renderError(ctx, out: ErrorOut) {
      const details: Record<string, string> = {};
      for (const [key, value] of Object.entries(out)) if (typeof value === 'string') details[key] = value;
      renderInto(ctx, errorPage(localeOf(ctx), details));
    },
  };

  const provider = new Provider(issuer, configuration);
  const previews: PreviewAudit[] = [];
  if (options.widgetApprovals) {
    provider.registerGrantType(
      TOKEN_EXCHANGE_GRANT,
      tokenExchangeHandler({
        issuer,
        audience: PLATFORM_AUDIENCE,
        shellClientId: SHELL_CLIENT_ID,
        publicKey,
        privateKey,
        kid,
        tenants,
        approvals: options.widgetApprovals,
        ttl: Math.min(widgetTokenTtl, accessTokenTtl),
        resourceServerInfo: { ...platformResourceServer, jwt: { sign: { alg: 'RS256' } } },
        claimsFor: exchangeClaims,
        tokenEndpoint: `${issuer}${TOKEN_PATH}`,
        previewPersona(sub, tenant) {
          const persona = personaBySub(sub);
          return persona?.preview === true && persona.tenant === tenant ? claimsOf(persona) : undefined;
        },
        auditPreview(entry) {
          previews.push(entry);
          console.log(`sandbox provider: preview token: ${entry.admin} previews the ${entry.role} dashboard of ${entry.tenant} as ${entry.persona}`);
        },
      }),
      [...EXCHANGE_PARAMETERS],
    );
  }
  const oidcCallback = provider.callback();

  /** The language of a page about an interaction: an explicit choice, then what the shell asked for. */
  const interactionLocale = (explicit: string | null | undefined, params: UnknownObject): PageLocale =>
    pickLocale(explicit ?? undefined, stringParam(params, 'ui_locales'));

  const renderLogin = (
    res: ServerResponse,
    uid: string,
    locale: PageLocale,
    source: SignInSource,
    extra: { username?: string; error?: 'wrongCredentials' | 'missingCredentials' } = {},
  ): void => {
    const base = `/interaction/${encodeURIComponent(uid)}`;
    const sourceQuery = source === 'mpassid' ? '' : `&source=${source}`;
    sendHtml(
      res,
      200,
      loginPage({
        locale,
        action: `${base}/login`,
        abortHref: `${base}/abort`,
        languageHref: (l) => `${base}?lang=${l}${sourceQuery}`,
        sourceHref: (s) => `${base}?lang=${locale}${s === 'mpassid' ? '' : `&source=${s}`}`,
        source,
        formTargets,
        personas: SIGN_IN_PERSONA_RECORDS,
        ...extra,
      }),
    );
  };

  async function interaction(req: IncomingMessage, res: ServerResponse, uid: string, action: string, url: URL): Promise<void> {
    let details;
    try {
      details = await provider.interactionDetails(req, res);
    } catch {
      // No or expired interaction cookie: the sign-in was finished already or took too long.
      sendHtml(res, 400, errorPage(pickLocale(url.searchParams.get('lang') ?? undefined, req.headers['accept-language']), {}, true));
      return;
    }
    if (details.uid !== uid) {
      sendHtml(res, 400, errorPage(interactionLocale(null, details.params), {}, true));
      return;
    }
    if (action === '/abort') {
      await provider.interactionFinished(
        req,
        res,
        { error: 'access_denied', error_description: 'End-User aborted interaction' },
        { mergeWithLastSubmission: false },
      );
      return;
    }
    if (action === '/login' && req.method === 'POST') {
      const form = await readForm(req);
      const locale = interactionLocale(form?.get('lang'), details.params);
      const source = sourceOf(form?.get('source'));
      const username = (form?.get('username') ?? '').trim();
      const password = form?.get('password') ?? '';
      if (username === '' || password === '') {
        renderLogin(res, uid, locale, source, { username, error: 'missingCredentials' });
        return;
      }
      // Either form signs any persona in: the page only suggests where each belongs, so that scripts and tests that
      // fill the first form keep working. The persona's claims name the service it really came from (idp).
      const persona = personaByUsername(username);
      if (!persona || password !== SANDBOX_PASSWORD) {
        renderLogin(res, uid, locale, source, { username, error: 'wrongCredentials' });
        return;
      }
      await provider.interactionFinished(
        req,
        res,
        // remember: false keeps the session cookie to the browser session (shared school computers).
        { login: { accountId: persona.sub, amr: ['pwd'], remember: false } },
        { mergeWithLastSubmission: false },
      );
      return;
    }
    if (action === '' && (req.method === 'GET' || req.method === 'HEAD')) {
      renderLogin(res, uid, interactionLocale(url.searchParams.get('lang'), details.params), sourceOf(url.searchParams.get('source')));
      return;
    }
    res.writeHead(405, { allow: action === '/login' ? 'POST' : 'GET' }).end();
  }

  async function userinfo(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const origin = req.headers.origin;
    const cors: Record<string, string> = origin === shellOrigin ? { 'access-control-allow-origin': origin, vary: 'Origin' } : { vary: 'Origin' };
    if (req.method === 'OPTIONS') {
      res.writeHead(204, {
        ...cors,
        'access-control-allow-methods': 'GET, POST',
        'access-control-allow-headers': 'Authorization, Content-Type',
        'access-control-max-age': '600',
      });
      res.end();
      return;
    }
    if (req.method !== 'GET' && req.method !== 'POST') {
      res.writeHead(405, { allow: 'GET, POST' }).end();
      return;
    }
    const refuse = (error: string, description: string): void => {
      sendJson(res, 401, { error, error_description: description }, {
        ...cors,
        'www-authenticate': `Bearer realm="${issuer}", error="${error}", error_description="${description}"`,
      });
    };
    const match = /^Bearer ([A-Za-z0-9\-._~+/]+=*)$/.exec(req.headers.authorization ?? '');
    if (!match?.[1]) {
      refuse('invalid_request', 'no bearer access token');
      return;
    }
    try {
      const { payload } = await jwtVerify(match[1], publicKey, {
        issuer,
        audience: PLATFORM_AUDIENCE,
        typ: 'at+jwt',
        algorithms: ['RS256'],
      });
      if (payload['act'] !== undefined) {
        refuse('invalid_token', 'a widget\'s token is for the platform API only');
        return;
      }
      const persona = typeof payload.sub === 'string' ? personaBySub(payload.sub) : undefined;
      if (!persona) {
        refuse('invalid_token', 'unknown subject');
        return;
      }
      sendJson(res, 200, claimsOf(persona), cors);
    } catch {
      refuse('invalid_token', 'access token is invalid or expired');
    }
  }

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', issuer);
    if (url.pathname === '/health') {
      sendJson(res, 200, { status: 'ok' });
      return;
    }
    if (url.pathname === '/me') {
      await userinfo(req, res);
      return;
    }
    if (url.pathname === PREVIEW_PERSONAS_PATH && req.method === 'GET') {
      // "Preview as": the tenant's designated test accounts and the roles they preview. Test accounts only, names and
      // roles only: nothing about a real person, so the list needs no token (the exchange checks the admin).
      const tenant = url.searchParams.get('tenant') ?? '';
      const personas = SIGN_IN_PERSONA_RECORDS.filter((p) => p.preview === true && p.tenant === tenant).map((p) => ({
        sub: p.sub,
        name: `${p.givenName} ${p.familyName}`,
        description: p.description,
        roles: toPlatformUser(claimsOf(p), tenants).roleNames,
      }));
      const origin = req.headers.origin;
      sendJson(res, 200, { personas }, origin === shellOrigin ? { 'access-control-allow-origin': origin, vary: 'Origin' } : { vary: 'Origin' });
      return;
    }
    if (options.tokenDelayMs && req.method === 'POST' && url.pathname === TOKEN_PATH) {
      const delay = options.tokenDelayMs();
      if (delay > 0) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, delay);
          res.once('close', () => {
            clearTimeout(timer);
            resolve();
          });
        });
        if (res.destroyed || res.writableEnded) return;
      }
    }
    const interactionPath = /^\/interaction\/([A-Za-z0-9_-]+)(\/login|\/abort)?$/.exec(url.pathname);
    if (interactionPath?.[1]) {
      await interaction(req, res, interactionPath[1], interactionPath[2] ?? '', url);
      return;
    }
    oidcCallback(req, res);
  }

  const listening = await listenOnHost(
    (req, res) => {
      route(req, res).catch((error: unknown) => {
        console.error('sandbox provider:', error);
        if (!res.headersSent) sendJson(res, 500, { error: 'server_error' });
        else res.end();
      });
    },
    options.host ?? issuerUrl.hostname,
    options.port,
  );

  return {
    url: issuer,
    previews,
    close: () => listening.close(),
  };
}
