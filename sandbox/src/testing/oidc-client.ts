/**
 * A minimal browser stand-in for tests: follows the authorization code + PKCE flow over real HTTP with manual
 * redirects and a cookie jar, the way the shell's oidc-client-ts and a browser would.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, calculateJwkThumbprint, type JWK } from 'jose';

/**
 * The DPoP key (RFC 9449) of a test client, as the shell keeps one per browser sign-in: the shell's client gets only
 * tokens bound to a key, so the stand-in signs a proof for every token request and API call too.
 */
export class DpopKey {
  private constructor(
    private readonly privateKey: CryptoKey,
    /** The public key, as the proofs' `jwk` header carries it. */
    readonly jwk: JWK,
    /** Its RFC 7638 thumbprint, the `cnf.jkt` of the tokens bound to it. */
    readonly jkt: string,
  ) {}

  static async generate(): Promise<DpopKey> {
    const { privateKey, publicKey } = await generateKeyPair('ES256');
    const jwk = await exportJWK(publicKey);
    return new DpopKey(privateKey, jwk, await calculateJwkThumbprint(jwk));
  }

  /** A proof for one request; with `accessToken` it names the token too (`ath`), as resource servers require. */
  proof(method: string, url: string | URL, accessToken?: string, claims: Record<string, unknown> = {}): Promise<string> {
    const htu = new URL(url);
    htu.search = '';
    htu.hash = '';
    return new SignJWT({
      htm: method.toUpperCase(),
      htu: htu.href,
      ...(accessToken === undefined ? {} : { ath: createHash('sha256').update(accessToken).digest('base64url') }),
      ...claims,
    })
      .setProtectedHeader({ alg: 'ES256', typ: 'dpop+jwt', jwk: this.jwk })
      .setIssuedAt()
      .setJti(randomUUID())
      .sign(this.privateKey);
  }

  /** `Authorization` and `DPoP` headers that send `accessToken` to `url`. */
  async headers(method: string, url: string | URL, accessToken: string): Promise<{ authorization: string; dpop: string }> {
    return { authorization: `DPoP ${accessToken}`, dpop: await this.proof(method, url, accessToken) };
  }
}

/** A port that was free a moment ago (port 0 cannot be used where the issuer URL must name the port). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error('freePort: no port'))));
    });
  });
}

interface StoredCookie {
  name: string;
  value: string;
  path: string;
}

/** Cookies by name and path, as a browser keeps them for one host. */
export class CookieJar {
  private cookies: StoredCookie[] = [];

  /** Takes the Set-Cookie headers of a response to a request for `url`. */
  store(url: URL, headers: Headers): void {
    for (const line of headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const eq = pair.indexOf('=');
      if (eq <= 0) continue;
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      let path = url.pathname.replace(/\/[^/]*$/, '') || '/';
      let expired = false;
      for (const attribute of attributes) {
        const [key = '', val = ''] = attribute.split('=').map((s) => s.trim());
        const k = key.toLowerCase();
        if (k === 'path') path = val || '/';
        if (k === 'expires' && Date.parse(val) <= Date.now()) expired = true;
        if (k === 'max-age' && Number(val) <= 0) expired = true;
      }
      this.cookies = this.cookies.filter((c) => !(c.name === name && c.path === path));
      if (!expired) this.cookies.push({ name, value, path });
    }
  }

  /** The Cookie header for a request to `url`. */
  header(url: URL): string {
    return this.cookies
      .filter((c) => url.pathname === c.path || url.pathname.startsWith(c.path.endsWith('/') ? c.path : `${c.path}/`))
      .map((c) => `${c.name}=${c.value}`)
      .join('; ');
  }

  names(): string[] {
    return this.cookies.map((c) => c.name);
  }
}

/** The shell as the provider knows it in tests. */
export interface TestClient {
  issuer: string;
  clientId: string;
  redirectUri: string;
  origin: string;
  /** The client's DPoP key: every token request carries a proof of it, and its tokens are bound to it. */
  dpop: Promise<DpopKey>;
}

export function shellClient(issuer: string, shellOrigin: string): TestClient {
  const dpop = DpopKey.generate();
  return { issuer, clientId: 'digione-shell', redirectUri: `${shellOrigin}/auth/callback`, origin: shellOrigin, dpop };
}

/** A browser session: one cookie jar. */
export class Browser {
  readonly jar = new CookieJar();

  async request(url: URL, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    const cookie = this.jar.header(url);
    if (cookie) headers.set('cookie', cookie);
    const response = await fetch(url, { ...init, headers, redirect: 'manual' });
    this.jar.store(url, response.headers);
    return response;
  }

  /**
   * Follows redirects from `response` until a page answers or a redirect leaves for `stopAt`; returns the last
   * response and the URL it came from (or the URL it pointed to, when it pointed to `stopAt`).
   */
  async follow(url: URL, response: Response, stopAt: string): Promise<{ url: URL; response: Response }> {
    let current = url;
    let res = response;
    for (let hops = 0; hops < 10; hops++) {
      const location = res.headers.get('location');
      if (res.status < 300 || res.status >= 400 || !location) return { url: current, response: res };
      const next = new URL(location, current);
      if (next.href.startsWith(stopAt)) return { url: next, response: res };
      await res.body?.cancel();
      current = next;
      res = await this.request(current);
    }
    throw new Error(`too many redirects at ${current.href}`);
  }
}

export interface Pkce {
  verifier: string;
  challenge: string;
}

