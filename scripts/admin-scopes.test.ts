import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { API_SCOPES } from '../sandbox/src/api/access.ts';
import { SCOPE_SENTENCES } from '../shell/src/admin/scopes.ts';

const root = resolve(import.meta.dirname, '..');

/**
 * The admin catalogue says in plain words what each scope a widget requests lets it do (shell/src/admin/scopes.ts).
 * A widget whose manifest asks for a scope without a sentence would show it as "unknown access" to the admin who
 * decides on it: this fails first. It runs with the Node suite (the shell's browser tests cannot list files).
 */
describe('admin scope sentences', () => {
  it('exist for every scope a catalogue widget requests', async () => {
    const dir = join(root, 'manifests/catalogue');
    const missing: string[] = [];
    for (const file of (await readdir(dir)).filter((name) => name.endsWith('.json'))) {
      const manifest = JSON.parse(await readFile(join(dir, file), 'utf8')) as { id: string; scopes: string[] };
      for (const scope of manifest.scopes) if (!Object.hasOwn(SCOPE_SENTENCES, scope)) missing.push(`${manifest.id}: ${scope}`);
    }
    assert.deepEqual(missing, []);
  });

  it('exist for every scope a widget token can carry, and for nothing else', () => {
    assert.deepEqual(Object.keys(SCOPE_SENTENCES).sort(), [...API_SCOPES].sort());
  });
});
