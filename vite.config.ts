import { defineConfig } from 'vite';
import { SHARED, sharedLit } from './build/shared.ts';

/**
 * The shell's build. The shell is a module federation host without the federation build plugin: it bundles the
 * federation runtime itself and puts lit, the SDK and the design system into the page's shared scope at start
 * (shell/src/runtime/federation.ts), so that every widget takes them from there (one copy in the page). The plugin
 * would add a container entry, a bootstrap step and a wrapper module per shared package to the first load, and the
 * shell needs none of them: no remote is known at build time and nothing loads the shell as a remote.
 */
export default defineConfig({
  root: 'shell',
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: true,
    // dist/.vite/manifest.json: the size budget test finds the shell's lazy chunks by their source modules.
    manifest: true,
    // Every browser with modulepreload support needs no polyfill; without it a preload is only a missed head start.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            // Everything the first page needs in one file. Without this group, rolldown moves shell modules that a
            // lazy chunk (the admin area, the composer) also imports out of the entry into small shared chunks, which
            // cost requests and compress worse: 6 files and +1.6 kB gzipped measured (tests/size/shell-budget.test.ts).
            { name: 'shell', tags: ['$initial'], priority: 2 },
            // The rest of the design system in one file: it is the shared module widgets ask for, and split by which
            // lazy view also uses which component it took 5 files (tests/e2e/fast-loading.test.ts counts them).
            { name: 'design-system', test: /[\\/]design-system[\\/]src[\\/]/, priority: 1 },
          ],
        },
      },
    },
  },
  define: { __DIGIONE_SHARED__: JSON.stringify(SHARED) },
  preview: { port: 4173, strictPort: true },
  plugins: [sharedLit({ role: 'host' })],
});
