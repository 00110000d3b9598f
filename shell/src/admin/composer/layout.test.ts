import { expect } from '@open-wc/testing';
import type { TenantPolicy, WidgetManifest } from '@digione/manifests/types';
import { checkField, configFields, moved, newInstanceId, parseFieldValue, placeableWidgets } from './layout.js';

const manifest = (id: string, extra: Partial<WidgetManifest> = {}) =>
  ({ id, version: '1.2.0', kind: 'module', roles: ['pupil'], sizes: ['m'], ...extra }) as WidgetManifest;

describe('composer layout model', () => {
  it('offers only widgets the policy approves, in range, at an allowed level, for the role', () => {
    const policy = {
      tenant: 'vantaa',
      version: 1,
      widgets: {
        'a.ok': { versions: '^1.0.0', scopes: [], integration: 'module' },
        'a.old': { versions: '^2.0.0', scopes: [], integration: 'module' },
        'a.framed': { versions: '^1.0.0', scopes: [], integration: 'link' },
        'a.teacher': { versions: '^1.0.0', scopes: [], integration: 'module' },
      },
    } as unknown as TenantPolicy;
    const catalogue = [
      manifest('a.ok'),
      manifest('a.old'),
      manifest('a.framed', { kind: 'iframe' }),
      manifest('a.teacher', { roles: ['teacher'] }),
      manifest('a.unapproved'),
    ];
    expect(placeableWidgets(catalogue, policy, 'pupil').map((w) => w.id)).to.deep.equal(['a.ok']);
  });

  it('makes instance ids unique and valid for the dashboard schema', () => {
    expect(newInstanceId('lumo.bulletin', ['schedule'])).to.equal('bulletin');
    expect(newInstanceId('lumo.bulletin', ['bulletin', 'bulletin-2'])).to.equal('bulletin-3');
    expect(newInstanceId('acme.9lives', [])).to.match(/^[a-z][a-z0-9-]*$/);
  });

  it('moves items within bounds', () => {
    expect(moved(['a', 'b', 'c'], 0, 2)).to.deep.equal(['b', 'c', 'a']);
    expect(moved(['a', 'b', 'c'], 2, 0)).to.deep.equal(['c', 'a', 'b']);
    expect(moved(['a', 'b', 'c'], 1, 9)).to.deep.equal(['a', 'c', 'b']);
  });

  it('labels a field in the admin\'s language from x-title and x-description, else from title, else its name', () => {
    const widget = manifest('a.ok', {
      config: {
        type: 'object',
        properties: {
          limit: {
            type: 'integer',
            title: 'Items shown',
            'x-title': { fi: 'Näytettävät', sv: 'Visade', en: 'Shown' },
            'x-description': { fi: 'Montako näytetään.', sv: 'Hur många som visas.', en: 'How many are shown.' },
          },
          plain: { type: 'boolean', title: 'Compact' },
          bare: { type: 'string' },
        },
      },
    });
    const labels = (locale?: 'fi' | 'sv' | 'en') => configFields(widget, locale).map((f) => [f.label, f.description ?? null]);
    expect(labels('fi')).to.deep.equal([['Näytettävät', 'Montako näytetään.'], ['Compact', null], ['bare', null]]);
    expect(labels('sv')[0]).to.deep.equal(['Visade', 'Hur många som visas.']);
    expect(labels()[0]).to.deep.equal(['Items shown', null]);
    expect(configFields(widget, 'fi').map((f) => f.kind)).to.deep.equal(['number', 'boolean', 'text']);
  });

  it('reads a config schema into fields and checks values against its constraints', () => {
    const fields = configFields(
      manifest('a.ok', {
        config: {
          type: 'object',
          required: ['mode'],
          properties: {
            mode: { enum: ['day', 'week'], default: 'week' },
            days: { type: 'integer', minimum: 1, maximum: 7 },
            ratio: { type: 'number' },
            label: { type: 'string', maxLength: 5, pattern: '^[a-z]*$' },
            compact: { type: 'boolean', default: true },
            nested: { type: 'object' },
            odd: { type: 'integer', multipleOf: 2 },
          },
        },
      }),
    );
    expect(fields.map((f) => [f.name, f.kind])).to.deep.equal([
      ['mode', 'choice'],
      ['days', 'number'],
      ['ratio', 'number'],
      ['label', 'text'],
      ['compact', 'boolean'],
      ['nested', 'unsupported'],
      // A keyword the form cannot enforce makes the field read-only rather than silently unchecked.
      ['odd', 'unsupported'],
    ]);
    const [mode, days, ratio, label] = fields as [typeof fields[0], typeof fields[0], typeof fields[0], typeof fields[0]];
    expect(checkField(mode, undefined)).to.deep.equal({ key: 'required' });
    expect(checkField(mode, 'week')).to.equal(undefined);
    expect(checkField(mode, 'month')).to.deep.equal({ key: 'notAllowed' });
    expect(checkField(days, parseFieldValue(days, '8'))).to.deep.equal({ key: 'aboveMaximum', vars: { max: 7 } });
    expect(checkField(days, parseFieldValue(days, '0'))).to.deep.equal({ key: 'belowMinimum', vars: { min: 1 } });
    expect(checkField(days, parseFieldValue(days, '2.5'))).to.deep.equal({ key: 'notInteger' });
    expect(checkField(days, parseFieldValue(days, 'x'))).to.deep.equal({ key: 'notInteger' });
    expect(checkField(days, parseFieldValue(days, ''))).to.equal(undefined);
    expect(checkField(ratio, parseFieldValue(ratio, '0,5'))).to.equal(undefined);
    expect(checkField(label, 'toolong')).to.deep.equal({ key: 'tooLong', vars: { max: 5 } });
    expect(checkField(label, 'AB')).to.deep.equal({ key: 'pattern' });
  });
});
