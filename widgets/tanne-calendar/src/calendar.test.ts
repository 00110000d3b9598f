import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { PlatformApiError, type Locale, type WidgetContext } from '@digione/sdk';
import { fakeApi, fakeContext, type FakeApiCall } from '@digione/sdk/testing';
import { TanneCalendar } from './calendar.component.js';
import { HORIZON_DAYS, addDays, buildAgenda, helsinkiDate, type Assignment, type Term } from './agenda.js';

if (!customElements.get('tanne-calendar')) customElements.define('tanne-calendar', TanneCalendar);

const today = helsinkiDate(new Date());
const last = addDays(today, HORIZON_DAYS - 1);

function assignment(id: string, date: string, title: string, time = '18:00'): Assignment {
  return {
    id,
    groupId: '99001-7A',
    group: '7A',
    subject: 'MA',
    title,
    assignedAt: `${addDays(date, -7)}T08:00:00+02:00`,
    dueAt: `${date}T${time}:00+02:00`,
  };
}

const autumn: Term = {
  id: 'term-autumn',
  schoolYear: '2026-2027',
  kind: 'syyslukukausi',
  name: { fi: 'Syyslukukausi 2026', sv: 'Hösttermin 2026', en: 'Autumn term 2026' },
  start: addDays(today, -60),
  end: addDays(today, 5),
};

/** A context whose API answers assignments and terms, recording every call. */
function setup(answers: { assignments?: (call: FakeApiCall) => unknown; terms?: Term[]; subjects?: 'fail' } = {}, overrides: Partial<WidgetContext> = {}) {
  const { api, calls } = fakeApi((call) => {
    if (call.path === '/v1/assignments') return answers.assignments?.(call) ?? { items: [] };
    if (call.path === '/v1/terms') return { items: answers.terms ?? [] };
    if (call.path === '/v1/subjects') {
      if (answers.subjects === 'fail') throw new PlatformApiError(503, 'The platform API is unavailable');
      return { items: [{ code: 'MA', codeList: 'koskioppiaineetyleissivistava', name: { fi: 'Matematiikka', sv: 'Matematik', en: 'Mathematics' }, passFail: false }] };
    }
    throw new Error(`unexpected call ${call.path}`);
  });
  return { context: fakeContext({ api, ...overrides }), calls };
}

const query = (call: FakeApiCall | undefined) => (call?.init as { params: { query: Record<string, unknown> } }).params.query;

async function mount(context: WidgetContext): Promise<TanneCalendar> {
  const el = await fixture<TanneCalendar>(html`<tanne-calendar .context=${context}></tanne-calendar>`);
  await waitUntil(() => !el.shadowRoot?.querySelector('[role="status"]'), 'the calendar settled');
  return el;
}

const text = (el: TanneCalendar) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ');

