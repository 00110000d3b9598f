/**
 * The registry refuses a tenant theme whose colours miss WCAG 2.1 AA: `validateDocuments` (what a policy write runs)
 * names each failing pair with both colours, the ratio and the minimum, at the colour's field.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, test } from 'node:test';
import type { Json } from '../schemas.ts';
import type { TenantPolicy } from '../generated/tenant-policy.v1.ts';
import type { Tenant } from '../generated/tenant.v1.ts';
import { validateDocuments } from './validate.ts';

const read = async <T>(file: string): Promise<T> => JSON.parse(await readFile(new URL(`../../${file}`, import.meta.url), 'utf8')) as T;
const vantaa = await read<TenantPolicy>('policies/vantaa.json');
const espoo = await read<TenantPolicy>('policies/espoo.json');
const tenants = [await read<Tenant>('tenants/vantaa.json'), await read<Tenant>('tenants/espoo.json')];

/** Checks `policy` as a write of Vantaa's policy (widgets unknown to the check: only the theme matters here). */
async function write(theme: TenantPolicy['theme']) {
  const policy = { ...vantaa, widgets: {}, theme };
  return validateDocuments([{ file: 'policies/vantaa.json', value: policy as unknown as Json }], {
    widgets: [],
    tenants,
    policies: [],
    dashboards: [],
  });
}

describe('tenant theme contrast', () => {
  test("Vantaa's and Espoo's shipped themes pass, and differ", async () => {
    assert.deepEqual((await write(vantaa.theme)).issues, []);
    assert.deepEqual((await write(espoo.theme)).issues, []);
    assert.notEqual(vantaa.theme.colours.primary, espoo.theme.colours.primary);
  });

  test('a theme without dark colours passes: the dark scheme keeps DigiOne colours', async () => {
    const result = await write({ name: vantaa.theme.name, colours: { primary: '#00508f', onPrimary: '#ffffff' } });
    assert.equal(result.valid, true, JSON.stringify(result.issues));
  });

  test('grey #777777 on white misses 4.5:1: each failing pair is one issue, at its field, with both colours and ratio', async () => {
    const result = await write({ name: vantaa.theme.name, colours: { primary: '#777777', onPrimary: '#ffffff' } });
    assert.equal(result.valid, false);
    assert.deepEqual(
      result.issues.map((i) => [i.pointer, i.code, i.reason]),
      [
        ['/theme/colours/onPrimary', 'theme-contrast', 'light scheme: #ffffff on #777777 (on-primary on primary) is 4.47:1; text needs 4.5:1'],
        ['/theme/colours/primary', 'theme-contrast', 'light scheme: #777777 on #ffffff (primary on surface) is 4.47:1; text needs 4.5:1'],
        ['/theme/colours/primary', 'theme-contrast', 'light scheme: #777777 on #f4f6f9 (primary on background) is 4.13:1; text needs 4.5:1'],
      ],
    );
  });

  test('dark colours are checked against the dark surfaces', async () => {
    const result = await write({
      ...vantaa.theme,
      dark: { primary: '#00508f', onPrimary: '#ffffff', accent: '#9fcaff', onAccent: '#002a4f' },
    });
    assert.deepEqual(
      result.issues.map((i) => [i.pointer, i.reason]),
      [
        ['/theme/dark/primary', 'dark scheme: #00508f on #171e28 (primary on surface) is 2.03:1; text needs 4.5:1'],
        ['/theme/dark/primary', 'dark scheme: #00508f on #0f141b (primary on background) is 2.23:1; text needs 4.5:1'],
      ],
    );
  });

  test('a left-out onAccent is onPrimary: a failing accent pair points at the stated accent', async () => {
    const result = await write({ name: vantaa.theme.name, colours: { primary: '#00508f', onPrimary: '#ffffff', accent: '#ffd200' } });
    assert.deepEqual(
      result.issues.map((i) => [i.pointer, i.reason]),
      [
        ['/theme/colours/accent', 'light scheme: #ffffff on #ffd200 (on-accent on accent) is 1.45:1; text needs 4.5:1'],
        ['/theme/colours/accent', 'light scheme: #ffd200 on #ffffff (accent on surface) is 1.45:1; a user-interface part needs 3:1'],
      ],
    );
  });
});
