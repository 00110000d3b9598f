import { expect, fixture, html } from '@open-wc/testing';
import { inDarkTheme, part, setPageLocale, shadowText } from '../../internal/test-helpers.js';
import { adoptTokens } from '../../tokens.js';
import type { D1Spinner } from './spinner.component.js';
import './spinner.js';

adoptTokens();

describe('d1-spinner', () => {
  afterEach(() => setPageLocale(null));

  it('says a localized "Loading…" in a status region, or its label', async () => {
    const el = await fixture<D1Spinner>(html`<d1-spinner></d1-spinner>`);
    expect(shadowText(el, '[role="status"]')).to.equal('Ladataan…');
    await setPageLocale('sv', el);
    expect(shadowText(el, '[role="status"]')).to.equal('Laddar…');
    el.label = 'Laddar schemat';
    await el.updateComplete;
    expect(shadowText(el, '[role="status"]')).to.equal('Laddar schemat');
    expect(part(el, '.spinner').getAttribute('aria-hidden')).to.equal('true');
  });

  it('sizes', async () => {
    const sm = await fixture<D1Spinner>(html`<d1-spinner size="sm"></d1-spinner>`);
    const lg = await fixture<D1Spinner>(html`<d1-spinner size="lg"></d1-spinner>`);
    expect(part(sm, '.spinner').getBoundingClientRect().width).to.equal(16);
    expect(part(lg, '.spinner').getBoundingClientRect().width).to.equal(40);
  });

  it('axe: sizes, light and dark', async () => {
    for (const size of ['sm', 'md', 'lg']) await expect(await fixture(html`<d1-spinner size=${size}></d1-spinner>`)).to.be.accessible();
    await inDarkTheme(async () => expect(await fixture(html`<d1-spinner></d1-spinner>`)).to.be.accessible());
  });
});
