import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import type { PlatformComponents } from '../../sdk/src/api-types.ts';
import { shellClient, signIn as signInAtProvider } from '../../sandbox/src/testing/oidc-client.ts';
import { startFixtureHost, type FixtureHost, type FixtureMode } from './fixtures/host.ts';
import { settledWidgets, signIn, usePlatform } from './harness.ts';

type WidgetFailure = PlatformComponents['schemas']['WidgetFailure'];

/** Every failure fixture, and the `data-error` its frame must end with on the first load. */
const EXPECTED: Record<FixtureMode, string> = {
  'entry-404': 'entry-not-found',
  'entry-500': 'entry-http-error',
  'entry-html': 'entry-not-js',
  'entry-reset': 'entry-network',
  'throws-import': 'import-failed',
  'throws-bootstrap': 'bootstrap-failed',
  'throws-mount': 'mount-failed',
  'hangs-mount': 'timeout',
  'tag-design-system': 'tag-collision',
  'tag-widget': 'tag-collision',
  'blocks-mount': 'blocked',
  'render-errors': 'render-errors',
  // Healthy until the locale changes or the widget is unmounted.
  'throws-update': 'update-failed',
  'throws-unmount': 'unmount-failed',
};
const MODES = Object.keys(EXPECTED) as FixtureMode[];
const HEALTHY = ['kajo.schedule', 'lumo.messages', 'lumo.bulletin'];

const frame = (page: Page, id: string) => page.locator(`[data-widget="${id}"]`);

async function stateOf(page: Page, id: string): Promise<{ state: string | null; error: string | null }> {
  const el = frame(page, id);
  return { state: await el.getAttribute('data-state'), error: await el.getAttribute('data-error') };
}

/** Waits until the frame of `id` is in `state` (and, when given, has `error`). */
async function waitForState(page: Page, id: string, state: string, error?: string): Promise<void> {
  await page.waitForFunction(
    ([selector, s, e]) => {
      const el = document.querySelector(selector!);
      return el?.getAttribute('data-state') === s && (e === undefined || el?.getAttribute('data-error') === e);
    },
    [`[data-widget="${id}"]`, state, error] as const,
  );
}

