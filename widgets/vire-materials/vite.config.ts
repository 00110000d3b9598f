import { defineConfig } from 'vite';

/**
 * Vire's materials widget is an `iframe` widget: a plain page of its own, built with vite and served from Vire's
 * origin under /materials/. It bundles its own lit, SDK bridge and design system: nothing is shared with the
 * shell's page, which it cannot reach.
 */
export default defineConfig({
  base: '/materials/',
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: true,
  },
});
