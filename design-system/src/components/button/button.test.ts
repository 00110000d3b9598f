import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { setPageLocale, shadowText } from '../../internal/test-helpers.js';
import { adoptTokens } from '../../tokens.js';
import type { ButtonVariant, D1Button } from './button.component.js';
import './button.js';

adoptTokens();

function inner(el: D1Button): HTMLButtonElement {
  const button = el.shadowRoot?.querySelector('button');
  if (!button) throw new Error('d1-button rendered no <button>');
  return button;
}

function countClicks(el: Element): { count: number } {
  const counter = { count: 0 };
  el.addEventListener('click', () => counter.count++);
  return counter;
}

describe('d1-button', () => {
  afterEach(() => setPageLocale(null));

  it('renders a real <button> of type button, labelled by its content', async () => {
    const el = await fixture<D1Button>(html`<d1-button>Tallenna</d1-button>`);
    const button = inner(el);
    expect(button.type).to.equal('button');
    expect(el.variant).to.equal('primary');
    expect(el.disabled).to.equal(false);
    expect(el.loading).to.equal(false);
    expect(el.textContent).to.equal('Tallenna');
  });

  it('passes clicks to listeners', async () => {
    const el = await fixture<D1Button>(html`<d1-button>Tallenna</d1-button>`);
    const clicks = countClicks(el);
    inner(el).click();
    el.click();
    expect(clicks.count).to.equal(2);
  });

  it('blocks clicks and leaves the tab order when disabled', async () => {
    const el = await fixture<D1Button>(html`<d1-button disabled>Tallenna</d1-button>`);
    const clicks = countClicks(el);
    inner(el).click();
    el.click();
    expect(clicks.count).to.equal(0);
    expect(inner(el).disabled).to.equal(true);
    el.focus();
    expect(el.shadowRoot?.activeElement).to.equal(null);
  });

  for (const key of ['Enter', 'Space']) {
    it(`activates with ${key} from the keyboard`, async () => {
      const el = await fixture<D1Button>(html`<d1-button>Tallenna</d1-button>`);
      const clicks = countClicks(el);
      el.focus();
      expect(el.shadowRoot?.activeElement).to.equal(inner(el));
      await sendKeys({ press: key });
      expect(clicks.count).to.equal(1);
    });
  }

  it('shows a focus ring when focused from the keyboard', async () => {
    await fixture(html`<div><input aria-label="before" /><d1-button>Tallenna</d1-button></div>`);
    const input = document.querySelector('input');
    const el = document.querySelector('d1-button');
    if (!input || !el) throw new Error('fixture incomplete');
    input.focus();
    await sendKeys({ press: 'Tab' });
    const style = getComputedStyle(inner(el));
    expect(inner(el).matches(':focus-visible')).to.equal(true);
    expect(style.outlineStyle).to.equal('solid');
    expect(parseFloat(style.outlineWidth)).to.be.at.least(2);
  });

  it('offers at least a 44 × 44 px target, even for a short label', async () => {
    const el = await fixture<D1Button>(html`<d1-button variant="ghost">×</d1-button>`);
    const { width, height } = inner(el).getBoundingClientRect();
    expect(width).to.be.at.least(44);
    expect(height).to.be.at.least(44);
  });

  it('while loading, stays focusable, ignores clicks and announces the localized busy text', async () => {
    const el = await fixture<D1Button>(html`<d1-button loading>Tallenna</d1-button>`);
    const clicks = countClicks(el);
    inner(el).click();
    expect(clicks.count).to.equal(0);
    expect(inner(el).getAttribute('aria-disabled')).to.equal('true');
    expect(inner(el).disabled).to.equal(false);
    expect(shadowText(el, '[role="status"]')).to.equal('Ladataan…');

    await setPageLocale('sv', el);
    expect(shadowText(el, '[role="status"]')).to.equal('Laddar…');

    el.loading = false;
    await el.updateComplete;
    expect(shadowText(el, '[role="status"]')).to.equal('');
    inner(el).click();
    expect(clicks.count).to.equal(1);
  });

  it('uses label as the accessible name of an icon-only button', async () => {
    const el = await fixture<D1Button>(html`<d1-button variant="ghost" label="Sulje">×</d1-button>`);
    expect(inner(el).getAttribute('aria-label')).to.equal('Sulje');
    await expect(el).to.be.accessible();
  });

  describe('in a form', () => {
    async function form(template: ReturnType<typeof html>): Promise<{ form: HTMLFormElement; submits: number[] }> {
      const formEl = await fixture<HTMLFormElement>(template);
      const submits: number[] = [];
      formEl.addEventListener('submit', (event) => {
        event.preventDefault();
        submits.push(1);
      });
      return { form: formEl, submits };
    }

    it('type="submit" submits its form, running validation first', async () => {
      const { form: f, submits } = await form(
        html`<form><input name="q" aria-label="q" required /><d1-button type="submit">Hae</d1-button></form>`,
      );
      const el = f.querySelector('d1-button')!;
      expect(el.form).to.equal(f);
      inner(el).click();
      expect(submits.length, 'invalid form is not submitted').to.equal(0);
      f.querySelector('input')!.value = 'x';
      inner(el).click();
      expect(submits.length).to.equal(1);
    });

    it('type="button" (the default) and a disabled submit button do not submit', async () => {
      const { form: f, submits } = await form(
        html`<form><d1-button>Peru</d1-button><d1-button type="submit" disabled>Hae</d1-button></form>`,
      );
      for (const el of f.querySelectorAll('d1-button')) {
        inner(el).click();
        el.click();
      }
      expect(submits.length).to.equal(0);
    });

    it('a disabled fieldset disables the button', async () => {
      const { form: f, submits } = await form(
        html`<form><fieldset disabled><d1-button type="submit">Hae</d1-button></fieldset></form>`,
      );
      const el = f.querySelector('d1-button')!;
      await el.updateComplete;
      expect(inner(el).disabled).to.equal(true);
      el.click();
      expect(submits.length).to.equal(0);
    });

    it('type="reset" resets its form', async () => {
      const f = await fixture<HTMLFormElement>(
        html`<form><input name="q" aria-label="q" value="a" /><d1-button type="reset">Tyhjennä</d1-button></form>`,
      );
      const input = f.querySelector('input')!;
      input.value = 'changed';
      inner(f.querySelector('d1-button')!).click();
      expect(input.value).to.equal('a');
    });
  });

  describe('pressed (toggle button)', () => {
    it('is no toggle without pressed, and says pressed or not pressed with it', async () => {
      const plain = await fixture<D1Button>(html`<d1-button>Lihavointi</d1-button>`);
      expect(plain.pressed).to.equal(undefined);
      expect(inner(plain).hasAttribute('aria-pressed')).to.equal(false);
      expect(plain.hasAttribute('pressed')).to.equal(false);

      const on = await fixture<D1Button>(html`<d1-button pressed>Lihavointi</d1-button>`);
      expect(on.pressed).to.equal(true);
      expect(inner(on).getAttribute('aria-pressed')).to.equal('true');

      const off = await fixture<D1Button>(html`<d1-button pressed="false">Lihavointi</d1-button>`);
      expect(off.pressed).to.equal(false);
      expect(inner(off).getAttribute('aria-pressed')).to.equal('false');
    });

    it('follows the property, reflected, and back to no toggle at all', async () => {
      const el = await fixture<D1Button>(html`<d1-button .pressed=${false}>Suomi</d1-button>`);
      expect(el.getAttribute('pressed')).to.equal('false');
      el.pressed = true;
      await el.updateComplete;
      expect(el.getAttribute('pressed')).to.equal('true');
      expect(inner(el).getAttribute('aria-pressed')).to.equal('true');
      el.pressed = undefined;
      await el.updateComplete;
      expect(el.hasAttribute('pressed')).to.equal(false);
      expect(inner(el).hasAttribute('aria-pressed')).to.equal(false);
    });

    it('leaves the state to the page: a click or Space reaches listeners and flips nothing by itself', async () => {
      const el = await fixture<D1Button>(html`<d1-button variant="ghost" .pressed=${false}>Svenska</d1-button>`);
      el.addEventListener('click', () => (el.pressed = !el.pressed));
      el.focus();
      await sendKeys({ press: 'Space' });
      await el.updateComplete;
      expect(inner(el).getAttribute('aria-pressed')).to.equal('true');
      const fixed = await fixture<D1Button>(html`<d1-button .pressed=${true}>English</d1-button>`);
      fixed.click();
      await fixed.updateComplete;
      expect(fixed.pressed, 'no listener, no change').to.equal(true);
    });

    it('looks pressed in every variant, not by the variant alone', async () => {
      for (const variant of ['secondary', 'ghost'] as const) {
        const off = await fixture<D1Button>(html`<d1-button variant=${variant} .pressed=${false}>A</d1-button>`);
        const on = await fixture<D1Button>(html`<d1-button variant=${variant} .pressed=${true}>A</d1-button>`);
        expect(getComputedStyle(inner(on)).backgroundColor).not.to.equal(getComputedStyle(inner(off)).backgroundColor);
      }
    });
  });

  describe('accessibility (axe)', () => {
    const variants: ButtonVariant[] = ['primary', 'secondary', 'danger', 'ghost'];
    for (const variant of variants) {
      it(`${variant}`, async () => {
        const el = await fixture<D1Button>(html`<d1-button variant=${variant}>Tallenna</d1-button>`);
        await expect(el).to.be.accessible();
      });

      it(`${variant}, dark theme`, async () => {
        document.documentElement.dataset['theme'] = 'dark';
        try {
          const el = await fixture<D1Button>(html`<d1-button variant=${variant}>Tallenna</d1-button>`);
          await expect(el).to.be.accessible();
        } finally {
          delete document.documentElement.dataset['theme'];
        }
      });
    }

    it('disabled', async () => {
      const el = await fixture<D1Button>(html`<d1-button disabled>Tallenna</d1-button>`);
      await expect(el).to.be.accessible();
    });

    it('loading', async () => {
      const el = await fixture<D1Button>(html`<d1-button loading>Tallenna</d1-button>`);
      await expect(el).to.be.accessible();
    });

    for (const variant of ['primary', 'secondary', 'ghost'] as const) {
      it(`pressed and not pressed, ${variant}, light and dark`, async () => {
        for (const theme of ['light', 'dark']) {
          document.documentElement.dataset['theme'] = theme;
          try {
            for (const pressed of [true, false]) {
              const el = await fixture<D1Button>(html`<d1-button variant=${variant} .pressed=${pressed}>Suomi</d1-button>`);
              await expect(el).to.be.accessible();
            }
          } finally {
            delete document.documentElement.dataset['theme'];
          }
        }
      });
    }
  });
});
