// @ts-check
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ModuleFederationPlugin } from '@module-federation/enhanced/rspack';

const here = fileURLToPath(new URL('.', import.meta.url));

/** A workspace package's version, read from its package.json (never a hand-kept copy). */
function versionOf(/** @type {string} */ packageDir) {
  return /** @type {{ version: string }} */ (JSON.parse(readFileSync(new URL(`../../${packageDir}/package.json`, import.meta.url), 'utf8'))).version;
}

/** The share key under which the shell offers lit (see build/shared.ts `LIT_SHARE_KEY`; that file is TypeScript for vite). */
const LIT_SHARE_KEY = '@digione/lit';

/** The module federation name, equal to the manifest's `federation.name`. */
export const FEDERATION_NAME = 'tanne_calendar';

/**
 * Where the widget is served from: the vendor's own origin (a CDN in production). Chunks are fetched by the shell's
 * page, so the public path must name that origin; `DIGIONE_ORIGIN_TANNE` moves it, as for the vite-built widgets.
 */
const origin = process.env.DIGIONE_ORIGIN_TANNE ?? 'http://localhost:4205';
const publicPath = new URL('/calendar/', origin).href;

/**
 * The widget's rspack build: an ES-module module federation remote (`remoteEntry.js` exposing `./widget`) that the
 * vite-built shell loads with `registerRemotes({ type: 'module' })`, like its vite-built siblings.
 *
 * Shared with the shell, as singletons taken from the shell's shared scope: lit, the SDK and the design system. The
 * share keys and ranges match the shell's (build/shared.ts), so the page keeps one lit and one set of `d1-` elements.
 *
 * @type {import('@rspack/core').Configuration}
 */
export default {
  mode: 'production',
  context: here,
  target: ['web', 'es2022'],
  // The remote entry is the only entry point a widget has: no HTML page of its own.
  entry: {},
  devtool: false,
  output: {
    path: `${here}dist`,
    publicPath,
    clean: true,
    uniqueName: FEDERATION_NAME,
    module: true,
    chunkFormat: 'module',
    chunkLoading: 'import',
    filename: '[name].[contenthash:8].js',
    chunkFilename: '[name].[contenthash:8].js',
  },
  resolve: {
    extensions: ['.ts', '.js'],
    // The sources import `./x.js` for `./x.ts`, as TypeScript's bundler resolution wants.
    extensionAlias: { '.js': ['.ts', '.js'] },
  },
  module: {
    rules: [
      {
        test: /\.ts$/,
        loader: 'builtin:swc-loader',
        type: 'javascript/auto',
        options: {
          jsc: {
            target: 'es2022',
            parser: { syntax: 'typescript', decorators: true },
            // The same class semantics as the rest of the repository (tsconfig.base.json): lit's reactive
            // properties must not be shadowed by own fields.
            transform: { legacyDecorator: true, useDefineForClassFields: false },
          },
        },
      },
    ],
  },
  plugins: [
    new ModuleFederationPlugin({
      name: FEDERATION_NAME,
      filename: 'remoteEntry.js',
      library: { type: 'module' },
      exposes: { './widget': './src/index.ts' },
      shared: {
        // Consumed only (`import: false`): this bundle carries no copy of lit, the SDK or the design system at all,
        // so no second lit and no second definition of a `d1-` element can ever run. The shell's build shares lit
        // as ONE module under the key `@digione/lit` (build/shared.ts); `lit` imports here are served from it.
        lit: { shareKey: LIT_SHARE_KEY, import: false, singleton: true, requiredVersion: '^3.3.0' },
        '@digione/sdk': { import: false, singleton: true, requiredVersion: `^${versionOf('sdk')}` },
        '@digione/design-system': { import: false, singleton: true, requiredVersion: `^${versionOf('design-system')}` },
      },
      dts: false,
      manifest: false,
    }),
  ],
  performance: { hints: false },
};
