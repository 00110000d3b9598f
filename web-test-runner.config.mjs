import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { fileURLToPath } from 'node:url';

const tsconfig = fileURLToPath(new URL('./tsconfig.base.json', import.meta.url));

/** One group per package; `npx web-test-runner --group <name>` runs one of them. */
const packages = ['design-system', 'sdk', 'shell'];

export default {
  nodeResolve: true,
  concurrency: 2,
  plugins: [esbuildPlugin({ ts: true, target: 'auto', tsconfig })],
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
  groups: packages.map((name) => ({ name, files: `${name}/src/**/*.test.ts` })),
};
