import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { cp, mkdtemp, readFile, writeFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startPlatform, type PlatformOptions, type RunningPlatform } from '../../scripts/platform.ts';

const root = resolve(import.meta.dirname, '../..');

/** Launch flags that work on this kind of machine (see shared/docs/toolchain.md). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  });
}

/**
 * A copy of the repository's manifests with fixture widgets added to dashboards, so that the end-to-end tests run
 * the real registry over real files without touching the ones in the repository.
 */
export async function manifestsWithFixtures(
  placements: Array<{ tenant: string; role: string; widget: string; instanceId: string; size: 's' | 'm' | 'l' }>,
  /** Manifests made by the suite itself (e.g. with hashes of files it wrote), added to the catalogue. */
  catalogue: ReadonlyArray<{ id: string }> = [],
): Promise<{ dir: string; remove(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'digione-manifests-'));
  await cp(join(root, 'manifests/catalogue'), join(dir, 'catalogue'), { recursive: true });
  await cp(join(root, 'manifests/dashboards'), join(dir, 'dashboards'), { recursive: true });
  await cp(join(root, 'manifests/tenants'), join(dir, 'tenants'), { recursive: true });
  await cp(join(root, 'manifests/policies'), join(dir, 'policies'), { recursive: true });
  await cp(join(import.meta.dirname, 'fixtures/catalogue'), join(dir, 'catalogue'), { recursive: true });
  for (const manifest of catalogue) {
    await writeFile(join(dir, 'catalogue', `${manifest.id}.json`), JSON.stringify(manifest, null, 2));
  }
  for (const placement of placements) {
    const file = join(dir, 'dashboards', placement.tenant, `${placement.role}.json`);
    const dashboard = JSON.parse(await readFile(file, 'utf8')) as { layout: unknown[] };
    dashboard.layout.push({ instanceId: placement.instanceId, widget: placement.widget, size: placement.size });
    await writeFile(file, JSON.stringify(dashboard, null, 2));
    // The tenant approves the fixture widget as it is, so that the registry serves it.
    const manifest = JSON.parse(await readFile(join(dir, 'catalogue', `${placement.widget}.json`), 'utf8')) as {
      version: string;
      scopes: string[];
      kind: string;
    };
    const policyFile = join(dir, 'policies', `${placement.tenant}.json`);
    const policy = JSON.parse(await readFile(policyFile, 'utf8')) as { widgets: Record<string, unknown> };
    policy.widgets[placement.widget] = { versions: manifest.version, scopes: manifest.scopes, integration: manifest.kind };
    await writeFile(policyFile, JSON.stringify(policy, null, 2));
  }
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

export { startPlatform, type RunningPlatform };

/** Fixture widgets to place into copies of the repository's dashboards (see {@link manifestsWithFixtures}). */
export type Placements = Parameters<typeof manifestsWithFixtures>[0];

/** What a suite gets from {@link usePlatform}; read it inside tests, after `before` has run. */
export interface PlatformFixture {
  platform: RunningPlatform;
  browser: Browser;
}

/**
 * Registers the `before`/`after` hooks that most end-to-end suites share: the whole platform (over a copy of the
 * manifests with `placements` added, when any) and one Chromium, both closed after the suite.
 */
export function usePlatform(
  placements: Placements = [],
  options: PlatformOptions & { catalogue?: () => ReadonlyArray<{ id: string }> } = {},
): PlatformFixture {
  const fixture = {} as PlatformFixture;
  let fixtures: Awaited<ReturnType<typeof manifestsWithFixtures>> | undefined;
  before(async () => {
    const { catalogue, ...platformOptions } = options;
    if (placements.length > 0) fixtures = await manifestsWithFixtures(placements, catalogue?.() ?? []);
    fixture.platform = await startPlatform({ ...platformOptions, ...(fixtures ? { manifestsDir: fixtures.dir } : {}) });
    fixture.browser = await launchChromium();
  });
  after(async () => {
    // Normal use never trips the shell's Content Security Policy: a suite that provokes a violation on purpose
    // takes its reports out of `platform.cspReports` itself.
    const violations = fixture.platform?.cspReports.splice(0) ?? [];
    await fixture.browser?.close();
    await fixture.platform?.close();
    await fixtures?.remove();
    assert.deepEqual(violations, [], 'the shell page reported Content Security Policy violations');
  });
  return fixture;
}

/** Signs in at the sandbox provider's own page, starting from the shell's landing page. */
export async function signIn(page: Page, shellUrl: string, username: string): Promise<void> {
  if (!page.url().startsWith(shellUrl)) await page.goto(shellUrl);
  // `.landing`: the language switcher's current language is a primary button too.
  await page.locator('.landing d1-button[variant="primary"]').click();
  await page.waitForURL((url) => url.port === '4174');
  await page.locator('input[name=username]').fill(username);
  await page.locator('input[name=password]').fill('sandbox');
  await page.locator('form button[type=submit], form input[type=submit]').first().click();
  await page.waitForURL((url) => url.origin === shellUrl && url.pathname === '/');
  await page.locator('.dashboard-title').waitFor();
}

/** Waits until every widget frame on the page has settled (ready or error) and returns their states. */
export async function settledWidgets(page: Page, expected: number): Promise<Record<string, string>> {
  await page.waitForFunction(
    (count) => {
      const frames = [...document.querySelectorAll('[data-widget]')];
      // Widgets below the fold load only when scrolled near (`data-deferred`): bring the next one into view.
      frames.find((f) => f.hasAttribute('data-deferred'))?.scrollIntoView({ block: 'center' });
      return frames.length >= count && frames.every((f) => f.getAttribute('data-state') !== 'loading');
    },
    expected,
  );
  await page.evaluate(() => window.scrollTo(0, 0));
  return page.evaluate(() =>
    Object.fromEntries(
      [...document.querySelectorAll('[data-widget]')].map((f) => [
        f.getAttribute('data-widget') ?? '',
        f.getAttribute('data-state') ?? '',
      ]),
    ),
  );
}

/** axe-core's serious and critical violations on the page (shadow DOM included), as "rule: target" lines. */
export async function axeViolations(page: Page): Promise<string[]> {
  const { createRequire } = await import('node:module');
  const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
  // Evaluated through the DevTools protocol rather than added as a <script>: the shell's CSP refuses inline scripts.
  await page.evaluate(await readFile(axePath, 'utf8'));
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: unknown) => Promise<{ violations: Array<{ id: string; impact: string | null; nodes: Array<{ target: unknown }> }> }> } }).axe;
    const { violations } = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .flatMap((v) => v.nodes.map((n) => `${v.id}: ${JSON.stringify(n.target)}`));
  });
  return result;
}
