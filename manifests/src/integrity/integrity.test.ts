import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { buildIntegrity } from './integrity.ts';

const sri = (text: string): string => `sha384-${createHash('sha384').update(text).digest('base64')}`;

describe('buildIntegrity', () => {
  test('pins the entry and every script below it, by path relative to the entry', async () => {
    const dist = await mkdtemp(path.join(tmpdir(), 'digione-integrity-'));
    try {
      await mkdir(path.join(dist, 'assets/nested'), { recursive: true });
      await writeFile(path.join(dist, 'remoteEntry.js'), 'import "./assets/a.js";');
      await writeFile(path.join(dist, 'assets/a.js'), 'export const a = 1;');
      await writeFile(path.join(dist, 'assets/nested/b.mjs'), 'export const b = 2;');
      await writeFile(path.join(dist, 'assets/style.css'), 'p { color: red }');
      assert.deepEqual(await buildIntegrity(dist), {
        integrity: sri('import "./assets/a.js";'),
        chunks: { 'assets/a.js': sri('export const a = 1;'), 'assets/nested/b.mjs': sri('export const b = 2;') },
      });
    } finally {
      await rm(dist, { recursive: true, force: true });
    }
  });

  test('refuses a script that cannot be named relative to the entry', async () => {
    const dist = await mkdtemp(path.join(tmpdir(), 'digione-integrity-'));
    try {
      await mkdir(path.join(dist, 'widget'));
      await writeFile(path.join(dist, 'widget/remoteEntry.js'), 'export {};');
      await writeFile(path.join(dist, 'shared.js'), 'export {};');
      await assert.rejects(buildIntegrity(dist, 'widget/remoteEntry.js'), /outside the entry's folder/);
    } finally {
      await rm(dist, { recursive: true, force: true });
    }
  });
});
