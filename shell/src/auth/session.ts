import type { DPoPState, User, UserManager } from 'oidc-client-ts';
import { config } from '../config.js';
import { currentLocale } from '../locale/locale.js';
import { signProof } from './dpop.js';
import { dpopKeyOf, IndexedDbStateStore } from './idb-store.js';
import { WidgetTokens, type WidgetTokenRequest } from './widget-tokens.js';

const CALLBACK_PATH = '/auth/callback';
/** Prefix of every key the shell itself keeps in localStorage / sessionStorage. */
const SHELL_PREFIX = 'digione.';
/** Prefix of oidc-client-ts's keys (the user, pending sign-in states). */
const OIDC_PREFIX = 'oidc.';
/** Per-user preferences that outlive a sign-out: keyed by a hash of `sub`, they name no one (see docs/security.md). */
export const PREFERENCE_PREFIX = 'digione.pref.';
/** The device's language choice (locale/locale.ts) outlives a sign-out too: it is no one's data. */
const DEVICE_KEYS: ReadonlySet<string> = new Set(['digione.locale']);
const SIGNED_OUT_FLAG = 'digione.signedOut';
/** The Web Lock every tab of the shell takes before it uses the (shared, rotating) refresh token. */
export const RENEWAL_LOCK = 'digione-token-renewal';
/** The Web Lock a tab takes to create the session's DPoP key, so that tabs signing in at once make only one. */
const DPOP_KEY_LOCK = 'digione-dpop-key';
/** Tabs of the shell tell each other about renewals and sign-out on this channel. */
const CHANNEL_NAME = 'digione-session';
/** Set at sign-out: the storage event tells tabs that BroadcastChannel missed (belt and braces). */
const SIGN_OUT_MARK = 'digione.signOut';
/** Renew at most this long before the access token expires. */
const MAX_RENEW_LEAD_S = 60;
/** Warn at most this long before the sign-in can no longer be extended. */
const MAX_WARNING_LEAD_S = 5 * 60;
/** Retry a renewal that could not reach the provider after this long, doubling up to 30 s. */
const RETRY_FIRST_MS = 2000;
/**
 * Longest wait for any answer of the provider (token, userinfo, discovery). oidc-client-ts 3.5 applies its
 * `requestTimeoutInSeconds` to the code exchange but not to a refresh through `signinSilent()` unless it is passed
 * again there: without it a token endpoint that accepts the connection and never answers held the renewal lock, and
 * so every tab's renewal, for ever (e2e `identity-failures`, "a token endpoint that hangs").
 */
const REQUEST_TIMEOUT_S = 10;
/**
 * How far the device's clock may be from the provider's before the shell says so. Nothing in the sign-in depends on
 * the two agreeing (see {@link measureClock}), but times the dashboard shows (the end of the sign-in, "now" in a
 * schedule) are the device's: beyond this the user is asked to set the clock right.
 */
export const CLOCK_SKEW_TOLERANCE_S = 5 * 60;
/** The last measured offset of the provider's clock from the device's, in ms, kept for reloads of this tab. */
const CLOCK_SKEW_KEY = 'digione.clockSkew';

const userStore = new IndexedDbStateStore();
/** Where the session's DPoP key pair (RFC 9449) is kept in {@link userStore}: every token the shell gets is bound to it. */
const DPOP_KEY = dpopKeyOf(config.clientId);

/** oidc-client-ts, once loaded (see {@link userManager}). */
let oidc: typeof import('oidc-client-ts') | undefined;
let manager: Promise<UserManager> | undefined;

/**
 * The shell's single OpenID client. Tokens stay in this module and the platform API client; widgets never get them.
 *
 * oidc-client-ts (~20 kB gzipped) is loaded only when the code flow, a renewal or the sign-out needs it: a signed-in
 * reload reads the stored user itself ({@link storedUser}) and shows the dashboard without it.
 */
