/**
 * The invalid corpus (src/fixtures/invalid/): each folder breaks the valid base fixture in one way — its files are
 * laid over a copy of base/, the files its expected.json lists under `remove` are deleted — and expected.json holds
 * the exact issues `digione validate` must report: file, JSON Pointer, code, reason and hint.
 */
import assert from 'node:assert/strict';
import { cp, readFile, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { workspace, type Workspace } from '../fixtures/workspace.ts';
import type { ValidationIssue } from './issues.ts';
import { ISSUE_CODES } from './issues.ts';
import { validateFiles } from './validate.ts';

const CORPUS = fileURLToPath(new URL('../fixtures/invalid/', import.meta.url));

interface Expected {
  description: string;
  remove?: string[];
  issues: ValidationIssue[];
}

const cases = (await readdir(CORPUS, { withFileTypes: true })).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
const spaces: Workspace[] = [];
after(() => Promise.all(spaces.map((s) => s.remove())));

describe('the invalid corpus', () => {
  test('has at least 40 cases, each reporting at least one issue', async () => {
    assert.ok(cases.length >= 40, `only ${cases.length} cases`);
  });

  for (const name of cases) {
    test(name, async () => {
      const expected = JSON.parse(await readFile(path.join(CORPUS, name, 'expected.json'), 'utf8')) as Expected;
      assert.ok(expected.issues.length > 0, `${name}/expected.json lists no issue: an invalid case must fail`);
      const ws = await workspace();
      spaces.push(ws);
      await cp(path.join(CORPUS, name), ws.dir, { recursive: true, filter: (source) => path.basename(source) !== 'expected.json' });
      for (const file of expected.remove ?? []) await rm(ws.path(file));
      const result = await validateFiles([ws.dir]);
      const relative = (text: string): string => text.replaceAll(ws.dir + path.sep, '');
      const issues = result.issues.map((issue) => ({ ...issue, file: relative(issue.file), reason: relative(issue.reason) }));
      assert.deepEqual(issues, expected.issues, expected.description);
      assert.equal(result.valid, false);
    });
  }

  test('covers every issue code that a folder of documents can produce', async () => {
    const seen = new Set<string>();
    for (const name of cases) {
      const expected = JSON.parse(await readFile(path.join(CORPUS, name, 'expected.json'), 'utf8')) as Expected;
      for (const issue of expected.issues) seen.add(issue.code);
    }
    // Covered by validate.test.ts instead: files that cannot be read, are too large, are not JSON or name no schema.
    const elsewhere = new Set(['unreadable', 'too-large', 'json-syntax', 'unknown-schema', 'duplicate-dashboard']);
    assert.deepEqual(ISSUE_CODES.filter((code) => !seen.has(code) && !elsewhere.has(code)), []);
  });
});
