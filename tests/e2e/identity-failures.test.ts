import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { registryApprovals, startIdentityProvider, type IdentityProvider } from '@digione/sandbox';
import { loadTenants } from '@digione/manifests';
import { join, resolve } from 'node:path';
import { generateKeyPair } from 'jose';
import { launchChromium, signIn, startPlatform, type RunningPlatform } from './harness.ts';
import { storedUser, watchTokenEndpoint } from './identity-helpers.ts';

const root = resolve(import.meta.dirname, '../..');
const SHELL = 'http://localhost:4173';
const ISSUER = 'http://localhost:4174';

/** The error view's message and its one way forward. */
async function problem(page: Page, text: RegExp, button: string): Promise<void> {
  await page.locator('.problem[role=alert]').getByText(text).waitFor();
  await page.getByRole('button', { name: button }).waitFor();
  assert.equal(new URL(page.url()).pathname, '/', 'the address bar holds no code or state any more');
}

describe('sign-in failures: a clear message and a way forward, never a blank page or a loop', () => {
  let platform: RunningPlatform;
  let browser: Browser;
  let context: BrowserContext;

  before(async () => {
    platform = await startPlatform();
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await platform?.close();
  });

  test('a callback with a state this browser never sent (tampered) is refused', async () => {
    context = await browser.newContext({ locale: 'en-GB' });
    const page = await context.newPage();
    const answers = watchTokenEndpoint(context);
    await page.goto(`${SHELL}/auth/callback?code=forged&state=not-ours&iss=${encodeURIComponent(ISSUER)}`);
    await problem(page, /Signing in did not succeed/, 'Sign in again');
    assert.deepEqual(answers, [], 'the forged code is never sent to the provider');
    await page.getByRole('button', { name: 'Sign in again' }).click();
    await page.waitForURL((url) => url.port === '4174');
    await page.locator('input[name=username]').waitFor();
    await context.close();
  });

  test('a callback naming another issuer (RFC 9207 mix-up) is refused before the code is used', async () => {
    context = await browser.newContext({ locale: 'en-GB' });
    const page = await context.newPage();
    const answers = watchTokenEndpoint(context);
    // Hold the real callback back, then deliver it with another issuer's name.
    const isCallback = (url: URL): boolean => url.origin === SHELL && url.pathname === '/auth/callback';
    await page.route(isCallback, (route) => route.abort());
    const held = page.waitForRequest((request) => isCallback(new URL(request.url())));
    await page.goto(SHELL);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => url.port === '4174');
    await page.locator('input[name=username]').fill('pupil');
    await page.locator('input[name=password]').fill('sandbox');
    await page.locator('form button[type=submit]').click();
    const forged = new URL((await held).url());
    await page.unrouteAll();
    assert.equal(forged.searchParams.get('iss'), ISSUER, 'the provider names itself');
    forged.searchParams.set('iss', 'http://evil.example');
    await page.goto(forged.href);
    await problem(page, /Signing in did not succeed/, 'Sign in again');
    assert.deepEqual(answers.filter((a) => a.grant === 'authorization_code'), []);
    await context.close();
  });

  test('a replayed callback URL: while signed in it carries on; in a fresh browser it is refused', async () => {
    context = await browser.newContext({ locale: 'en-GB' });
    const page = await context.newPage();
    let callback = '';
    page.on('request', (request) => {
      if (new URL(request.url()).pathname === '/auth/callback' && request.isNavigationRequest()) callback = request.url();
    });
    const answers = watchTokenEndpoint(context);
    await signIn(page, SHELL, 'pupil');
    assert.ok(callback.includes('code='));
    const codes = answers.length;
    await page.goto(callback);
    await page.locator('.dashboard-title').getByText(/Pupil – Vantaa/).waitFor();
    assert.equal(new URL(page.url()).pathname, '/');
    assert.equal(answers.length, codes, 'the used code is not sent again');

    const other = await browser.newContext({ locale: 'en-GB' });
    const otherPage = await other.newPage();
    await otherPage.goto(callback);
    await problem(otherPage, /Signing in did not succeed/, 'Sign in again');
    await other.close();
    await context.close();
  });

  test('Cancel at the provider (access_denied) says the sign-in was cancelled and offers it again', async () => {
    context = await browser.newContext({ locale: 'en-GB' });
    const page = await context.newPage();
    await page.goto(SHELL);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => url.port === '4174');
    await page.getByRole('link', { name: 'Cancel and return to the service' }).click();
    await page.waitForURL((url) => url.origin === SHELL);
    await problem(page, /Signing in was cancelled/, 'Sign in again');
    await context.close();
  });

  test('the same messages in Finnish and Swedish', async () => {
    for (const [locale, text, button] of [
      ['fi-FI', /Kirjautuminen peruttiin/, 'Kirjaudu uudelleen'],
      ['sv-FI', /Inloggningen avbröts/, 'Logga in igen'],
    ] as const) {
      context = await browser.newContext({ locale });
      const page = await context.newPage();
      await page.goto(SHELL);
      await page.locator('.landing d1-button[variant="primary"]').click();
      await page.waitForURL((url) => url.port === '4174');
      await page.locator('form .actions a').click();
      await page.waitForURL((url) => url.origin === SHELL);
      await problem(page, text, button);
      await context.close();
    }
  });
});

