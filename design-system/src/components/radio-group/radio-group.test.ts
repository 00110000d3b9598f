import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { inDarkTheme, part, shadowText } from '../../internal/test-helpers.js';
import { adoptTokens } from '../../tokens.js';
import type { D1RadioGroup } from './radio-group.component.js';
import './radio-group.js';

adoptTokens();

const template = html`<d1-radio-group label="Ruokavalio" name="diet">
  <option value="normal">Tavallinen</option>
  <option value="vegan">Vegaaninen</option>
  <option value="gluten">Gluteeniton</option>
</d1-radio-group>`;

function radios(el: D1RadioGroup): HTMLInputElement[] {
  return [...(el.shadowRoot?.querySelectorAll('input') ?? [])];
}

describe('d1-radio-group', () => {
  it('is a fieldset named by its legend, with one labelled radio per option', async () => {
    const el = await fixture<D1RadioGroup>(template);
    expect(shadowText(el, 'legend')).to.equal('Ruokavalio');
    expect(radios(el).map((r) => r.labels?.[0]?.textContent?.trim())).to.deep.equal(['Tavallinen', 'Vegaaninen', 'Gluteeniton']);
  });

  it('keyboard: Tab enters at the checked radio; arrows move, check and wrap', async () => {
    const form = await fixture<HTMLFormElement>(html`<form><input aria-label="before" />${template}</form>`);
    const el = form.querySelector('d1-radio-group')!;
    el.value = 'vegan';
    await el.updateComplete;
    form.querySelector('input')!.focus();
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot?.activeElement).to.equal(radios(el)[1]);
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(el.value).to.equal('gluten');
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(el.value).to.equal('normal');
    expect(new FormData(form).get('diet')).to.equal('normal');
  });

  it('required: a localized message until one is chosen', async () => {
    const el = await fixture<D1RadioGroup>(html`<d1-radio-group label="A" required><option value="1">Yksi</option></d1-radio-group>`);
    expect(el.reportValidity()).to.equal(false);
    await el.updateComplete;
    expect(shadowText(el, '#error')).to.equal('Virhe: Valitse vaihtoehto.');
    radios(el)[0]!.click();
    await el.updateComplete;
    expect(el.checkValidity()).to.equal(true);
  });

  it('axe: none chosen, chosen, horizontal, disabled, invalid, dark', async () => {
    const el = await fixture<D1RadioGroup>(template);
    await expect(el).to.be.accessible();
    el.value = 'vegan';
    el.orientation = 'horizontal';
    await expect(el).to.be.accessible();
    el.disabled = true;
    await expect(el).to.be.accessible();
    const invalid = await fixture<D1RadioGroup>(html`<d1-radio-group label="A" required><option value="1">Yksi</option></d1-radio-group>`);
    invalid.reportValidity();
    await invalid.updateComplete;
    await expect(invalid).to.be.accessible();
    await inDarkTheme(async () => expect(await fixture(template)).to.be.accessible());
    expect(part<HTMLFieldSetElement>(el, 'fieldset').disabled).to.equal(true);
  });
});
