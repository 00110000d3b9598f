import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { initLocale, setLocale } from '../locale/locale.js';
import type { D1IconButton } from '@digione/design-system/components/icon-button/icon-button.component.js';
import { loadIconButton, Toaster } from './toaster.js';

const source = { fi: 'Viestit', sv: 'Meddelanden', en: 'Messages' };
const sourceId = 'lumo.messages';

function toasts(toaster: Toaster): HTMLElement[] {
  return [...toaster.element.shadowRoot!.querySelectorAll<HTMLElement>('.toast')];
}

/** A toast's dismiss button: the design system's icon button, its native `<button>` inside it. */
function dismissButton(toast: HTMLElement | undefined): D1IconButton {
  return toast!.querySelector('d1-icon-button')!;
}

/** The accessible name a screen reader gets from the dismiss button, once the component has rendered. */
async function dismissName(toast: HTMLElement | undefined): Promise<string | null> {
  const button = dismissButton(toast);
  await button.updateComplete;
  return button.shadowRoot!.querySelector('button')!.getAttribute('aria-label');
}

describe('toasts', () => {
  let toaster: Toaster;

  before(async () => {
    document.documentElement.lang = 'fi';
    await initLocale();
  });

  afterEach(async () => {
    toaster?.dispose();
    await setLocale('fi');
  });

  it('shows info politely and errors assertively, naming the widget, in the active language', async () => {
    toaster = new Toaster();
    document.body.append(toaster.element);
    toaster.show({ kind: 'info', message: 'Uusi viesti', sourceId, source });
    toaster.show({ kind: 'error', message: 'Viestejä ei saatu ladattua.', sourceId, source });
    const [info, error] = toasts(toaster);
    expect(info?.getAttribute('role')).to.equal('status');
    expect(error?.getAttribute('role')).to.equal('alert');
    // The text goes in after the live region is in the page, so that it is announced.
    await waitUntil(() => error?.textContent?.includes('Viestejä ei saatu ladattua.'));
    expect(error?.textContent).to.contain('Viestit').and.to.contain('Virhe');
    // The first toast loaded the design system's icon button.
    await loadIconButton();
    expect(customElements.get('d1-icon-button'), 'd1-icon-button is defined with the first toast').to.exist;
    expect(error?.querySelector('button'), 'no hand-rolled button').to.equal(null);
    expect(await dismissName(error)).to.equal('Sulje ilmoitus');
    expect(toaster.element.shadowRoot!.querySelector('section')?.getAttribute('aria-label')).to.equal('Ilmoitukset');

    await setLocale('sv');
    expect(await dismissName(error)).to.equal('Stäng aviseringen');
    expect(error?.textContent).to.contain('Meddelanden').and.to.contain('Fel');
    await setLocale('en');
    expect(await dismissName(error)).to.equal('Dismiss notification');
    // Contrast is measured once the fade-in has ended.
    await Promise.all(toaster.element.shadowRoot!.getAnimations().map((animation) => animation.finished));
    await expect(toaster.element.shadowRoot!.querySelector('section')).to.be.accessible();
  });

  it('goes away with its dismiss button, from the keyboard too', async () => {
    toaster = new Toaster();
    document.body.append(toaster.element);
    toaster.show({ kind: 'success', message: 'Tallennettu', sourceId, source });
    toaster.show({ kind: 'info', message: 'Uusi viesti', sourceId: 'kajo.schedule', source });
    await loadIconButton();
    dismissButton(toasts(toaster)[0]).click();
    expect(toaster.count).to.equal(1);
    expect(toasts(toaster)).to.have.length(1);
    const button = dismissButton(toasts(toaster)[0]);
    await button.updateComplete;
    button.focus();
    await sendKeys({ press: 'Enter' });
    expect(toaster.count).to.equal(0);
    expect(toasts(toaster)).to.have.length(0);
  });

  it('dismisses itself after a while, but not while hovered or focused', async () => {
    toaster = new Toaster({ durationMs: 60, urgentDurationMs: 60 });
    document.body.append(toaster.element);
    toaster.show({ kind: 'warning', message: 'Huomio', sourceId, source });
    const toast = toasts(toaster)[0]!;
    // Focus is sent as events: real focus needs the test page to be the focused window, which a full run of every
    // suite does not guarantee.
    const button = dismissButton(toast);
    toast.dispatchEvent(new MouseEvent('mouseenter'));
    button.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(toaster.count, 'held while hovered and focused').to.equal(1);
    toast.dispatchEvent(new MouseEvent('mouseleave'));
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(toaster.count, 'still focused').to.equal(1);
    button.dispatchEvent(new FocusEvent('focusout', { bubbles: true, relatedTarget: document.body }));
    await waitUntil(() => toaster.count === 0, 'dismissed once neither hovered nor focused', { timeout: 2000 });
  });

  it('keeps only the newest few, lets no widget crowd out the others, and cuts overlong text', () => {
    toaster = new Toaster({ max: 3, maxPerSource: 2 });
    toaster.show({ kind: 'info', message: 'kalenteri', sourceId: 'kajo.schedule', source });
    for (const n of [1, 2, 3]) toaster.show({ kind: 'info', message: `viesti ${n}`, sourceId, source });
    expect(toaster.count).to.equal(3);
    const sources = () => toasts(toaster).map((t) => t.dataset.source);
    expect(sources()).to.deep.equal(['kajo.schedule', sourceId, sourceId]);
    toaster.show({ kind: 'info', message: 'toinen', sourceId: 'acme.other', source });
    expect(sources()).to.deep.equal([sourceId, sourceId, 'acme.other']);
    toaster.show({ kind: 'nonsense' as 'info', message: 'x'.repeat(1000), sourceId, source });
    expect(toasts(toaster).at(-1)?.dataset.kind).to.equal('info');
    expect(toasts(toaster).at(-1)?.dataset.source).to.equal(sourceId);
  });
});
