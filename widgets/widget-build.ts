import { defineConfig, type UserConfig } from 'vite';
import { federation } from '@module-federation/vite';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sharedDependencies, sharedLit } from '../build/shared.ts';

/** Where one reference widget is built and served from. */
export interface WidgetBuild {
  /** Module federation name, equal to the manifest's `federation.name`. */
  federationName: string;
  /** The vendor's origin, e.g. http://localhost:4201 (a CDN origin in production). */
  origin: string;
  /** The path on that origin, e.g. /schedule/. */
  path: string;
}

/** Whether the widget's sources (in src/ of the working directory, where vite builds it) import `specifier`. */
function imports(specifier: string): boolean {
  const src = join(process.cwd(), 'src');
  return readdirSync(src, { recursive: true })
    .map(String)
    .filter((file) => /\.(?:ts|js)$/.test(file) && !/\.test\.ts$/.test(file))
    .some((file) => new RegExp(`from\\s*['"]${specifier}['"]|import\\s*['"]${specifier}['"]`).test(readFileSync(join(src, file), 'utf8')));
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
      sharedLit({ role: 'remote' }),
      federation({
        name: federationName,
        filename: 'remoteEntry.js',
        exposes: { './widget': './src/index.ts' },
        // A widget that renders no design-system component does not declare it, and so never loads it.
        shared: sharedDependencies({ except: imports('@digione/design-system') ? [] : ['@digione/design-system'] }),
        dts: false,
      }),
    ],
  });
}