describe('tanne.calendar', () => {
  it("shows a pupil's deadlines of the next two weeks day by day, and the days left in the term", async () => {
    const { context, calls } = setup({
      assignments: () => ({
        items: [assignment('b', addDays(today, 3), 'Essee: syksy'), assignment('a', addDays(today, 1), 'Harjoitustehtävät 2', '08:00')],
      }),
      terms: [autumn],
    });
    const el = await mount(context);
    expect(query(calls.find((c) => c.path === '/v1/assignments'))).to.deep.equal({ from: today, to: last, limit: 100 });
    expect(query(calls.find((c) => c.path === '/v1/terms'))).to.deep.equal({ from: today, to: last });

    const days = [...el.shadowRoot!.querySelectorAll('section')];
    expect(days.map((d) => d.querySelector('h3')!.textContent)).to.have.length(3);
    // Finnish time, as Finns write it (08.00 in winter; 09.00 in summer for a time written at +02:00).
    const dueTime = new Intl.DateTimeFormat('fi-FI', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Helsinki' }).format(
      new Date(`${addDays(today, 1)}T08:00:00+02:00`),
    );
    expect(dueTime).to.match(/^0[89]\.00$/);
    expect(days[0]!.textContent).to.contain('Harjoitustehtävät 2').and.to.contain('huomenna').and.to.contain(`klo ${dueTime}`);
    expect(days[1]!.textContent).to.contain('Essee: syksy').and.to.contain('7A · Matematiikka');
    expect(days[2]!.querySelector('d1-badge')!.textContent).to.equal('Syyslukukausi 2026 päättyy');
    expect(text(el)).to.contain('Syyslukukausi 2026 päättyy').and.to.contain('(5 päivää jäljellä)');
    expect(text(el)).to.contain('Seuraavat 14 päivää');
    await expect(el).to.be.accessible();
  });

  it('follows the pages of a long list of deadlines', async () => {
    const { context, calls } = setup({
      assignments: (call) =>
        query(call)['cursor'] === 'p2'
          ? { items: [assignment('late', addDays(today, 9), 'Toinen sivu')] }
          : { items: [assignment('early', addDays(today, 2), 'Ensimmäinen sivu')], nextCursor: 'p2' },
    });
    const el = await mount(context);
    expect(calls.filter((c) => c.path === '/v1/assignments').map((c) => query(c)['cursor'])).to.deep.equal([undefined, 'p2']);
    expect(text(el)).to.contain('Ensimmäinen sivu').and.to.contain('Toinen sivu');
  });

  it("asks for a guardian's chosen child, and for nothing before a child is chosen", async () => {
    const guardian = { id: 'g', displayName: 'G', activeRole: 'guardian' as const, roles: ['guardian' as const] };
    const none = setup();
    const waiting = await fixture<TanneCalendar>(html`<tanne-calendar .context=${fakeContext({ api: none.context.api, user: guardian })}></tanne-calendar>`);
    await waitUntil(() => text(waiting).includes('Valitse lapsi'));
    expect(none.calls).to.deep.equal([]);

    const { context, calls } = setup(
      { assignments: () => ({ items: [assignment('x', today, 'Lukudiplomi')] }) },
      { user: { ...guardian, actingFor: { learnerOid: '1.2.246.562.98.7', name: 'Eka' } } },
    );
    const el = await mount(context);
    expect(query(calls.find((c) => c.path === '/v1/assignments'))['learner']).to.equal('1.2.246.562.98.7');
    expect(text(el)).to.contain('Lapsen Eka kalenteri').and.to.contain('Lukudiplomi').and.to.contain('tänään');
    expect(el.shadowRoot!.querySelector('section')!.getAttribute('aria-current')).to.equal('date');
  });

  it('follows the platform language without asking the API again', async () => {
    let change: ((locale: Locale) => void) | undefined;
    const { context, calls } = setup(
      { assignments: () => ({ items: [assignment('a', addDays(today, 2), 'Projekt')] }), terms: [autumn] },
      { onLocaleChange: (handler) => ((change = handler), () => (change = undefined)) },
    );
    const el = await mount(context);
    const before = calls.length;
    change!('sv');
    await waitUntil(() => text(el).includes('De kommande 14 dagarna'));
    expect(el.shadowRoot!.querySelector('d1-badge')!.textContent).to.equal('Inlämning');
    expect(text(el)).to.contain('Hösttermin 2026 slutar').and.to.contain('7A · Matematik');
    change!('en');
    await waitUntil(() => text(el).includes('The next 14 days'));
    expect(text(el)).to.contain('Autumn term 2026 ends on');
    expect(calls.length).to.equal(before);
    el.remove();
    expect(change, 'the locale listener ends with the element').to.equal(undefined);
  });

  it('still shows the deadlines, with subject codes, when the subject names cannot be loaded', async () => {
    const { context } = setup({ assignments: () => ({ items: [assignment('a', addDays(today, 2), 'Yhtälöt')] }), subjects: 'fail' });
    const el = await mount(context);
    expect(text(el)).to.contain('Yhtälöt').and.to.contain('7A · MA');
  });

  it('says so when nothing is coming up', async () => {
    const { context } = setup({ assignments: () => ({ items: [assignment('old', addDays(today, -3), 'Mennyt')] }) });
    const el = await mount(context);
    const empty = el.shadowRoot!.querySelector('d1-empty-state')!;
    expect(empty.getAttribute('heading')).to.equal('Ei tulevia tapahtumia');
    expect(text(el)).not.to.contain('Mennyt');
    await expect(el).to.be.accessible();
  });

  it('moves two weeks back and forth from the keyboard, saying which period it shows, focus staying put', async () => {
    const { context, calls } = setup({
      assignments: (call) =>
        query(call)['from'] === addDays(today, HORIZON_DAYS)
          ? { items: [assignment('later', addDays(today, HORIZON_DAYS + 2), 'Kirjaesitelmä')] }
          : { items: [assignment('soon', addDays(today, 1), 'Sanakoe')] },
    });
    const el = await mount(context);
    const root = el.shadowRoot!;
    const deepActive = () => {
      let active = document.activeElement;
      while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
      return active;
    };
    const live = () => root.querySelector('.period [aria-live="polite"]')!.textContent!.trim();
    expect(live()).to.equal('Seuraavat 14 päivää');
    expect(root.querySelector('d1-icon-button[data-move="previous"]')!.getAttribute('label')).to.equal('Edelliset kaksi viikkoa');

    // Tab from before the widget: previous first, then next.
    const before = document.createElement('button');
    before.textContent = 'before';
    el.before(before);
    before.focus();
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    const next = root.querySelector('d1-icon-button[data-move="next"]')!;
    // Compared as booleans: chai would try to print a whole shadow root on a mismatch.
    const onNext = () => deepActive()?.getRootNode() === next.shadowRoot;
    expect(deepActive()?.getAttribute('aria-label')).to.equal('Seuraavat kaksi viikkoa');
    expect(onNext()).to.equal(true);

    await sendKeys({ press: 'Enter' });
    await waitUntil(() => text(el).includes('Kirjaesitelmä'), 'the next two weeks are shown');
    const nextQuery = query(calls.filter((c) => c.path === '/v1/assignments').at(-1));
    expect(nextQuery['from']).to.equal(addDays(today, HORIZON_DAYS));
    expect(nextQuery['to']).to.equal(addDays(today, 2 * HORIZON_DAYS - 1));
    expect(text(el)).not.to.contain('Sanakoe');
    const format = new Intl.DateTimeFormat('fi-FI', { day: 'numeric', month: 'numeric', timeZone: 'UTC' });
    const day = (date: string) => format.format(new Date(`${date}T12:00:00Z`));
    expect(live()).to.equal(`${day(addDays(today, HORIZON_DAYS))}–${day(addDays(today, 2 * HORIZON_DAYS - 1))}`);
    expect(onNext(), 'focus stays on the button pressed').to.equal(true);
    await expect(el).to.be.accessible();

    // Back twice: the two weeks before today, with nothing due in them.
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => text(el).includes('Sanakoe'), 'back to the next 14 days');
    expect(live()).to.equal('Seuraavat 14 päivää');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => root.querySelector('d1-empty-state'), 'the past two weeks are empty');
    expect(query(calls.filter((c) => c.path === '/v1/assignments').at(-1))['from']).to.equal(addDays(today, -HORIZON_DAYS));
    expect(text(el)).to.contain('Näiden kahden viikon aikana ei ole palautettavia tehtäviä');
    await expect(el).to.be.accessible();
    before.remove();
  });

  it('tells the user when the calendar could not be loaded', async () => {
    const { api } = fakeApi(() => {
      throw new PlatformApiError(503, 'The platform API is unavailable');
    });
    const el = await mount(fakeContext({ api, locale: 'en' }));
    expect(el.shadowRoot!.querySelector('[role="alert"]')!.textContent).to.equal('The calendar could not be loaded. Try again later.');
  });
});

