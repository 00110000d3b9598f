import assert from 'node:assert/strict';
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { BASE_FIXTURE, REAL_MANIFESTS, workspace, type Workspace } from '../fixtures/workspace.ts';
import type { ValidationIssue } from './issues.ts';
import { validateFiles } from './validate.ts';

type Doc = Record<string, unknown>;
const layout = (d: Doc): Doc[] => d['layout'] as Doc[];
const item = (d: Doc, i: number): Doc => {
  const instance = layout(d)[i];
  assert.ok(instance, `layout has an item ${i}`);
  return instance;
};

const spaces: Workspace[] = [];
after(() => Promise.all(spaces.map((s) => s.remove())));

/** Breaks a fresh copy of the base fixture with `change`, validates it, and returns the issues with relative paths. */
async function issuesAfter(
  change: (ws: Workspace) => Promise<void>,
  paths: (ws: Workspace) => string[] = (ws) => [ws.dir],
): Promise<ValidationIssue[]> {
  const ws = await workspace();
  spaces.push(ws);
  await change(ws);
  const result = await validateFiles(paths(ws));
  assert.equal(result.valid, result.issues.length === 0);
  // Paths relative to the workspace, also inside reasons that name another file.
  const relative = (text: string): string => text.replaceAll(ws.dir + path.sep, '');
  return result.issues.map((issue) => ({ ...issue, file: relative(issue.file), reason: relative(issue.reason) }));
}

describe('valid manifests', () => {
  test('the repository manifests pass', async () => {
    const result = await validateFiles([REAL_MANIFESTS]);
    assert.deepEqual(result.issues, []);
    assert.equal(result.valid, true);
    assert.deepEqual(
      result.documents.widgets.map((w) => w.document.id),
      ['aika.term-countdown', 'kajo.schedule', 'lumo.bulletin', 'lumo.messages', 'reissu.permissions', 'tanne.calendar', 'vire.materials'],
    );
    assert.equal(result.documents.dashboards.length, 10);
    assert.deepEqual(
      result.documents.tenants.map((t) => t.document.id),
      ['espoo', 'vantaa'],
    );
  });

  test('every role has a dashboard in both tenants', async () => {
    const result = await validateFiles([REAL_MANIFESTS]);
    const keys = result.documents.dashboards.map(({ document: d }) => `${d.tenant}/${d.role}`).sort();
    const roles = ['admin', 'guardian', 'principal', 'pupil', 'teacher'];
    assert.deepEqual(keys, ['espoo', 'vantaa'].flatMap((tenant) => roles.map((role) => `${tenant}/${role}`)));
  });

  test('the base fixture passes', async () => {
    const result = await validateFiles([BASE_FIXTURE]);
    assert.deepEqual(result.issues, []);
    assert.equal(result.files.length, 6);
  });

  test('a dashboard named alone is checked against the catalogue beside it', async () => {
    const issues = await issuesAfter(
      (ws) => ws.edit('dashboards/demo/pupil.json', (d) => (item(d, 0)['widget'] = 'acme.clok')),
      (ws) => [ws.path('dashboards/demo/pupil.json')],
    );
    assert.deepEqual(issues.map((i) => [i.file, i.code]), [['dashboards/demo/pupil.json', 'unknown-widget']]);
  });
});

