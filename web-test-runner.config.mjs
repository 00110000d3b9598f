import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';

const root = fileURLToPath(new URL('.', import.meta.url));
const tsconfig = fileURLToPath(new URL('./tsconfig.base.json', import.meta.url));

/** One group per package: `npx web-test-runner --group <name>` runs one of them. */
const packages = [
  'design-system',
  'sdk',
  'shell',
  ...readdirSync(join(root, 'widgets'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => `widgets/${entry.name}`),
];

/** wtr refuses to start when any group matches no file, so a package joins once it has browser tests. */
function hasTests(name) {
  try {
    return readdirSync(`${root}${name}/src`, { recursive: true }).some((file) => String(file).endsWith('.test.ts'));
  } catch {
    return false;
  }
}

/**
 * Serves CommonJS-only packages (semver, for the shell's SDK range check) as ES modules, bundled by esbuild: vite
 * converts them in the real build, the test server does not.
 */
function commonjsAsModule(prefixes) {
  return {
    name: 'commonjs-as-module',
    async serve(context) {
      if (!prefixes.some((prefix) => context.path.includes(prefix)) || !context.path.endsWith('.js')) return undefined;
      const result = await build({
        entryPoints: [join(root, context.path)],
        bundle: true,
        format: 'esm',
        write: false,
        logLevel: 'silent',
      });
      return { body: result.outputFiles[0].text, type: 'js' };
    },
  };
}

const withTests = packages.filter(hasTests);
const without = packages.filter((name) => !withTests.includes(name));
if (without.length > 0) console.log(`web-test-runner: no tests yet in ${without.join(', ')}; those groups are left out.`);

export default {
  rootDir: root,
  // lit's production build: the dev build logs a warning into every test file's output.
  nodeResolve: { exportConditions: ['production'] },
  // One page at a time: a background tab gets no animation frames and no focus, which keyboard and focus tests need.
  concurrency: 1,
  plugins: [commonjsAsModule(['/node_modules/semver/']), esbuildPlugin({ ts: true, target: 'auto', tsconfig })],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: '/usr/bin/chromium',
        headless: true,
        // Without the background-networking flags Chromium floods the closed network with refused connections.
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-quic',
          '--no-first-run',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
        ],
      },
    }),
  ],
  groups: withTests.map((name) => ({ name, files: `${root}${name}/src/**/*.test.ts` })),
};
