/**
 * Which JavaScript files of the shell's build a first signed-in dashboard loads, and what they weigh gzipped: the
 * definition behind the size budget (tests/size/shell-budget.test.ts) and the benchmark's budget figure.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, posix, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

/** The shell's build output; SHELL_DIST points elsewhere (a build made for an experiment). */
export const SHELL_DIST = process.env.SHELL_DIST || resolve(import.meta.dirname, '../../shell/dist');

/**
 * Source modules that are lazy by design (dynamically imported when first needed), as vite's manifest names them
 * (relative to shell/), or `group:<name>` for a chunk group of vite.config.ts, with why a first dashboard does not
 * need them. Each must be a dynamically imported chunk of its own (a group: a chunk the entry does not import
 * statically), so that this list cannot rot.
 */
export const LAZY: Record<string, string> = {
  'group:design-system':
    'the design system (vite.config.ts puts all of it in one chunk), for widgets that import it, for the role, child ' +
    'and school switchers (d1-select, loaded when such a user is known) and for the toasts\' dismiss button ' +
    '(d1-icon-button, loaded with the first toast), and for the tenant theme\'s contrast check and applyTheme ' +
    '(shell/src/layout/brand.ts starts it while the dashboard is fetched): the first paint has only the components ' +
    'main.ts imports one by one',
  '../node_modules/oidc-client-ts/dist/esm/oidc-client-ts.js':
    'the OpenID client, for the code flow, renewal and sign-out: a signed-in load reads the stored user without it ' +
    '(shell/src/auth/session.ts); only the sign-in callback page and a session whose token has expired load it first',
  'src/auth/dpop-store.ts':
    'oidc-client-ts\'s DPoP key store, loaded with oidc-client-ts (above), which alone uses it: the shell signs its own ' +
    'proofs for the registry and the API from the stored key (shell/src/auth/session.ts)',
  'src/layout/statement.ts':
    'the accessibility statement\'s text in three languages: only its own page, /accessibility, imports it',
  'src/admin/area.ts':
    'the municipality admin\'s area (catalogue, dashboards with the composer, publish and history, audit log) with ' +
    'its strings and design-system components: only /admin/… paths import it (shell/src/layout/app.ts openAdmin)',
  'src/admin/preview-page.ts':
    '"Preview as": the preview page\'s handshake with the admin\'s page and its banner; only /preview imports it ' +
    '(shell/src/layout/app.ts start), a page only the admin area frames',
  'src/admin/composer/composer.ts':
    'the dashboard composer (about 11 kB gzipped, over half of it its fi/sv/en strings): only an admin\'s ' +
    'Dashboards section imports it (shell/src/admin/history.ts loadComposer)',
};

/**
 * Source modules a first signed-in dashboard does load, but off the critical path: dynamically imported as soon as
 * the dashboard is being fetched, so they arrive in parallel with the registry's answer (they cost bandwidth, not a
 * round trip), and never on the landing page. Counted apart from the first paint's JavaScript, with why. Each must be
 * a dynamically imported chunk of its own.
 */
export const PARALLEL: Record<string, string> = {
  '../node_modules/@module-federation/runtime/dist/index.js':
    'the module federation runtime, for module widgets: shell/src/runtime/federation.ts starts it when the dashboard ' +
    'is fetched (preload.ts prepareWidgetRuntime)',
  'src/runtime/widget-kinds.ts':
    'the widget loader of every kind (module, custom element, iframe with its bridge, link tile): loader.ts fetches it ' +
    'with the federation runtime',
};

interface ViteManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  /** Manifest keys of the chunks this one imports statically. */
  imports?: string[];
}

/** Every .js file of the build, relative to dist, with its text. */
function chunks(): Map<string, string> {
  const files = readdirSync(SHELL_DIST, { recursive: true }).map(String).filter((file) => file.endsWith('.js'));
  return new Map(files.map((file) => [file.split('\\').join('/'), readFileSync(join(SHELL_DIST, file), 'utf8')]));
}

/** vite's table of preload dependencies in a chunk: `__vite__mapDeps` indexes into this array of file names. */
const PRELOAD_TABLE = /__vite__mapDeps=\(i,m=__vite__mapDeps,d=\(m\.f\|\|\(m\.f=(\[[^\]]*\])\)\)\)/;
/**
 * The file names `code` mentions, except the preload dependencies of an `import()` of a chunk in `stop`: vite fetches
 * those only when that import runs (a lazy chunk's own dependencies, e.g. design-system components it shares with
 * another lazy chunk, are lazy too). vite emits `__vitePreload(() => import("./x.js")…, __vite__mapDeps([…]))`, so a
 * list belongs to the last `import()` before it; a table entry that any other list names counts.
 */
