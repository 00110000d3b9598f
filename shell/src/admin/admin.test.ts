import { expect } from '@open-wc/testing';
import type { WidgetManifest } from '@digione/manifests/types';
import { csvField, toCsv } from './csv.js';
import { conformance, conforms } from './conformance.js';
import { ADMIN_STRINGS, fill } from './strings.js';
import { SCOPE_SENTENCES, describeScope } from './scopes.js';
import { adminRoute, auditCsv, auditQuery, issuesByEntry } from './model.js';

/** Every key path of a strings object (as arrays: some keys, the audit actions, contain dots themselves). */
function keys(value: unknown, prefix: readonly string[] = []): string[][] {
  if (typeof value === 'string') return [[...prefix]];
  return Object.entries(value as Record<string, unknown>).flatMap(([key, child]) => keys(child, [...prefix, key]));
}

const manifest: WidgetManifest = {
  id: 'kajo.schedule',
  version: '0.1.0',
  vendor: { id: 'kajo', name: 'Kajo' },
  title: { fi: 'Lukujärjestys', sv: 'Schema', en: 'Schedule' },
  description: { fi: 'Kuvaus', sv: 'Beskrivning', en: 'Description' },
  kind: 'module',
  entry: 'https://kajo.example/schedule/remoteEntry.js',
  integrity: `sha384-${'A'.repeat(64)}`,
  sdk: '^0.2.0',
  roles: ['pupil'],
  scopes: ['schedule.read'],
  locales: ['fi', 'sv', 'en'],
  sizes: ['m'],
} as WidgetManifest;

describe('admin CSV writer (RFC 4180)', () => {
  it('quotes commas, quotes and line breaks, doubling the quotes', () => {
    expect(csvField('plain')).to.equal('plain');
    expect(csvField('a,b')).to.equal('"a,b"');
    expect(csvField('say "hi"')).to.equal('"say ""hi"""');
    expect(csvField('two\nlines')).to.equal('"two\nlines"');
    expect(csvField('cr\r\nlf')).to.equal('"cr\r\nlf"');
    expect(csvField(null)).to.equal('');
    expect(csvField(undefined)).to.equal('');
    expect(csvField(42)).to.equal('42');
  });

  it('defuses what a spreadsheet would run as a formula, but not negative numbers', () => {
    expect(csvField('=HYPERLINK("http://x","y")')).to.equal(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvField('+1')).to.equal("'+1");
    expect(csvField('-cmd')).to.equal("'-cmd");
    expect(csvField('@SUM(A1)')).to.equal("'@SUM(A1)");
    expect(csvField('\tx')).to.equal("'\tx");
    expect(csvField(-3)).to.equal('-3');
  });

  it('ends every record, the header included, with CRLF', () => {
    expect(toCsv(['a', 'b'], [['1', 'x,y'], ['=2', null]])).to.equal('a,b\r\n1,"x,y"\r\n\'=2,\r\n');
  });

  it('exports audit entries with their raw values', () => {
    const csv = auditCsv([
      {
        id: 7,
        at: '2026-11-28T10:00:00.000Z',
        tenant: 'vantaa',
        user: 'mpass-admin-vantaa',
        userName: 'Kokeilija, Jari',
        action: 'policy.widget.delete',
        target: 'policy',
        widgets: ['lumo.bulletin', 'lumo.messages'],
        before: null,
        after: null,
      },
    ]);
    expect(csv).to.equal(
      'id,at,tenant,user,userName,action,target,widgets\r\n' +
        '7,2026-11-28T10:00:00.000Z,vantaa,mpass-admin-vantaa,"Kokeilija, Jari",policy.widget.delete,policy,lumo.bulletin lumo.messages\r\n',
    );
  });
});

describe('admin conformance checks', () => {
  it('pass for a pinned https module widget in three languages within the SDK range', () => {
    const checks = conformance(manifest, '0.2.0');
    expect(checks.map((c) => [c.id, c.outcome])).to.deep.equal([
      ['locales', 'pass'],
      ['entry', 'pass'],
      ['pinned', 'pass'],
      ['sdk', 'pass'],
    ]);
    expect(conforms(checks)).to.equal(true);
  });

  it('name each failure: a missing language, an unpinned https module, an SDK range this shell cannot meet', () => {
    const checks = conformance(
      { ...manifest, locales: ['fi', 'en'], integrity: undefined, sdk: '^1.0.0' } as WidgetManifest,
      '0.2.0',
    );
    expect(checks.find((c) => c.id === 'locales')).to.deep.include({ outcome: 'fail', vars: { missing: 'sv' } });
    expect(checks.find((c) => c.id === 'pinned')?.outcome).to.equal('fail');
    expect(checks.find((c) => c.id === 'sdk')).to.deep.include({ outcome: 'fail', message: 'sdkMismatch' });
    expect(conforms(checks)).to.equal(false);
  });

  it('allow sandbox addresses on this computer as warnings, and ask no hash of code that never runs in the page', () => {
    const local = conformance({ ...manifest, entry: 'http://localhost:4201/remoteEntry.js', integrity: undefined } as WidgetManifest, '0.2.0');
    expect(local.filter((c) => c.outcome === 'warn').map((c) => c.id)).to.deep.equal(['entry', 'pinned']);
    expect(conforms(local)).to.equal(true);
    const insecure = conformance({ ...manifest, kind: 'iframe', entry: 'http://vendor.example/', integrity: undefined } as WidgetManifest, '0.2.0');
    expect(insecure.find((c) => c.id === 'entry')?.outcome).to.equal('fail');
    expect(insecure.find((c) => c.id === 'pinned')).to.deep.include({ outcome: 'pass', message: 'pinnedNotNeeded' });
  });
});

