import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { WidgetContext } from '@digione/sdk';
import { fakeApi, fakeContext } from '@digione/sdk/testing';
import { KajoSchedule, type ScheduleSettings } from './schedule.component.js';
import { isoWeek, schoolWeek, shiftWeek, todayInHelsinki } from './week.js';

if (!customElements.get('kajo-schedule')) customElements.define('kajo-schedule', KajoSchedule);

const week = schoolWeek(todayInHelsinki());
const following = shiftWeek(week.days, 1);

function lesson(day: string) {
  return {
    id: `l-${day}`,
    start: `${day}T08:15:00+02:00`,
    end: `${day}T09:00:00+02:00`,
    subject: { code: 'MA', name: { fi: 'Matematiikka', sv: 'Matematik', en: 'Mathematics' } },
    group: '7A',
    room: 'A101',
    teacher: 'Opettaja',
  };
}

function setup(saved: Partial<ScheduleSettings> | undefined) {
  const stored: unknown[] = [];
  const { api, calls } = fakeApi(({ init }) => {
    const query = (init as { params: { query: { from: string } } }).params.query;
    return { events: [lesson(query.from)] };
  });
  const context: WidgetContext = fakeContext({
    api,
    settings: { get: async () => saved as never, set: async (value) => void stored.push(value) },
  });
  return { context, calls, stored };
}

async function mount(context: WidgetContext): Promise<KajoSchedule> {
  const el = await fixture<KajoSchedule>(html`<kajo-schedule .context=${context}></kajo-schedule>`);
  await waitUntil(() => el.shadowRoot?.querySelector('li'), 'lessons shown');
  return el;
}

const pressed = (el: KajoSchedule) =>
  [...el.shadowRoot!.querySelectorAll('button[aria-pressed="true"]')].map((b) => b.getAttribute('data-week'));

describe('kajo.schedule', () => {
  it('shows the coming school week when the user has no settings, with the week numbers on the choices', async () => {
    const { context, calls } = setup(undefined);
    const el = await mount(context);
    expect(pressed(el)).to.deep.equal(['current']);
    expect((calls[0]?.init as { params: { query: unknown } }).params.query).to.deep.equal({ from: week.days[0], to: week.days[4] });
    expect(el.shadowRoot!.textContent).to.contain(`Viikko ${isoWeek(week.days[0]!)}`).and.to.contain(`Viikko ${isoWeek(following[0]!)}`);
    await expect(el).to.be.accessible();
  });

  it('opens on the week the user chose last time', async () => {
    const { context, calls } = setup({ week: 'following' });
    const el = await mount(context);
    expect(pressed(el)).to.deep.equal(['following']);
    expect((calls[0]?.init as { params: { query: unknown } }).params.query).to.deep.equal({ from: following[0], to: following[4] });
  });

  it('remembers a new choice in the user settings and loads that week', async () => {
    const { context, calls, stored } = setup(undefined);
    const el = await mount(context);
    el.shadowRoot!.querySelector<HTMLButtonElement>('button[data-week="following"]')!.click();
    await waitUntil(() => calls.length === 2 && pressed(el)[0] === 'following');
    expect(stored).to.deep.equal([{ week: 'following' }]);
    expect((calls[1]?.init as { params: { query: unknown } }).params.query).to.deep.equal({ from: following[0], to: following[4] });
  });

  it('asks for the chosen child of a guardian', async () => {
    const { api, calls } = fakeApi(() => ({ events: [] }));
    const context = fakeContext({
      api,
      user: { id: 'g', displayName: 'G', activeRole: 'guardian', roles: ['guardian'], actingFor: { learnerOid: '1.2.246.562.98.7', name: 'Eka' } },
    });
    const el = await fixture<KajoSchedule>(html`<kajo-schedule .context=${context}></kajo-schedule>`);
    await waitUntil(() => calls.length === 1);
    expect((calls[0]?.init as { params: { query: { learner?: string } } }).params.query.learner).to.equal('1.2.246.562.98.7');
    await waitUntil(() => el.shadowRoot!.textContent?.includes('Lapsen Eka lukujärjestys'));
  });

  it('shows a teacher in two schools the lessons of the school they act in only', async () => {
    const testbacken = '1.2.246.562.99.00000000012';
    // As the platform answers: `school` narrows a teacher's lessons to the ones held at that school.
    const { api, calls } = fakeApi(({ init }) => {
      const query = (init as { params: { query: { from: string; school?: string } } }).params.query;
      const at = (group: string) => ({ ...lesson(query.from), id: `l-${group}`, group });
      return { events: query.school === testbacken ? [at('8A')] : [at('9B'), at('8A')] };
    });
    const context = fakeContext({
      api,
      user: { id: 't', displayName: 'T', activeRole: 'teacher', roles: ['teacher'], school: { oid: testbacken, name: 'Testbackens svenska skola' } },
    });
    const el = await mount(context);
    expect((calls[0]?.init as { params: { query: { school?: string } } }).params.query.school).to.equal(testbacken);
    const groups = [...el.shadowRoot!.querySelectorAll('li .meta')].map((meta) => meta.textContent?.split('·')[0]?.trim());
    expect(groups).to.deep.equal(['8A']);
  });
});

describe('week numbers', () => {
  it('are ISO 8601 weeks, as Finnish calendars print them', () => {
    expect(isoWeek('2026-11-30')).to.equal(49);
    expect(isoWeek('2021-01-03')).to.equal(53);
    expect(isoWeek('2024-12-30')).to.equal(1);
  });
});