function mentions(code: string, stop: ReadonlySet<string>): string[] {
  const table = PRELOAD_TABLE.exec(code);
  if (!table) return [...code.matchAll(/[\w.~-]+\.js\b/g)].map((m) => m[0]);
  const deps = (JSON.parse(table[1]!) as string[]).map((file) => posix.basename(file));
  const rest = code.replace(table[0], '');
  const counted = new Set<number>();
  for (const call of rest.matchAll(/__vite__mapDeps\(\[([\d,]*)\]\)/g)) {
    const imports = [...rest.slice(0, call.index).matchAll(/import\([`'"]\.\/([\w.~-]+\.js)[`'"]\)/g)];
    if (stop.has(imports.at(-1)?.[1] ?? '')) continue;
    for (const index of call[1]!.split(',').filter(Boolean)) counted.add(Number(index));
  }
  const names = [...rest.matchAll(/[\w.~-]+\.js\b/g)].map((m) => m[0]);
  return [...names, ...deps.filter((_, index) => counted.has(index))];
}

/**
 * The files the first dashboard loads: the closure, from index.html's module scripts and preloads, over every
 * mention of another chunk's file name in a chunk's text (import statements, `import()` calls, the preload helper's
 * dependency lists and the federation runtime's string-built imports all name the file), stopping at lazy chunks
 * (and at the preload dependencies that only their imports list: {@link mentions}).
 * `files` is what the first paint needs (stopping at the `PARALLEL` chunks too); `parallelFiles` is what the
 * `PARALLEL` chunks reach beyond it.
 */
export function firstLoad(): {
  files: string[];
  gz: Map<string, number>;
  lazyFiles: string[];
  parallelFiles: string[];
  parallelGz: Map<string, number>;
} {
  const all = chunks();
  const html = readFileSync(join(SHELL_DIST, 'index.html'), 'utf8');
  const roots = [...html.matchAll(/<(?:script[^>]*type="module"[^>]*src|link[^>]*rel="modulepreload"[^>]*href)="\/?([^"]+\.js)"/g)].map(
    (m) => m[1]!,
  );
  assert.ok(roots.length > 0, 'shell/dist/index.html loads no module script');
  const manifestFile = join(SHELL_DIST, '.vite/manifest.json');
  const manifest = existsSync(manifestFile) ? (JSON.parse(readFileSync(manifestFile, 'utf8')) as Record<string, ViteManifestChunk>) : {};
  const chunkOf = (kind: string) => (source: string) => {
    if (source.startsWith('group:')) {
      // A chunk group of vite.config.ts: a shared chunk, imported by no chunk the entry loads statically.
      const [key, chunk] = Object.entries(manifest).find(([name]) => name.startsWith(`_${source.slice(6)}-`)) ?? [];
      assert.ok(key && chunk, `${source} is listed as ${kind} but the build has no such chunk group`);
      const statically = Object.values(manifest).filter((c) => c.isEntry && c.imports?.includes(key));
      assert.equal(statically.length, 0, `${source} is listed as ${kind} but the entry imports it statically`);
      return chunk.file;
    }
    const chunk = Object.values(manifest).find((c) => c.src === source);
    assert.ok(chunk?.isDynamicEntry, `${source} is listed as ${kind} but is not a chunk of its own that is imported dynamically`);
    return chunk.file;
  };
  const lazyFiles = Object.keys(LAZY).map(chunkOf('lazy'));
  const parallelRoots = Object.keys(PARALLEL).map(chunkOf('parallel'));
  const byBaseName = new Map([...all.keys()].map((file) => [posix.basename(file), file]));
  /** The closure from `from`, not entering `stop` nor what is in `seen` already (which it extends). */
  const closure = (from: string[], stop: string[], seen: Set<string>): string[] => {
    const reached: string[] = [];
    const queue = [...from];
    while (queue.length > 0) {
      const file = queue.pop()!;
      if (seen.has(file) || stop.includes(file)) continue;
      const code = all.get(file);
      assert.ok(code !== undefined, `${file} is loaded but not in shell/dist`);
      seen.add(file);
      reached.push(file);
      for (const mention of mentions(code, new Set(stop.map((f) => posix.basename(f))))) {
        const target = byBaseName.get(mention);
        if (target && !seen.has(target)) queue.push(target);
      }
    }
    return reached.sort();
  };
  const seen = new Set<string>();
  const files = closure(roots, [...lazyFiles, ...parallelRoots], seen);
  const parallelFiles = closure(parallelRoots, lazyFiles, seen);
  const gzOf = (list: string[]) => new Map(list.map((file) => [file, gzipSync(all.get(file)!, { level: 9 }).length]));
  return { files, gz: gzOf(files), lazyFiles, parallelFiles, parallelGz: gzOf(parallelFiles) };
}

