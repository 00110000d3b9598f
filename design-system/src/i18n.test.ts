import { expect, fixture, html } from '@open-wc/testing';
import { LitElement, type TemplateResult } from 'lit';
import { buttonStrings } from './components/button/button.strings.js';
import { cardStrings } from './components/card/card.strings.js';
import { LOCALES, LocaleController, defineStrings, localeOf, toLocale } from './i18n.js';
import { setPageLocale } from './internal/test-helpers.js';

const strings = defineStrings({
  en: { hello: 'Hello' },
  fi: { hello: 'Hei' },
  sv: { hello: 'Hej' },
});

// Compile-time checks (tsc): Finnish and Swedish must have exactly the English keys.
defineStrings({
  en: { a: 'A', b: 'B' },
  // @ts-expect-error a missing key
  fi: { a: 'A' },
  sv: { a: 'A', b: 'B' },
});
defineStrings({
  en: { a: 'A' },
  fi: { a: 'A' },
  // @ts-expect-error an extra key
  sv: { a: 'A', extra: 'X' },
});

class TestGreeting extends LitElement {
  readonly i18n = new LocaleController(this, strings);
  renders = 0;

  protected override render(): TemplateResult {
    this.renders++;
    return html`<p>${this.i18n.strings.hello}</p>`;
  }
}
customElements.define('test-greeting', TestGreeting);

const greetingText = (el: TestGreeting): string | undefined => el.shadowRoot?.querySelector('p')?.textContent ?? undefined;

describe('i18n', () => {
  afterEach(() => setPageLocale(null));

  it('narrows language tags to fi, sv or en, defaulting to Finnish', () => {
    expect(toLocale('sv-FI')).to.equal('sv');
    expect(toLocale('EN')).to.equal('en');
    expect(toLocale('en_GB')).to.equal('en');
    expect(toLocale('fi')).to.equal('fi');
    expect(toLocale('de')).to.equal('fi');
    expect(toLocale('')).to.equal('fi');
    expect(toLocale(null)).to.equal('fi');
  });

  it('reads the closest lang, through shadow roots', async () => {
    const outer = await fixture(html`<div lang="sv"><span></span></div>`);
    const host = document.createElement('div');
    outer.querySelector('span')!.append(host);
    const inner = document.createElement('i');
    host.attachShadow({ mode: 'open' }).append(inner);
    expect(localeOf(inner)).to.equal('sv');
    expect(localeOf(document.body)).to.equal('fi');
  });

  it('re-renders on <html lang> changes, and only when the locale changes', async () => {
    const el = await fixture<TestGreeting>(html`<test-greeting></test-greeting>`);
    expect(greetingText(el)).to.equal('Hei');
    await setPageLocale('en', el);
    expect(greetingText(el)).to.equal('Hello');
    expect(el.i18n.locale).to.equal('en');
    const renders = el.renders;
    await setPageLocale('en', el);
    document.documentElement.setAttribute('lang', 'en-GB');
    await setPageLocale('en', el);
    expect(el.renders, 'same locale, no render').to.equal(renders);
    await setPageLocale('sv', el);
    expect(greetingText(el)).to.equal('Hej');
  });

  it('shares one observer among all hosts and stops it when the last one leaves', async () => {
    const Original = window.MutationObserver;
    const created: MutationObserver[] = [];
    let disconnected = 0;
    window.MutationObserver = class extends Original {
      constructor(callback: MutationCallback) {
        super(callback);
        created.push(this);
      }

      override disconnect(): void {
        disconnected++;
        super.disconnect();
      }
    };
    try {
      const wrapper = await fixture(
        html`<div><test-greeting></test-greeting><test-greeting></test-greeting><test-greeting></test-greeting></div>`,
      );
      expect(created.length).to.equal(1);
      const hosts = [...wrapper.querySelectorAll<TestGreeting>('test-greeting')];
      hosts[0]!.remove();
      hosts[1]!.remove();
      expect(disconnected).to.equal(0);
      await setPageLocale('sv', hosts[2]!);
      expect(greetingText(hosts[2]!)).to.equal('Hej');
      expect(greetingText(hosts[0]!), 'a disconnected host is left alone').to.equal('Hei');
      hosts[2]!.remove();
      expect(disconnected).to.equal(1);
    } finally {
      window.MutationObserver = Original;
    }
  });

  it('has a non-empty string for every key in every locale', () => {
    for (const table of [buttonStrings, cardStrings]) {
      for (const locale of LOCALES) {
        expect(Object.keys(table[locale])).to.deep.equal(Object.keys(table.en));
        for (const value of Object.values(table[locale])) expect(value.trim()).to.not.equal('');
      }
    }
  });
});
