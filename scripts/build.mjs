// Builds the shell, the design-system gallery and every reference widget with vite, one after another (CI has 2 cores).
import { build } from 'vite';
import { readdirSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = resolve(import.meta.dirname, '..');
const gallery = join(root, 'design-system/gallery');
const targets = [
  { name: 'shell', root, configFile: join(root, 'vite.config.ts') },
  { name: 'design-system gallery', root: gallery, configFile: join(gallery, 'vite.config.ts') },
  ...readdirSync(join(root, 'widgets'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(root, 'widgets', entry.name, 'vite.config.ts')))
    .map((entry) => {
      const dir = join(root, 'widgets', entry.name);
      return { name: `widgets/${entry.name}`, root: dir, configFile: join(dir, 'vite.config.ts') };
    }),
];

for (const target of targets) {
  const started = performance.now();
  process.chdir(target.root);
  await build({ configFile: target.configFile, logLevel: 'warn' });
  console.log(`built ${target.name} in ${Math.round(performance.now() - started)} ms`);
}

// Widgets built with another bundler bring their own build script (widgets/tanne-calendar: rspack).
for (const name of readdirSync(join(root, 'widgets'))) {
  const script = join(root, 'widgets', name, 'build.mjs');
  if (!existsSync(script)) continue;
  const started = performance.now();
  process.chdir(join(root, 'widgets', name));
  const { buildWidget } = await import(pathToFileURL(script).href);
  await buildWidget();
  console.log(`built widgets/${name} in ${Math.round(performance.now() - started)} ms`);
}
