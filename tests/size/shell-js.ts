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
 * (relative to shell/), with why a first dashboard does not need them. Each must be a dynamically imported chunk of
 * its own, so that this list cannot rot.
 */
export const LAZY: Record<string, string> = {
  '../design-system/src/index.ts':
    'the whole design system, for widgets that import it: the shell renders only the components main.ts imports one by one',
  '../node_modules/oidc-client-ts/dist/esm/oidc-client-ts.js':
    'the OpenID client, for the code flow, renewal and sign-out: a signed-in load reads the stored user without it ' +
    '(shell/src/auth/session.ts); only the sign-in callback page and a session whose token has expired load it first',
  '../design-system/src/components/select/select.ts':
    'd1-select, for the role and child switchers: only users with several roles or a guardian\'s children have them ' +
    '(shell/src/layout/app.ts loads it when such a user is known)',
  'src/layout/statement.ts':
    'the accessibility statement\'s text in three languages: only its own page, /accessibility, imports it',
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
  isDynamicEntry?: boolean;
}

/** Every .js file of the build, relative to dist, with its text. */
function chunks(): Map<string, string> {
  const files = readdirSync(SHELL_DIST, { recursive: true }).map(String).filter((file) => file.endsWith('.js'));
  return new Map(files.map((file) => [file.split('\\').join('/'), readFileSync(join(SHELL_DIST, file), 'utf8')]));
}

/**
 * The files the first dashboard loads: the closure, from index.html's module scripts and preloads, over every
 * mention of another chunk's file name in a chunk's text (import statements, `import()` calls, the preload helper's
 * dependency lists and the federation runtime's string-built imports all name the file), stopping at lazy chunks.
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
      for (const mention of code.matchAll(/[\w.~-]+\.js\b/g)) {
        const target = byBaseName.get(mention[0]);
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