describe('an unreachable or restarted provider, and the end of a sign-in', () => {
  let platform: RunningPlatform;
  let browser: Browser;
  let provider: IdentityProvider | undefined;
  // One key for every start: the registry and the API cache the provider's JWKS, as real servers do.
  const signingKeys = generateKeyPair('RS256', { extractable: true });
  const startProvider = async (options: { accessTokenTtl?: number; sessionTtl?: number } = {}): Promise<void> => {
    const tenants = await loadTenants(join(root, 'manifests'));
    provider = await startIdentityProvider({
      port: 4174,
      issuer: ISSUER,
      shellOrigin: SHELL,
      tenants,
      signingKeys: await signingKeys,
      // As `npm start` does: widgets' tokens are exchanged against the registry's approvals.
      widgetApprovals: registryApprovals(platform.urls.registry),
      ...options,
    });
  };
  const stopProvider = async (): Promise<void> => {
    await provider?.close();
    provider = undefined;
  };

  before(async () => {
    platform = await startPlatform({ identity: false });
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await stopProvider();
    await platform?.close();
  });

  test('signing in while the provider is down says so and retries when asked', async () => {
    const context = await browser.newContext({ locale: 'en-GB' });
    const page = await context.newPage();
    await page.goto(SHELL);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await problem(page, /sign-in service cannot be reached/, 'Try again');
    await startProvider();
    await page.getByRole('button', { name: 'Try again' }).click();
    await page.waitForURL((url) => url.port === '4174');
    await page.locator('input[name=username]').waitFor();
    await stopProvider();
    await context.close();
  });

  test('renewal while the provider is down keeps the dashboard and says so; a restarted provider ends the sign-in cleanly', async () => {
    await startProvider({ accessTokenTtl: 4 });
    const context = await browser.newContext({ locale: 'en-GB' });
    const page = await context.newPage();
    await signIn(page, SHELL, 'teacher');
    await stopProvider();
    await page.locator('[data-session="renewal-trouble"]').waitFor({ timeout: 15_000 });
    assert.equal(await page.locator('.dashboard-title').count(), 1, 'the dashboard stays');
    assert.ok(await storedUser(page), 'the session is kept while the provider is away');
    // The provider comes back without the sign-in (in-memory store, new keys): the refresh is refused, and the shell
    // says the sign-in ended instead of looping or showing a blank page.
    await startProvider({ accessTokenTtl: 4 });
    await page.locator('[data-notice="sessionEnded"]').getByText(/Your sign-in has ended/).waitFor({ timeout: 40_000 });
    assert.equal(await storedUser(page), null);
    assert.equal(await page.locator('[data-widget]').count(), 0);
    await stopProvider();
    await context.close();
  });

  test('shortly before the sign-in ends a warning offers to stay signed in', async () => {
    await startProvider({ sessionTtl: 24 });
    const context = await browser.newContext({ locale: 'en-GB' });
    const page = await context.newPage();
    await signIn(page, SHELL, 'pupil');
    const warning = page.locator('[data-session="ending-soon"][role=alert]');
    await warning.waitFor({ timeout: 30_000 });
    await warning.getByText(/Your sign-in ends at/).waitFor();
    await warning.getByRole('button', { name: 'Stay signed in' }).click();
    // Staying signed in is a fresh sign-in (the 12 hours cannot be extended by refresh): the provider asks again.
    await page.waitForURL((url) => url.port === '4174');
    await page.locator('input[name=username]').waitFor();
    await stopProvider();
    await context.close();
  });
});
