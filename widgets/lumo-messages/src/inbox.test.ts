import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { adoptTokens } from '@digione/design-system';
import type { D1Dialog } from '@digione/design-system/components/dialog/dialog.component.js';
import { PlatformApiError, type WidgetNotification } from '@digione/sdk';
import { fakeApi, fakeContext } from '@digione/sdk/testing';
import { LumoInbox } from './inbox.component.js';

if (!customElements.get('lumo-inbox')) customElements.define('lumo-inbox', LumoInbox);
adoptTokens();

/** The element that has focus, looking into shadow roots. */
function deepActive(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

const thread = (id: string, unread: boolean) => ({
  id,
  subject: `Aihe ${id}`,
  from: 'Opettaja',
  lastMessageAt: `2026-11-2${id}T10:00:00+02:00`,
  unread,
  preview: 'Hei!',
});

describe('lumo.messages', () => {
  it('publishes the unread count after loading', async () => {
    const published: unknown[] = [];
    const context = fakeContext({
      api: fakeApi(() => ({ threads: [thread('1', true), thread('2', false), thread('3', true)] })).api,
      events: { publish: (topic, payload) => void published.push([topic, payload]), subscribe: () => () => undefined },
    });
    const el = await fixture<LumoInbox>(html`<lumo-inbox .context=${context}></lumo-inbox>`);
    await waitUntil(() => published.length === 1);
    expect(published[0]).to.deep.equal(['messages.unread-count', { count: 2 }]);
    expect(el.shadowRoot!.querySelectorAll('li')).to.have.length(3);
    await expect(el).to.be.accessible();
  });

  it('tells the user with an error toast when the messages cannot be loaded, and publishes nothing', async () => {
    const notified: WidgetNotification[] = [];
    const published: unknown[] = [];
    const context = fakeContext({
      locale: 'sv',
      api: fakeApi(() => {
        throw new PlatformApiError(503, 'down');
      }).api,
      notifications: { notify: (n) => void notified.push(n) },
      events: { publish: (...args) => void published.push(args), subscribe: () => () => undefined },
    });
    const original = console.warn;
    console.warn = () => undefined;
    try {
      const el = await fixture<LumoInbox>(html`<lumo-inbox .context=${context}></lumo-inbox>`);
      await waitUntil(() => notified.length === 1);
      expect(notified[0]).to.deep.equal({ kind: 'error', message: 'Meddelandena kunde inte laddas. Försök igen senare.' });
      expect(el.shadowRoot!.querySelector('[role="alert"]')).to.exist;
      expect(published).to.have.length(0);
    } finally {
      console.warn = original;
    }
  });

  it('opens a message from the keyboard in a dialog, in the user\'s language, and returns focus on Escape', async () => {
    const context = fakeContext({
      locale: 'sv',
      api: fakeApi(() => ({
        threads: [thread('1', false), { ...thread('2', true), subject: 'Utflykt på fredag', preview: 'Ta med matsäck och regnkläder.' }],
      })).api,
    });
    const wrapper = await fixture<HTMLElement>(html`<div lang="sv"><lumo-inbox .context=${context}></lumo-inbox></div>`);
    const el = wrapper.querySelector<LumoInbox>('lumo-inbox')!;
    await waitUntil(() => el.shadowRoot!.querySelectorAll('li').length === 2);
    const root = el.shadowRoot!;
    expect(root.querySelector('d1-dialog'), 'no dialog before a message is opened').to.equal(null);

    // Tab from before the widget lands on the newest thread's subject, a real button named by the subject.
    const before = document.createElement('button');
    before.textContent = 'before';
    wrapper.before(before);
    before.focus();
    await sendKeys({ press: 'Tab' });
    const subject = deepActive() as HTMLElement;
    expect(subject.tagName).to.equal('BUTTON');
    // Compared as booleans: chai would try to print a whole shadow root on a mismatch.
    expect(subject.getRootNode() === root.querySelector('d1-button[data-open="2"]')!.shadowRoot).to.equal(true);
    expect(root.querySelector('d1-button[data-open="2"]')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Oläst: Utflykt på fredag');

    await sendKeys({ press: 'Enter' });
    await waitUntil(() => root.querySelector('d1-dialog[data-dialog="2"][open]'), 'the dialog opened');
    const dialog = root.querySelector<D1Dialog>('d1-dialog')!;
    await dialog.updateComplete;
    expect(dialog.heading).to.equal('Utflykt på fredag');
    expect(dialog.textContent).to.contain('Ta med matsäck och regnkläder.').and.to.contain('Från Opettaja').and.to.contain('Skickat');
    expect(dialog.shadowRoot!.querySelector('dialog')!.open).to.equal(true);
    expect(dialog.shadowRoot!.contains(deepActive()), 'focus moved into the dialog').to.equal(true);
    await expect(el).to.be.accessible();

    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !root.querySelector('d1-dialog'), 'the dialog closed');
    expect(deepActive() === subject, 'focus is back on the subject').to.equal(true);
    before.remove();
  });
});
