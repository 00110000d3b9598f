import { expect, fixture, html } from '@open-wc/testing';
import { inDarkTheme, part, setPageLocale, shadowText } from '../../internal/test-helpers.js';
import { adoptTokens } from '../../tokens.js';
import type { D1Progress } from './progress.component.js';
import './progress.js';

adoptTokens();

describe('d1-progress', () => {
  afterEach(() => setPageLocale(null));

  it('a determinate bar: progressbar values and a localized percentage', async () => {
    const el = await fixture<D1Progress>(html`<d1-progress label="Lataus" value="45"></d1-progress>`);
    const bar = part(el, '[role="progressbar"]');
    expect(bar.getAttribute('aria-valuenow')).to.equal('45');
    expect(bar.getAttribute('aria-valuemin')).to.equal('0');
    expect(bar.getAttribute('aria-valuemax')).to.equal('100');
    expect(bar.getAttribute('aria-valuetext')).to.equal('45\u00a0%');
    await setPageLocale('en', el);
    expect(part(el, '[role="progressbar"]').getAttribute('aria-valuetext')).to.equal('45%');
  });

  it('value relative to max, clamped', async () => {
    const el = await fixture<D1Progress>(html`<d1-progress label="Tehtävät" value="3" max="4"></d1-progress>`);
    expect(part(el, '[role="progressbar"]').getAttribute('aria-valuenow')).to.equal('75');
    el.value = 9;
    await el.updateComplete;
    expect(part(el, '[role="progressbar"]').getAttribute('aria-valuenow')).to.equal('100');
  });

  it('indeterminate without value; a localized default label', async () => {
    const el = await fixture<D1Progress>(html`<d1-progress></d1-progress>`);
    expect(part(el, '[role="progressbar"]').hasAttribute('aria-valuenow')).to.equal(false);
    expect(shadowText(el, '#label')).to.equal('Edistyminen');
  });

  it('axe: determinate, indeterminate, dark', async () => {
    await expect(await fixture(html`<d1-progress label="Lataus" value="45"></d1-progress>`)).to.be.accessible();
    await expect(await fixture(html`<d1-progress label="Lataus"></d1-progress>`)).to.be.accessible();
    await inDarkTheme(async () => expect(await fixture(html`<d1-progress value="10"></d1-progress>`)).to.be.accessible());
  });
});