export function userManager(): Promise<UserManager> {
  manager ??= Promise.all([import('oidc-client-ts'), import('./dpop-store.js')]).then(([loaded, { IndexedDbDpopStore }]) => {
    oidc = loaded;
    return new loaded.UserManager({
      authority: config.authority,
      client_id: config.clientId,
      redirect_uri: new URL(CALLBACK_PATH, location.origin).href,
      post_logout_redirect_uri: new URL('/', location.origin).href,
      response_type: 'code',
      scope: 'openid profile offline_access',
      loadUserInfo: true, // real MPASSid may deliver its claims only through userinfo
      // oidc-client-ts's default list without auth_time: the end-of-sign-in warning counts from it.
      filterProtocolClaims: ['nbf', 'jti', 'nonce', 'acr', 'amr', 'azp', 'at_hash'],
      // oidc-client-ts renews on its own without any cross-tab coordination: with one rotating refresh token shared
      // by every tab that races into invalid_grant and ends the sign-in. This module renews instead, under a Web Lock.
      automaticSilentRenew: false,
      requestTimeoutInSeconds: REQUEST_TIMEOUT_S,
      // Shared by the tabs of this origin, so that they share one refresh token family (docs/security.md).
      userStore,
      stateStore: new loaded.WebStorageStateStore({ store: localStorage }),
      // Sender-constrained tokens: a proof of the session's key on every token request (code, refresh). The key is
      // non-extractable, kept beside the user in IndexedDB, and the same for every tab (see ensureDpopKey).
      dpop: { store: new IndexedDbDpopStore(userStore) },
    });
  });
  manager.catch(() => {
    manager = undefined; // a failed download (offline) is tried again next time
  });
  return manager;
}

/** What the shell reads of the signed-in user: oidc-client-ts's `User`, or the same fields read from its store. */
export type SessionUser = Pick<User, 'access_token' | 'refresh_token' | 'id_token' | 'expires_in' | 'expired' | 'profile'>;

/** The key oidc-client-ts keeps the user under in {@link userStore}. */
const USER_KEY = `user:${config.authority}:${config.clientId}`;

/**
 * The signed-in user as oidc-client-ts stored it, or null: the same read as its `getUser()`, without loading it.
 * Expiry is computed as it does (whole seconds since the epoch).
 */
export async function storedUser(): Promise<SessionUser | null> {
  if (preview) return preview.user;
  if (oidc) return (await userManager()).getUser();
  const text = await userStore.get(USER_KEY);
  if (!text) return null;
  const stored = JSON.parse(text) as Pick<User, 'access_token' | 'refresh_token' | 'id_token' | 'profile' | 'expires_at'>;
  const expiresIn = stored.expires_at === undefined ? undefined : stored.expires_at - Math.floor(Date.now() / 1000);
  return { ...stored, expires_in: expiresIn, expired: expiresIn === undefined ? undefined : expiresIn <= 0 };
}

let metadata: Promise<Record<string, unknown>> | undefined;

/**
 * "Preview as" (docs/decisions/0008-preview-as.md): on the /preview page, the session is the preview token the admin's
 * page handed over, with the admin's DPoP key, in memory only: nothing is read from or written to the session store,
 * nothing renews or signs out. Set once by admin/preview-page.ts before the dashboard loads.
 */
let preview: { user: SessionUser; keys: CryptoKeyPair } | undefined;
export const usePreviewSession = (session: typeof preview): void => void (preview = session);

/** The provider's discovery document, fetched once per page without loading oidc-client-ts (a failure is retried). */
function discovery(): Promise<Record<string, unknown>> {
  metadata ??= fetch(`${config.authority.replace(/\/$/, '')}/.well-known/openid-configuration`, {
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_S * 1000),
  }).then(async (response) => {
    if (!response.ok) throw new Error(`auth.discovery: the provider answered ${response.status}`);
    return (await response.json()) as Record<string, unknown>;
  });
  metadata.catch(() => {
    metadata = undefined;
  });
  return metadata;
}

/** Why a session ended. */
export type SessionEnd = 'signed-out' | 'expired';

/** What the session tells the layout. */
export interface SessionListener {
  /** Tokens were renewed (here or in another tab): claims, and so roles, may have changed. */
  renewed?(user: SessionUser): void;
  /** The session ended here or in another tab. */
  ended?(reason: SessionEnd): void;
  /** Renewal cannot reach the provider (true) or works again (false). */
  renewalTrouble?(failing: boolean): void;
  /** The sign-in ends at `endsAt` (ms since the epoch) and renewal cannot extend it; undefined clears the warning. */
  endingSoon?(endsAt: number | undefined): void;
  /**
   * The device's clock is off from the provider's by more than {@link CLOCK_SKEW_TOLERANCE_S}: `aheadMs` is how far
   * the device is ahead (negative: behind); undefined when it is within the tolerance again.
   */
  clockSkew?(aheadMs: number | undefined): void;
}

