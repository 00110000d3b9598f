import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Dashboard, TenantPolicy, WidgetManifest } from '../types.ts';
import { mergeDashboards, resolveDashboard } from './resolve.ts';

const widget = (id: string, roles: WidgetManifest['roles'], sizes: WidgetManifest['sizes']): WidgetManifest => ({
  id,
  version: '1.0.0',
  vendor: { id: id.split('.')[0] ?? '', name: 'Acme Oy' },
  title: { fi: 'a', sv: 'a', en: 'a' },
  description: { fi: 'a', sv: 'a', en: 'a' },
  kind: 'module',
  entry: 'https://acme.example/remoteEntry.js',
  federation: { name: 'acme', expose: './widget' },
  sdk: '^0.1.0',
  roles,
  scopes: [],
  locales: ['fi'],
  sizes,
});

/** Approves every widget these tests use, with the scopes `a.read` and `a.write`. */
const policy = (widgets: TenantPolicy['widgets'] = {}): TenantPolicy => ({
  tenant: 'demo',
  version: 1,
  widgets: {
    'acme.a': { versions: '^1.0.0', scopes: ['a.read', 'a.write'], integration: 'module' },
    'acme.b': { versions: '^1.0.0', scopes: [], integration: 'module' },
    ...widgets,
  },
  theme: { name: { fi: 'D', sv: 'D', en: 'D' }, colours: { primary: '#000000', onPrimary: '#ffffff' } },
});

const dashboard: Dashboard = {
  tenant: 'demo',
  role: 'teacher',
  version: 3,
  layout: [
    { instanceId: 'a', widget: 'acme.a', size: 'l', config: { limit: 3 } },
    { instanceId: 'b', widget: 'acme.b', size: 'm' },
    { instanceId: 'c', widget: 'acme.gone', size: 'm' },
  ],
};

test('resolving keeps only widgets made for the role, with their manifests', () => {
  const catalogue = new Map([
    ['acme.a', widget('acme.a', ['teacher'], ['s', 'l'])],
    ['acme.b', widget('acme.b', ['pupil'], ['m'])],
  ]);
  const resolved = resolveDashboard(dashboard, 'teacher', catalogue, policy());
  assert.deepEqual(resolved.layout, [{ instanceId: 'a', widget: 'acme.a', size: 'l', config: { limit: 3 } }]);
  assert.deepEqual(Object.keys(resolved.widgets), ['acme.a']);
  assert.deepEqual([resolved.tenant, resolved.role, resolved.version], ['demo', 'teacher', 3]);
});

test('a size no longer offered falls back to one that is', () => {
  const catalogue = new Map([['acme.a', widget('acme.a', ['teacher'], ['s', 'm'])]]);
  assert.equal(resolveDashboard(dashboard, 'teacher', catalogue, policy()).layout[0]?.size, 's');
});

test('keys that would run code never leave the registry, however they got into storage', () => {
  const tainted = JSON.parse(
    JSON.stringify({ ...widget('acme.a', ['teacher'], ['l']), federation: { name: 'acme', expose: './widget', getPublicPath: 'return "x"' } }),
  ) as WidgetManifest;
  const config = JSON.parse('{"limit":3,"__proto__":{"admin":true},"nested":{"getPublicPath":"x"}}') as Record<string, unknown>;
  const resolved = resolveDashboard(
    { ...dashboard, layout: [{ instanceId: 'a', widget: 'acme.a', size: 'l', config }] },
    'teacher',
    new Map([['acme.a', tainted]]),
    policy(),
  );
  const body = JSON.stringify(resolved);
  assert.doesNotMatch(body, /getPublicPath|__proto__/);
  assert.deepEqual(resolved.layout[0]?.config, { limit: 3, nested: {} });
});

test('only widgets the policy approves are served, in range and integration level, with only the granted scopes', () => {
  const a = { ...widget('acme.a', ['teacher'], ['l']), scopes: ['a.read', 'a.write', 'a.admin'] };
  const b = widget('acme.b', ['teacher'], ['m']);
  const catalogue = new Map([
    ['acme.a', a],
    ['acme.b', b],
  ]);
  const placed: Dashboard = { ...dashboard, layout: [dashboard.layout[0]!, { instanceId: 'b', widget: 'acme.b', size: 'm' }] };
  const granted = resolveDashboard(placed, 'teacher', catalogue, policy({ 'acme.a': { versions: '^1.0.0', scopes: ['a.read'], integration: 'module' } }));
  assert.deepEqual(granted.layout.map((i) => i.widget), ['acme.a', 'acme.b']);
  assert.deepEqual(granted.widgets['acme.a']?.scopes, ['a.read']);
  assert.deepEqual(catalogue.get('acme.a')?.scopes, ['a.read', 'a.write', 'a.admin'], 'the catalogue is not changed');

  const { 'acme.b': _b, ...onlyA } = policy().widgets;
  const revoked = resolveDashboard(placed, 'teacher', catalogue, { ...policy(), widgets: onlyA });
  assert.deepEqual(revoked.layout.map((i) => i.widget), ['acme.a']);
  assert.deepEqual(Object.keys(revoked.widgets), ['acme.a']);

  const outOfRange = resolveDashboard(placed, 'teacher', catalogue, policy({ 'acme.b': { versions: '^2.0.0', scopes: [], integration: 'module' } }));
  assert.deepEqual(outOfRange.layout.map((i) => i.widget), ['acme.a']);
  const iframeOnly = resolveDashboard(placed, 'teacher', catalogue, policy({ 'acme.b': { versions: '1.0.0', scopes: [], integration: 'iframe' } }));
  assert.deepEqual(iframeOnly.layout.map((i) => i.widget), ['acme.a'], 'a module widget needs module approval');
  assert.deepEqual(resolveDashboard(placed, 'teacher', catalogue, undefined).layout, [], 'no policy approves nothing');
});