describe('containment: every failure mode stays in its own frame next to healthy widgets', () => {
  const env = usePlatform(
    MODES.map((mode) => ({ tenant: 'vantaa', role: 'pupil', widget: `fixture.${mode}`, instanceId: mode, size: 's' as const })),
  );
  let fixtures: FixtureHost;
  before(async () => {
    fixtures = await startFixtureHost({ shellOrigin: 'http://localhost:4173' });
  });
  after(async () => {
    await fixtures?.close();
  });

  /** The vantaa admin reads the event log through the platform API, with a token from the sandbox provider. */
  let admin: Promise<{ token: string; client: ReturnType<typeof shellClient> }> | undefined;
  async function eventLog(): Promise<WidgetFailure[]> {
    const client = shellClient(env.platform.urls.identity, env.platform.urls.shell);
    admin ??= signInAtProvider(client, 'admin').then((t) => ({ token: t.access_token, client }));
    const { token, client: signedIn } = await admin;
    // The token is bound to the test client's DPoP key: sent with a proof of it.
    const url = `${env.platform.urls.api}/v1/events/widget-failures?tenant=vantaa&limit=100`;
    const response = await fetch(url, { headers: await (await signedIn.dpop).headers('GET', url, token) });
    assert.equal(response.status, 200);
    return ((await response.json()) as { items: WidgetFailure[] }).items;
  }

  /** Waits until the event log holds a failure of `widget` with `code` (the shell reports without blocking). */
  async function logged(widget: string, code: string): Promise<WidgetFailure[]> {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const items = await eventLog();
      if (items.some((f) => f.widget === widget && f.code === code)) return items;
      assert.ok(Date.now() < deadline, `the event log never received ${code} of ${widget}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }

  test('one pupil dashboard: each fixture fails with its own code, the healthy widgets and the shell keep working', async () => {
    // Tall enough that every frame is near the viewport and loads at once.
    const context = await env.browser.newContext({ locale: 'en-GB', viewport: { width: 1600, height: 4000 } });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    const reported: string[] = [];
    page.on('response', (response) => {
      if (response.request().method() === 'POST' && response.url().endsWith('/v1/events/widget-failures')) {
        const body = response.request().postDataJSON() as { widget: string; code: string };
        reported.push(`${body.widget} ${body.code} ${response.status()}`);
      }
    });
    await signIn(page, env.platform.urls.shell, 'pupil');
    await settledWidgets(page, HEALTHY.length + MODES.length);
    await waitForState(page, 'fixture.render-errors', 'error', 'render-errors');

    // Each failure fixture: error state, its own cause, a localized reason and a retry button.
    for (const mode of MODES) {
      const id = `fixture.${mode}`;
      const expected = mode === 'throws-update' || mode === 'throws-unmount' ? { state: 'ready', error: null } : { state: 'error', error: EXPECTED[mode] };
      assert.deepEqual(await stateOf(page, id), expected, id);
      if (expected.state === 'error') await frame(page, id).getByRole('button', { name: 'Try again' }).waitFor();
    }
    await frame(page, 'fixture.entry-404').getByText('The service’s address was not found.', { exact: false }).waitFor();
    await frame(page, 'fixture.blocks-mount').getByText('The service made the page unresponsive, so it was stopped.', { exact: false }).waitFor();
    // The frame showed nothing of what the ended widgets rendered.
    assert.equal(await page.locator('.fixture-content').count(), 2, 'only the two healthy fixtures show content');

    // A late answer of the hung mount does not flip its frame back.
    await page.waitForFunction(() => (window as unknown as { __fixtureLateMounts?: number }).__fixtureLateMounts === 1, undefined, {
      timeout: 15_000,
    });
    assert.deepEqual(await stateOf(page, 'fixture.hangs-mount'), { state: 'error', error: 'timeout' });
    assert.equal(await page.getByText('late', { exact: true }).count(), 0, 'what the hung widget rendered late is not on the page');

    // The healthy widgets are ready and usable, and the original elements kept their tags.
    for (const id of HEALTHY) assert.equal((await stateOf(page, id)).state, 'ready', id);
    const schedule = frame(page, 'kajo.schedule').locator('kajo-schedule');
    await schedule.locator('li').first().waitFor();
    assert.notEqual(await schedule.textContent(), 'impostor');
    const following = schedule.locator('button[data-week="following"]');
    await following.click();
    await page.waitForFunction(() =>
      document.querySelector('[data-widget="kajo.schedule"] kajo-schedule')?.shadowRoot?.querySelector('button[data-week="following"]')?.getAttribute('aria-pressed') === 'true',
    );
    const summary = frame(page, 'lumo.bulletin').locator('lumo-bulletin summary').first();
    await summary.click();
    await frame(page, 'lumo.bulletin').locator('lumo-bulletin details[open]').first().waitFor();
    // The design system's button still works: it is the retry button of every failed frame, with its shadow root.
    assert.equal(
      await page.evaluate(() => Boolean(document.querySelector('[data-widget="fixture.tag-design-system"] d1-card')?.shadowRoot?.querySelector('d1-button')?.shadowRoot)),
      true,
    );

    // The language switch still works; it updates the widgets, and the one that throws on update is ended.
    await page.getByRole('button', { name: 'Svenska' }).click();
    await page.waitForFunction(() => document.documentElement.lang === 'sv');
    await waitForState(page, 'fixture.throws-update', 'error', 'update-failed');
    await frame(page, 'fixture.entry-404').getByText('Tjänstens adress hittades inte.', { exact: false }).waitFor();
    await frame(page, 'fixture.throws-unmount').getByText('fixture fixture.throws-unmount (sv)').waitFor();
    for (const id of HEALTHY) assert.equal((await stateOf(page, id)).state, 'ready', id);

    // Retry fetches the entry again: still broken stays broken; a vendor that fixed its server comes back.
    const asked = (mode: FixtureMode): number => fixtures.requests.get(`/${mode}/remoteEntry.js`) ?? 0;
    const before404 = asked('entry-404');
    await frame(page, 'fixture.entry-404').getByRole('button', { name: 'Försök igen' }).click();
    await waitForState(page, 'fixture.entry-404', 'error', 'entry-not-found');
    assert.ok(asked('entry-404') > before404, 'the retry asked for the entry again');
    fixtures.heal('entry-500');
    await frame(page, 'fixture.entry-500').getByRole('button', { name: 'Försök igen' }).click();
    await waitForState(page, 'fixture.entry-500', 'ready');
    await frame(page, 'fixture.entry-500').getByText('fixture fixture.entry-500 (sv)').waitFor();

    // Every failure reached the platform's event log, once per mount attempt.
    const log = await logged('fixture.throws-update', 'update-failed');
    for (const mode of MODES.filter((m) => m !== 'throws-unmount')) {
      const entries = log.filter((f) => f.widget === `fixture.${mode}` && f.code === EXPECTED[mode]);
      assert.ok(entries.length >= 1, `event log has ${EXPECTED[mode]} of fixture.${mode}`);
      assert.equal(new Set(entries.map((f) => f.attempt)).size, entries.length, `fixture.${mode}: one report per attempt`);
    }
    assert.ok(log.every((f) => f.tenant === 'vantaa' && f.user !== '' && !('message' in f)));
    assert.ok(reported.every((line) => line.endsWith(' 202')), reported.join('\n'));

    // Nothing blanked the page: the shell's header and dashboard are still there.
    await page.locator('.dashboard-title').waitFor();
    assert.ok(pageErrors.length >= 5, 'the erratic widget did throw uncaught errors');

    // Sign-out still works; it unmounts the widgets first, and the failing unmount is reported, not stuck.
    await page.getByRole('button', { name: 'Logga ut' }).click();
    await page.waitForURL((url) => url.origin === env.platform.urls.shell && url.pathname === '/');
    await page.locator('[data-notice="signedOut"]').waitFor();
    await logged('fixture.throws-unmount', 'unmount-failed');
    await context.close();
  });
});
