import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { inDarkTheme, part, setPageLocale, shadowText } from '../../internal/test-helpers.js';
import { adoptTokens } from '../../tokens.js';
import type { D1Select } from './select.component.js';
import './select.js';

adoptTokens();

const template = html`<d1-select label="Kieli" name="kieli">
  <option value="fi">suomi</option>
  <option value="sv">svenska</option>
  <option value="en" disabled>English</option>
</d1-select>`;

function select(el: D1Select): HTMLSelectElement {
  return part<HTMLSelectElement>(el, 'select');
}

describe('d1-select', () => {
  afterEach(() => setPageLocale(null));

  it('mirrors its <option> children in a labelled native select, with a localized "Choose…" first', async () => {
    const el = await fixture<D1Select>(template);
    const native = select(el);
    expect(native.labels?.[0]?.textContent?.trim()).to.equal('Kieli');
    expect([...native.options].map((o) => o.text.trim())).to.deep.equal(['Valitse…', 'suomi', 'svenska', 'English']);
    expect(native.options[3]?.disabled).to.equal(true);
    await setPageLocale('en', el);
    expect(select(el).options[0]?.text.trim()).to.equal('Choose…');
  });

  it('follows added options', async () => {
    const el = await fixture<D1Select>(template);
    const option = document.createElement('option');
    option.value = 'se';
    option.text = 'sámegiella';
    el.append(option);
    await new Promise((resolve) => setTimeout(resolve));
    await el.updateComplete;
    expect(select(el).options.length).to.equal(5);
  });

  it('shows and submits options without the whitespace of the markup around them', async () => {
    const form = await fixture<HTMLFormElement>(html`<form>
      <d1-select label="Oppiaine" name="aine" value="ma">
        <option value="  ma  ">
          Matematiikka
        </option>
        <option value="
          bi">   Biologia   </option>
        <option label="  Historia  " value="hi"></option>
        <option>
          Maantieto
        </option>
      </d1-select>
    </form>`);
    const el = form.querySelector('d1-select')!;
    await el.updateComplete;
    const native = select(el);
    // Exactly the words, in the native option's own text (what a screen reader and the picker show).
    expect([...native.options].map((o) => o.textContent)).to.deep.equal(['Matematiikka', 'Biologia', 'Historia', 'Maantieto']);
    expect([...native.options].map((o) => o.value)).to.deep.equal(['ma', 'bi', 'hi', 'Maantieto']);
    expect(native.value, 'value="ma" finds the option written as "  ma  "').to.equal('ma');
    expect(new FormData(form).get('aine')).to.equal('ma');
    native.focus();
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(el.value).to.equal('bi');
    expect(new FormData(form).get('aine')).to.equal('bi');
  });

  it('keyboard: arrow keys choose, fire change, and the form gets the value', async () => {
    const form = await fixture<HTMLFormElement>(html`<form>${template}</form>`);
    const el = form.querySelector('d1-select')!;
    let changes = 0;
    el.addEventListener('change', () => changes++);
    el.focus();
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(el.value).to.equal('fi');
    expect(changes).to.equal(1);
    expect(new FormData(form).get('kieli')).to.equal('fi');
  });

  it('value set in code selects the option; reset restores it', async () => {
    const form = await fixture<HTMLFormElement>(html`<form>
      <d1-select label="Kieli" name="kieli" value="sv"><option value="fi">suomi</option><option value="sv">svenska</option></d1-select>
    </form>`);
    const el = form.querySelector('d1-select')!;
    expect(select(el).value).to.equal('sv');
    el.value = 'fi';
    await el.updateComplete;
    expect(select(el).value).to.equal('fi');
    form.reset();
    await el.updateComplete;
    expect(el.value).to.equal('sv');
  });

  it('required: a localized message until something is chosen', async () => {
    const el = await fixture<D1Select>(html`<d1-select label="Kieli" required><option value="fi">suomi</option></d1-select>`);
    expect(el.reportValidity()).to.equal(false);
    await el.updateComplete;
    expect(shadowText(el, '#error')).to.equal('Virhe: Valitse vaihtoehto.');
  });

  it('axe: empty, chosen, invalid, disabled, dark', async () => {
    const el = await fixture<D1Select>(template);
    await expect(el).to.be.accessible();
    el.value = 'sv';
    el.required = true;
    await expect(el).to.be.accessible();
    el.value = '';
    el.reportValidity();
    await el.updateComplete;
    await expect(el).to.be.accessible();
    el.disabled = true;
    await expect(el).to.be.accessible();
    await inDarkTheme(async () => expect(await fixture(template)).to.be.accessible());
  });
});
