// `npm test`: every suite, in the order that fails fastest. Exits non-zero when any suite fails.
// Suite ids: types, manifests, node, browser, build, e2e.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');

/** Test files below `dir` whose name ends with `suffix` (Node 20's test runner does not expand globs itself). */
function find(dir, suffix = '.test.ts') {
  return readdirSync(join(root, dir), { recursive: true })
    .map(String)
    .filter((file) => file.endsWith(suffix) && !file.includes('node_modules'))
    .map((file) => join(dir, file))
    .sort();
}
const allSuites = [
  ['types', 'types', 'npx', ['tsc', '-p', 'tsconfig.json']],
  // Fails when the SDK's public API differs from sdk/etc/sdk.api.md: run `npm run api:report -w @digione/sdk`.
  ['types', 'SDK API report (api-extractor)', 'npm', ['run', '--silent', 'api:check', '-w', '@digione/sdk']],
  ['types', 'SDK API reference builds without warnings (typedoc)', 'npx', ['typedoc', '--options', 'sdk/typedoc.json', '--emit', 'none', '--treatWarningsAsErrors']],
  ['manifests', 'manifests', 'npx', ['digione', 'validate', 'manifests']],
  ['node', 'server and unit (node)', 'node', ['--import', 'tsx', '--test', ...find('sdk/test'), ...find('design-system/test'), ...find('sandbox/src'), ...find('manifests/src'), ...find('scripts')]],
  ['browser', 'components (web-test-runner, Chromium)', 'npx', ['web-test-runner']],
  ['build', 'build', 'node', ['scripts/build.mjs']],
  // The shell's first-load JavaScript against its budget, on the build just made (tests/size/shell-js.ts defines it).
  ['build', 'shell size budget', 'node', ['--import', 'tsx', '--test', ...find('tests/size')]],
  ['e2e', 'end-to-end (Chromium)', 'node', ['--import', 'tsx', '--test', '--test-concurrency=1', ...find('tests/e2e')]],
];

// `node scripts/test.mjs node e2e` runs only the named suites.
const only = process.argv.slice(2);
const chosen = only.length > 0 ? allSuites.filter(([id]) => only.includes(id)) : allSuites;
const suites = chosen.map(([, ...rest]) => rest);
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
