import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { LEARNER_OID } from '../../sandbox/src/data/people.ts';
import { launchChromium, settledWidgets, signIn, startPlatform, type RunningPlatform } from './harness.ts';
import { dpopKeyStored, fetchWithSessionKey, storageKeys, storedUser, submitProviderForm, watchTokenEndpoint } from './identity-helpers.ts';

/** Access tokens live this many seconds here, so that every tab renews every few seconds. */
const ACCESS_TOKEN_TTL = 4;

/** Polls a condition of the test process (not of a page) until it holds; fails after `timeoutMs`. */
async function until(what: string, predicate: () => boolean, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function onDashboard(page: Page): Promise<boolean> {
  return (await page.locator('.dashboard-title').count()) === 1 && (await page.locator('[data-notice]').count()) === 0;
}

describe('sessions across tabs, with access tokens of a few seconds', () => {
  let platform: RunningPlatform;
  let browser: Browser;
  let shell: string;

  before(async () => {
    platform = await startPlatform({ accessTokenTtl: ACCESS_TOKEN_TTL });
    shell = platform.urls.shell;
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await platform?.close();
  });

  test('five tabs renew one after another: no invalid_grant, none signed out, widgets keep working', async () => {
    const context = await browser.newContext({ locale: 'en-GB' });
    const answers = watchTokenEndpoint(context);
    const first = await context.newPage();
    await signIn(first, shell, 'guardian');
    const pages = [first];
    for (let i = 0; i < 4; i++) {
      const page = await context.newPage();
      await page.goto(shell);
      await page.locator('.dashboard-title').waitFor();
      pages.push(page);
    }
    const start = Date.now();
    const refreshes = () => answers.filter((a) => a.grant === 'refresh_token' && a.at >= start);
    // Each access token lives 4 s: 12 renewals take about 36 s, each one with five tabs wanting to renew.
    await until('12 renewals happened with five tabs open', () => refreshes().length >= 12, 90_000);
    const elapsed = (Date.now() - start) / 1000;
    const failed = answers.filter((a) => a.status !== 200);
    assert.deepEqual(failed, [], 'every token endpoint answer is 200 (no invalid_grant)');
    // Serialized: one renewal per token lifetime for all five tabs, not one per tab.
    const perLifetime = (refreshes().length / elapsed) * ACCESS_TOKEN_TTL;
    console.log(`# five tabs: ${refreshes().length} refreshes in ${elapsed.toFixed(1)} s = ${perLifetime.toFixed(2)} per ${ACCESS_TOKEN_TTL}-s token lifetime`);
    assert.ok(perLifetime < 2, `renewals are not repeated per tab (${perLifetime.toFixed(2)} per token lifetime)`);
    for (const [i, page] of pages.entries()) {
      assert.ok(await onDashboard(page), `tab ${i + 1} still shows the dashboard`);
    }
    // A token from the newest renewal works for the platform API in every tab (widgets reload their data with it).
    await pages[4]!.getByLabel('Child').selectOption({ index: 1 });
    const states = await settledWidgets(pages[4]!, 3);
    assert.ok(Object.values(states).every((s) => s === 'ready'), JSON.stringify(states));
    assert.deepEqual(answers.filter((a) => a.status !== 200), []);
    await context.close();
  });

  test('signing out in one tab signs out the other within seconds, clears storage, and ends the provider session', async () => {
    const context = await browser.newContext({ locale: 'en-GB' });
    const a = await context.newPage();
    await signIn(a, shell, 'teacher');
    const b = await context.newPage();
    await b.goto(shell);
    await b.locator('.dashboard-title').waitFor();
    await settledWidgets(b, 3);

    const clicked = Date.now();
    await a.getByRole('button', { name: 'Sign out' }).click();
    await b.locator('[data-notice="signedOut"]').waitFor({ timeout: 5000 });
    console.log(`# other tab signed out after ${Date.now() - clicked} ms`);
    assert.equal(await b.locator('[data-widget]').count(), 0, 'no widget of the signed-out user stays mounted');
    await a.getByText('You have signed out.').waitFor();

    for (const page of [a, b]) {
      assert.equal(await dpopKeyStored(page), false, 'the DPoP key went with the session');
      assert.equal(await storedUser(page), null);
      const left = (await storageKeys(page)).filter((k) => !/^local:digione\.(pref\.[0-9a-f]{32}\.role|locale)$/.test(k));
      assert.deepEqual(left, [], 'only the device language and hashed role preferences remain');
    }
    // The provider's session ended too: signing in asks for the password again.
    await b.getByRole('button', { name: 'Sign in' }).click();
    await b.waitForURL((url) => url.port === '4174');
    await b.locator('input[name=username]').waitFor();
    await context.close();
  });

  test('the chosen role is remembered per user under a hash of sub, across sign-out', async () => {
    const context = await browser.newContext({ locale: 'en-GB' });
    const page = await context.newPage();
    await signIn(page, shell, 'teacher-guardian');
    await page.locator('.dashboard-title').getByText(/Guardian – Vantaa/).waitFor();
    await page.getByLabel('Role').selectOption('teacher');
    await page.locator('.dashboard-title').getByText(/Teacher – Vantaa/).waitFor();
    const keys = await storageKeys(page);
    assert.ok(keys.some((k) => /^local:digione\.pref\.[0-9a-f]{32}\.role$/.test(k)), keys.join());
    assert.ok(!keys.some((k) => k.includes('sandbox-teacher-guardian')), 'no raw subject identifier in a key');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByText('You have signed out.').waitFor();
    await signIn(page, shell, 'teacher-guardian');
    await page.locator('.dashboard-title').getByText(/Teacher – Vantaa/).waitFor();
    // Another user on the same browser does not inherit it.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByText('You have signed out.').waitFor();
    await signIn(page, shell, 'guardian');
    await page.locator('.dashboard-title').getByText(/Guardian – Vantaa/).waitFor();
    await context.close();
  });

  test('a role revoked mid-session: the next renewal falls back to another role and says why', async () => {
    const context = await browser.newContext({ locale: 'en-GB' });
    const page = await context.newPage();
    await signIn(page, shell, 'teacher-guardian');
    await page.locator('.dashboard-title').getByText(/Guardian – Vantaa/).waitFor();
    await settledWidgets(page, 3);
    // From now on the registry no longer lists the guardian role (the mandate was withdrawn).
    await page.route('**/v1/me', async (route) => {
      const response = await route.fetch();
      const body = (await response.json()) as { user: { roleNames: string[]; roles: Array<{ role: string }>; children: unknown[] } };
      body.user.roleNames = body.user.roleNames.filter((r) => r !== 'guardian');
      body.user.roles = body.user.roles.filter((r) => r.role !== 'guardian');
      body.user.children = [];
      await route.fulfill({ response, json: body });
    });
    await page.locator('[data-notice="role-revoked"]').getByText(/“Guardian” is no longer available/).waitFor({ timeout: 15_000 });
    await page.locator('.dashboard-title').getByText(/Teacher – Vantaa/).waitFor();
    const states = await settledWidgets(page, 3);
    assert.ok(Object.values(states).every((s) => s === 'ready'), JSON.stringify(states));
    assert.equal(await page.getByLabel('Child').count(), 0, 'the previous context’s child switcher is gone');
    await context.close();
  });

  test('token endpoint errors (5xx, server_error) keep the session, say so, and renewal recovers', async () => {
    const context = await browser.newContext({ locale: 'en-GB' });
    const page = await context.newPage();
    await signIn(page, shell, 'pupil');
    const isRefresh = (url: URL): boolean => url.port === '4174' && url.pathname === '/token';
    await context.route(isRefresh, (route) =>
      route.fulfill({ status: 503, json: { error: 'server_error', error_description: 'down for maintenance' }, headers: { 'access-control-allow-origin': shell } }),
    );
    const trouble = page.locator('[data-session="renewal-trouble"][role=status]');
    await trouble.getByText(/sign-in service cannot be reached/).waitFor({ timeout: 15_000 });
    assert.ok(await onDashboard(page), 'still on the dashboard');
    assert.ok(await storedUser(page), 'the session is kept');
    const answers = watchTokenEndpoint(context);
    await context.unrouteAll();
    await trouble.waitFor({ state: 'detached', timeout: 40_000 });
    assert.ok(answers.some((a) => a.grant === 'refresh_token' && a.status === 200), 'a renewal went through');
    assert.ok(await onDashboard(page));
    await context.close();
  });

  test('the new personas sign in to the right context', async () => {
    const cases: Array<{ username: string; title: RegExp; check?: (page: Page) => Promise<void> }> = [
      { username: 'substitute', title: /Teacher – Vantaa/ },
      { username: 'elev', title: /Pupil – Vantaa/ },
      {
        username: 'guardian-two-cities',
        title: /Guardian – Vantaa/,
        check: async (page) => {
          // d1-select's options keep the template's whitespace around their text.
          const names = (await page.getByLabel('Child').locator('option').allTextContents()).map((name) => name.trim());
          assert.deepEqual(names, ['Oona Kaksinen', 'Ella Kokeilu']);
        },
      },
    ];
    for (const c of cases) {
      const context = await browser.newContext({ locale: 'en-GB' });
      const page = await context.newPage();
      await signIn(page, shell, c.username);
      await page.locator('.dashboard-title').getByText(c.title).waitFor();
      await c.check?.(page);
      await context.close();
    }
    // A guardian whose only mandate was revoked has no role: the no-roles page, not a blank one.
    const context = await browser.newContext({ locale: 'en-GB' });
    const page = await context.newPage();
    await page.goto(shell);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => url.port === '4174');
    await page.getByRole('link', { name: /Suomi\.fi/ }).click();
    await submitProviderForm(page, 'revoked-guardian');
    await page.locator('[data-state="no-roles"]').getByText(/has no role in DigiOne/).waitFor();
    await context.close();
  });

  test("a guardian asking the API for another family's child gets 403, with a token from the real flow", async () => {
    const context = await browser.newContext({ locale: 'en-GB' });
    const page = await context.newPage();
    await signIn(page, shell, 'guardian');
    // Read the token afresh for each call: it lives only a few seconds here, and the shell renews it. It is bound to
    // the session's DPoP key, so the call is made in the page with a proof of that key.
    const get = async (oid: string) => {
      const user = await storedUser(page);
      assert.ok(user?.access_token);
      return fetchWithSessionKey(page, new URL(`/v1/learners/${oid}`, platform.urls.api).href, user.access_token);
    };
    assert.equal((await get(LEARNER_OID.veeti)).status, 200, 'own child');
    assert.equal((await get(LEARNER_OID.elias)).status, 403, "another family's child");
    assert.equal((await get(LEARNER_OID.ella)).status, 403, "another municipality's child");
    await context.close();
  });
});