/** OAuth errors of the token endpoint after which the refresh token can never work again. */
const SIGN_IN_OVER: ReadonlySet<string> = new Set(['invalid_grant', 'invalid_client', 'unauthorized_client', 'invalid_scope']);

/** A renewal that failed for a reason other than the provider refusing it (network, timeout, 5xx). */
export class RenewalUnavailableError extends Error {
  constructor(cause: unknown) {
    super(`auth.renewal-unavailable: the sign-in service could not be reached (${String(cause)})`, { cause });
    this.name = 'RenewalUnavailableError';
  }
}

const listeners = new Set<SessionListener>();
let renewTimer: ReturnType<typeof setTimeout> | undefined;
let warningTimer: ReturnType<typeof setTimeout> | undefined;
let retryMs = RETRY_FIRST_MS;
let failing = false;
let ended = false;
/**
 * This tab is signing out: it leaves for the provider's sign-out page and comes back to the signed-out notice. Until
 * then nothing else may end its session (a renewal settling late, another tab's clearing), or the notice's mark
 * would be used up before the page that shows it loads.
 */
let signingOut = false;
let channel: BroadcastChannel | undefined;

/** Subscribes to session events; returns the unsubscribe function. */
export function onSession(listener: SessionListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function emit<K extends keyof SessionListener>(name: K, ...args: Parameters<NonNullable<SessionListener[K]>>): void {
  for (const listener of [...listeners]) {
    const fn = listener[name] as ((...a: typeof args) => void) | undefined;
    fn?.(...args);
  }
}

/** Whether this page load is the provider sending the user back with a code. */
export function isCallback(): boolean {
  return location.pathname === CALLBACK_PATH;
}

/** The session's DPoP key pair, if it has one. */
async function dpopKeys(): Promise<CryptoKeyPair | undefined> {
  if (preview) return preview.keys;
  return ((await userStore.value(DPOP_KEY)) as DPoPState | undefined)?.keys;
}

/**
 * Creates the session's DPoP key unless there is one. oidc-client-ts would create it on its first token request,
 * without coordination: two tabs signing in at once could then bind their tokens to different keys, and the renewals
 * of the one whose key was overwritten would fail. Created once, under a Web Lock, every tab uses the same key.
 */
async function ensureDpopKey(): Promise<void> {
  const create = async (): Promise<void> => {
    if (await dpopKeys()) return;
    const keys = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify']);
    await userStore.put(DPOP_KEY, { keys });
  };
  await ('locks' in navigator ? navigator.locks.request(DPOP_KEY_LOCK, create) : create());
}

/**
 * The `Authorization` (and `DPoP`) headers for a call to `url` with `token`, the shell's or a widget's: the `DPoP`
 * scheme with a fresh proof of the session's key, as the registry and the API require for bound tokens.
 */
export async function authorizationFor(method: string, url: string, token: string): Promise<Record<string, string>> {
  const keys = await dpopKeys();
  // No key: a session from before DPoP, whose unbound tokens the servers still take as bearer tokens.
  if (!keys) return { Authorization: `Bearer ${token}` };
  return { Authorization: `DPoP ${token}`, DPoP: await signProof(keys, method, url, token, providerOffsetMs()) };
}

/** {@link authorizationFor} with the shell's own access token (renewed first when it is about to expire). */
export async function authorization(method: string, url: string): Promise<Record<string, string>> {
  return authorizationFor(method, url, await accessToken());
}

/** Sends the user to the provider's sign-in page in the active language; `fresh` asks for the password again. */
export async function signIn(fresh = false): Promise<void> {
  sessionStorage.removeItem(SIGNED_OUT_FLAG);
  await ensureDpopKey();
  await (await userManager()).signinRedirect({
    extraQueryParams: { ui_locales: currentLocale() },
    ...(fresh ? { prompt: 'login' } : {}),
  });
}

/** Why a sign-in callback failed, for the message the shell shows. */
export type CallbackProblem = 'cancelled' | 'provider-down' | 'failed';

/** Classifies an error of {@link completeSignIn}. */
export function callbackProblem(error: unknown): CallbackProblem {
  if (oidc && error instanceof oidc.ErrorResponse && error.error === 'access_denied') return 'cancelled';
  const timedOut = (oidc && error instanceof oidc.ErrorTimeout) || (error instanceof DOMException && error.name === 'TimeoutError');
  if (timedOut || error instanceof TypeError) return 'provider-down';
  return 'failed';
}

/**
 * RFC 9207: the authorization response must name our issuer (mix-up defence). oidc-client-ts 3.5 does not check
 * `iss`, so the shell does, before the code is sent anywhere; a provider that announces the parameter must send it.
 */
async function checkIssuer(iss: string | null): Promise<void> {
  if (iss === null) {
    if ((await discovery()).authorization_response_iss_parameter_supported === true) {
      throw new Error('auth.iss-missing: the authorization response does not name its issuer');
    }
    return;
  }
  if (iss !== config.authority) throw new Error(`auth.iss-mismatch: the authorization response came from ${iss}, not ${config.authority}`);
}

/**
 * Finishes the code flow and returns the signed-in user; the URL is cleaned of the code (also when it fails, so that
 * a reload cannot replay it).
 */
export async function completeSignIn(): Promise<User> {
  try {
    await checkIssuer(new URLSearchParams(location.search).get('iss'));
    await ensureDpopKey();
    const user = await (await userManager()).signinRedirectCallback();
    measureClock(user);
    ended = false;
    startSession(user);
    return user;
  } finally {
    history.replaceState(null, '', '/');
  }
}

/**
 * Renews the tokens, one tab at a time. `stale` is the access token the caller found too old: after taking the lock,
 * the stored user is read again, and when another tab has renewed meanwhile its tokens are used as they are.
 * Returns null when there is no session any more (signed out, or the provider refused the refresh token).
 */
async function renew(stale: string | undefined): Promise<SessionUser | null> {
  const underLock = async (): Promise<SessionUser | null> => {
    const stored = await storedUser();
    if (!stored) return null;
    if (stored.access_token !== stale && !stored.expired) return stored;
    if (!stored.refresh_token) return null;
    try {
      const renewed = await (await userManager()).signinSilent({ silentRequestTimeoutInSeconds: REQUEST_TIMEOUT_S });
      // Without a new id_token the profile (and its iat) is the old one: nothing to measure.
      if (renewed && renewed.id_token !== stored.id_token) measureClock(renewed);
      // The user is in IndexedDB already (committed): other tabs that take the lock next will read it.
      channel?.postMessage({ type: 'renewed' });
      return renewed;
    } catch (error) {
      // The provider refused the grant (expired, revoked or reused): the sign-in is over. Any other answer
      // (server_error, temporarily_unavailable, a 5xx) is an outage: keep the session and retry.
      if (oidc && error instanceof oidc.ErrorResponse && error.error !== null && SIGN_IN_OVER.has(error.error)) return null;
      throw new RenewalUnavailableError(error);
    }
  };
  const user = 'locks' in navigator ? await navigator.locks.request(RENEWAL_LOCK, underLock) : await underLock();
  if (!user) {
    await endSession('expired');
    return null;
  }
  return user;
}

function lead(remainingS: number): number {
  return Math.min(MAX_RENEW_LEAD_S, Math.max(0.5, remainingS / 4));
}

/** (Re)arms the renewal and the end-of-session warning for `user`. */
function schedule(user: SessionUser): void {
  clearTimeout(renewTimer);
  const remaining = user.expires_in ?? 0;
  const token = user.access_token;
  renewTimer = setTimeout(() => void renewNow(token), Math.max(0, (remaining - lead(remaining)) * 1000));
  void scheduleWarning(user);
}

async function renewNow(token: string): Promise<void> {
  try {
    const user = await renew(token);
    if (failing) {
      failing = false;
      emit('renewalTrouble', false);
    }
    retryMs = RETRY_FIRST_MS;
    if (user) {
      schedule(user);
      if (user.access_token !== token) emit('renewed', user);
    }
  } catch (error) {
    console.warn('[digione] token renewal failed, retrying:', error);
    if (!failing) {
      failing = true;
      emit('renewalTrouble', true);
    }
    clearTimeout(renewTimer);
    renewTimer = setTimeout(() => void renewNow(token), retryMs);
    retryMs = Math.min(retryMs * 2, 30_000);
  }
}

/**
 * How far the provider's clock is ahead of the device's (ms; negative: behind), as last measured in this tab.
 * Measured from the `iat` of an id_token just received, so it is exact to about a second plus the network time.
 */
function providerOffsetMs(): number {
  const stored = Number(sessionStorage.getItem(CLOCK_SKEW_KEY));
  return Number.isFinite(stored) ? stored : 0;
}

/**
 * Measures the device's clock against the provider's when tokens arrive. oidc-client-ts 3 neither checks the
 * id_token's `iat`/`exp` against the device clock nor has a `clockSkewInSeconds` (2.x had), and token expiry is
 * counted from `expires_in` on the device's own clock, so signing in and renewing work whatever the skew; the servers
 * check `exp` on their own clocks. What the skew does spoil is times the shell compares with the provider's
 * (`auth_time`, see {@link sessionEndsAt}) and times the user reads: so it is measured, corrected for, and reported
 * when it is beyond {@link CLOCK_SKEW_TOLERANCE_S}.
 */
function measureClock(user: Pick<User, 'profile'>): void {
  const iat = user.profile.iat;
  if (typeof iat !== 'number') return;
  const offset = iat * 1000 - Date.now();
  sessionStorage.setItem(CLOCK_SKEW_KEY, String(Math.round(offset)));
  reportClock();
}

let reportedSkew: number | undefined;

/** Tells listeners about a skew beyond the tolerance (once per change); called on tokens and on page start. */
function reportClock(): void {
  const ahead = -providerOffsetMs();
  const skew = Math.abs(ahead) > CLOCK_SKEW_TOLERANCE_S * 1000 ? ahead : undefined;
  if (skew === reportedSkew) return;
  reportedSkew = skew;
  emit('clockSkew', skew);
}

/**
 * When the sign-in ends for good, on the device's clock: auth_time plus the provider's session lifetime (from its
 * discovery document), both on the provider's clock, moved by the measured skew.
 */
export async function sessionEndsAt(user: SessionUser): Promise<number | undefined> {
  const authTime = user.profile.auth_time;
  if (typeof authTime !== 'number') return undefined;
  try {
    const ttl = (await discovery()).digione_session_ttl;
    return typeof ttl === 'number' ? (authTime + ttl) * 1000 - providerOffsetMs() : undefined;
  } catch {
    return undefined;
  }
}

async function scheduleWarning(user: SessionUser): Promise<void> {
  const endsAt = await sessionEndsAt(user);
  clearTimeout(warningTimer);
  if (endsAt === undefined) return;
  const total = endsAt + providerOffsetMs() - (user.profile.auth_time ?? 0) * 1000;
  const warnAt = endsAt - Math.min(MAX_WARNING_LEAD_S * 1000, total / 3);
  warningTimer = setTimeout(() => emit('endingSoon', endsAt), Math.max(0, warnAt - Date.now()));
}

function onStorage(event: StorageEvent): void {
  if (event.storageArea === localStorage && event.key === SIGN_OUT_MARK && event.newValue !== null) void endSession('signed-out');
}

/** Another tab renewed: follow its tokens (and claims) instead of renewing them again. */
async function followRenewal(): Promise<void> {
  if (ended) return;
  const user = await storedUser();
  if (!user) return;
  schedule(user);
  emit('renewed', user);
}

function listen(): void {
  if (channel) return;
  window.addEventListener('storage', onStorage);
  if ('BroadcastChannel' in window) {
    channel = new BroadcastChannel(CHANNEL_NAME);
    channel.onmessage = (event: MessageEvent<unknown>) => {
      const data = event.data as { type?: unknown } | null;
      if (data?.type === 'signed-out') void endSession('signed-out');
      else if (data?.type === 'renewed') void followRenewal();
    };
  }
}

function startSession(user: SessionUser): void {
  listen();
  schedule(user);
}

/**
 * Removes what the shell stored: the session database, its keys and oidc-client-ts's in both storages, and Cache
 * Storage of the origin.
 */
export async function clearShellStorage(): Promise<void> {
  await userStore.destroy();
  for (const store of [localStorage, sessionStorage]) {
    const keys = Array.from({ length: store.length }, (_, i) => store.key(i)).filter((k): k is string => k !== null);
    for (const key of keys) {
      const kept = key.startsWith(PREFERENCE_PREFIX) || DEVICE_KEYS.has(key);
      if ((key.startsWith(SHELL_PREFIX) && !kept) || key.startsWith(OIDC_PREFIX)) store.removeItem(key);
    }
  }
  if ('caches' in window) {
    try {
      await Promise.all((await caches.keys()).map((name) => caches.delete(name)));
    } catch {
      // Cache Storage unavailable (private mode): nothing was stored there either.
    }
  }
}

async function endSession(reason: SessionEnd): Promise<void> {
  if (ended || signingOut) return;
  ended = true;
  clearTimeout(renewTimer);
  clearTimeout(warningTimer);
  await clearShellStorage();
  reportClock(); // the measurement went with the storage
  if (reason === 'signed-out') sessionStorage.setItem(SIGNED_OUT_FLAG, '1');
  emit('ended', reason);
}

/**
 * A signed-in user with an access token that has not expired, if there is one; starts renewing it before expiry.
 * Throws {@link RenewalUnavailableError} when the token has expired and the provider cannot be reached.
 */
export async function currentUser(): Promise<SessionUser | null> {
  listen();
  const user = await storedUser();
  if (!user) return null;
  ended = false;
  reportClock();
  const fresh = user.expired ? await renew(user.access_token) : user;
  if (fresh) schedule(fresh);
  return fresh;
}

/** The current access token, renewing it first (under the cross-tab lock) when it has expired or is about to. */
export async function accessToken(): Promise<string> {
  const user = await storedUser();
  if (!user) throw new Error('auth.no-session: not signed in');
  if ((user.expires_in ?? 0) > 2) return user.access_token;
  const fresh = await renew(user.access_token);
  if (!fresh) throw new Error('auth.no-session: the sign-in has ended');
  return fresh.access_token;
}

/** Ends the session in every tab and at the provider, and clears what the shell kept of it. */
export async function signOut(): Promise<void> {
  if (preview) return;
  signingOut = true;
  const user = await storedUser();
  ended = true;
  clearTimeout(renewTimer);
  clearTimeout(warningTimer);
  // Tell the other tabs first: they clear and repaint while this one clears too.
  channel?.postMessage({ type: 'signed-out' });
  await clearShellStorage();
  // Setting and removing the mark at once fires the storage event in other tabs and leaves nothing behind.
  localStorage.setItem(SIGN_OUT_MARK, String(Date.now()));
  localStorage.removeItem(SIGN_OUT_MARK);
  sessionStorage.setItem(SIGNED_OUT_FLAG, '1');
  try {
    await (await userManager()).signoutRedirect({
      ...(user?.id_token ? { id_token_hint: user.id_token } : {}),
      extraQueryParams: { ui_locales: currentLocale() },
    });
  } catch (error) {
    // The provider is unreachable: this browser holds nothing of the session any more; its refresh tokens lapse
    // with the provider session. Show the signed-out page rather than an error.
    console.warn('[digione] provider sign-out failed:', error);
    signingOut = false;
    emit('ended', 'signed-out');
  }
}

/** True once after the user signed out (here or in another tab) or the provider sent them back from signing out. */
export function justSignedOut(): boolean {
  const flag = sessionStorage.getItem(SIGNED_OUT_FLAG) === '1';
  sessionStorage.removeItem(SIGNED_OUT_FLAG);
  return flag;
}

/** A short, non-reversible key for per-user preferences: SHA-256 of `sub`, hex, first 32 characters. */
export async function userKeyOf(sub: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`digione:${sub}`));
  return Array.from(new Uint8Array(digest).slice(0, 16), (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * The widgets' tokens, exchanged (RFC 8693) at the provider with the signed-in user's token. Dropped when the session
 * ends or is renewed (its claims, and so the roles a token may be bound to, may have changed).
 */
const widgetTokens = new WidgetTokens({
  subjectToken: accessToken,
  tokenEndpoint: async () => {
    const endpoint = (await discovery()).token_endpoint;
    return typeof endpoint === 'string' ? endpoint : `${config.authority}/token`;
  },
  clientId: config.clientId,
  // The exchange proves possession of the key the shell's token is bound to; the widget's token is bound to it too.
  proof: async (method, url) => {
    const keys = await dpopKeys();
    return keys && signProof(keys, method, url, undefined, providerOffsetMs());
  },
});
onSession({ ended: () => widgetTokens.clear(), renewed: () => widgetTokens.clear() });

/** The token of one widget on the dashboard shown, for its API client only (runtime/context.ts). */
export function widgetToken(request: WidgetTokenRequest): Promise<string> {
  return widgetTokens.token(request);
}
