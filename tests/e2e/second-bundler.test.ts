import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { axeViolations, settledWidgets, signIn, usePlatform } from './harness.ts';

/** What the platform API answered the calendar widget for its assignments. */
interface AssignmentPage {
  items: Array<{ title: string; dueAt: string }>;
}

describe('a widget built by another bundler (rspack) in the vite-built shell', () => {
  const env = usePlatform();

  test('the pupil sees the rspack-built calendar ready, with sandbox data, one lit, one design system, in their language', async () => {
    const context = await env.browser.newContext({ locale: 'en-GB' });
    const page = await context.newPage();
    const warnings: string[] = [];
    const pageErrors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'warning' || message.type() === 'error') warnings.push(message.text());
    });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    const vendorScripts: string[] = [];
    page.on('request', (request) => {
      if (request.url().startsWith('http://localhost:4205/')) vendorScripts.push(new URL(request.url()).pathname);
    });
    const assignments = page.waitForResponse(
      async (response) =>
        new URL(response.url()).pathname === '/v1/assignments' &&
        (await response.request().headerValue('X-DigiOne-Widget')) === 'tanne.calendar',
    );

    await signIn(page, env.platform.urls.shell, 'pupil');
    const states = await settledWidgets(page, 4);
    assert.equal(states['tanne.calendar'], 'ready', JSON.stringify(states));
    assert.equal(states['kajo.schedule'], 'ready', 'the vite-built widgets keep working beside it');

    // The widget came from Tanne's own origin as an rspack build: an ES module remote entry and its own chunk, and
    // nothing else from there (lit, the SDK and the design system came from the shell's shared scope).
    assert.ok(vendorScripts.includes('/calendar/remoteEntry.js'), vendorScripts.join(', '));
    const entry = await page.evaluate(async () => (await fetch('http://localhost:4205/calendar/remoteEntry.js')).text());
    assert.match(entry, /__webpack_require__/, 'the entry is a webpack-runtime (rspack) bundle');
    assert.ok(vendorScripts.every((path) => /^\/calendar\/[\w.]+\.js$/.test(path)), vendorScripts.join(', '));

    // One lit on the page, and the design system's elements are the shell's: no second definition was attempted.
    assert.equal(await page.evaluate(() => (window as unknown as { litElementVersions?: string[] }).litElementVersions?.length), 1);
    const calendar = page.locator('[data-widget="tanne.calendar"] tanne-calendar');
    assert.ok(
      await calendar.evaluate((el) => {
        const badge = el.shadowRoot?.querySelector('d1-badge');
        const defined = customElements.get('d1-badge');
        return badge === null || (defined !== undefined && badge instanceof defined && badge.shadowRoot !== null);
      }),
      'd1-badge inside the widget is the shell-defined element',
    );
    assert.deepEqual(warnings.filter((text) => /tag-conflict|already (been )?defined|Multiple versions of Lit/i.test(text)), []);

    // It shows what the sandbox platform API answered for this pupil (deadlines of the next two weeks).
    const answer = await assignments;
    assert.equal(answer.status(), 200);
    const page1 = (await answer.json()) as AssignmentPage;
    assert.ok(page1.items.length > 0, 'the sandbox has assignments due in the next two weeks');
    const first = page1.items[0]!;
    await calendar.getByText(first.title, { exact: true }).first().waitFor();
    await calendar.locator('d1-badge', { hasText: 'Due' }).first().waitFor();
    await calendar.getByText(/^The next 14 days$/).waitFor();
    assert.deepEqual(await axeViolations(page), [], 'the dashboard with the calendar shown');

    // The shell's language switch reaches the rspack-built widget too, without a reload.
    await page.getByRole('button', { name: 'Suomi' }).click();
    await page.waitForFunction(() => document.documentElement.lang === 'fi');
    await calendar.getByText(/^Seuraavat 14 päivää$/).waitFor();
    await calendar.locator('d1-badge', { hasText: 'Palautus' }).first().waitFor();
    await page.getByRole('button', { name: 'Svenska' }).click();
    await page.waitForFunction(() => document.documentElement.lang === 'sv');
    await calendar.getByText(/^De kommande 14 dagarna$/).waitFor();
    await calendar.locator('d1-badge', { hasText: 'Inlämning' }).first().waitFor();
    await calendar.getByText(first.title, { exact: true }).first().waitFor();

    // The rspack runtime runs under the shell's strict CSP (no eval, no undeclared origin).
    assert.deepEqual(warnings.filter((text) => /Content Security Policy/i.test(text)), []);
    assert.deepEqual(pageErrors, []);
    await context.close();
  });
});