describe('schema errors', () => {
  test('unknown property with a near miss', async () => {
    const issues = await issuesAfter((ws) =>
      ws.edit('catalogue/acme.notes.json', (d) => {
        d['role'] = d['roles'];
        delete d['roles'];
      }),
    );
    assert.deepEqual(issues, [
      { file: 'catalogue/acme.notes.json', pointer: '/roles', code: 'schema', reason: '`roles` is missing' },
      {
        file: 'catalogue/acme.notes.json',
        pointer: '/role',
        code: 'schema',
        reason: 'unknown property `role`',
        hint: 'did you mean `roles`?',
      },
    ]);
  });

  test('a role that is not one', async () => {
    const issues = await issuesAfter((ws) => ws.edit('catalogue/acme.notes.json', (d) => (d['roles'] = ['teachr'])));
    assert.deepEqual(issues, [
      {
        file: 'catalogue/acme.notes.json',
        pointer: '/roles/0',
        code: 'schema',
        reason: 'must be one of `pupil`, `guardian`, `teacher`, `principal`, `admin`; got `teachr`',
        hint: 'did you mean `teacher`?',
      },
    ]);
  });

  test('a module widget without its federation remote', async () => {
    const issues = await issuesAfter((ws) => ws.edit('catalogue/acme.clock.json', (d) => delete d['federation']));
    assert.deepEqual(issues, [
      {
        file: 'catalogue/acme.clock.json',
        pointer: '/federation',
        code: 'schema',
        reason: '`federation` is missing: widgets of kind module need it, or an `element` instead',
      },
    ]);
  });

  test('a federation remote on a widget that is not a module', async () => {
    const issues = await issuesAfter((ws) =>
      ws.edit('catalogue/acme.notes.json', (d) => (d['federation'] = { name: 'acme_notes', expose: './widget' })),
    );
    assert.deepEqual(issues, [
      {
        file: 'catalogue/acme.notes.json',
        pointer: '/federation',
        code: 'schema',
        reason: 'applies only to widgets of kind module',
      },
    ]);
  });

  test('entry URLs: javascript: and plain http to a real host are refused', async () => {
    const issues = await issuesAfter(async (ws) => {
      await ws.edit('catalogue/acme.clock.json', (d) => (d['entry'] = 'javascript:alert(1)'));
      await ws.edit('catalogue/acme.notes.json', (d) => (d['entry'] = 'http://notes.acme.example/'));
    });
    const reason = 'must be an https:// URL (http:// only for localhost or 127.0.0.1 in the sandbox)';
    assert.deepEqual(issues, [
      { file: 'catalogue/acme.clock.json', pointer: '/entry', code: 'schema', reason: `${reason}; got \`javascript:alert(1)\`` },
      {
        file: 'catalogue/acme.notes.json',
        pointer: '/entry',
        code: 'schema',
        reason: `${reason}; got \`http://notes.acme.example/\``,
        hint: 'did you mean `https://notes.acme.example/`?',
      },
    ]);
  });

  test('a data: entry is refused', async () => {
    const issues = await issuesAfter((ws) =>
      ws.edit('catalogue/acme.clock.json', (d) => (d['entry'] = 'data:text/javascript,export default 1')),
    );
    assert.deepEqual(issues.map((i) => [i.pointer, i.code]), [['/entry', 'schema']]);
  });

  test('an id in capitals gets a lowercase suggestion', async () => {
    const issues = await issuesAfter(async (ws) => {
      await ws.edit('catalogue/acme.notes.json', (d) => (d['id'] = 'Acme.Notes'));
    });
    assert.deepEqual(issues, [
      {
        file: 'catalogue/acme.notes.json',
        pointer: '/id',
        code: 'schema',
        reason: 'must be vendor.name in lowercase letters, digits and hyphens, e.g. kajo.schedule; got `Acme.Notes`',
        hint: 'did you mean `acme.notes`?',
      },
    ]);
  });

  test('missing and blank translations', async () => {
    const issues = await issuesAfter((ws) => ws.edit('catalogue/acme.notes.json', (d) => (d['title'] = { fi: 'Muistiinpanot', en: ' ' })));
    assert.deepEqual(issues, [
      { file: 'catalogue/acme.notes.json', pointer: '/title/sv', code: 'schema', reason: '`sv` is missing' },
      { file: 'catalogue/acme.notes.json', pointer: '/title/en', code: 'schema', reason: 'must not be blank; got ` `' },
    ]);
  });

  test('a size listed twice', async () => {
    const issues = await issuesAfter((ws) => ws.edit('catalogue/acme.clock.json', (d) => (d['sizes'] = ['s', 'm', 's'])));
    assert.deepEqual(issues, [
      {
        file: 'catalogue/acme.clock.json',
        pointer: '/sizes/2',
        code: 'schema',
        reason: '`s` is listed twice (also at /sizes/0)',
        hint: 'remove the repeated item',
      },
    ]);
  });

  test('an integrity that is not a sha384 digest', async () => {
    const issues = await issuesAfter((ws) => ws.edit('catalogue/acme.clock.json', (d) => (d['integrity'] = 'sha256-abc')));
    assert.deepEqual(issues, [
      {
        file: 'catalogue/acme.clock.json',
        pointer: '/integrity',
        code: 'schema',
        reason: 'must be sha384- followed by the 64-character base64 SHA-384 digest of the entry file; got `sha256-abc`',
      },
    ]);
  });

  test('an sdk that is not a semver range', async () => {
    const issues = await issuesAfter((ws) => ws.edit('catalogue/acme.clock.json', (d) => (d['sdk'] = 'latest')));
    assert.deepEqual(issues.map((i) => [i.pointer, i.reason]), [
      ['/sdk', 'must be a semver range such as ^0.1.0, ~1.2, >=1.0.0 <2.0.0 or ^1.0.0 || ^2.0.0; got `latest`'],
    ]);
  });

  test('a dashboard size that does not exist', async () => {
    const issues = await issuesAfter((ws) => ws.edit('dashboards/demo/pupil.json', (d) => (item(d, 0)['size'] = 'xl')));
    assert.deepEqual(issues, [
      {
        file: 'dashboards/demo/pupil.json',
        pointer: '/layout/0/size',
        code: 'schema',
        reason: 'must be one of `s`, `m`, `l`; got `xl`',
        hint: 'did you mean `l`?',
      },
    ]);
  });

  test('a dashboard version that is not a positive integer', async () => {
    const issues = await issuesAfter((ws) => ws.edit('dashboards/demo/pupil.json', (d) => (d['version'] = 0)));
    assert.deepEqual(issues, [
      { file: 'dashboards/demo/pupil.json', pointer: '/version', code: 'schema', reason: '>= 1 is required; got `0`' },
    ]);
  });

  test('a tenant whose provider is not an OID', async () => {
    const issues = await issuesAfter((ws) => ws.edit('tenants/demo.json', (d) => (d['providerOid'] = 'demo')));
    assert.deepEqual(issues, [
      {
        file: 'tenants/demo.json',
        pointer: '/providerOid',
        code: 'schema',
        reason: 'must be an OID (dot-separated numbers) such as 1.2.246.562.10.00000000001; got `demo`',
      },
    ]);
  });
});

