import { expect } from '@open-wc/testing';
import i18next from 'i18next';
import { currentLocale, initialLocale, initLocale, onLocaleChange, setLocale, t } from './locale.js';
import { resources } from './resources.js';
import { STATEMENT_TEXT } from '../layout/statement.js';

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value === 'string') return [prefix];
  return Object.entries(value as Record<string, unknown>).flatMap(([key, child]) => keys(child, prefix ? `${prefix}.${key}` : key));
}

describe('shell locale', () => {
  it('starts in the language the first paint chose, and in Finnish when that is not a platform language', () => {
    expect(initialLocale('sv')).to.equal('sv');
    expect(initialLocale('en')).to.equal('en');
    expect(initialLocale('de')).to.equal('fi');
    expect(initialLocale('')).to.equal('fi');
  });

  // The shell's strings, and the accessibility statement's, which its lazily loaded page keeps apart (statement.ts).
  for (const [name, table] of [
    ['the shell', resources],
    ['the accessibility statement', STATEMENT_TEXT],
  ] as const) {
    it(`has every string of ${name} in Finnish, Swedish and English, none empty and none left in English`, () => {
      const en = keys(table.en).sort();
      expect(en.length).to.be.greaterThan(10);
      expect(keys(table.fi).sort()).to.deep.equal(en);
      expect(keys(table.sv).sort()).to.deep.equal(en);
      const lookup = (tree: unknown, path: string) =>
        path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], tree) as string;
      for (const key of en) {
        for (const locale of ['fi', 'sv'] as const) {
          const text = lookup(table[locale], key);
          expect(text.trim(), `${locale}:${key}`).not.to.equal('');
          const english = lookup(table.en, key);
          // Brand names and pure placeholders are the same in every language; nothing else may be, except a word
          // that Swedish and English happen to share ("Administration", the header's way to the admin area).
          if (!['appName', 'dashboard.heading'].includes(key) && !(locale === 'sv' && key === 'header.admin')) expect(text, `${locale}:${key} is still English`).not.to.equal(english);
        }
      }
    });
  }
});

describe('shell strings', () => {
  it('looks strings up in the active locale and fills {{placeholders}}, leaving unknown ones as they are', async () => {
    await initLocale();
    await setLocale('en');
    expect(t('header.signedInAs', { name: 'Aino' })).to.equal('Signed in as Aino');
    expect(t('dashboard.heading', { role: 'Pupil' })).to.equal('Pupil – {{tenant}}');
    await setLocale('sv');
    expect(t('header.signedInAs', { name: 'Aino' })).to.equal('Inloggad som Aino');
    expect(document.documentElement.lang).to.equal('sv');
    await setLocale('fi');
    expect(t('header.signOut')).to.equal(resources.fi.header.signOut);
  });

  it('tells every listener about a switch once, even when one of them throws, and not after it stopped listening', async () => {
    await initLocale();
    await setLocale('fi');
    const heard: string[] = [];
    const stopFailing = onLocaleChange(() => {
      throw new Error('a widget listener that fails');
    });
    const stop = onLocaleChange((locale) => heard.push(`${locale}:${t('header.signOut')}`));
    await setLocale('sv');
    await setLocale('sv'); // no switch, no news
    stop();
    stopFailing();
    await setLocale('en');
    expect(heard).to.deep.equal([`sv:${resources.sv.header.signOut}`]);
    expect(currentLocale()).to.equal('en');
  });

  it('keeps its own language when something else in the page switches the global i18next (a widget bundling it)', async () => {
    await initLocale();
    await setLocale('sv');
    await i18next.init({ lng: 'en', resources: { en: { translation: { header: { signOut: 'Log off' } } } } });
    await i18next.changeLanguage('en');
    expect(currentLocale()).to.equal('sv');
    expect(t('header.signOut')).to.equal(resources.sv.header.signOut);
    expect(document.documentElement.lang).to.equal('sv');
  });
});