describe('the agenda', () => {
  const terms: Term[] = [
    { ...autumn, id: 'autumn', start: '2026-08-12', end: '2026-12-21' },
    { ...autumn, id: 'spring', kind: 'kevatlukukausi', start: '2027-01-07', end: '2027-06-01' },
  ];

  it('keeps only the range, puts term changes before deadlines on a day, and deadlines in time order', () => {
    const days = buildAgenda(
      [
        assignment('late', '2026-12-21', 'Late', '20:00'),
        assignment('early', '2026-12-21', 'Early', '08:00'),
        assignment('outside', '2026-12-23', 'Outside'),
      ],
      terms,
      '2026-12-14',
      '2026-12-22',
    );
    expect(days.map((d) => [d.date, d.items.map((i) => i.id)])).to.deep.equal([['2026-12-21', ['autumn:end', 'early', 'late']]]);
  });

  it('dates a deadline by the Finnish calendar, whatever the time zone it was written in', () => {
    const late = { ...assignment('x', '2026-11-30', 'Late'), dueAt: '2026-11-30T22:30:00Z' };
    expect(buildAgenda([late], [], '2026-11-30', '2026-12-01').map((d) => d.date)).to.deep.equal(['2026-12-01']);
  });

  it('shows a term that starts in the range', () => {
    const days = buildAgenda([], terms, '2027-01-01', '2027-01-14');
    expect(days).to.deep.equal([{ date: '2027-01-07', items: [{ kind: 'term-start', id: 'spring:start', date: '2027-01-07', name: autumn.name }] }]);
  });
});
