import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { ROLES, type Role as SdkRole, type TenantConfig } from '@digione/sdk/identity';
import type { Role, Tenant } from '../types.ts';
import { loadSchemas } from '../schemas.ts';
import { generateTypes } from './generate.ts';

const generatedDir = fileURLToPath(new URL('../generated/', import.meta.url));

test('src/generated/ is what `npm run gen -w manifests` writes from the schemas', async () => {
  const expected = await generateTypes();
  const present = (await readdir(generatedDir)).filter((name) => name.endsWith('.ts')).sort();
  assert.deepEqual(present, expected.map((f) => f.name).sort(), 'generated files: run `npm run gen -w manifests`');
  for (const file of expected) {
    const onDisk = await readFile(generatedDir + file.name, 'utf8');
    assert.equal(onDisk, file.contents, `src/generated/${file.name} is stale: run \`npm run gen -w manifests\``);
  }
});

test('the schemas list exactly the SDK roles, in its order', async () => {
  const schemas = await loadSchemas();
  const defs = schemas.widget['$defs'] as Record<string, { enum?: unknown }>;
  assert.deepEqual(defs['role']?.enum, [...ROLES]);
});

// Compile-time: `tsc` fails here if the generated types drift from the SDK's.
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const roleMatchesSdk: Equal<Role, SdkRole> = true;
const tenantIsTenantConfig = (tenant: Omit<Tenant, '$schema'>): TenantConfig => tenant;
void roleMatchesSdk;
void tenantIsTenantConfig;
