import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { GENERATED_FILE, generateApiTypes } from '../scripts/api-types.ts';

test('sdk/src/generated/platform-api.ts is what the OpenAPI document generates (else: npm run gen -w @digione/sdk)', async () => {
  const [expected, actual] = await Promise.all([generateApiTypes(), readFile(GENERATED_FILE, 'utf8')]);
  assert.ok(actual === expected, 'the generated API types are stale: run `npm run gen -w @digione/sdk` and commit the result');
});
