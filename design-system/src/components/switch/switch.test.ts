import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { inDarkTheme, part } from '../../internal/test-helpers.js';
import { adoptTokens } from '../../tokens.js';
import type { D1Switch } from './switch.component.js';
import './switch.js';

adoptTokens();

describe('d1-switch', () => {
  it('is a labelled role=switch, off by default', async () => {
    const el = await fixture<D1Switch>(html`<d1-switch label="Ilmoitukset"></d1-switch>`);
    const button = part<HTMLButtonElement>(el, '[role="switch"]');
    expect(button.getAttribute('aria-checked')).to.equal('false');
    expect(button.labels[0]?.textContent?.trim()).to.equal('Ilmoitukset');
    expect(el.checked).to.equal(false);
  });

  for (const key of ['Space', 'Enter']) {
    it(`${key} toggles it and fires change`, async () => {
      const el = await fixture<D1Switch>(html`<d1-switch label="Ilmoitukset"></d1-switch>`);
      let changes = 0;
      el.addEventListener('change', () => changes++);
      el.focus();
      await sendKeys({ press: key });
      await el.updateComplete;
      expect(el.checked).to.equal(true);
      expect(part(el, '[role="switch"]').getAttribute('aria-checked')).to.equal('true');
      expect(changes).to.equal(1);
    });
  }

  it('clicking the label toggles it; submits its value when on', async () => {
    const form = await fixture<HTMLFormElement>(html`<form><d1-switch label="Tumma" name="dark"></d1-switch></form>`);
    const el = form.querySelector('d1-switch')!;
    part(el, 'label').click();
    await el.updateComplete;
    expect(el.checked).to.equal(true);
    expect(new FormData(form).get('dark')).to.equal('on');
  });

  it('a form reset restores the initial state', async () => {
    const form = await fixture<HTMLFormElement>(html`<form><d1-switch label="Tumma" name="dark" checked></d1-switch></form>`);
    const el = form.querySelector('d1-switch')!;
    part(el, 'button').click();
    await el.updateComplete;
    expect(el.checked).to.equal(false);
    form.reset();
    await el.updateComplete;
    expect(el.checked).to.equal(true);
  });

  it('disabled: not operable', async () => {
    const el = await fixture<D1Switch>(html`<d1-switch label="Tumma" disabled></d1-switch>`);
    part(el, 'button').click();
    expect(el.checked).to.equal(false);
  });

  it('a 44 px tall target', async () => {
    const el = await fixture<D1Switch>(html`<d1-switch label="Tumma"></d1-switch>`);
    expect(part(el, 'button').getBoundingClientRect().height).to.be.at.least(44);
  });

  describe('accessibility (axe)', () => {
    it('off, on, disabled', async () => {
      await expect(await fixture(html`<d1-switch label="A"></d1-switch>`)).to.be.accessible();
      await expect(await fixture(html`<d1-switch label="A" checked></d1-switch>`)).to.be.accessible();
      await expect(await fixture(html`<d1-switch label="A" disabled></d1-switch>`)).to.be.accessible();
    });
    it('required, invalid', async () => {
      const el = await fixture<D1Switch>(html`<d1-switch label="Hyväksyn" required></d1-switch>`);
      el.reportValidity();
      await el.updateComplete;
      await expect(el).to.be.accessible();
    });
    it('dark theme, on', async () => {
      await inDarkTheme(async () => {
        await expect(await fixture(html`<d1-switch label="A" checked hint="Vaihtaa teeman"></d1-switch>`)).to.be.accessible();
      });
    });
  });
});
