import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Dashboard, WidgetManifest } from '../types.ts';
import { resolveDashboard } from './resolve.ts';

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
  const resolved = resolveDashboard(dashboard, 'teacher', catalogue);
  assert.deepEqual(resolved.layout, [{ instanceId: 'a', widget: 'acme.a', size: 'l', config: { limit: 3 } }]);
  assert.deepEqual(Object.keys(resolved.widgets), ['acme.a']);
  assert.deepEqual([resolved.tenant, resolved.role, resolved.version], ['demo', 'teacher', 3]);
});

test('a size no longer offered falls back to one that is', () => {
  const catalogue = new Map([['acme.a', widget('acme.a', ['teacher'], ['s', 'm'])]]);
  assert.equal(resolveDashboard(dashboard, 'teacher', catalogue).layout[0]?.size, 's');
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
  );
  const body = JSON.stringify(resolved);
  assert.doesNotMatch(body, /getPublicPath|__proto__/);
  assert.deepEqual(resolved.layout[0]?.config, { limit: 3, nested: {} });
});
