import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { signIn, usePlatform } from './harness.ts';
import { firstLoad } from '../size/shell-js.ts';

const catalogue = resolve(import.meta.dirname, '../../manifests/catalogue');

/** A widget's manifest entry and kind, from the repository's catalogue (what the registry serves). */
async function entryOf(id: string): Promise<{ entry: string; kind: string }> {
  return JSON.parse(await readFile(join(catalogue, `${id}.json`), 'utf8')) as { entry: string; kind: string };
}

describe('fast loading: widgets in view at once, the rest when scrolled near, a small shell', () => {
  // A long pupil dashboard (four more bulletins at its end), so that its last widgets are far below a phone's fold
  // even while the ones above are still arriving and changing height.
  const env = usePlatform(
    [2, 3, 4, 5].map((n) => ({ tenant: 'vantaa', role: 'pupil', widget: 'lumo.bulletin', instanceId: `bulletin-${n}`, size: 'm' as const })),
  );

  test('on a phone, widgets below the fold keep their skeleton and do not run until scrolled near', async () => {
    const context = await env.browser.newContext({ locale: 'en-GB', viewport: { width: 375, height: 640 } });
    const page = await context.newPage();
    const shell = env.platform.urls.shell;
    await signIn(page, shell, 'pupil');
    await page.reload();
    await page.waitForFunction(() => document.querySelector('[data-widget="kajo.schedule"]')?.getAttribute('data-state') === 'ready');

    const deferred = await page
      .locator('[data-widget][data-deferred]')
      .evaluateAll((frames) => frames.map((f) => f.getAttribute('data-instance') ?? ''));
    assert.ok(deferred.includes('bulletin-5'), `the last widget of a long dashboard must wait below the fold (deferred: ${deferred.join(', ')})`);
    const last = 'lumo.bulletin';
    const frame = page.locator('[data-instance="bulletin-5"]');
    assert.equal(await frame.getAttribute('data-state'), 'loading');
    assert.equal(await frame.getAttribute('aria-busy'), 'true');
    // Nothing of it runs yet: no widget element in the frame.
    assert.equal(await frame.locator('lumo-bulletin').count(), 0);
    const { entry } = await entryOf(last);
    // Its vendor's connection is warmed up already, though.
    const preconnects = await page.locator('link[rel="preconnect"]').evaluateAll((links) => links.map((l) => (l as HTMLLinkElement).href));
    assert.ok(preconnects.some((href) => href.startsWith(new URL(entry).origin)), `no preconnect to ${new URL(entry).origin}`);

    await frame.scrollIntoViewIfNeeded();
    await page.waitForFunction(() => {
      const element = document.querySelector('[data-instance="bulletin-5"]');
      return element !== null && !element.hasAttribute('data-deferred') && element.getAttribute('data-state') !== 'loading';
    });
    assert.equal(await frame.getAttribute('data-state'), 'ready');
    await frame.locator('lumo-bulletin').waitFor();
    await context.close();
  });

  test('a signed-in reload: module widget entries preloaded, the shell in a few files, no OpenID library, one lit', async () => {
    const context = await env.browser.newContext({ locale: 'fi-FI', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const shell = env.platform.urls.shell;
    await signIn(page, shell, 'pupil');
    const requested: string[] = [];
    page.on('request', (request) => requested.push(request.url()));
    /** How many requests had started when the registry's dashboard answer arrived. */
    let beforeDashboard = -1;
    page.on('response', (response) => {
      if (response.url().includes('/v1/dashboard') && response.request().method() === 'GET') beforeDashboard = requested.length;
    });
    await page.reload();
    await page.waitForFunction(() => {
      const frames = [...document.querySelectorAll('[data-widget]:not([data-deferred])')];
      return frames.length > 0 && frames.every((f) => f.getAttribute('data-state') === 'ready');
    });

    const started = await page.locator('[data-widget]:not([data-deferred])').evaluateAll((frames) => frames.map((f) => f.getAttribute('data-widget') ?? ''));
    const preloads = await page.locator('link[rel="modulepreload"]').evaluateAll((links) => links.map((l) => (l as HTMLLinkElement).href));
    for (const id of started) {
      const { entry, kind } = await entryOf(id);
      if (kind === 'module') assert.ok(preloads.includes(entry), `${id}: no modulepreload for ${entry}`);
    }

    const shellScripts = [...new Set(requested.filter((url) => url.startsWith(shell) && url.endsWith('.js')))];
    // The first paint's one file, the widget runtime (federation runtime and widget loader, tests/size/shell-js.ts
    // PARALLEL) and the design system a widget asked for, with the chunk it shares with the shell's lazy switchers.
    assert.ok(shellScripts.length <= 5, `the shell fetched ${shellScripts.length} scripts:\n${shellScripts.join('\n')}`);
    // The widget runtime is fetched while the dashboard is, not one round trip after its answer.
    const { parallelFiles } = firstLoad();
    assert.ok(parallelFiles.length > 0 && beforeDashboard > 0);
    for (const file of parallelFiles) {
      const at = requested.findIndex((url) => url.startsWith(shell) && new URL(url).pathname === `/${file}`);
      assert.ok(at >= 0 && at < beforeDashboard, `${file} was requested ${at < 0 ? 'never' : 'only after the dashboard arrived'}`);
    }
    assert.ok(!shellScripts.some((url) => url.includes('oidc-client-ts')), 'a signed-in reload loaded the OpenID client library');
    assert.equal(await page.evaluate(() => (window as unknown as { litElementVersions?: string[] }).litElementVersions?.length), 1);
    await context.close();
  });
});