test('the policy decides the level: module ⊃ iframe ⊃ link, and link-only serves a tile without any code', () => {
  const moduleWidget = { ...widget('acme.b', ['teacher'], ['m']), scopes: ['a.read'], service: 'https://acme.example/service' };
  const framed: WidgetManifest = { ...widget('acme.a', ['teacher'], ['l']), kind: 'iframe', entry: 'https://frames.acme.example/a/' };
  delete framed.federation;
  const catalogue = new Map([
    ['acme.a', framed],
    ['acme.b', moduleWidget],
  ]);
  const placed: Dashboard = { ...dashboard, layout: [dashboard.layout[0]!, { instanceId: 'b', widget: 'acme.b', size: 'm' }] };
  const grants = (a: 'module' | 'iframe' | 'link', b: 'module' | 'iframe' | 'link') =>
    resolveDashboard(
      placed,
      'teacher',
      catalogue,
      policy({
        'acme.a': { versions: '^1.0.0', scopes: [], integration: a },
        'acme.b': { versions: '^1.0.0', scopes: ['a.read'], integration: b },
      }),
    );

  const full = grants('module', 'module');
  assert.equal(full.widgets['acme.a']?.kind, 'iframe', 'module approval also allows an iframe widget');
  assert.equal(full.widgets['acme.b']?.kind, 'module');

  const linkOnly = grants('iframe', 'link');
  assert.deepEqual(linkOnly.layout.map((i) => i.widget), ['acme.a', 'acme.b']);
  const tile = linkOnly.widgets['acme.b'];
  assert.equal(tile?.kind, 'link');
  assert.equal(tile?.entry, 'https://acme.example/service');
  assert.equal(tile?.federation, undefined, 'no code entry is served for a link');
  assert.deepEqual(tile?.scopes, [], 'a link runs no code, so it needs no tokens');
  assert.equal(catalogue.get('acme.b')?.kind, 'module', 'the catalogue is not changed');

  const { service: _service, ...withoutService } = moduleWidget;
  catalogue.set('acme.b', withoutService);
  assert.deepEqual(grants('iframe', 'link').layout.map((i) => i.widget), ['acme.a'], 'no service page: nothing to link to');
  assert.deepEqual(grants('iframe', 'iframe').layout.map((i) => i.widget), ['acme.a'], 'a module widget is refused at iframe level');
  assert.deepEqual(grants('link', 'module').layout.map((i) => i.widget), ['acme.b'], 'an iframe widget is refused at link level');
});

test('a school refines the tenant dashboard: same instanceId replaces in place, remove deletes, new ones append in order', () => {
  const tenant: Dashboard = {
    tenant: 'demo',
    role: 'teacher',
    version: 4,
    layout: [
      { instanceId: 'a', widget: 'acme.a', size: 'l' },
      { instanceId: 'b', widget: 'acme.b', size: 'm' },
      { instanceId: 'c', widget: 'acme.c', size: 'm' },
    ],
  };
  const school: Dashboard = {
    tenant: 'demo',
    role: 'teacher',
    school: '1.2.246.562.10.1',
    version: 2,
    layout: [
      { instanceId: 'x', widget: 'acme.x', size: 's' },
      { instanceId: 'b', widget: 'acme.b', size: 'l', config: { compact: true } },
      { instanceId: 'c', remove: true },
      { instanceId: 'gone', remove: true },
      { instanceId: 'y', widget: 'acme.y', size: 's' },
    ],
  };
  const merged = mergeDashboards(tenant, school);
  assert.deepEqual(
    merged?.layout.map((i) => [i.instanceId, i.size]),
    [
      ['a', 'l'],
      ['b', 'l'],
      ['x', 's'],
      ['y', 's'],
    ],
  );
  assert.deepEqual(merged?.layout[1]?.config, { compact: true });
  assert.deepEqual([merged?.version, merged?.schoolVersion, merged?.school], [4, 2, '1.2.246.562.10.1']);
  assert.deepEqual(mergeDashboards(tenant, undefined)?.layout.length, 3);
  assert.deepEqual(mergeDashboards(undefined, school)?.layout.map((i) => i.instanceId), ['x', 'b', 'y']);
  assert.equal(mergeDashboards(undefined, undefined), undefined);
});
