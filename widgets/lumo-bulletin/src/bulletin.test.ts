import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { TrackedStatement, WidgetContext } from '@digione/sdk';
import { fakeApi, fakeContext } from '@digione/sdk/testing';
import { LumoBulletin } from './bulletin.component.js';

if (!customElements.get('lumo-bulletin')) customElements.define('lumo-bulletin', LumoBulletin);

const items = [
  { id: 'b-1', school: 'Testilän koulu', title: 'Retkipäivä', body: 'Perjantaina retki.', lang: 'fi', publishedAt: '2026-11-20T08:00:00+02:00' },
  { id: 'b-2', school: 'Testby skola', title: 'Utflykt', body: 'På fredag.', lang: 'sv', publishedAt: '2026-11-21T08:00:00+02:00' },
];

async function open(user: Partial<WidgetContext['user']>) {
  const tracked: TrackedStatement[] = [];
  const context = fakeContext({
    api: fakeApi(() => ({ items })).api,
    user: { ...fakeContext().user, ...user },
    telemetry: { track: async (statement) => (tracked.push(statement), 'id') },
  });
  const el = await fixture<LumoBulletin>(html`<lumo-bulletin .context=${context}></lumo-bulletin>`);
  await waitUntil(() => el.shadowRoot!.querySelectorAll('details').length === 2);
  return { el, tracked };
}

async function toggle(details: HTMLDetailsElement): Promise<void> {
  const toggled = new Promise((resolve) => details.addEventListener('toggle', resolve, { once: true }));
  details.open = !details.open;
  await toggled;
}

describe('lumo.bulletin', () => {
  it('shows announcements newest first, each opening on demand, in the language it was written in', async () => {
    const { el } = await open({});
    const summaries = [...el.shadowRoot!.querySelectorAll('summary h3')];
    expect(summaries.map((h) => [h.textContent, h.getAttribute('lang')])).to.deep.equal([
      ['Utflykt', 'sv'],
      ['Retkipäivä', 'fi'],
    ]);
    await expect(el).to.be.accessible();
  });

  it("records a pupil's first opening of an announcement as xAPI experienced, once", async () => {
    const { el, tracked } = await open({ activeRole: 'pupil' });
    const first = el.shadowRoot!.querySelector('details')!;
    await toggle(first);
    await toggle(first);
    await toggle(first);
    expect(tracked).to.deep.equal([{ verb: 'experienced', object: { id: 'urn:lumo:bulletin:item:b-2', name: { sv: 'Utflykt' } } }]);
  });

  it("lists at most the dashboard's `limit` newest announcements", async () => {
    const context = fakeContext({ api: fakeApi(() => ({ items })).api, config: { limit: 1 } });
    const el = await fixture<LumoBulletin>(html`<lumo-bulletin .context=${context}></lumo-bulletin>`);
    await waitUntil(() => el.shadowRoot!.querySelector('details'));
    expect([...el.shadowRoot!.querySelectorAll('summary h3')].map((h) => h.textContent)).to.deep.equal(['Utflykt']);
  });

  it('records nothing for staff: learning records are about learners', async () => {
    const { el, tracked } = await open({ activeRole: 'teacher', roles: ['teacher'] });
    await toggle(el.shadowRoot!.querySelector('details')!);
    expect(tracked).to.have.length(0);
  });
});
