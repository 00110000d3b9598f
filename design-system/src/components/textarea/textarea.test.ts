import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { inDarkTheme, part, setPageLocale, shadowText } from '../../internal/test-helpers.js';
import { adoptTokens } from '../../tokens.js';
import type { D1Textarea } from './textarea.component.js';
import './textarea.js';

adoptTokens();

describe('d1-textarea', () => {
  afterEach(() => setPageLocale(null));

  it('is labelled, takes multi-line typing and submits it', async () => {
    const form = await fixture<HTMLFormElement>(html`<form><d1-textarea label="Viesti" name="viesti"></d1-textarea></form>`);
    const el = form.querySelector('d1-textarea')!;
    const textarea = part<HTMLTextAreaElement>(el, 'textarea');
    expect(textarea.labels?.[0]?.textContent?.trim()).to.equal('Viesti');
    el.focus();
    await sendKeys({ type: 'Hei' });
    await sendKeys({ press: 'Enter' });
    await sendKeys({ type: 'kaikki' });
    await el.updateComplete;
    expect(new FormData(form).get('viesti')).to.equal('Hei\nkaikki');
  });

  it('required and maxlength: localized messages', async () => {
    const el = await fixture<D1Textarea>(html`<d1-textarea label="Viesti" required></d1-textarea>`);
    expect(el.checkValidity()).to.equal(false);
    el.reportValidity();
    await el.updateComplete;
    expect(shadowText(el, '#error')).to.equal('Virhe: Täytä tämä kenttä.');
  });

  it('axe: default, invalid, dark', async () => {
    const el = await fixture<D1Textarea>(html`<d1-textarea label="Viesti" hint="Enintään 500 merkkiä" required></d1-textarea>`);
    await expect(el).to.be.accessible();
    el.reportValidity();
    await el.updateComplete;
    await expect(el).to.be.accessible();
    await inDarkTheme(async () => expect(el).to.be.accessible());
  });
});
