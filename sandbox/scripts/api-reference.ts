/**
 * Writes docs/api/platform-api.md from sdk/openapi/platform-api.yaml. Run after every change to the document:
 *   npx tsx sandbox/scripts/api-reference.ts
 * (`--check` only reports whether the checked-in reference is stale, with exit code 1.)
 */
import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { loadOpenApi } from '../src/api/openapi.ts';
import { REFERENCE_PATH, renderReference } from '../src/api/reference.ts';

const target = resolve(import.meta.dirname, '../..', REFERENCE_PATH);
const rendered = renderReference(loadOpenApi().doc);
if (process.argv.includes('--check')) {
  const current = await readFile(target, 'utf8').catch(() => '');
  if (current !== rendered) {
    console.error(`${REFERENCE_PATH} is stale: run npx tsx sandbox/scripts/api-reference.ts`);
    process.exit(1);
  }
  console.log(`${REFERENCE_PATH} is up to date`);
} else {
  await writeFile(target, rendered, 'utf8');
  console.log(`wrote ${REFERENCE_PATH}`);
}
