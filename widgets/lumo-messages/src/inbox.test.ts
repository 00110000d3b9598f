import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { PlatformApiError, type WidgetNotification } from '@digione/sdk';
import { fakeApi, fakeContext } from '@digione/sdk/testing';
import { LumoInbox } from './inbox.component.js';

if (!customElements.get('lumo-inbox')) customElements.define('lumo-inbox', LumoInbox);

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
});
