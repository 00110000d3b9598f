import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { inDarkTheme, part, setPageLocale, shadowText } from '../../internal/test-helpers.js';
import { adoptTokens } from '../../tokens.js';
import type { D1Link } from './link.component.js';
import './link.js';

adoptTokens();

describe('d1-link', () => {
  afterEach(() => setPageLocale(null));

  it('is a real, underlined <a href>; focus goes to it', async () => {
    const el = await fixture<D1Link>(html`<d1-link href="#ohje">Ohje</d1-link>`);
    const a = part<HTMLAnchorElement>(el, 'a');
    expect(a.getAttribute('href')).to.equal('#ohje');
    expect(getComputedStyle(a).textDecorationLine).to.equal('underline');
    expect(a.hasAttribute('target')).to.equal(false);
    el.focus();
    expect(el.shadowRoot?.activeElement).to.equal(a);
  });

  it('Enter follows it', async () => {
    const el = await fixture<D1Link>(html`<d1-link href="#kohde">Kohde</d1-link>`);
    el.focus();
    await sendKeys({ press: 'Enter' });
    expect(location.hash).to.equal('#kohde');
    history.replaceState(null, '', location.pathname + location.search);
  });

  it('new-tab: target _blank, no opener, and a localized spoken warning', async () => {
    const el = await fixture<D1Link>(html`<d1-link href="https://example.fi/" new-tab>Opetushallitus</d1-link>`);
    const a = part<HTMLAnchorElement>(el, 'a');
    expect(a.target).to.equal('_blank');
    expect(a.rel).to.equal('noopener noreferrer');
    expect(shadowText(el, '.visually-hidden')).to.equal('(avautuu uuteen välilehteen)');
    await setPageLocale('sv', el);
    expect(shadowText(el, '.visually-hidden')).to.equal('(öppnas i en ny flik)');
  });

  it('axe: inline, new tab, dark', async () => {
    await expect(await fixture(html`<p>Lue <d1-link href="#a">ohje</d1-link>.</p>`)).to.be.accessible();
    await expect(await fixture(html`<p><d1-link href="#a" new-tab>Ohje</d1-link></p>`)).to.be.accessible();
    await inDarkTheme(async () => expect(await fixture(html`<p><d1-link href="#a">Ohje</d1-link></p>`)).to.be.accessible());
  });
});
