import { aTimeout, expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { D1CloseEvent } from '../../events/close.js';
import { inDarkTheme, nextEvent, part, setPageLocale, shadowText } from '../../internal/test-helpers.js';
import { adoptTokens } from '../../tokens.js';
import type { D1Toast } from './toast.component.js';
import './toast.js';

adoptTokens();

describe('d1-toast', () => {
  afterEach(() => setPageLocale(null));

  it('has both live regions before any toast, in a labelled landmark', async () => {
    const el = await fixture<D1Toast>(html`<d1-toast inline></d1-toast>`);
    expect(part(el, 'section').getAttribute('aria-label')).to.equal('Ilmoitukset');
    expect(el.shadowRoot?.querySelector('[role="status"]')).to.exist;
    expect(el.shadowRoot?.querySelector('[role="alert"]')).to.exist;
  });

  it('puts info/success in the polite region, warning/danger in the assertive one', async () => {
    const el = await fixture<D1Toast>(html`<d1-toast inline></d1-toast>`);
    el.show({ message: 'Tallennettu', variant: 'success' });
    el.show({ message: 'Yhteys katkesi', variant: 'danger' });
    await el.updateComplete;
    expect(shadowText(el, '[role="status"]')).to.contain('Onnistui: Tallennettu');
    expect(shadowText(el, '[role="alert"]')).to.contain('Virhe: Yhteys katkesi');
  });

  it('goes after its duration, with d1-close (timeout) naming it', async () => {
    const el = await fixture<D1Toast>(html`<d1-toast inline></d1-toast>`);
    const id = el.show({ message: 'Tallennettu', duration: 30 });
    const closed = nextEvent(el, D1CloseEvent.eventName);
    const event = await closed;
    expect(event.reason).to.equal('timeout');
    expect(event.value).to.equal(id);
    await el.updateComplete;
    expect(el.shadowRoot?.querySelectorAll('[part="toast"]').length).to.equal(0);
  });

  it('the timer pauses while keyboard focus is in the stack (WCAG 2.2.1); danger stays by default', async () => {
    const root = await fixture<HTMLElement>(html`<div><input aria-label="before" /><d1-toast inline></d1-toast></div>`);
    const el = root.querySelector('d1-toast')!;
    el.show({ message: 'Tallennettu', duration: 300 });
    el.show({ message: 'Virhe palvelimella', variant: 'danger' });
    await el.updateComplete;
    root.querySelector('input')!.focus();
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot?.activeElement?.className).to.equal('dismiss');
    await aTimeout(500);
    expect(el.shadowRoot?.querySelectorAll('[part="toast"]').length).to.equal(2);
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    await aTimeout(500);
    expect(el.shadowRoot?.querySelectorAll('[part="toast"]').length, 'resumes when focus leaves').to.equal(1);
  });

  it('the localized Dismiss button removes it', async () => {
    const el = await fixture<D1Toast>(html`<d1-toast inline></d1-toast>`);
    el.show({ message: 'Viesti', duration: 0 });
    await el.updateComplete;
    await setPageLocale('en', el);
    const button = part(el, '.dismiss');
    expect(button.getAttribute('aria-label')).to.equal('Dismiss');
    const closed = nextEvent(el, D1CloseEvent.eventName);
    button.click();
    expect((await closed).reason).to.equal('close-button');
  });

  it('axe: every variant, light and dark', async () => {
    const el = await fixture<D1Toast>(html`<d1-toast inline duration="0"></d1-toast>`);
    for (const variant of ['info', 'success', 'warning', 'danger'] as const) el.show({ message: 'Viesti', variant, heading: 'Otsikko' });
    await el.updateComplete;
    await expect(el).to.be.accessible();
    await inDarkTheme(async () => expect(el).to.be.accessible());
  });
});
