import { expect } from '@open-wc/testing';
import { createTranslator, intlLocale, isLocale } from './locale.js';

describe('locale helpers', () => {
  const t = createTranslator<{ hi: string; count: string }>({
    en: { hi: 'Hi {name}', count: '{n} lessons' },
    fi: { hi: 'Hei {name}', count: '{n} oppituntia' },
    sv: { hi: 'Hej {name}', count: '{n} lektioner' },
  });

  it('translates into each locale and fills placeholders', () => {
    expect(t('fi', 'hi', { name: 'Aino' })).to.equal('Hei Aino');
    expect(t('sv', 'count', { n: 3 })).to.equal('3 lektioner');
    expect(t('en', 'hi', { name: 'Aino' })).to.equal('Hi Aino');
  });

  it('leaves an unknown placeholder visible rather than printing undefined', () => {
    expect(t('fi', 'hi')).to.equal('Hei {name}');
    expect(t('fi', 'hi', {})).to.equal('Hei {name}');
  });

  it('formats dates as people in Finland expect in each language', () => {
    const date = new Date(Date.UTC(2026, 10, 30, 10, 15));
    const format = (locale: 'fi' | 'sv' | 'en') =>
      new Intl.DateTimeFormat(intlLocale(locale), { day: 'numeric', month: 'numeric', timeZone: 'Europe/Helsinki' }).format(date);
    expect(format('fi')).to.equal('30.11.');
    expect(format('en')).to.equal('30/11');
    expect(isLocale('sv')).to.equal(true);
    expect(isLocale('de')).to.equal(false);
  });
});
