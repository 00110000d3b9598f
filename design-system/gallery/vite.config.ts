import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * The component gallery: one static page, no external requests (logos are inline SVG, fonts are the system's).
 * `npm run gallery:build -w @digione/design-system` writes gallery/dist; `base: './'` lets any path serve it.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  publicDir: false,
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: true,
    assetsInlineLimit: 0,
  },
});
