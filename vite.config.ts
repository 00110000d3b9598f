import { defineConfig } from 'vite';
import { federation } from '@module-federation/vite';
import { readFileSync } from 'node:fs';

/** The SDK version the shell provides to widgets, read from the SDK's package.json (never a hand-kept copy). */
const sdkVersion = (JSON.parse(readFileSync(new URL('./sdk/package.json', import.meta.url), 'utf8')) as { version: string }).version;

/**
 * The shell's build. The module federation plugin is here for one reason: so that the shell's shared scope
 * provides lit, the SDK and the design system to widgets (one copy on the page). No remote is known at build time.
 */
export default defineConfig({
  root: 'shell',
  build: { target: 'es2022', outDir: 'dist', emptyOutDir: true },
  preview: { port: 4173, strictPort: true },
  plugins: [
    federation({
      name: 'digione_shell',
      remotes: {},
      shared: {
        lit: { singleton: true, requiredVersion: '^3.3.0' },
        '@digione/sdk': { singleton: true, requiredVersion: `^${sdkVersion}` },
        '@digione/design-system': { singleton: true, requiredVersion: '^0.1.0' },
      },
      dts: false,
    }),
  ],
});
