import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { inDarkTheme, part, setPageLocale, shadowText } from '../../internal/test-helpers.js';
import { adoptTokens } from '../../tokens.js';
import type { D1TextField } from './text-field.component.js';
import './text-field.js';

adoptTokens();

describe('d1-text-field', () => {
  afterEach(() => setPageLocale(null));

  it('has a real label for its input, and false boolean defaults', async () => {
    const el = await fixture<D1TextField>(html`<d1-text-field label="Etunimi"></d1-text-field>`);
    const input = part<HTMLInputElement>(el, 'input');
    expect(input.labels?.[0]?.textContent?.trim()).to.equal('Etunimi');
    expect(el.required).to.equal(false);
    expect(el.disabled).to.equal(false);
    expect(el.readonly).to.equal(false);
  });

  it('takes typing from the keyboard, fires input and change, and submits its value', async () => {
    const form = await fixture<HTMLFormElement>(html`<form><d1-text-field label="Nimi" name="nimi"></d1-text-field></form>`);
    const el = form.querySelector('d1-text-field')!;
    el.focus();
    let inputs = 0;
    el.addEventListener('input', () => inputs++);
    await sendKeys({ type: 'Aino' });
    expect(el.value).to.equal('Aino');
    expect(inputs).to.equal(4);
    const change = oneEvent(el, 'change');
    input(el).blur();
    await change;
    await el.updateComplete;
    expect(new FormData(form).get('nimi')).to.equal('Aino');
  });

  function input(el: D1TextField): HTMLInputElement {
    return part<HTMLInputElement>(el, 'input');
  }

  it('required: blocks submit and shows a localized message, linked to the input', async () => {
    const form = await fixture<HTMLFormElement>(
      html`<form><d1-text-field label="Nimi" name="nimi" required></d1-text-field></form>`,
    );
    const el = form.querySelector('d1-text-field')!;
    await el.updateComplete;
    expect(form.checkValidity()).to.equal(false);
    expect(el.validationMessage).to.equal('Täytä tämä kenttä.');
    expect(shadowText(el, '#error')).to.equal('', 'no message before the user has done anything');
    form.requestSubmit();
    await el.updateComplete;
    expect(shadowText(el, '#error')).to.equal('Virhe: Täytä tämä kenttä.');
    expect(input(el).getAttribute('aria-invalid')).to.equal('true');
    expect(input(el).getAttribute('aria-describedby')).to.contain('error');
    await setPageLocale('sv', el);
    await el.updateComplete;
    expect(shadowText(el, '#error')).to.equal('Fel: Fyll i det här fältet.');
    el.value = 'Aino';
    await el.updateComplete;
    expect(form.checkValidity()).to.equal(true);
    expect(shadowText(el, '#error')).to.equal('');
  });

  it('validates email and minimum length with localized messages', async () => {
    await setPageLocale('en');
    const el = await fixture<D1TextField>(html`<d1-text-field label="Email" type="email" value="aino"></d1-text-field>`);
    expect(el.validationMessage).to.equal('Enter an email address, like name@example.fi.');
    const short = await fixture<D1TextField>(html`<d1-text-field label="Code" minlength="4"></d1-text-field>`);
    short.focus();
    await sendKeys({ type: 'ab' });
    await short.updateComplete;
    expect(short.validationMessage).to.equal('Use at least 4 characters.');
  });

  it('disabled: not focusable, not submitted; a form reset restores the initial value', async () => {
    const form = await fixture<HTMLFormElement>(html`<form>
      <d1-text-field label="A" name="a" value="1" disabled></d1-text-field>
      <d1-text-field label="B" name="b" value="2"></d1-text-field>
    </form>`);
    const [a, b] = [...form.querySelectorAll('d1-text-field')] as [D1TextField, D1TextField];
    await b.updateComplete;
    expect(input(a).disabled).to.equal(true);
    expect(new FormData(form).has('a')).to.equal(false);
    b.value = 'changed';
    form.reset();
    await b.updateComplete;
    expect(b.value).to.equal('2');
    expect(input(b).value).to.equal('2');
  });

  it('a hint describes the input', async () => {
    const el = await fixture<D1TextField>(html`<d1-text-field label="Puhelin" hint="Muodossa 040 123 4567"></d1-text-field>`);
    expect(input(el).getAttribute('aria-describedby')).to.equal('hint');
    expect(shadowText(el, '#hint')).to.equal('Muodossa 040 123 4567');
  });

  describe('accessibility (axe)', () => {
    it('default', async () => {
      await expect(await fixture(html`<d1-text-field label="Nimi" hint="Koko nimi"></d1-text-field>`)).to.be.accessible();
    });
    it('invalid, with message', async () => {
      const el = await fixture<D1TextField>(html`<d1-text-field label="Nimi" required></d1-text-field>`);
      el.reportValidity();
      await el.updateComplete;
      await expect(el).to.be.accessible();
    });
    it('disabled and readonly', async () => {
      await expect(await fixture(html`<div><d1-text-field label="A" disabled></d1-text-field><d1-text-field label="B" readonly value="x"></d1-text-field></div>`)).to.be.accessible();
    });
    it('dark theme', async () => {
      await inDarkTheme(async () => {
        await expect(await fixture(html`<d1-text-field label="Nimi" hint="Koko nimi"></d1-text-field>`)).to.be.accessible();
      });
    });
  });
});
