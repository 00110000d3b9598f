import { defineConfig, type UserConfig } from 'vite';
import { federation } from '@module-federation/vite';
import { readFileSync } from 'node:fs';

/** The SDK this build shares: its range comes from the SDK's own package.json, never from a copy. */
const sdkVersion = (JSON.parse(readFileSync(new URL('../sdk/package.json', import.meta.url), 'utf8')) as { version: string }).version;

/** Where one reference widget is built and served from. */
export interface WidgetBuild {
  /** Module federation name, equal to the manifest's `federation.name`. */
  federationName: string;
  /** The vendor's origin, e.g. http://localhost:4201 (a CDN origin in production). */
  origin: string;
  /** The path on that origin, e.g. /schedule/. */
  path: string;
}

/**
 * The one vite configuration every reference widget builds with: an ES-module remote that exposes `./widget` and
 * takes lit, the SDK and the design system from the shell's shared scope.
 */
export function widgetConfig({ federationName, origin, path }: WidgetBuild): UserConfig {
  const vendorOrigin = process.env[`DIGIONE_ORIGIN_${federationName.split('_')[0]?.toUpperCase()}`] ?? origin;
  return defineConfig({
    // Chunks are fetched by the shell's page, so their URLs must name the vendor's origin.
    base: new URL(path, vendorOrigin).href,
    build: {
      target: 'es2022',
      outDir: 'dist',
      emptyOutDir: true,
      modulePreload: false,
      // The remote entry is the only entry point a widget has: no HTML page of its own.
      rollupOptions: { input: {} },
    },
    plugins: [
      federation({
        name: federationName,
        filename: 'remoteEntry.js',
        exposes: { './widget': './src/index.ts' },
        shared: {
          lit: { singleton: true, requiredVersion: '^3.3.0' },
          '@digione/sdk': { singleton: true, requiredVersion: `^${sdkVersion}` },
          '@digione/design-system': { singleton: true, requiredVersion: '^0.1.0' },
        },
        dts: false,
      }),
    ],
  });
}