describe('errors across documents', () => {
  test('unknown widget id in a dashboard', async () => {
    const issues = await issuesAfter((ws) => ws.edit('dashboards/demo/pupil.json', (d) => (item(d, 0)['widget'] = 'acme.clok')));
    assert.deepEqual(issues, [
      {
        file: 'dashboards/demo/pupil.json',
        pointer: '/layout/0/widget',
        code: 'unknown-widget',
        reason: 'no widget `acme.clok` in the catalogue',
        hint: 'did you mean `acme.clock`?',
      },
    ]);
  });

  test('a widget placed for a role it does not support', async () => {
    const issues = await issuesAfter((ws) =>
      ws.edit('dashboards/demo/pupil.json', (d) => layout(d).push({ instanceId: 'notes', widget: 'acme.notes', size: 'l' })),
    );
    assert.deepEqual(issues, [
      {
        file: 'dashboards/demo/pupil.json',
        pointer: '/layout/1/widget',
        code: 'role-not-supported',
        reason: 'widget `acme.notes` is not made for role `pupil`; its manifest lists `teacher`',
        hint: 'remove it from the pupil dashboard, or ask Acme Oy to support the role',
      },
    ]);
  });

  test('a size the widget does not offer', async () => {
    const issues = await issuesAfter((ws) => ws.edit('dashboards/demo/pupil.json', (d) => (item(d, 0)['size'] = 'l')));
    assert.deepEqual(issues, [
      {
        file: 'dashboards/demo/pupil.json',
        pointer: '/layout/0/size',
        code: 'size-not-offered',
        reason: 'widget `acme.clock` offers sizes `s`, `m`, not `l`',
        hint: 'use `s` or `m`',
      },
    ]);
  });

  test('duplicate instance ids', async () => {
    const issues = await issuesAfter((ws) => ws.edit('dashboards/demo/teacher.json', (d) => (item(d, 1)['instanceId'] = 'clock')));
    assert.deepEqual(issues, [
      {
        file: 'dashboards/demo/teacher.json',
        pointer: '/layout/1/instanceId',
        code: 'duplicate-instance',
        reason: 'instance id `clock` is already used by /layout/0',
        hint: "instance ids are unique within a dashboard: they key each instance's settings",
      },
    ]);
  });

  test('duplicate widget ids in the catalogue', async () => {
    const issues = await issuesAfter(async (ws) => {
      await ws.write('catalogue/old/acme.clock.json', await readFile(ws.path('catalogue/acme.clock.json'), 'utf8'));
    });
    assert.deepEqual(issues, [
      {
        file: 'catalogue/old/acme.clock.json',
        pointer: '/id',
        code: 'duplicate-widget',
        reason: 'widget id `acme.clock` is already declared in catalogue/acme.clock.json',
        hint: 'each widget has exactly one manifest; raise `version` in the existing one instead',
      },
    ]);
  });

  test('instance config failing the widget\'s config schema', async () => {
    const issues = await issuesAfter((ws) =>
      ws.edit('dashboards/demo/pupil.json', (d) => (item(d, 0)['config'] = { showSeconds: 'yes', timeZone: 'Europe/Helsinky' })),
    );
    assert.deepEqual(issues, [
      {
        file: 'dashboards/demo/pupil.json',
        pointer: '/layout/0/config/showSeconds',
        code: 'invalid-config',
        reason: 'must be true or false; got a string',
      },
      {
        file: 'dashboards/demo/pupil.json',
        pointer: '/layout/0/config/timeZone',
        code: 'invalid-config',
        reason: 'must be one of `Europe/Helsinki`, `Europe/Stockholm`; got `Europe/Helsinky`',
        hint: 'did you mean `Europe/Helsinki`?',
      },
    ]);
  });

  test('an unknown config property', async () => {
    const issues = await issuesAfter((ws) => ws.edit('dashboards/demo/pupil.json', (d) => (item(d, 0)['config'] = { showSecond: true })));
    assert.deepEqual(issues, [
      {
        file: 'dashboards/demo/pupil.json',
        pointer: '/layout/0/config/showSecond',
        code: 'invalid-config',
        reason: 'unknown property `showSecond`',
        hint: 'did you mean `showSeconds`?',
      },
    ]);
  });

  test('config for a widget that takes none', async () => {
    const issues = await issuesAfter((ws) => ws.edit('dashboards/demo/teacher.json', (d) => (item(d, 1)['config'] = { color: 'red' })));
    assert.deepEqual(issues, [
      {
        file: 'dashboards/demo/teacher.json',
        pointer: '/layout/1/config',
        code: 'invalid-config',
        reason: 'widget `acme.notes` takes no config',
        hint: 'remove `config`',
      },
    ]);
  });

  test('a config schema that is not a JSON Schema', async () => {
    const issues = await issuesAfter((ws) =>
      ws.edit('catalogue/acme.clock.json', (d) => (d['config'] = { type: 'object', properties: { showSeconds: { type: 'bool' } } })),
    );
    assert.deepEqual(issues, [
      {
        file: 'catalogue/acme.clock.json',
        pointer: '/config/properties/showSeconds/type',
        code: 'invalid-config-schema',
        reason:
          'not a valid JSON Schema: must be one of `array`, `boolean`, `integer`, `null`, `number`, `object`, `string`; got `bool`, or must be an array; got a string',
        hint: 'did you mean `boolean`?',
      },
    ]);
  });

  test('a config schema with an unknown keyword', async () => {
    const issues = await issuesAfter((ws) =>
      ws.edit('catalogue/acme.clock.json', (d) => (d['config'] = { type: 'object', propertes: {} })),
    );
    assert.deepEqual(issues.map((i) => [i.pointer, i.code]), [['/config', 'invalid-config-schema']]);
    assert.match(issues[0]?.reason ?? '', /propertes/);
  });

  test('a widget id outside its vendor', async () => {
    const issues = await issuesAfter((ws) => ws.edit('catalogue/acme.notes.json', (d) => (d['vendor'] = { id: 'lumo', name: 'Lumo Viestintä Ab' })));
    assert.deepEqual(issues, [
      {
        file: 'catalogue/acme.notes.json',
        pointer: '/vendor/id',
        code: 'vendor-mismatch',
        reason: 'widget id `acme.notes` belongs to vendor `acme`, but vendor.id is `lumo`',
        hint: 'a vendor publishes only its own ids: use `lumo.notes` or vendor.id `acme`',
      },
    ]);
  });

  test('a catalogue file named after another id', async () => {
    const issues = await issuesAfter(async (ws) => {
      await ws.write('catalogue/acme.memo.json', await readFile(ws.path('catalogue/acme.notes.json'), 'utf8'));
      await rm(ws.path('catalogue/acme.notes.json'));
    });
    assert.deepEqual(issues, [
      {
        file: 'catalogue/acme.memo.json',
        pointer: '/id',
        code: 'misplaced',
        reason: 'the file is named `acme.memo.json` but the widget id is `acme.notes`',
        hint: 'rename the file to `acme.notes.json`, or fix the id',
      },
    ]);
  });

  test('a dashboard in the folder of another tenant', async () => {
    const issues = await issuesAfter((ws) => ws.edit('dashboards/demo/pupil.json', (d) => (d['tenant'] = 'dmeo')));
    assert.deepEqual(issues, [
      {
        file: 'dashboards/demo/pupil.json',
        pointer: '/tenant',
        code: 'misplaced',
        reason: "the file's path says `demo` but the dashboard says `dmeo`",
        hint: 'dashboards live at dashboards/<tenant>/<role>.json, or dashboards/<tenant>/<school OID>/<role>.json for one school',
      },
      {
        file: 'dashboards/demo/pupil.json',
        pointer: '/tenant',
        code: 'unknown-tenant',
        reason: 'no tenant `dmeo` in tenants/',
        hint: 'did you mean `demo`?',
      },
    ]);
  });

  test('two files holding the same dashboard version', async () => {
    const issues = await issuesAfter(
      async (ws) => {
        const copy = JSON.parse(await readFile(ws.path('dashboards/demo/pupil.json'), 'utf8')) as Doc;
        await ws.write('drafts/pupil.json', JSON.stringify({ $schema: 'https://schemas.digione.fi/dashboard/v1.json', ...copy }));
      },
      (ws) => [ws.dir, ws.path('drafts/pupil.json')],
    );
    assert.deepEqual(issues, [
      {
        file: 'drafts/pupil.json',
        pointer: '/version',
        code: 'duplicate-dashboard',
        reason: 'dashboards/demo/pupil.json already holds version 1 of the demo pupil dashboard',
        hint: 'keep one file per tenant, role and school; a change raises `version`',
      },
    ]);
  });

  test('two tenants with one provider OID', async () => {
    const issues = await issuesAfter((ws) =>
      ws.write(
        'tenants/demo2.json',
        JSON.stringify({ id: 'demo2', providerOid: '1.2.246.562.99.00000000099', name: { fi: 'D', sv: 'D', en: 'D' }, admins: [] }),
      ),
    );
    assert.deepEqual(issues, [
      {
        file: 'tenants/demo2.json',
        pointer: '/providerOid',
        code: 'duplicate-tenant',
        reason: 'provider OID 1.2.246.562.99.00000000099 already belongs to the tenant in tenants/demo.json',
        hint: 'one education provider is one tenant',
      },
    ]);
  });
});

