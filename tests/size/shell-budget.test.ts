/**
 * The shell's size budget, checked on the real build (shell/dist, after `npm run build`).
 *
 * What is measured: every JavaScript file the shell's origin serves before the first widget of a signed-in dashboard
 * can mount — the module scripts and module preloads of index.html, and every file those reach by any import,
 * static or dynamic (including the module federation runtime's own indirect imports and the shared lit, SDK and
 * design-system modules it hands to widgets) — except the chunks of modules that are lazy by design (`LAZY` in
 * shell-js.ts), which a first dashboard never loads. Each file is counted once, gzipped at level 9, as a CDN would serve it.
 *
 * Counting everything reachable is deliberately pessimistic: a chunk that only some first loads need (a failed
 * sign-in's page, say) still counts, so the budget holds for every first load. `npm run bench` reports what one
 * real load fetched, which must stay at or below the sum of both figures below.
 *
 * Two figures: the first paint's JavaScript (everything but the `PARALLEL` chunks), which every page waits for, and
 * the widget runtime (`PARALLEL`: the module federation runtime and the widget loader), which a signed-in load
 * fetches while its dashboard is fetched, so that it costs bandwidth but no round trip.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { firstLoad, SHELL_DIST } from './shell-js.ts';

/**
 * Gzipped bytes (level 9) the shell's first-paint JavaScript may weigh (i18next included, ~15 kB of it). Lower it
 * when you make the shell smaller. Raised from 62,000 B on 2026-11-29 for what a first paint now has to do: sign the
 * registry's first request with the DPoP key (~640 B), the school switcher (~340 B), the admin area's entry and
 * routing (~600 B) and design-system links in the footer (~600 B); measured 62,774 B. Raised by 200 B for the
 * tenant theme (shell/src/layout/brand.ts: loading the design system's theme code, applying it on each tenant
 * change, the header's logo and theme name; measured 176 B: the contrast check itself stays in the lazy
 * design-system chunk).
 */
const SHELL_JS_BUDGET_GZ = 63_200;
/** Gzipped bytes the widget runtime fetched in parallel with the dashboard may weigh (the federation runtime ~21 kB). */
const WIDGET_RUNTIME_BUDGET_GZ = 26_500;
/** How many JavaScript files the shell's origin may serve for it: each is a request, and they come in rounds. */
const SHELL_JS_FILES_BUDGET = 20;

test('the shell JavaScript a first signed-in dashboard needs stays within its budget', () => {
  assert.ok(existsSync(join(SHELL_DIST, 'index.html')), 'shell/dist is missing: run `npm run build` first');
  const { files, gz, parallelFiles, parallelGz } = firstLoad();
  const sum = (sizes: Map<string, number>) => [...sizes.values()].reduce((a, b) => a + b, 0);
  const tableOf = (list: string[], sizes: Map<string, number>) =>
    list
      .map((file) => [sizes.get(file)!, file] as const)
      .sort((a, b) => b[0] - a[0])
      .map(([bytes, file]) => `${String(bytes).padStart(8)}  ${file}`)
      .join('\n');
  const total = sum(gz);
  const runtime = sum(parallelGz);
  const table = tableOf(files, gz);
  const runtimeTable = tableOf(parallelFiles, parallelGz);
  console.log(
    `shell JS for the first paint: ${files.length} files, ${total} B gzipped (budget ${SHELL_JS_BUDGET_GZ} B)\n${table}\n` +
      `widget runtime, fetched with the dashboard: ${parallelFiles.length} files, ${runtime} B gzipped (budget ${WIDGET_RUNTIME_BUDGET_GZ} B)\n${runtimeTable}`,
  );
  assert.ok(total <= SHELL_JS_BUDGET_GZ, `the shell's first-paint JavaScript is ${total} B gzipped, over its budget of ${SHELL_JS_BUDGET_GZ} B:\n${table}`);
  assert.ok(runtime <= WIDGET_RUNTIME_BUDGET_GZ, `the widget runtime is ${runtime} B gzipped, over its budget of ${WIDGET_RUNTIME_BUDGET_GZ} B:\n${runtimeTable}`);
  assert.ok(parallelFiles.length > 0, 'the widget runtime has no chunk of its own: it is back in the first paint');
  const count = files.length + parallelFiles.length;
  assert.ok(count <= SHELL_JS_FILES_BUDGET, `the first dashboard loads ${count} shell JavaScript files, over ${SHELL_JS_FILES_BUDGET}`);
});

test('every reference widget takes lit from the page as one shared module, not one module per subpath', () => {
  const widgets = resolve(import.meta.dirname, '../../widgets');
  const built = readdirSync(widgets).filter((name) => existsSync(join(widgets, name, 'dist/remoteEntry.js')) && existsSync(join(widgets, name, 'vite.config.ts')));
  assert.ok(built.length > 0, 'no reference widget is built: run `npm run build` first');
  for (const name of built) {
    const files = readdirSync(join(widgets, name, 'dist'), { recursive: true }).map(String);
    const perSubpath = files.filter((file) => /lit_mf_1_|prebuild__lit_/.test(file));
    assert.deepEqual(perSubpath, [], `${name} shares lit subpath by subpath again (see build/shared.ts)`);
    const entry = readFileSync(join(widgets, name, 'dist/remoteEntry.js'), 'utf8');
    assert.ok(entry.includes('@digione/lit'), `${name} does not share @digione/lit`);
  }
});
