import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { D1CloseEvent } from '../../events/close.js';
import { inDarkTheme, nextEvent, part, setPageLocale, shadowText } from '../../internal/test-helpers.js';
import type { StatusVariant } from '../../internal/status.strings.js';
import { adoptTokens } from '../../tokens.js';
import type { D1Alert } from './alert.component.js';
import './alert.js';

adoptTokens();

const variants: StatusVariant[] = ['info', 'success', 'warning', 'danger'];

describe('d1-alert', () => {
  afterEach(() => setPageLocale(null));

  it('danger and warning are role=alert; info and success role=status', async () => {
    for (const variant of variants) {
      const el = await fixture<D1Alert>(html`<d1-alert variant=${variant}>Tallennettu</d1-alert>`);
      const expected = variant === 'danger' || variant === 'warning' ? 'alert' : 'status';
      expect(part(el, '.content').getAttribute('role'), variant).to.equal(expected);
    }
  });

  it('reads the variant name before the text, localized', async () => {
    const el = await fixture<D1Alert>(html`<d1-alert variant="danger" heading="Tallennus epäonnistui">Yritä uudelleen.</d1-alert>`);
    expect(shadowText(el, '.content .visually-hidden')).to.equal('Virhe:');
    await setPageLocale('sv', el);
    expect(shadowText(el, '.content .visually-hidden')).to.equal('Fel:');
    await setPageLocale('en', el);
    expect(shadowText(el, '.content .visually-hidden')).to.equal('Error:');
  });

  it('dismissible: the localized button hides it from the keyboard and fires d1-close', async () => {
    const el = await fixture<D1Alert>(html`<d1-alert dismissible>Uusi viesti</d1-alert>`);
    const button = part(el, '.dismiss');
    expect(button.getAttribute('aria-label')).to.equal('Sulje ilmoitus');
    button.focus();
    const closed = nextEvent(el, D1CloseEvent.eventName);
    await sendKeys({ press: 'Enter' });
    expect((await closed).reason).to.equal('close-button');
    expect(el.hidden).to.equal(true);
  });

  describe('accessibility (axe)', () => {
    for (const variant of variants) {
      it(variant, async () => {
        await expect(await fixture(html`<d1-alert variant=${variant} heading="Otsikko" dismissible>Viesti</d1-alert>`)).to.be.accessible();
      });
      it(`${variant}, dark`, async () => {
        await inDarkTheme(async () => {
          await expect(await fixture(html`<d1-alert variant=${variant}>Viesti</d1-alert>`)).to.be.accessible();
        });
      });
    }
  });
});