describe('refused documents', () => {
  test('getPublicPath anywhere', async () => {
    const issues = await issuesAfter(async (ws) => {
      await ws.edit('catalogue/acme.clock.json', (d) => ((d['federation'] as Doc)['getPublicPath'] = 'return "https://evil.example/"'));
      await ws.edit('dashboards/demo/pupil.json', (d) => (item(d, 0)['config'] = { nested: [{ getPublicPath: 'x' }] }));
    });
    const reason = '`getPublicPath` is refused: manifests carry data, never code, and a module federation runtime would run this value';
    const hint = 'remove the key; the shell computes public paths from `entry`';
    assert.deepEqual(issues, [
      { file: 'catalogue/acme.clock.json', pointer: '/federation/getPublicPath', code: 'code-key', reason, hint },
      { file: 'dashboards/demo/pupil.json', pointer: '/layout/0/config/nested/0/getPublicPath', code: 'code-key', reason, hint },
    ]);
  });

  test('prototype-pollution keys', async () => {
    const issues = await issuesAfter(async (ws) => {
      await ws.write(
        'dashboards/demo/pupil.json',
        '{"tenant":"demo","role":"pupil","version":1,"layout":[{"instanceId":"clock","widget":"acme.clock","size":"s","config":{"__proto__":{"admin":true}}}]}',
      );
      await ws.edit('tenants/demo.json', (d) => (d['constructor'] = { prototype: {} }));
    });
    assert.deepEqual(issues.map((i) => [i.file, i.pointer, i.code]), [
      ['dashboards/demo/pupil.json', '/layout/0/config/__proto__', 'prototype-key'],
      ['tenants/demo.json', '/constructor', 'prototype-key'],
    ]);
    assert.equal(issues[0]?.reason, '`__proto__` is refused: a key of this name can change the prototype of objects built from the document');
  });

  test('a document over 256 KiB', async () => {
    const issues = await issuesAfter((ws) =>
      ws.edit('catalogue/acme.notes.json', (d) => (d['description'] = { fi: 'x'.repeat(300 * 1024), sv: 'x', en: 'x' })),
    );
    assert.deepEqual(issues, [
      {
        file: 'catalogue/acme.notes.json',
        pointer: '',
        code: 'too-large',
        reason: 'is 301 KiB; a document may be at most 256 KiB',
        hint: 'a manifest describes a widget; keep data and code out of it',
      },
    ]);
  });

  test('JSON that does not parse', async () => {
    const issues = await issuesAfter((ws) => ws.write('tenants/demo.json', '{ "id": "demo", }'));
    assert.deepEqual(issues.map((i) => [i.file, i.pointer, i.code]), [['tenants/demo.json', '', 'json-syntax']]);
    assert.match(issues[0]?.reason ?? '', /^is not valid JSON: /);
  });

  test('a file no folder or $schema assigns a schema', async () => {
    const issues = await issuesAfter(
      (ws) => ws.write('misc/thing.json', '{}'),
      (ws) => [ws.path('misc/thing.json')],
    );
    assert.deepEqual(issues, [
      {
        file: 'misc/thing.json',
        pointer: '',
        code: 'unknown-schema',
        reason: 'cannot tell which schema applies',
        hint: 'put the file in a catalogue/, dashboards/, tenants/ or policies/ folder, or give it a `$schema` property',
      },
    ]);
  });

  test('$schema picks the schema outside the folders, and a misspelt one gets a hint', async () => {
    const issues = await issuesAfter(
      async (ws) => {
        const tenant = JSON.parse(await readFile(ws.path('tenants/demo.json'), 'utf8')) as Doc;
        await ws.write('misc/a.json', JSON.stringify({ $schema: 'https://schemas.digione.fi/tenant/v1.json', ...tenant, id: 'Demo' }));
        await ws.write('misc/b.json', JSON.stringify({ $schema: 'https://schemas.digione.fi/tenants/v1.json', ...tenant }));
      },
      (ws) => [ws.path('misc')],
    );
    assert.deepEqual(issues, [
      {
        file: 'misc/a.json',
        pointer: '/id',
        code: 'schema',
        reason: 'must be lowercase letters, digits and hyphens, starting with a letter, e.g. vantaa; got `Demo`',
        hint: 'did you mean `demo`?',
      },
      {
        file: 'misc/b.json',
        pointer: '/$schema',
        code: 'unknown-schema',
        reason: 'names no DigiOne schema; got "https://schemas.digione.fi/tenants/v1.json"',
        hint: 'did you mean `https://schemas.digione.fi/tenant/v1.json`?',
      },
    ]);
  });

  test('a path that does not exist', async () => {
    const result = await validateFiles(['/nonexistent/manifest.json']);
    assert.deepEqual(result.issues, [
      { file: '/nonexistent/manifest.json', pointer: '', code: 'unreadable', reason: 'no such file or directory' },
    ]);
    assert.equal(result.valid, false);
  });
});
