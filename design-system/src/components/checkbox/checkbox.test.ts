import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { inDarkTheme, part, setPageLocale, shadowText } from '../../internal/test-helpers.js';
import { adoptTokens } from '../../tokens.js';
import type { D1Checkbox } from './checkbox.component.js';
import './checkbox.js';

adoptTokens();

function box(el: D1Checkbox): HTMLInputElement {
  return part<HTMLInputElement>(el, 'input');
}

describe('d1-checkbox', () => {
  afterEach(() => setPageLocale(null));

  it('is a native checkbox inside its label, unchecked by default', async () => {
    const el = await fixture<D1Checkbox>(html`<d1-checkbox label="Hyväksyn ehdot"></d1-checkbox>`);
    expect(el.checked).to.equal(false);
    expect(box(el).labels?.[0]?.textContent?.trim()).to.equal('Hyväksyn ehdot');
  });

  it('Space toggles it, fires change and submits value when checked', async () => {
    const form = await fixture<HTMLFormElement>(html`<form><d1-checkbox label="Uutiskirje" name="news" value="yes"></d1-checkbox></form>`);
    const el = form.querySelector('d1-checkbox')!;
    let changes = 0;
    el.addEventListener('change', () => changes++);
    el.focus();
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(el.checked).to.equal(true);
    expect(changes).to.equal(1);
    expect(new FormData(form).get('news')).to.equal('yes');
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(new FormData(form).has('news')).to.equal(false);
  });

  it('clicking the label text toggles it', async () => {
    const el = await fixture<D1Checkbox>(html`<d1-checkbox label="Ehdot"></d1-checkbox>`);
    part(el, 'label span').click();
    expect(el.checked).to.equal(true);
  });

  it('required: localized message until checked', async () => {
    await setPageLocale('sv');
    const el = await fixture<D1Checkbox>(html`<d1-checkbox label="Villkor" required></d1-checkbox>`);
    expect(el.reportValidity()).to.equal(false);
    await el.updateComplete;
    expect(shadowText(el, '#error')).to.equal('Fel: Markera den här rutan för att fortsätta.');
    box(el).click();
    await el.updateComplete;
    expect(el.checkValidity()).to.equal(true);
  });

  it('indeterminate shows mixed until toggled; disabled ignores clicks', async () => {
    const el = await fixture<D1Checkbox>(html`<d1-checkbox label="Kaikki" indeterminate></d1-checkbox>`);
    expect(box(el).indeterminate).to.equal(true);
    box(el).click();
    await el.updateComplete;
    expect(el.indeterminate).to.equal(false);
    const off = await fixture<D1Checkbox>(html`<d1-checkbox label="Ei" disabled></d1-checkbox>`);
    box(off).click();
    expect(off.checked).to.equal(false);
  });

  describe('accessibility (axe)', () => {
    for (const [name, template] of [
      ['unchecked', html`<d1-checkbox label="Ehdot"></d1-checkbox>`],
      ['checked', html`<d1-checkbox label="Ehdot" checked></d1-checkbox>`],
      ['indeterminate', html`<d1-checkbox label="Ehdot" indeterminate></d1-checkbox>`],
      ['disabled', html`<d1-checkbox label="Ehdot" disabled></d1-checkbox>`],
      ['with hint', html`<d1-checkbox label="Ehdot" hint="Lue ehdot ensin"></d1-checkbox>`],
    ] as const) {
      it(name, async () => {
        await expect(await fixture(template)).to.be.accessible();
      });
    }
    it('invalid, dark theme', async () => {
      await inDarkTheme(async () => {
        const el = await fixture<D1Checkbox>(html`<d1-checkbox label="Ehdot" required></d1-checkbox>`);
        el.reportValidity();
        await el.updateComplete;
        await expect(el).to.be.accessible();
      });
    });
  });
});
