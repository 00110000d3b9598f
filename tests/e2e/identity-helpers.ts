import type { BrowserContext, Page, Response } from 'playwright-core';

/** Where the shell keeps its signed-in user: oidc-client-ts's key in the shell's IndexedDB session store. */
export const USER_KEY = 'user:http://localhost:4174:digione-shell';

/** One answer of the provider's token endpoint, as the browser saw it. */
export interface TokenAnswer {
  grant: string;
  status: number;
  error?: string;
  at: number;
}

/** Records every answer of the token endpoint to the shell's own grants (code, refresh) that `context` receives. */
export function watchTokenEndpoint(context: BrowserContext): TokenAnswer[] {
  const answers: TokenAnswer[] = [];
  context.on('response', (response: Response) => {
    const url = new URL(response.url());
    if (url.port !== '4174' || url.pathname !== '/token' || response.request().method() !== 'POST') return;
    const grant = new URLSearchParams(response.request().postData() ?? '').get('grant_type') ?? '';
    // Widgets' token exchanges (RFC 8693) are not the shell's sign-in or renewal: left out.
    if (grant === 'urn:ietf:params:oauth:grant-type:token-exchange') return;
    const answer: TokenAnswer = { grant, status: response.status(), at: Date.now() };
    answers.push(answer);
    if (response.status() !== 200) {
      void response
        .json()
        .then((body: { error?: string }) => {
          if (body.error) answer.error = body.error;
        })
        .catch(() => undefined);
    }
  });
  return answers;
}

/** The stored user of the shell in this page's origin (IndexedDB `digione-session`), if any. */
export async function storedUser(page: Page): Promise<{ access_token: string; refresh_token?: string; expires_at?: number } | null> {
  const raw = await page.evaluate(
    (key) =>
      new Promise<string | null>((resolve) => {
        const open = indexedDB.open('digione-session');
        open.onupgradeneeded = () => open.result.createObjectStore('kv');
        open.onerror = () => resolve(null);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('kv')) {
            db.close();
            resolve(null);
            return;
          }
          const get = db.transaction('kv').objectStore('kv').get(key);
          get.onsuccess = () => {
            db.close();
            resolve(typeof get.result === 'string' ? get.result : null);
          };
          get.onerror = () => {
            db.close();
            resolve(null);
          };
        };
      }),
    USER_KEY,
  );
  return raw === null ? null : (JSON.parse(raw) as { access_token: string; refresh_token?: string; expires_at?: number });
}

/** Fills the provider's sign-in form (the page must be on it). */
export async function submitProviderForm(page: Page, username: string): Promise<void> {
  await page.locator('input[name=username]').fill(username);
  await page.locator('input[name=password]').fill('sandbox');
  await page.locator('form button[type=submit]').click();
}

/** Every storage key of the shell's origin, both storages. */
export async function storageKeys(page: Page): Promise<string[]> {
  return page.evaluate(() => [
    ...Array.from({ length: localStorage.length }, (_, i) => `local:${localStorage.key(i) ?? ''}`),
    ...Array.from({ length: sessionStorage.length }, (_, i) => `session:${sessionStorage.key(i) ?? ''}`),
  ]);
}

/** Where the shell keeps its DPoP key pair in the session database (shell/src/auth/idb-store.ts `dpopKeyOf`). */
export const DPOP_KEY = 'dpop:digione-shell';

/**
 * Whether this page's origin still holds a DPoP key: the shell's (in `digione-session`) or one in oidc-client-ts's
 * own default database (`oidc`), which the shell must never leave behind.
 */
export async function dpopKeyStored(page: Page): Promise<boolean> {
  return page.evaluate(async (key) => {
    const names = (await indexedDB.databases()).map((d) => d.name);
    if (names.includes('oidc')) return true;
    if (!names.includes('digione-session')) return false;
    return new Promise<boolean>((resolve) => {
      const open = indexedDB.open('digione-session');
      open.onerror = () => resolve(false);
      open.onsuccess = () => {
        const db = open.result;
        if (!db.objectStoreNames.contains('kv')) {
          db.close();
          resolve(false);
          return;
        }
        const get = db.transaction('kv').objectStore('kv').get(key);
        get.onsuccess = () => {
          db.close();
          resolve(get.result !== undefined);
        };
        get.onerror = () => {
          db.close();
          resolve(false);
        };
      };
    });
  }, DPOP_KEY);
}

/**
 * The in-page half of {@link fetchWithSessionKey}, as source text: a function passed to `page.evaluate` would be
 * compiled by tsx, which names inner functions with a helper (`__name`) the page does not have.
 */
const FETCH_WITH_SESSION_KEY = `async ({ url, token, init, key }) => {
  const keys = await new Promise((resolve) => {
    const open = indexedDB.open('digione-session');
    open.onerror = () => resolve(undefined);
    open.onsuccess = () => {
      const db = open.result;
      if (!db.objectStoreNames.contains('kv')) return resolve(undefined);
      const get = db.transaction('kv').objectStore('kv').get(key);
      get.onsuccess = () => resolve(get.result && get.result.keys);
      get.onerror = () => resolve(undefined);
    };
  });
  function b64(bytes) {
    return btoa(String.fromCharCode(...new Uint8Array(bytes))).replace(/=+$/, '').replace(/\\+/g, '-').replace(/\\//g, '_');
  }
  function text(value) {
    return b64(new TextEncoder().encode(JSON.stringify(value)));
  }
  const method = init.method || 'GET';
  const headers = init.form ? { 'content-type': 'application/x-www-form-urlencoded' } : init.body ? { 'content-type': 'application/json' } : {};
  const body = init.form ? new URLSearchParams(init.form).toString() : init.body;
  if (keys) {
    const { crv, kty, x, y } = await crypto.subtle.exportKey('jwk', keys.publicKey);
    const htu = new URL(url);
    htu.search = '';
    const claims = { jti: crypto.randomUUID(), htm: method, htu: htu.href, iat: Math.floor(Date.now() / 1000) };
    if (token) claims.ath = b64(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(token)));
    const input = text({ alg: 'ES256', typ: 'dpop+jwt', jwk: { crv, kty, x, y } }) + '.' + text(claims);
    const signature = await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, keys.privateKey, new TextEncoder().encode(input));
    if (token) headers.authorization = 'DPoP ' + token;
    headers.dpop = input + '.' + b64(signature);
  } else if (token) {
    headers.authorization = 'Bearer ' + token;
  }
  const response = await fetch(url, { method, headers, body });
  const answer = await response.text();
  return { status: response.status, body: answer ? JSON.parse(answer) : {} };
}`;

/**
 * Calls `url` from inside the page with `token` and a DPoP proof signed by the session's stored key, as any script
 * running in the shell's origin could: the key is non-extractable, but usable there (docs/security.md). Without a
 * stored key the token goes as a bearer token. With `token` null only the proof is sent (a token request; `form` is
 * its body).
 */
export async function fetchWithSessionKey(
  page: Page,
  url: string,
  token: string | null,
  init: { method?: string; body?: string; form?: Record<string, string> } = {},
): Promise<{ status: number; body: Record<string, unknown> }> {
  const args = JSON.stringify({ url, token, init, key: DPOP_KEY });
  return page.evaluate(`(${FETCH_WITH_SESSION_KEY})(${args})`) as Promise<{ status: number; body: Record<string, unknown> }>;
}
