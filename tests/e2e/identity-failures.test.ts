import { after, afterEach, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { registryApprovals, startIdentityProvider, type IdentityProvider } from '@digione/sandbox';
import { loadTenants } from '@digione/manifests';
import { join, resolve } from 'node:path';
import { generateKeyPair } from 'jose';
import { launchChromium, signIn, startPlatform, type RunningPlatform } from './harness.ts';
import { storedUser, submitProviderForm, watchTokenEndpoint } from './identity-helpers.ts';

const root = resolve(import.meta.dirname, '../..');
const SHELL = 'http://localhost:4173';
const ISSUER = 'http://localhost:4174';

/** Waits until `check` holds (polled), failing with `what` after `timeoutMs`. */
async function waitFor(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The error view's message and its one way forward. */
async function problem(page: Page, text: RegExp, button: string): Promise<void> {
  await page.locator('.problem[role=alert]').getByText(text).waitFor();
  await page.getByRole('button', { name: button }).waitFor();
  assert.equal(new URL(page.url()).pathname, '/', 'the address bar holds no code or state any more');
}

/**
 * Sets every page of `context` (the shell's and the provider's) to a device clock `offsetMs` off the real one, as a
 * machine with a wrong clock has: `Date` only; timers run at the real pace, as they do on such a machine.
 */
async function skewClock(context: BrowserContext, offsetMs: number): Promise<void> {
  // A string, not a function: the test's transpiler would add helpers (`__name`) that the page does not have.
  await context.addInitScript({
    content: `(() => {
      const RealDate = Date;
      const offset = ${JSON.stringify(offsetMs)};
      class DeviceDate extends RealDate {
        constructor(...args) {
          if (args.length === 0) super(RealDate.now() + offset);
          else super(...args);
        }
        static now() {
          return RealDate.now() + offset;
        }
      }
      globalThis.Date = DeviceDate;
    })();`,
  });
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
  const startProvider = async (
    options: { accessTokenTtl?: number; sessionTtl?: number; tokenDelayMs?: () => number } = {},
  ): Promise<void> => {
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

  // A failed test must not leave its provider on the port for the next one.
  afterEach(stopProvider);

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

  test('a token endpoint that hangs during sign-in: after the timeout the shell says so, and signing in again works', async () => {
    let holdMs = 60_000; // longer than the shell's 10-s request timeout: a hang
    await startProvider({ tokenDelayMs: () => holdMs });
    const context = await browser.newContext({ locale: 'en-GB' });
    const page = await context.newPage();
    const answers = watchTokenEndpoint(context);
    const authorizations: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname === '/auth' && request.isNavigationRequest()) authorizations.push(request.url());
    });
    await page.goto(SHELL);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => url.port === '4174');
    const submitted = Date.now();
    await submitProviderForm(page, 'pupil');
    await problem(page, /sign-in service cannot be reached/, 'Sign in again');
    const waited = Date.now() - submitted;
    assert.ok(waited >= 9_000 && waited < 25_000, `the shell gave up after its timeout (${waited} ms)`);
    assert.equal(answers.length, 0, 'the held code exchange was never answered');
    assert.equal(authorizations.length, 1, 'no redirect loop: the shell waits for the user');
    assert.equal(await storedUser(page), null);
    holdMs = 0;
    await page.getByRole('button', { name: 'Sign in again' }).click();
    // The provider still knows the browser: it may send the code back at once or ask again.
    const dashboard = page.locator('.dashboard-title').getByText(/Pupil – Vantaa/);
    const form = page.locator('input[name=username]');
    await dashboard.or(form).waitFor();
    if (await form.isVisible()) await submitProviderForm(page, 'pupil');
    await dashboard.waitFor();
    assert.deepEqual(answers.map((a) => [a.grant, a.status]), [['authorization_code', 200]]);
    await stopProvider();
    await context.close();
  });

  test('a token endpoint that hangs during renewal: the dashboard stays, the shell says so, and recovers when it answers', async () => {
    let holdMs = 0;
    await startProvider({ accessTokenTtl: 4, tokenDelayMs: () => holdMs });
    const context = await browser.newContext({ locale: 'en-GB' });
    const page = await context.newPage();
    const answers = watchTokenEndpoint(context);
    await signIn(page, SHELL, 'teacher');
    holdMs = 60_000;
    const trouble = page.locator('[data-session="renewal-trouble"]');
    // Renewal starts about 1 s before the 4-s token expires, then gives up after the 10-s timeout.
    await trouble.getByText(/sign-in service cannot be reached/).waitFor({ timeout: 25_000 });
    assert.equal(await page.locator('.dashboard-title').count(), 1, 'the dashboard stays');
    assert.ok(await storedUser(page), 'the session is kept while the token endpoint hangs');
    const before = answers.length;
    holdMs = 0;
    // The next retry (2 s, doubling) gets an answer: the banner goes and renewals carry on.
    await trouble.waitFor({ state: 'detached', timeout: 30_000 });
    const after = answers.slice(before);
    assert.ok(after.length >= 1, 'a renewal got through');
    assert.ok(after.every((a) => a.grant === 'refresh_token' && a.status === 200), JSON.stringify(after));
    assert.equal(await page.locator('[data-notice="sessionEnded"]').count(), 0, 'the sign-in did not end');
    await page.locator('.dashboard-title').getByText(/Teacher – Vantaa/).waitFor();
    await stopProvider();
    await context.close();
  });

  /** Signs in with the device clock `offsetMs` off and waits until the shell has renewed twice. */
  const signInSkewed = async (offsetMs: number, locale: string, username: string): Promise<{ context: BrowserContext; page: Page }> => {
    const context = await browser.newContext({ locale });
    await skewClock(context, offsetMs);
    const page = await context.newPage();
    const answers = watchTokenEndpoint(context);
    const authorizations: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname === '/auth' && request.isNavigationRequest()) authorizations.push(request.url());
    });
    await signIn(page, SHELL, username);
    assert.equal(await page.evaluate(() => Math.round((Date.now() - performance.timeOrigin) / 60_000)), Math.round(offsetMs / 60_000));
    // Tokens of 4 s: two renewals come within about 8 s.
    await waitFor(() => answers.filter((a) => a.grant === 'refresh_token').length >= 2, 20_000, 'two renewals');
    // A DPoP proof dated by a clock this far off is answered with a nonce to use instead (RFC 9449 §8), which
    // oidc-client-ts does at once; every other answer is a success.
    assert.ok(answers.every((a) => a.status === 200 || a.error === 'use_dpop_nonce'), JSON.stringify(answers));
    assert.equal(authorizations.length, 1, 'one trip to the provider: no loop');
    assert.equal(await page.locator('[data-notice="sessionEnded"]').count(), 0);
    assert.ok(await storedUser(page));
    return { context, page };
  };

  test('a device clock 4 minutes off (within the tolerance) signs in and renews without a word about the clock', async () => {
    await startProvider({ accessTokenTtl: 4 });
    for (const offset of [4 * 60_000, -4 * 60_000]) {
      const { context, page } = await signInSkewed(offset, 'en-GB', 'teacher');
      await page.locator('.dashboard-title').getByText(/Teacher – Vantaa/).waitFor();
      assert.equal(await page.locator('[data-session="clock-skew"]').count(), 0);
      await context.close();
    }
    await stopProvider();
  });

  test('a device clock hours off still signs in and renews, and says plainly that the clock is wrong', async () => {
    await startProvider({ accessTokenTtl: 4 });
    const behind = await signInSkewed(-3 * 3600_000, 'en-GB', 'pupil');
    await behind.page
      .locator('[data-session="clock-skew"][role=status]')
      .getByText(/The clock of this device is 180 minutes behind the sign-in service/)
      .waitFor();
    await behind.context.close();
    // 13 hours ahead is past the end of the 12-hour sign-in on the device's clock: the shell corrects for the skew
    // and neither warns that the sign-in is ending nor ends it.
    const ahead = await signInSkewed(13 * 3600_000, 'fi-FI', 'pupil');
    await ahead.page
      .locator('[data-session="clock-skew"][role=status]')
      .getByText(/Tämän laitteen kello on 780 minuuttia edellä/)
      .waitFor();
    assert.equal(await ahead.page.locator('[data-session="ending-soon"]').count(), 0, 'no false end-of-sign-in warning');
    await ahead.context.close();
    await stopProvider();
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
