// `npm test`: every suite, in the order that fails fastest. Exits non-zero when any suite fails.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const suites = [
  ['types', 'npx', ['tsc', '-p', 'tsconfig.json']],
  ['manifests', 'npx', ['digione', 'validate', 'manifests/catalogue', 'manifests/dashboards', 'manifests/tenants']],
  ['server and unit (node)', 'node', ['--import', 'tsx', '--test', 'sdk/test/*.test.ts', 'sandbox/src/**/*.test.ts', 'manifests/src/**/*.test.ts']],
  ['components (web-test-runner, Chromium)', 'npx', ['web-test-runner']],
  ['build', 'node', ['scripts/build.mjs']],
  ['end-to-end (Chromium)', 'node', ['--import', 'tsx', '--test', '--test-concurrency=1', 'tests/e2e/*.test.ts']],
];

const failed = [];
for (const [name, command, args] of suites) {
  console.log(`\n=== ${name} ===`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) failed.push(name);
}
console.log(`\nsuites: ${suites.length - failed.length} passed, ${failed.length} failed`);
if (failed.length > 0) {
  console.log(`failed suites: ${failed.join(', ')}`);
  process.exit(1);
}
