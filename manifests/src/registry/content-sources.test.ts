import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { TenantPolicy, WidgetManifest } from '../types.ts';
import { contentSources } from './content-sources.ts';

const HASH = (c: string): string => `sha384-${c.repeat(64)}`;

function widget(id: string, kind: WidgetManifest['kind'], entry: string, extra: Partial<WidgetManifest> = {}): WidgetManifest {
  return {
    id,
    version: '1.2.0',
    vendor: { id: id.split('.')[0] ?? 'x', name: 'Vendor Oy' },
    title: { fi: 'T', sv: 'T', en: 'T' },
    description: { fi: 'D', sv: 'D', en: 'D' },
    kind,
    entry,
    ...(kind === 'module' ? { federation: { name: id.replace('.', '_'), expose: './widget' } } : {}),
    sdk: '^0.2.0',
    roles: ['pupil'],
    scopes: [],
    locales: ['fi'],
    sizes: ['m'],
    ...extra,
  } as WidgetManifest;
}

function policy(tenant: string, widgets: TenantPolicy['widgets'], logo?: string): TenantPolicy {
  return {
    tenant,
    version: 1,
    widgets,
    theme: { name: { fi: 'X', sv: 'X', en: 'X' }, colours: { primary: '#0b5394', onPrimary: '#ffffff' }, ...(logo ? { logo } : {}) },
  };
}

const approve = (integration: 'module' | 'iframe' | 'link', versions = '^1.0.0') => ({ versions, scopes: [], integration });

describe('contentSources', () => {
  const pinned = widget('acme.clock', 'module', 'https://cdn.acme.example/clock/remoteEntry.js', {
    integrity: HASH('A'),
    chunks: { 'assets/a.js': HASH('B'), 'shared/lit.js': HASH('C') },
    icon: 'https://img.acme.example/clock.svg',
  });
  const framed = widget('vire.books', 'iframe', 'https://vire.example/books/');
  const linked = widget('wilma.home', 'link', 'https://wilma.example/');

  test('an approved module widget adds its origin to script, its icon to img and pins every listed file', () => {
    const sources = contentSources([pinned], [policy('vantaa', { 'acme.clock': approve('module') })]);
    assert.deepEqual(sources.script, ['https://cdn.acme.example']);
    assert.deepEqual(sources.img, ['https://img.acme.example']);
    assert.deepEqual(sources.integrity, {
      'https://cdn.acme.example/clock/assets/a.js': HASH('B'),
      'https://cdn.acme.example/clock/remoteEntry.js': HASH('A'),
      'https://cdn.acme.example/clock/shared/lit.js': HASH('C'),
    });
    assert.deepEqual(sources.entries, ['https://cdn.acme.example/clock/remoteEntry.js']);
  });

  test('iframe widgets go to frame, link widgets add nothing', () => {
    const sources = contentSources(
      [framed, linked],
      [policy('vantaa', { 'vire.books': approve('iframe'), 'wilma.home': approve('link') })],
    );
    assert.deepEqual(sources, { script: [], frame: ['https://vire.example'], img: [], integrity: {}, entries: [] });
  });

  test('a module widget the tenant allows only as an iframe or a link never gets script-src', () => {
    assert.deepEqual(contentSources([pinned], [policy('vantaa', { 'acme.clock': approve('link') })]).script, []);
    const asFrame = contentSources([pinned], [policy('vantaa', { 'acme.clock': approve('iframe') })]);
    assert.deepEqual(asFrame.script, []);
    assert.deepEqual(asFrame.frame, ['https://cdn.acme.example']);
    assert.deepEqual(asFrame.integrity, {});
  });

  test('unapproved widgets and versions outside the approved range add nothing', () => {
    assert.deepEqual(contentSources([pinned, framed], [policy('vantaa', {})]).script, []);
    assert.deepEqual(contentSources([pinned], [policy('vantaa', { 'acme.clock': approve('module', '^2.0.0') })]).script, []);
  });

  test('every tenant counts, with logos, and the answer is sorted and free of duplicates', () => {
    const sources = contentSources(
      [framed, pinned],
      [
        policy('vantaa', { 'acme.clock': approve('module'), 'vire.books': approve('iframe') }, 'https://logos.vantaa.example/v.svg'),
        policy('espoo', { 'acme.clock': approve('module') }, 'https://logos.espoo.example/e.svg'),
      ],
    );
    assert.deepEqual(sources.script, ['https://cdn.acme.example']);
    assert.deepEqual(sources.frame, ['https://vire.example']);
    assert.deepEqual(sources.img, ['https://img.acme.example', 'https://logos.espoo.example', 'https://logos.vantaa.example']);
  });
});
