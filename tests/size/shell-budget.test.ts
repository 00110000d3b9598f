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
 * real load fetched, which must stay at or below this figure.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { firstLoad, SHELL_DIST } from './shell-js.ts';

/** Gzipped bytes (level 9) the first dashboard's shell JavaScript may weigh. Lower it when you make the shell smaller. */
const SHELL_JS_BUDGET_GZ = 70_000;
/** How many JavaScript files the shell's origin may serve for it: each is a request, and they come in rounds. */
const SHELL_JS_FILES_BUDGET = 20;

test('the shell JavaScript a first signed-in dashboard needs stays within its budget', () => {
  assert.ok(existsSync(join(SHELL_DIST, 'index.html')), 'shell/dist is missing: run `npm run build` first');
  const { files, gz } = firstLoad();
  const total = [...gz.values()].reduce((a, b) => a + b, 0);
  const table = files
    .map((file) => [gz.get(file)!, file] as const)
    .sort((a, b) => b[0] - a[0])
    .map(([bytes, file]) => `${String(bytes).padStart(8)}  ${file}`)
    .join('\n');
  console.log(`shell JS for the first dashboard: ${files.length} files, ${total} B gzipped (budget ${SHELL_JS_BUDGET_GZ} B)\n${table}`);
  assert.ok(total <= SHELL_JS_BUDGET_GZ, `the shell's first-load JavaScript is ${total} B gzipped, over its budget of ${SHELL_JS_BUDGET_GZ} B:\n${table}`);
  assert.ok(files.length <= SHELL_JS_FILES_BUDGET, `the first dashboard loads ${files.length} shell JavaScript files, over ${SHELL_JS_FILES_BUDGET}`);
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
