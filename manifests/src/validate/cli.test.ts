import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { after, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { workspace, type Workspace } from '../fixtures/workspace.ts';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const bin = fileURLToPath(new URL('../../bin/digione.mjs', import.meta.url));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(command: string, args: readonly string[], cwd = repoRoot): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const digione = (...args: string[]): Promise<Run> => run(process.execPath, [bin, ...args]);

const spaces: Workspace[] = [];
after(() => Promise.all(spaces.map((s) => s.remove())));

describe('digione validate', () => {
  test('exits 0 on the repository manifests, run as `npx digione` from the repository root', async () => {
    const result = await run('npx', ['--no-install', 'digione', 'validate', 'manifests/catalogue', 'manifests/dashboards', 'manifests/tenants']);
    assert.equal(result.code, 0, result.stdout + result.stderr);
    assert.equal(result.stdout, '✓ 21 files valid\n');
  });

  test('exits 1 and names file, field, reason and hint for each error', async () => {
    const ws = await workspace();
    spaces.push(ws);
    await ws.edit('dashboards/demo/pupil.json', (d) => {
      const [first] = d['layout'] as Record<string, unknown>[];
      if (first) first['widget'] = 'acme.clok';
      d['role '] = 'x';
    });
    const result = await digione('validate', ws.dir);
    assert.equal(result.code, 1);
    assert.equal(
      result.stdout,
      [
        ws.path('dashboards/demo/pupil.json'),
        '  /role : unknown property `role `',
        '    hint: did you mean `role`?',
        '',
        '✗ 1 error in 1 file (6 files checked)',
        '',
      ].join('\n'),
    );
    await ws.edit('dashboards/demo/pupil.json', (d) => delete d['role ']);
    const second = await digione('validate', ws.path('dashboards/demo/pupil.json'));
    assert.equal(second.code, 1);
    assert.match(second.stdout, /\/layout\/0\/widget: no widget `acme\.clok` in the catalogue\n {4}hint: did you mean `acme\.clock`\?\n/);
  });

  test('--json prints the issues for tools', async () => {
    const ws = await workspace();
    spaces.push(ws);
    await ws.edit('tenants/demo.json', (d) => (d['admins'] = 'mpass-admin-demo'));
    const result = await digione('validate', '--json', ws.dir);
    assert.equal(result.code, 1);
    const report = JSON.parse(result.stdout) as { valid: boolean; issues: unknown[] };
    assert.equal(report.valid, false);
    assert.deepEqual(report.issues, [
      { file: ws.path('tenants/demo.json'), code: 'schema', pointer: '/admins', reason: 'must be an array; got a string' },
    ]);
  });

  test('exits 1 with usage for a missing path, an unknown command or option', async () => {
    for (const args of [['validate'], ['check', 'x'], ['validate', '--fix', 'x']]) {
      const result = await digione(...args);
      assert.equal(result.code, 1, args.join(' '));
      assert.match(result.stderr, /Usage: digione validate/);
      assert.equal(result.stdout, '');
    }
  });

  test('exits 1 for a path that does not exist', async () => {
    const result = await digione('validate', 'no/such/dir');
    assert.equal(result.code, 1);
    assert.match(result.stdout, /^no\/such\/dir\n {2}\(document\): no such file or directory\n/);
  });
});
