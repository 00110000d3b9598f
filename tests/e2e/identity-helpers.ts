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
