import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { settledWidgets, signIn, usePlatform } from './harness.ts';

describe('the widget SDK on the running platform: SDK range, per-user settings, toasts', () => {
  const env = usePlatform([
    { tenant: 'vantaa', role: 'pupil', widget: 'fixture.future-sdk', instanceId: 'future', size: 's' },
  ]);

  test('a widget that needs a newer SDK is refused before any of its code is fetched', async () => {
    const context = await env.browser.newContext({ locale: 'en-GB' });
    const page = await context.newPage();
    const requested: string[] = [];
    page.on('request', (request) => requested.push(request.url()));
    await signIn(page, env.platform.urls.shell, 'pupil');
    const states = await settledWidgets(page, 4);
    assert.equal(states['fixture.future-sdk'], 'error');
    assert.equal(states['kajo.schedule'], 'ready');
    const future = page.locator('[data-widget="fixture.future-sdk"]');
    assert.equal(await future.getAttribute('data-error'), 'sdk-mismatch');
    await future.getByText('The service needs a newer version of DigiOne.').waitFor();
    assert.deepEqual(requested.filter((url) => url.includes('/future/')), []);
    await context.close();
  });

  test("a widget's per-user settings survive a reload", async () => {
    const context = await env.browser.newContext({ locale: 'en-GB' });
    const page = await context.newPage();
    await signIn(page, env.platform.urls.shell, 'pupil');
    await settledWidgets(page, 4);
    const schedule = page.locator('[data-widget="kajo.schedule"] kajo-schedule');
    const following = schedule.locator('button[data-week="following"]');
    await schedule.locator('li').first().waitFor();
    assert.equal(await following.getAttribute('aria-pressed'), 'false');

    const saved = page.waitForResponse(
      (response) => response.request().method() === 'PUT' && response.url().endsWith('/v1/me/widget-settings/kajo.schedule'),
    );
    await following.click();
    const response = await saved;
    assert.equal(response.status(), 200);
    assert.deepEqual(response.request().postDataJSON(), { week: 'following' });
    await schedule.getByText(/^(Next week|The week after)$/).waitFor();

    await page.reload();
    await settledWidgets(page, 4);
    await page.waitForFunction(() => {
      const el = document.querySelector('[data-widget="kajo.schedule"] kajo-schedule');
      return el?.shadowRoot?.querySelector('button[data-week="following"]')?.getAttribute('aria-pressed') === 'true';
    });
    await schedule.getByText(/^(Next week|The week after)$/).waitFor();
    await schedule.locator('li').first().waitFor();
    await context.close();
  });

  test('opening an announcement records an xAPI statement for the pupil, and messages publish without error', async () => {
    const context = await env.browser.newContext({ locale: 'en-GB' });
    const page = await context.newPage();
    await signIn(page, env.platform.urls.shell, 'pupil');
    await settledWidgets(page, 4);
    // The messages widget published its unread count on a declared topic: an undeclared one would have failed it.
    await page.locator('[data-widget="lumo.messages"] lumo-inbox li').first().waitFor();

    const stored = page.waitForResponse((response) => response.request().method() === 'POST' && response.url().endsWith('/xapi/statements'));
    await page.locator('[data-widget="lumo.bulletin"] lumo-bulletin summary').first().click();
    const response = await stored;
    assert.equal(response.status(), 200);
    assert.equal(await response.request().headerValue('X-Experience-API-Version'), '1.0.3');
    assert.equal(await response.request().headerValue('X-DigiOne-Widget'), 'lumo.bulletin');
    const statement = response.request().postDataJSON() as { actor?: unknown; verb: { id: string }; object: { id: string } };
    assert.equal(statement.actor, undefined, 'the platform fills in the actor');
    assert.equal(statement.verb.id, 'http://adlnet.gov/expapi/verbs/experienced');
    assert.match(statement.object.id, /^urn:lumo:bulletin:item:/);
    const ids = (await response.json()) as string[];
    assert.equal(ids.length, 1);
    await context.close();
  });

  test('a widget whose data fails to load tells the user with an accessible toast that can be dismissed', async () => {
    const context = await env.browser.newContext({ locale: 'en-GB' });
    await context.route(`${env.platform.urls.api}/v1/messages**`, (route) =>
      route.request().method() === 'OPTIONS'
        ? route.continue()
        : route.fulfill({
            status: 503,
            contentType: 'application/problem+json',
            headers: { 'Access-Control-Allow-Origin': env.platform.urls.shell },
            body: JSON.stringify({ type: 'about:blank', title: 'Service unavailable', status: 503, code: 'internal' }),
          }),
    );
    const page = await context.newPage();
    await signIn(page, env.platform.urls.shell, 'pupil');
    const toast = page.locator('.toast-region').getByRole('alert');
    await toast.getByText('Messages could not be loaded. Try again later.').waitFor();
    await toast.getByText('Messages', { exact: true }).waitFor();
    // The widget handled its own failure: its frame is not in error, the rest of the page works.
    const states = await settledWidgets(page, 4);
    assert.equal(states['lumo.messages'], 'ready');
    assert.equal(states['kajo.schedule'], 'ready');

    await toast.getByRole('button', { name: 'Dismiss notification' }).click();
    await toast.waitFor({ state: 'detached' });
    await context.close();
  });
});
