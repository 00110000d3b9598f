/**
 * Test harness of the platform API (used only by the tests beside it): the real sandbox provider and API on free
 * ports, real tokens of the personas from the provider's sign-in, and tokens of generated users signed with a
 * test key that the API trusts through its `extraKeys` option (the provider signs in only the personas).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeJwt, exportJWK, generateKeyPair, SignJWT, type JWK } from 'jose';
import type { IdentityClaims } from '@digione/sdk/identity';
import { SANDBOX_TENANTS } from '../data/tenants.ts';
import { startIdentityProvider, type IdentityProvider } from '../provider/provider.ts';
import { freePort, shellClient, signIn, type TestClient } from '../testing/oidc-client.ts';
import { startPlatformApi, type PlatformApi } from './api.ts';

export const SHELL = 'http://localhost:4173';
export const AUDIENCE = 'urn:digione:platform';
/** The API's clock in tests: the afternoon of the data set's day, so that answers (and their ETags) repeat. */
export const NOW = '2026-11-27T14:00:00+02:00';

/** One HTTP answer, with the body parsed when it is JSON. */
export interface Answer<T = unknown> {
  status: number;
  headers: Headers;
  text: string;
  body: T;
}

export interface RequestOptions {
  method?: string;
  /** A persona's username, or a ready token (`token:<jwt>`). */
  as?: string;
  headers?: Record<string, string>;
  /** JSON-encoded unless a string. */
  body?: unknown;
}

export interface Harness {
  api: PlatformApi;
  provider: IdentityProvider;
  issuer: string;
  auditPath: string;
  /** A real access token of a persona, signed in through the provider's pages. */
  tokenOf(username: string): Promise<string>;
  /** An access token with these claims, signed by the test key (for generated users). */
  signedToken(claims: IdentityClaims): Promise<string>;
  request<T = unknown>(path: string, options?: RequestOptions): Promise<Answer<T>>;
  close(): Promise<void>;
}

export async function startHarness(): Promise<Harness> {
  const [idpPort, apiPort] = [await freePort(), await freePort()];
  const issuer = `http://localhost:${idpPort}`;
  const auditDir = await mkdtemp(join(tmpdir(), 'digione-api-'));
  const auditPath = join(auditDir, 'audit.jsonl');
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  const jwk: JWK = { ...(await exportJWK(publicKey)), kid: 'api-test-key', alg: 'RS256', use: 'sig' };
  // The API first: if it cannot start (a broken data set), no provider is left running to keep the process alive.
  const api = await startPlatformApi({
    port: apiPort,
    issuer,
    audience: AUDIENCE,
    tenants: SANDBOX_TENANTS,
    shellOrigin: SHELL,
    auditLogPath: auditPath,
    extraKeys: { keys: [jwk] },
    // The data set describes 27 November 2026; message and bulletin times are relative to the clock.
    now: () => new Date(NOW),
  });
  const provider = await startIdentityProvider({ port: idpPort, issuer, shellOrigin: SHELL }).catch(async (error: unknown) => {
    await api.close();
    throw error;
  });
  const client: TestClient = shellClient(issuer, SHELL);
  const tokens = new Map<string, Promise<string>>();

  const tokenOf = (username: string): Promise<string> => {
    let token = tokens.get(username);
    if (!token) {
      token = signIn(client, username).then((t) => t.access_token);
      tokens.set(username, token);
    }
    return token;
  };

  const signedToken = (claims: IdentityClaims): Promise<string> =>
    new SignJWT({ ...claims })
      .setProtectedHeader({ alg: 'RS256', typ: 'at+jwt', kid: 'api-test-key' })
      .setIssuer(issuer)
      .setAudience(AUDIENCE)
      .setIssuedAt()
      .setExpirationTime('10m')
      .sign(privateKey);

  const request = async <T,>(path: string, options: RequestOptions = {}): Promise<Answer<T>> => {
    const headers: Record<string, string> = { ...options.headers };
    const url = new URL(path, api.url);
    const method = options.method ?? 'GET';
    if (options.as !== undefined) {
      const token = options.as.startsWith('token:') ? options.as.slice(6) : await tokenOf(options.as);
      // The provider's tokens are bound to the client's DPoP key: sent with a fresh proof, as the shell sends them.
      const bound = (decodeJwt(token)['cnf'] as { jkt?: unknown } | undefined)?.jkt !== undefined;
      Object.assign(headers, bound ? await (await client.dpop).headers(method, url, token) : { authorization: `Bearer ${token}` });
    }
    let body: string | undefined;
    if (options.body !== undefined) {
      body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
      headers['content-type'] ??= 'application/json';
    }
    const response = await fetch(url, { method, headers, ...(body === undefined ? {} : { body }) });
    const text = await response.text();
    let parsed: unknown = undefined;
    if (/json/.test(response.headers.get('content-type') ?? '') && text !== '') parsed = JSON.parse(text);
    return { status: response.status, headers: response.headers, text, body: parsed as T };
  };

  return {
    api,
    provider,
    issuer,
    auditPath,
    tokenOf,
    signedToken,
    request,
    async close() {
      await api.close();
      await provider.close();
      await rm(auditDir, { recursive: true, force: true });
    },
  };
}
