import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page, Request } from 'playwright-core';
import { axeViolations, signIn, usePlatform } from './harness.ts';

/** Waits until the frame of `widgetId` has settled and returns its state and error. */
async function widgetState(page: Page, widgetId: string): Promise<{ state: string | null; error: string | null }> {
  const frame = page.locator(`[data-widget="${widgetId}"]`);
  await page.waitForFunction((id) => {
    const state = document.querySelector(`[data-widget="${id}"]`)?.getAttribute('data-state');
    return state === 'ready' || state === 'error';
  }, widgetId);
  return { state: await frame.getAttribute('data-state'), error: await frame.getAttribute('data-error') };
}

const VIRE = 'http://localhost:4203';
const AIKA = 'http://localhost:4204';

describe('three integration levels: module, iframe and link, as the tenant policy grants them', () => {
  const env = usePlatform();

  test('pupil: the iframe widget gets sandbox data through the bridge, resizes, follows the language, and passes the keyboard', async () => {
    const context = await env.browser.newContext({ locale: 'en-GB' });
    const page = await context.newPage();
    const requests: Request[] = [];
    page.on('request', (request) => requests.push(request));
    await signIn(page, env.platform.urls.shell, 'pupil');
    assert.deepEqual(await widgetState(page, 'vire.materials'), { state: 'ready', error: null });

    const iframe = page.locator('[data-widget="vire.materials"] iframe');
    assert.equal(await iframe.getAttribute('sandbox'), 'allow-scripts allow-forms allow-same-origin');
    assert.equal(new URL((await iframe.getAttribute('src')) ?? '').origin, VIRE);
    const frame = page.frameLocator('[data-widget="vire.materials"] iframe');
    const materials = frame.locator('vire-materials');
    // The sandbox's curriculum of mathematics, fetched by the shell on the widget's behalf.
    await materials.locator('ul[data-subject="MA"] li').first().waitFor();
    await materials.getByText('Open the core curriculum of Mathematics').waitFor();

    const api = requests.filter((request) => request.url().startsWith(env.platform.urls.api));
    const forVire = api.filter((request) => request.headers()['x-digione-widget'] === 'vire.materials');
    assert.ok(forVire.some((request) => new URL(request.url()).pathname === '/v1/curriculum/MA'), 'the shell called the API for the frame');
    assert.deepEqual(
      api.filter((request) => request.frame() !== page.mainFrame()).map((request) => request.url()),
      [],
      'the frame itself never calls the platform API: it has no token to call it with',
    );

    // The frame is as tall as its content: the widget reports its height over the bridge. Chromium throttles the
    // rendering of a cross-origin frame far outside the viewport, and with it the frame's ResizeObserver, so the height
    // follows once the frame is scrolled near, as a reader would see it.
    await iframe.scrollIntoViewIfNeeded();
    const heights = async () => ({
      frame: (await iframe.boundingBox())?.height ?? 0,
      content: await frame.locator('html').evaluate((html) => html.getBoundingClientRect().height),
    });
    await page.waitForFunction(() => {
      const el = document.querySelector<HTMLIFrameElement>('[data-widget="vire.materials"] iframe');
      return el !== null && el.getBoundingClientRect().height > 144;
    });
    const tall = await heights();
    assert.ok(Math.abs(tall.frame - Math.ceil(tall.content)) <= 1, `frame ${tall.frame} px, content ${tall.content} px`);

    // The frame is its vendor's origin, not the shell's: the widget cannot reach the shell's page or its tokens.
    const reach = await frame.locator('html').evaluate(() => {
      try {
        return window.parent.document.title;
      } catch {
        return 'refused';
      }
    });
    assert.equal(reach, 'refused');

    // The theme is pushed in: the frame's document follows the shell's colour scheme.
    assert.equal(await frame.locator('html').getAttribute('data-theme'), 'light');
    await page.emulateMedia({ colorScheme: 'dark' });
    await frame.locator('html[data-theme="dark"]').waitFor({ state: 'attached' });
    await page.emulateMedia({ colorScheme: 'light' });
    await frame.locator('html[data-theme="light"]').waitFor({ state: 'attached' });

    // The shell switches language: the frame's document and texts follow without a reload.
    await page.getByRole('button', { name: 'Svenska' }).click();
    await page.waitForFunction(() => document.documentElement.lang === 'sv');
    await materials.getByText('Öppna grunderna för läroplanen i Matematik').waitFor();
    assert.equal(await frame.locator('html').getAttribute('lang'), 'sv');
    assert.match((await iframe.getAttribute('title')) ?? '', /^Läromaterial \(tjänst från Vire Oppimateriaalit Oy\)$/);

    // Keyboard: Tab past the frame's last control, or Shift+Tab before its first, returns focus to the shell; Tab
    // from the shell's control before the frame enters it at its first control.
    const activeInFrame = () =>
      frame.locator('html').evaluate(() => {
        const path: string[] = [];
        let active: Element | null = document.activeElement;
        while (active) {
          path.push(active.tagName.toLowerCase());
          active = active.shadowRoot?.activeElement ?? null;
        }
        return path;
      });
    const frameHasFocus = () => page.evaluate(() => document.activeElement?.tagName === 'IFRAME');
    await materials.locator('d1-button').focus();
    await page.keyboard.press('Tab');
    await page.waitForFunction(() => document.activeElement?.tagName !== 'IFRAME');
    await materials.locator('d1-select').focus();
    assert.deepEqual((await activeInFrame()).slice(0, 2), ['vire-materials', 'd1-select']);
    await page.keyboard.press('Shift+Tab');
    await page.waitForFunction(() => document.activeElement !== null && document.activeElement.tagName !== 'IFRAME' && document.activeElement !== document.body);
    const before = await page.evaluate(() => document.activeElement?.closest('[data-widget]')?.getAttribute('data-widget'));
    assert.ok(before && before !== 'vire.materials', `focus moved to the shell's previous control (in ${before})`);
    await page.keyboard.press('Tab');
    await page.waitForFunction(() => document.activeElement?.tagName === 'IFRAME');
    assert.equal(await frameHasFocus(), true);
    assert.deepEqual((await activeInFrame()).slice(0, 2), ['vire-materials', 'd1-select'], 'Tab entered the frame at its first control');

    // Escape that the widget does not handle passes up to the shell.
    await page.evaluate(() => {
      document.addEventListener('keydown', (event) => {
        if (event.key === 'Escape') document.documentElement.dataset['escaped'] = String((event.target as Element).tagName);
      });
    });
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => document.documentElement.dataset['escaped'] !== undefined);

    assert.deepEqual(await axeViolations(page), []);
    assert.deepEqual(env.platform.cspReports, [], 'the page’s Content-Security-Policy allowed every level');
    await context.close();
  });

  test('teacher: a published npm custom element runs from a third-party origin with no SDK, beside the iframe widget', async () => {
    const context = await env.browser.newContext({ locale: 'en-GB' });
    const page = await context.newPage();
    const fetched: string[] = [];
    page.on('request', (request) => fetched.push(request.url()));
    await signIn(page, env.platform.urls.shell, 'teacher');
    assert.deepEqual(await widgetState(page, 'aika.term-countdown'), { state: 'ready', error: null });
    assert.deepEqual(await widgetState(page, 'vire.materials'), { state: 'ready', error: null });
    assert.ok(fetched.includes(`${AIKA}/relative-time/index.js`));

    const element = page.locator('[data-widget="aika.term-countdown"] relative-time');
    assert.equal(await element.getAttribute('datetime'), '2026-12-19T12:00:00+02:00');
    assert.equal(await element.getAttribute('lang'), 'en');
    const text = async () => element.evaluate((el) => (el.shadowRoot?.textContent ?? el.textContent ?? '').trim());
    await page.waitForFunction(() => {
      const el = document.querySelector('[data-widget="aika.term-countdown"] relative-time');
      return (el?.shadowRoot?.textContent ?? '').trim() !== '';
    });
    const english = await text();
    assert.match(english, /\b(in|ago)\b/, `an English relative time, got "${english}"`);
    assert.equal(
      await element.evaluate((el) => (el as HTMLElement & { context?: { widget: { id: string } } }).context?.widget.id),
      'aika.term-countdown',
      'the element was handed the context as a property',
    );

    await page.getByRole('button', { name: 'Suomi' }).click();
    await page.waitForFunction(() => document.querySelector('[data-widget="aika.term-countdown"] relative-time')?.getAttribute('lang') === 'fi');
    await page.waitForFunction(
      (before) => (document.querySelector('[data-widget="aika.term-countdown"] relative-time')?.shadowRoot?.textContent ?? '').trim() !== before,
      english,
    );
    assert.deepEqual(await axeViolations(page), []);
    assert.deepEqual(env.platform.cspReports, [], 'the page’s Content-Security-Policy allowed every level');
    await context.close();
  });

  test('guardian: the link tile opens the vendor’s service in a new tab, and no vendor code runs', async () => {
    const context = await env.browser.newContext({ locale: 'en-GB' });
    const service = 'https://huoltaja.reissu.example/luvat';
    await context.route('https://huoltaja.reissu.example/**', (route) =>
      route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>Reissu</title><p>Reissu</p>' }),
    );
    const page = await context.newPage();
    const vendor: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('reissu.example')) vendor.push(request.url());
    });
    await signIn(page, env.platform.urls.shell, 'guardian');
    assert.deepEqual(await widgetState(page, 'reissu.permissions'), { state: 'ready', error: null });
    const tile = page.locator('[data-widget="reissu.permissions"]');
    await tile.getByText("Give permissions for your child's trips, photos and more in Reissu's service.").waitFor();
    const link = tile.locator('d1-link a');
    assert.equal(await link.getAttribute('href'), service);
    assert.equal(await link.getAttribute('target'), '_blank');
    assert.equal(await link.getAttribute('rel'), 'noopener noreferrer');
    assert.equal(await tile.locator('iframe').count(), 0);
    assert.deepEqual(vendor, [], 'nothing is fetched from the vendor until the user opens the link');

    const [popup] = await Promise.all([context.waitForEvent('page'), tile.getByRole('link', { name: /Open Permissions and consents/ }).click()]);
    await popup.waitForLoadState();
    assert.equal(popup.url(), service);
    assert.equal(await popup.evaluate(() => window.opener), null, 'the service gets no handle to the shell');
    await popup.close();

    await page.getByRole('button', { name: 'Suomi' }).click();
    await tile.getByRole('link', { name: /Avaa Luvat ja suostumukset/ }).waitFor();
    assert.deepEqual(await axeViolations(page), []);
    assert.deepEqual(env.platform.cspReports, [], 'the page’s Content-Security-Policy allowed every level');
    await context.close();
  });

  test('a widget the tenant grants only as a link shows as a link tile, never as code', async () => {
    const context = await env.browser.newContext({ locale: 'en-GB' });
    const page = await context.newPage();
    const fetched: string[] = [];
    page.on('request', (request) => fetched.push(request.url()));
    await signIn(page, env.platform.urls.shell, 'espoo-teacher');
    assert.deepEqual(await widgetState(page, 'vire.materials'), { state: 'ready', error: null });
    const tile = page.locator('[data-widget="vire.materials"]');
    assert.equal(await tile.locator('iframe').count(), 0);
    assert.equal(await tile.locator('d1-link a').getAttribute('href'), 'https://vire.example/materials');
    await tile.getByRole('link', { name: /Open Learning materials/ }).waitFor();
    assert.deepEqual(fetched.filter((url) => url.startsWith(VIRE)), [], 'nothing of the widget’s own code is fetched');
    await context.close();
  });
});