export function pkce(): Pkce {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

/** A started authorization: the sign-in page the provider showed. */
export interface PendingSignIn {
  browser: Browser;
  client: TestClient;
  pkce: Pkce;
  state: string;
  nonce: string;
  pageUrl: URL;
  status: number;
  html: string;
}

/** GET /auth and follow to the sign-in page. */
export async function startSignIn(
  client: TestClient,
  options: { browser?: Browser; uiLocales?: string; extra?: Record<string, string> } = {},
): Promise<PendingSignIn> {
  const browser = options.browser ?? new Browser();
  const codes = pkce();
  const state = randomBytes(8).toString('hex');
  const nonce = randomBytes(8).toString('hex');
  const auth = new URL('/auth', client.issuer);
  auth.search = new URLSearchParams({
    client_id: client.clientId,
    redirect_uri: client.redirectUri,
    response_type: 'code',
    scope: 'openid profile offline_access',
    state,
    nonce,
    code_challenge: codes.challenge,
    code_challenge_method: 'S256',
    ...(options.uiLocales ? { ui_locales: options.uiLocales } : {}),
    ...options.extra,
  }).toString();
  const first = await browser.request(auth);
  const { url, response } = await browser.follow(auth, first, client.redirectUri);
  return { browser, client, pkce: codes, state, nonce, pageUrl: url, status: response.status, html: await response.text() };
}

/** The result of posting the sign-in form: either the code came back, or a page did. */
export type SignInOutcome =
  | { kind: 'code'; code: string; state: string | null; callback: URL }
  | { kind: 'page'; status: number; html: string; url: URL };

/** Posts username and password to the form on the pending sign-in page and follows what comes back. */
export async function submitCredentials(pending: PendingSignIn, username: string, password: string): Promise<SignInOutcome> {
  const action = /<form method="post" action="([^"]+)"/.exec(pending.html)?.[1];
  if (!action) throw new Error(`no sign-in form on ${pending.pageUrl.href}: ${pending.html.slice(0, 300)}`);
  const lang = /<input type="hidden" name="lang" value="([^"]+)"/.exec(pending.html)?.[1] ?? 'fi';
  const target = new URL(action.replaceAll('&amp;', '&'), pending.pageUrl);
  const posted = await pending.browser.request(target, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ username, password, lang }).toString(),
  });
  const { url, response } = await pending.browser.follow(target, posted, pending.client.redirectUri);
  if (url.href.startsWith(pending.client.redirectUri)) {
    const code = url.searchParams.get('code');
    if (!code) throw new Error(`redirect without code: ${url.href}`);
    return { kind: 'code', code, state: url.searchParams.get('state'), callback: url };
  }
  return { kind: 'page', status: response.status, html: await response.text(), url };
}

/** A token endpoint answer. */
export interface TokenSet {
  access_token: string;
  id_token?: string;
  refresh_token?: string;
  token_type: string;
  expires_in: number;
  scope?: string;
}

export interface TokenAnswer {
  status: number;
  headers: Headers;
  body: Record<string, unknown>;
}

async function tokenRequest(client: TestClient, params: Record<string, string>): Promise<TokenAnswer> {
  const endpoint = new URL('/token', client.issuer);
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      origin: client.origin,
      dpop: await (await client.dpop).proof('POST', endpoint),
    },
    body: new URLSearchParams({ client_id: client.clientId, ...params }).toString(),
  });
  const body: unknown = await response.json();
  if (typeof body !== 'object' || body === null) throw new Error('token endpoint answered no object');
  return { status: response.status, headers: response.headers, body: { ...body } };
}

function asTokenSet(answer: TokenAnswer): TokenSet {
  const { body } = answer;
  if (answer.status !== 200 || typeof body.access_token !== 'string') {
    throw new Error(`token endpoint answered ${answer.status}: ${JSON.stringify(body)}`);
  }
  return {
    access_token: body.access_token,
    token_type: String(body.token_type),
    expires_in: Number(body.expires_in),
    ...(typeof body.id_token === 'string' ? { id_token: body.id_token } : {}),
    ...(typeof body.refresh_token === 'string' ? { refresh_token: body.refresh_token } : {}),
    ...(typeof body.scope === 'string' ? { scope: body.scope } : {}),
  };
}

export function exchangeCode(client: TestClient, code: string, verifier: string): Promise<TokenAnswer> {
  return tokenRequest(client, { grant_type: 'authorization_code', code, redirect_uri: client.redirectUri, code_verifier: verifier });
}

export function refresh(client: TestClient, refreshToken: string, extra: Record<string, string> = {}): Promise<TokenAnswer> {
  return tokenRequest(client, { grant_type: 'refresh_token', refresh_token: refreshToken, ...extra });
}

/** The whole flow for one persona: sign-in page, credentials, code, tokens. */
export async function signIn(
  client: TestClient,
  username: string,
  password = 'sandbox',
  options: { browser?: Browser; uiLocales?: string } = {},
): Promise<TokenSet & { browser: Browser }> {
  const pending = await startSignIn(client, options);
  const outcome = await submitCredentials(pending, username, password);
  if (outcome.kind !== 'code') throw new Error(`sign-in of ${username} ended on a page (${outcome.status}) instead of the callback`);
  if (outcome.state !== pending.state) throw new Error('state did not round-trip');
  const tokens = asTokenSet(await exchangeCode(client, outcome.code, pending.pkce.verifier));
  return { ...tokens, browser: pending.browser };
}

export { asTokenSet };
