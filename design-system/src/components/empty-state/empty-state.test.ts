import { expect, fixture, html } from '@open-wc/testing';
import { inDarkTheme, setPageLocale, shadowText } from '../../internal/test-helpers.js';
import { adoptTokens } from '../../tokens.js';
import '../button/button.js';
import type { D1EmptyState } from './empty-state.component.js';
import './empty-state.js';

adoptTokens();

describe('d1-empty-state', () => {
  afterEach(() => setPageLocale(null));

  it('has a localized default heading at the given level', async () => {
    const el = await fixture<D1EmptyState>(html`<d1-empty-state></d1-empty-state>`);
    expect(shadowText(el, 'h3')).to.equal('Täällä ei ole vielä mitään');
    await setPageLocale('sv', el);
    expect(shadowText(el, 'h3')).to.equal('Här finns inget ännu');
    el.level = 2;
    el.heading = 'Inga kurser';
    await el.updateComplete;
    expect(shadowText(el, 'h2')).to.equal('Inga kurser');
  });

  it('axe: with description, icon and action, light and dark', async () => {
    const template = html`<d1-empty-state heading="Ei kursseja">
      <span slot="icon" aria-hidden="true">📚</span>
      Lisää ensimmäinen kurssi aloittaaksesi.
      <d1-button slot="action">Lisää kurssi</d1-button>
    </d1-empty-state>`;
    await expect(await fixture(template)).to.be.accessible();
    await inDarkTheme(async () => expect(await fixture(template)).to.be.accessible());
  });
});
