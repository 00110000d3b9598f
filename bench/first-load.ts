/**
 * First dashboard load, measured in real Chromium against the whole running platform:
 * how many requests (per origin), how many bytes, how long until every widget frame in view has settled (frames
 * below the fold wait, deferred, until scrolled near) — unthrottled and on a Lighthouse-like "Slow 4G" (562.5 ms RTT,
 * 1.47 Mbit/s down, 4x CPU slowdown) — and what the shell's own JavaScript weighs gzipped: what this load fetched,
 * and the size budget's figures (tests/size/shell-js.ts: the first paint, and the widget runtime fetched with the
 * dashboard). A benchmark, not a test: it prints figures and asserts
 * nothing.
 *
 * Run: npm run bench (builds first if shell/dist is missing). BENCH_MANIFESTS=<dir> runs it over another copy of
 * manifests/ (e.g. a pupil dashboard of other widgets); BENCH_RUNS sets the runs per condition (default 3).
 */
import { gzipSync } from 'node:zlib';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { execFileSync } from 'node:child_process';
import type { CDPSession, Page } from 'playwright-core';
import { launchChromium, signIn, startPlatform } from '../tests/e2e/harness.ts';
import { firstLoad } from '../tests/size/shell-js.ts';

const root = resolve(import.meta.dirname, '..');
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

if (!existsSync(join(root, 'shell/dist/index.html'))) execFileSync('node', ['scripts/build.mjs'], { cwd: root, stdio: 'inherit' });

function jsFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true }).map(String).filter((f) => f.endsWith('.js')).map((f) => join(dir, f));
}

function gz(bytes: Buffer): number {
  return gzipSync(bytes, { level: 9 }).length;
}

interface LoadFigures {
  ms: number;
  requests: number;
  byOrigin: Record<string, number>;
  transferBytes: number;
  shellJsGzFetched: number;
  /** Frames below the fold, not loaded on this load. */
  deferred: number;
}

async function measureLoad(page: Page, cdp: CDPSession, shellUrl: string): Promise<LoadFigures> {
  const requests: Array<{ id: string; url: string }> = [];
  const sizes = new Map<string, number>();
  const onRequest = (e: { requestId: string; request: { url: string } }) => requests.push({ id: e.requestId, url: e.request.url });
  const onFinished = (e: { requestId: string; encodedDataLength: number }) => sizes.set(e.requestId, e.encodedDataLength);
  cdp.on('Network.requestWillBeSent', onRequest);
  cdp.on('Network.loadingFinished', onFinished);
  await cdp.send('Network.clearBrowserCache');
  const started = Date.now();
  await page.reload({ waitUntil: 'commit' });
  await page.waitForFunction(
    () => {
      const frames = [...document.querySelectorAll('[data-widget]')].filter((f) => !f.hasAttribute('data-deferred'));
      return frames.length > 0 && frames.every((f) => f.getAttribute('data-state') !== 'loading');
    },
    undefined,
    { timeout: 120_000, polling: 50 },
  );
  const ms = Date.now() - started;
  const deferred = await page.locator('[data-widget][data-deferred]').count();
  cdp.off('Network.requestWillBeSent', onRequest);
  cdp.off('Network.loadingFinished', onFinished);
  const byOrigin: Record<string, number> = {};
  for (const r of requests) {
    const origin = new URL(r.url).origin;
    byOrigin[origin] = (byOrigin[origin] ?? 0) + 1;
  }
  const shellJs = new Set(
    requests.filter((r) => r.url.startsWith(shellUrl) && r.url.endsWith('.js')).map((r) => new URL(r.url).pathname),
  );
  const shellJsGzFetched = [...shellJs].reduce((sum, path) => sum + gz(readFileSync(join(root, 'shell/dist', path))), 0);
  const transferBytes = [...sizes.values()].reduce((a, b) => a + b, 0);
  return { ms, requests: requests.length, byOrigin, transferBytes, shellJsGzFetched, deferred };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

const platform = await startPlatform(process.env.BENCH_MANIFESTS ? { manifestsDir: process.env.BENCH_MANIFESTS } : {});
const browser = await launchChromium();
try {
  const context = await browser.newContext({ locale: 'fi-FI', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const shell = platform.urls.shell;
  await signIn(page, shell, 'pupil');
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');

  const fast: LoadFigures[] = [];
  for (let i = 0; i < RUNS; i++) fast.push(await measureLoad(page, cdp, shell));

  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 562.5,
    downloadThroughput: (1.4746 * 1024 * 1024) / 8,
    uploadThroughput: (0.675 * 1024 * 1024) / 8,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  const slow: LoadFigures[] = [];
  for (let i = 0; i < RUNS; i++) slow.push(await measureLoad(page, cdp, shell));

  const allShellJs = jsFiles(join(root, 'shell/dist'));
  const budget = firstLoad();
  const first = fast[0]!;
  console.log(`
First dashboard load of "pupil" (signed in, cold HTTP cache), ${RUNS} runs each, median:
  until every widget in view settled, unthrottled      ${median(fast.map((f) => f.ms))} ms
  until every widget in view settled, Slow 4G + 4x CPU ${median(slow.map((f) => f.ms))} ms
  widgets below the fold, not loaded yet      ${first.deferred}
  requests                                    ${first.requests}
${Object.entries(first.byOrigin).map(([origin, n]) => `    ${origin.padEnd(40)} ${n}`).join('\n')}
  bytes transferred                           ${first.transferBytes}
Shell's own JavaScript (gzip -9):
  fetched on this load                        ${first.shellJsGzFetched} B
  first paint (size budget's figure)          ${[...budget.gz.values()].reduce((a, b) => a + b, 0)} B in ${budget.files.length} files
  widget runtime, fetched with the dashboard  ${[...budget.parallelGz.values()].reduce((a, b) => a + b, 0)} B in ${budget.parallelFiles.length} files
  all of shell/dist (${allShellJs.length} files)${' '.repeat(Math.max(1, 22 - String(allShellJs.length).length))}${allShellJs.reduce((s, f) => s + gz(readFileSync(f)), 0)} B`);
  await context.close();
} finally {
  await browser.close();
  await platform.close();
}
