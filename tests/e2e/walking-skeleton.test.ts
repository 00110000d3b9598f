import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { settledWidgets, signIn, usePlatform } from './harness.ts';

describe('walking skeleton: sign in, role dashboard, vendor widgets, language', () => {
  const env = usePlatform([
    { tenant: 'vantaa', role: 'pupil', widget: 'fixture.missing', instanceId: 'missing', size: 's' },
  ]);

  test('a pupil signs in, sees widgets from vendor origins, switches to Swedish, reloads, signs out; a teacher gets the teacher dashboard', async () => {
    const context = await env.browser.newContext({ locale: 'fi-FI' });
    const page = await context.newPage();
    const shell = env.platform.urls.shell;

    await page.goto(shell);
    assert.equal(await page.locator('html').getAttribute('lang'), 'fi');
    await signIn(page, shell, 'pupil');

    const states = await settledWidgets(page, 4);
    assert.equal(states['kajo.schedule'], 'ready');
    assert.equal(states['lumo.messages'], 'ready');
    assert.equal(states['lumo.bulletin'], 'ready');

    // The broken vendor entry is contained in its own frame, with a localized reason.
    const broken = page.locator('[data-widget="fixture.missing"]');
    assert.equal(await broken.getAttribute('data-state'), 'error');
    assert.equal(await broken.getAttribute('data-error'), 'entry-not-found');
    await broken.getByText(/Palvelun osoitetta ei löytynyt/).waitFor();
    await broken.getByRole('button', { name: 'Yritä uudelleen' }).waitFor();

    // Widgets came from other origins, and lit is on the page once.
    const scriptOrigins = await page.evaluate(() =>
      [...new Set(performance.getEntriesByType('resource').filter((e) => e.name.endsWith('.js')).map((e) => new URL(e.name).origin))].sort(),
    );
    assert.deepEqual(scriptOrigins, ['http://localhost:4173', 'http://localhost:4201', 'http://localhost:4202', 'http://localhost:4205']);
    assert.equal(await page.evaluate(() => (window as unknown as { litElementVersions?: string[] }).litElementVersions?.length), 1);

    // The schedule widget shows lessons that came from the platform API with the pupil's token.
    await page.locator('[data-widget="kajo.schedule"] kajo-schedule li').first().waitFor();

    // Switch to Swedish: shell and widget texts change without a reload.
    const navigations: string[] = [];
    page.on('framenavigated', (frame) => navigations.push(frame.url()));
    await page.getByRole('button', { name: 'Svenska' }).click();
    await page.waitForFunction(() => document.documentElement.lang === 'sv');
    await page.getByText('Logga ut').waitFor();
    await page.locator('[data-widget="kajo.schedule"]').getByText(/Den här veckan|Nästa vecka/).waitFor();
    await page.locator('[data-widget="fixture.missing"]').getByText(/Tjänstens adress hittades inte/).waitFor();
    assert.deepEqual(navigations, [], 'switching language must not reload the page');

    // The choice survives a reload.
    await page.reload();
    assert.equal(await page.locator('html').getAttribute('lang'), 'sv');
    const afterReload = await settledWidgets(page, 4);
    assert.equal(afterReload['kajo.schedule'], 'ready');
    await page.locator('[data-widget="kajo.schedule"]').getByText(/Den här veckan|Nästa vecka/).waitFor();

    // Sign out ends the session at the provider too, and lands back on the shell.
    await page.getByRole('button', { name: 'Logga ut' }).click();
    await page.getByText('Du har loggat ut.').waitFor();
    assert.equal(new URL(page.url()).origin, shell);

    // A teacher signs in (the provider asks again: its session ended) and gets the teacher dashboard.
    await signIn(page, shell, 'teacher');
    await page.locator('.dashboard-title').getByText(/Lärare/).waitFor();
    const teacherStates = await settledWidgets(page, 6);
    assert.deepEqual(Object.keys(teacherStates).sort(), [
      'aika.term-countdown',
      'kajo.schedule',
      'lumo.bulletin',
      'lumo.messages',
      'tanne.calendar',
      'vire.materials',
    ]);
    assert.ok(Object.values(teacherStates).every((s) => s === 'ready'), JSON.stringify(teacherStates));
    await context.close();
  });

  test('a first visit from a Swedish-language browser starts in Swedish, before and after the shell boots', async () => {
    const context = await env.browser.newContext({ locale: 'sv-FI' });
    const page = await context.newPage();
    await page.goto(env.platform.urls.shell, { waitUntil: 'commit' });
    await page.waitForFunction(() => document.documentElement.lang !== '');
    assert.equal(await page.locator('html').getAttribute('lang'), 'sv');
    await page.getByRole('button', { name: 'Logga in' }).waitFor();
    assert.equal(await page.locator('html').getAttribute('lang'), 'sv');
    await context.close();
  });
});