describe('admin strings', () => {
  it('have exactly the same keys in fi, sv and en, and no empty string', () => {
    const paths = (locale: 'fi' | 'sv' | 'en') => keys(ADMIN_STRINGS[locale]).map((path) => path.join(' › ')).sort();
    const english = keys(ADMIN_STRINGS.en);
    expect(paths('fi')).to.deep.equal(paths('en'));
    expect(paths('sv')).to.deep.equal(paths('en'));
    for (const locale of ['fi', 'sv', 'en'] as const) {
      for (const path of english) {
        const value = path.reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], ADMIN_STRINGS[locale]);
        expect(value, `${locale}: ${path.join(' › ')}`).to.be.a('string').and.not.equal('');
      }
    }
  });

  it('fill their placeholders and leave unknown ones visible', () => {
    expect(fill('Versio {{version}} julkaistiin', { version: 3 })).to.equal('Versio 3 julkaistiin');
    expect(fill('{{a}} {{b}}', { a: 'x' })).to.equal('x {{b}}');
  });

  it('describe every scope in all three languages, and name an unknown scope as it is', () => {
    for (const [scope, sentences] of Object.entries(SCOPE_SENTENCES)) {
      for (const locale of ['fi', 'sv', 'en'] as const) expect(sentences[locale], `${scope} ${locale}`).to.match(/\S/);
    }
    expect(describeScope('made.up', 'sv')).to.equal('Okänd åtkomst: made.up');
  });
});

describe('admin routes and validation issues', () => {
  it('map /admin paths to their sections', () => {
    expect(adminRoute('/admin')).to.deep.equal({ section: 'catalogue' });
    expect(adminRoute('/admin/catalogue/')).to.deep.equal({ section: 'catalogue' });
    expect(adminRoute('/admin/dashboards')).to.deep.equal({ section: 'dashboards', role: 'pupil' });
    expect(adminRoute('/admin/dashboards/guardian')).to.deep.equal({ section: 'dashboards', role: 'guardian' });
    expect(adminRoute('/admin/audit')).to.deep.equal({ section: 'audit' });
    expect(adminRoute('/admin/dashboards/janitor')).to.deep.equal({ section: 'not-found' });
    expect(adminRoute('/admin/audit/x')).to.deep.equal({ section: 'not-found' });
  });

  it('put each issue next to the layout entry its pointer names, the rest with the whole dashboard', () => {
    const issue = (pointer: string) => ({ file: 'dashboards/vantaa/pupil.json', pointer, code: 'x', reason: pointer });
    const { byIndex, general } = issuesByEntry([issue('/layout/1/widget'), issue('/layout/1/config/days'), issue('/layout/12'), issue(''), issue('/layouts/1')]);
    expect([...byIndex.keys()]).to.deep.equal([1, 12]);
    expect(byIndex.get(1)?.map((i) => i.pointer)).to.deep.equal(['/layout/1/widget', '/layout/1/config/days']);
    expect(general.map((i) => i.pointer)).to.deep.equal(['', '/layouts/1']);
  });

  it('ask the registry for whole local days: from the first midnight to the midnight after the last', () => {
    const query = auditQuery('vantaa', { user: ' mpass-admin-vantaa ', action: '', widget: 'lumo.bulletin', from: '2026-03-01', to: '2026-03-31' });
    expect(query).to.deep.equal({
      tenant: 'vantaa',
      user: 'mpass-admin-vantaa',
      widget: 'lumo.bulletin',
      from: new Date(2026, 2, 1).toISOString(),
      to: new Date(2026, 3, 1).toISOString(),
    });
    expect(auditQuery('espoo', { user: '', action: 'dashboard.publish', widget: '', from: '', to: '' })).to.deep.equal({
      tenant: 'espoo',
      action: 'dashboard.publish',
    });
  });
});
