import type { Plugin } from 'vite';
import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** Where lit is installed: its package.json is not exported, but its entry sits beside it. */
const litDir = dirname(createRequire(import.meta.url).resolve('lit'));
const litManifest = JSON.parse(readFileSync(join(litDir, 'package.json'), 'utf8')) as {
  version: string;
  exports: Record<string, string | { default?: string }>;
};

/** The installed lit's version: what the shell's shared scope offers, and what each widget's fallback copy is. */
const litVersion = litManifest.version;

/** A package's version, read from its package.json (never a hand-kept copy). */
function versionOf(packageJson: string): string {
  return (JSON.parse(readFileSync(new URL(packageJson, import.meta.url), 'utf8')) as { version: string }).version;
}

/** The one module that carries every public export of lit (see build/lit.js). */
export const LIT_BUNDLE_FILE = fileURLToPath(new URL('./lit.js', import.meta.url));

/** The share key of that module. Not `lit`: the federation plugin expands a `lit` key into one share per subpath. */
export const LIT_SHARE_KEY = '@digione/lit';

/** One package in the page's shared scope: the version the shell provides and the range widgets may ask for. */
export interface SharedPackage {
  version: string;
  requiredVersion: string;
}

/**
 * What the page shares between the shell and every widget, as singletons: lit as ONE module (one request, one copy
 * of lit-html and ReactiveElement in the page), the SDK and the design system by their own package names.
 */
export const SHARED: Record<string, SharedPackage> = {
  [LIT_SHARE_KEY]: { version: litVersion, requiredVersion: '^3.3.0' },
  '@digione/sdk': { version: versionOf('../sdk/package.json'), requiredVersion: `^${versionOf('../sdk/package.json')}` },
  '@digione/design-system': { version: versionOf('../design-system/package.json'), requiredVersion: '^0.1.0' },
};

/**
 * The module federation plugin's `shared` map for a widget: it takes each package from the shell's shared scope,
 * with a copy of its own as the fallback for a host that has none. `except` leaves out packages the widget does not
 * import: the plugin loads every declared share before the widget starts, so declaring the design system without
 * using it would fetch the whole of it for nothing.
 */
export function sharedDependencies({ except = [] }: { except?: string[] } = {}) {
  return Object.fromEntries(
    Object.entries(SHARED)
      .filter(([name]) => !except.includes(name))
      .map(([name, { version, requiredVersion }]) => [
      name,
      { singleton: true, requiredVersion, version, ...(name === LIT_SHARE_KEY ? { import: LIT_BUNDLE_FILE } : {}) },
    ]),
  );
}

/** Names that build/lit.js exports under another name because two lit subpaths export different values under them. */
const RENAMED: Record<string, Record<string, string>> = {
  'lit/static-html.js': { html: 'staticHtml', svg: 'staticSvg', mathml: 'staticMathml' },
};

/** Subpaths that are not part of the shared module: side effects only, loaded as they are. */
const UNSHARED = new Set(['lit/polyfill-support.js']);

const PREFIX = '\0digione-lit:';

/**
 * Every public lit specifier (`lit`, `lit/decorators.js`, `lit/directives/…`) with the names it exports and the
 * name build/lit.js exports each under. Read from the installed lit in Node, and checked value by value against the
 * bundle, so that a lit upgrade that adds or renames an export fails the build instead of breaking a widget.
 */
async function litSpecifiers(): Promise<Map<string, Array<[name: string, bundleName: string]>>> {
  const bundle = (await import(pathToFileURL(LIT_BUNDLE_FILE).href)) as Record<string, unknown>;
  const specifiers = new Map<string, Array<[string, string]>>();
  for (const [key, target] of Object.entries(litManifest.exports)) {
    const file = typeof target === 'string' ? target : target.default;
    if (!key.startsWith('.') || key.includes('*') || !file?.endsWith('.js')) continue;
    const specifier = key === '.' ? 'lit' : `lit/${key.slice(2)}`;
    if (UNSHARED.has(specifier)) continue;
    // By file, not by specifier: vite runs this config from a bundled copy that may sit anywhere.
    const module = (await import(pathToFileURL(join(litDir, file)).href)) as Record<string, unknown>;
    const names: Array<[string, string]> = [];
    for (const name of Object.keys(module)) {
      const bundleName = RENAMED[specifier]?.[name] ?? name;
      if (bundle[bundleName] !== module[name]) {
        throw new Error(`build/lit.js: ${specifier} exports "${name}", which the shared lit module does not carry as "${bundleName}"`);
      }
      names.push([name, bundleName]);
    }
    specifiers.set(specifier, names);
  }
  return specifiers;
}

/**
 * Makes every `lit` and `lit/…` import of the build (the shell's, the SDK's, the design system's, a widget's) a
 * re-export from the one lit module. In a widget (`role: 'remote'`) that module is the shared `@digione/lit`, which
 * the federation plugin takes from the page's shared scope; in the shell (`role: 'host'`) it is build/lit.js itself,
 * which the shell also puts into the shared scope (shell/src/runtime/federation.ts), so there is one lit in the page.
 * Without this, the federation plugin shares lit as ~38 separate subpath modules, fetched one request at a time.
 */
export function sharedLit({ role }: { role: 'host' | 'remote' }): Plugin {
  let specifiers: Map<string, Array<[string, string]>> | undefined;
  const target = role === 'host' ? LIT_BUNDLE_FILE : LIT_SHARE_KEY;
  return {
    name: 'digione:shared-lit',
    enforce: 'pre',
    async buildStart() {
      specifiers ??= await litSpecifiers();
    },
    resolveId(source, importer) {
      if (role === 'host' && source === LIT_SHARE_KEY) return LIT_BUNDLE_FILE;
      if (source !== 'lit' && !source.startsWith('lit/')) return null;
      if (importer === LIT_BUNDLE_FILE || UNSHARED.has(source)) return null;
      return `${PREFIX}${source}`;
    },
    load(id) {
      if (!id.startsWith(PREFIX)) return null;
      const specifier = id.slice(PREFIX.length);
      const names = specifiers?.get(specifier);
      if (!names) throw new Error(`"${specifier}" is not a public lit module (see build/lit.js)`);
      const list = names.map(([name, bundleName]) => (name === bundleName ? name : `${bundleName} as ${name}`)).join(', ');
      return `export { ${list} } from ${JSON.stringify(target)};\n`;
    },
  };
}
