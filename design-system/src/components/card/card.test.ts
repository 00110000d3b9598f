import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { D1RetryEvent } from '../../events/retry.js';
import { setPageLocale, shadowText } from '../../internal/test-helpers.js';
import { adoptTokens } from '../../tokens.js';
import type { D1Button } from '../button/button.component.js';
import type { CardState, D1Card } from './card.component.js';
import './card.js';

adoptTokens();

function part(el: D1Card, name: string): HTMLElement | null {
  return el.shadowRoot?.querySelector<HTMLElement>(`[part~="${name}"]`) ?? null;
}

function visible(element: Element | null): boolean {
  return element instanceof HTMLElement && element.getClientRects().length > 0;
}

function retryButton(el: D1Card): D1Button {
  const button = part(el, 'retry');
  if (!button) throw new Error('no retry button');
  return button as D1Button;
}

describe('d1-card', () => {
  afterEach(() => setPageLocale(null));

  describe('ready', () => {
    it('shows the heading as an h2 naming the card, the actions and the content', async () => {
      const el = await fixture<D1Card>(html`<d1-card heading="Lukujärjestys">
        <d1-button slot="actions" variant="ghost">Avaa</d1-button>
        <p>Ma 8.15 Matematiikka</p>
      </d1-card>`);
      const heading = part(el, 'heading');
      expect(heading?.localName).to.equal('h2');
      expect(heading?.textContent).to.equal('Lukujärjestys');
      expect(part(el, 'base')?.getAttribute('aria-labelledby')).to.equal(heading?.id);
      expect(visible(el.querySelector('p'))).to.equal(true);
      expect(visible(el.querySelector('[slot="actions"]'))).to.equal(true);
      expect(part(el, 'skeleton')).to.equal(null);
      expect(part(el, 'error')).to.equal(null);
      expect(shadowText(el, '[role="status"]')).to.equal('');
    });

    it('renders the heading at the configured level', async () => {
      const el = await fixture<D1Card>(html`<d1-card heading="Tiedotteet" level="3"></d1-card>`);
      expect(part(el, 'heading')?.localName).to.equal('h3');
      el.level = 4;
      await el.updateComplete;
      expect(part(el, 'heading')?.localName).to.equal('h4');
    });

    it('hides the header when there is neither heading nor actions', async () => {
      const el = await fixture<D1Card>(html`<d1-card><p>Sisältö</p></d1-card>`);
      expect(visible(part(el, 'header'))).to.equal(false);
      const action = document.createElement('d1-button');
      action.slot = 'actions';
      action.textContent = 'Avaa';
      el.append(action);
      await new Promise((resolve) => setTimeout(resolve));
      await el.updateComplete;
      expect(visible(part(el, 'header'))).to.equal(true);
    });
  });

  describe('loading', () => {
    it('shows a hidden skeleton, marks the body busy and says "Loading…" politely', async () => {
      const el = await fixture<D1Card>(html`<d1-card heading="Viestit" state="loading"><p>Sisältö</p></d1-card>`);
      expect(visible(part(el, 'skeleton'))).to.equal(true);
      expect(part(el, 'skeleton')?.getAttribute('aria-hidden')).to.equal('true');
      expect(part(el, 'body')?.getAttribute('aria-busy')).to.equal('true');
      expect(visible(el.querySelector('p')), 'content is not shown while loading').to.equal(false);
      const status = el.shadowRoot?.querySelector('[role="status"]');
      expect(status?.closest('[aria-busy="true"]'), 'a busy ancestor would mute the live region').to.equal(null);
      expect(shadowText(el, '[role="status"]')).to.equal('Ladataan…');
      expect(visible(part(el, 'heading')), 'the heading stays while loading').to.equal(true);
    });

    it('returns to the content when ready', async () => {
      const el = await fixture<D1Card>(html`<d1-card state="loading"><p>Sisältö</p></d1-card>`);
      el.state = 'ready';
      await el.updateComplete;
      expect(part(el, 'skeleton')).to.equal(null);
      expect(part(el, 'body')?.getAttribute('aria-busy')).to.equal('false');
      expect(visible(el.querySelector('p'))).to.equal(true);
    });
  });

  describe('error', () => {
    it('shows the localized title, the message and a "Try again" button', async () => {
      const el = await fixture<D1Card>(
        html`<d1-card heading="Viestit" state="error" error-message="Palvelu ei vastannut."><p>Sisältö</p></d1-card>`,
      );
      expect(shadowText(el, '[part="error-title"]')).to.equal('Jokin meni vikaan');
      expect(part(el, 'error-title')?.closest('[role="status"]'), 'the title is announced').to.not.equal(null);
      expect(shadowText(el, '[part="error-message"]')).to.equal('Palvelu ei vastannut.');
      expect(retryButton(el).textContent).to.equal('Yritä uudelleen');
      expect(visible(el.querySelector('p'))).to.equal(false);
    });

    it('prefers the error-message slot over the property', async () => {
      const el = await fixture<D1Card>(html`<d1-card state="error" error-message="ohitettu">
        <span slot="error-message">Yhteys katkesi.</span>
      </d1-card>`);
      const slot = part(el, 'error-message')?.querySelector('slot');
      expect(slot?.assignedNodes().map((node) => node.textContent)).to.deep.equal(['Yhteys katkesi.']);
      expect(visible(el.querySelector('[slot="error-message"]'))).to.equal(true);
    });

    it('dispatches a bubbling, composed d1-retry when "Try again" is clicked', async () => {
      const el = await fixture<D1Card>(html`<d1-card state="error"></d1-card>`);
      const listened = oneEvent(document, D1RetryEvent.eventName);
      retryButton(el).shadowRoot?.querySelector('button')?.click();
      const event = await listened;
      expect(event).to.be.instanceOf(D1RetryEvent);
      expect(event.bubbles).to.equal(true);
      expect(event.composed).to.equal(true);
      expect(event.target).to.equal(el);
    });

    it('typed listeners get D1RetryEvent', async () => {
      const el = await fixture<D1Card>(html`<d1-card state="error"></d1-card>`);
      let received: D1RetryEvent | undefined;
      el.addEventListener('d1-retry', (event) => {
        received = event;
      });
      retryButton(el).click();
      expect(received).to.be.instanceOf(D1RetryEvent);
    });
  });

  it('changes its strings when <html lang> changes, without being re-created', async () => {
    const el = await fixture<D1Card>(html`<d1-card state="error"></d1-card>`);
    expect(shadowText(el, '[part="error-title"]')).to.equal('Jokin meni vikaan');

    await setPageLocale('sv', el, retryButton(el));
    expect(shadowText(el, '[part="error-title"]')).to.equal('Något gick fel');
    expect(retryButton(el).textContent).to.equal('Försök igen');

    await setPageLocale('en', el);
    expect(shadowText(el, '[part="error-title"]')).to.equal('Something went wrong');
    expect(retryButton(el).textContent).to.equal('Try again');

    el.state = 'loading';
    await el.updateComplete;
    expect(shadowText(el, '[role="status"]')).to.equal('Loading…');

    await setPageLocale('fi', el);
    expect(shadowText(el, '[role="status"]')).to.equal('Ladataan…');
    expect(el.isConnected).to.equal(true);
  });

  it('follows the lang of its closest ancestor', async () => {
    const wrapper = await fixture(html`<div lang="sv-FI"><d1-card state="error"></d1-card></div>`);
    const el = wrapper.querySelector('d1-card')!;
    expect(shadowText(el, '[part="error-title"]')).to.equal('Något gick fel');
    wrapper.setAttribute('lang', 'en');
    await setPageLocale(null, el);
    expect(shadowText(el, '[part="error-title"]')).to.equal('Something went wrong');
  });

  it('fits a 320 px wide screen without horizontal scrolling', async () => {
    const wrapper = await fixture<HTMLElement>(html`<div style="inline-size: 320px">
      <d1-card heading="Oppilaan viikkoaikataulu ja poissaolot, lukuvuosi 2025–2026" state="error"
        error-message="Palvelu https://kajo.example.fi/api/v1/schedule vastasi 503.">
        <d1-button slot="actions" variant="secondary">Näytä kaikki</d1-button>
        <d1-button slot="actions" variant="ghost">Asetukset</d1-button>
      </d1-card>
    </div>`);
    const el = wrapper.querySelector('d1-card')!;
    await el.updateComplete;
    expect(el.getBoundingClientRect().width).to.be.at.most(320);
    const base = part(el, 'base')!;
    expect(base.scrollWidth).to.be.at.most(base.clientWidth);
    for (const child of [...base.querySelectorAll('*'), ...el.querySelectorAll('*')]) {
      expect(child.getBoundingClientRect().right, child.localName).to.be.at.most(wrapper.getBoundingClientRect().right + 0.5);
    }
  });

  describe('accessibility (axe)', () => {
    const states: CardState[] = ['ready', 'loading', 'error'];
    for (const state of states) {
      for (const theme of ['light', 'dark']) {
        it(`${state}, ${theme} theme`, async () => {
          document.documentElement.dataset['theme'] = theme;
          try {
            const el = await fixture<D1Card>(html`<d1-card heading="Tiedotteet" state=${state}
              error-message="Palvelu ei vastannut.">
              <d1-button slot="actions" variant="ghost">Kaikki</d1-button>
              <p>Vanhempainilta torstaina klo 18.</p>
            </d1-card>`);
            await expect(el).to.be.accessible();
          } finally {
            delete document.documentElement.dataset['theme'];
          }
        });
      }
    }
  });
});
