import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
// The design system's elements (d1-badge, d1-empty-state, d1-icon-button) come from the shell's shared copy: importing the package
// defines them once for the page, whichever bundler built this widget.
import '@digione/design-system';
import { intlLocale, type Locale, type LocalizedText, type WidgetContext } from '@digione/sdk';
import { t } from './messages.js';
import {
  HORIZON_DAYS,
  addDays,
  buildAgenda,
  currentTerm,
  daysBetween,
  helsinkiDate,
  type AgendaDay,
  type AgendaItem,
  type Assignment,
  type IsoDate,
  type Term,
} from './agenda.js';

type LoadState = 'loading' | 'ready' | 'error';

/** Pages of assignments the calendar follows at most: two weeks of a teacher's groups fit in far fewer. */
const MAX_PAGES = 5;

/**
 * What is coming up in the next two weeks for a pupil, a guardian's child or a teacher's groups: assignment
 * deadlines and the start and end of terms, day by day, with the current term's last day on top. The previous and
 * next buttons move two weeks at a time (to look back at what was due, or plan further ahead); the period shown is
 * a polite live region, so a screen reader says where the user moved, and focus stays on the button pressed.
 *
 * Built with rspack, not vite: it is the platform's proof that a vendor may choose its own bundler. It uses no lit
 * decorators, so that it needs nothing from the shared scope beyond `lit`, the SDK and the design system.
 *
 * @summary Tanne calendar widget.
 */
export class TanneCalendar extends LitElement {
  static override properties = {
    context: { attribute: false },
    locale: { state: true },
    loadState: { state: true },
    days: { state: true },
    term: { state: true },
    subjects: { state: true },
    offset: { state: true },
  };

  static override styles = css`
    :host { display: block; color: var(--d1-color-text, #1a1a1a); }
    .lead { margin: 0 0 var(--d1-space-2, 0.5rem); color: var(--d1-color-text-muted, #4a4a4a); font-size: var(--d1-font-size-sm, 0.875rem); }
    h3 { font-size: var(--d1-font-size-md, 1rem); margin: var(--d1-space-3, 0.75rem) 0 var(--d1-space-1, 0.25rem); }
    ul { list-style: none; margin: 0; padding: 0; }
    li { display: flex; flex-wrap: wrap; align-items: baseline; gap: var(--d1-space-1, 0.25rem) var(--d1-space-2, 0.5rem); padding: var(--d1-space-1, 0.25rem) 0; border-top: 1px solid var(--d1-color-border, #d0d0d0); }
    .title { font-weight: 600; overflow-wrap: anywhere; }
    .meta { color: var(--d1-color-text-muted, #4a4a4a); font-size: var(--d1-font-size-sm, 0.875rem); }
    time { font-variant-numeric: tabular-nums; }
    .status { margin: 0; color: var(--d1-color-text-muted, #4a4a4a); }
    .period { display: flex; align-items: center; gap: var(--d1-space-1, 0.25rem); margin: 0 0 var(--d1-space-2, 0.5rem); }
    .period .lead { flex: 1; margin: 0; text-align: center; }
  `;

  /** The platform context; the platform sets it before mounting. */
  declare context?: WidgetContext;
  private declare locale: Locale;
  private declare loadState: LoadState;
  private declare days: AgendaDay[];
  private declare term: Term | undefined;
  /** Subject names by KOSKI code (`MA` → Matematiikka…), so that a deadline names its subject in the user's language. */
  private declare subjects: ReadonlyMap<string, LocalizedText>;
  /** Which period is shown: 0 the next two weeks from today, -1 the two weeks before, 1 the two after them, … */
  private declare offset: number;
  /** Counts loads, so that the answer of a period the user already left is dropped. */
  private loads = 0;
  private stopLocale?: () => void;

  constructor() {
    super();
    this.locale = 'fi';
    this.loadState = 'loading';
    this.days = [];
    this.term = undefined;
    this.subjects = new Map();
    this.offset = 0;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('context') && this.context) {
      this.stopLocale?.();
      this.locale = this.context.locale;
      this.stopLocale = this.context.onLocaleChange((locale) => (this.locale = locale));
      this.offset = 0;
      void this.load(this.context);
    }
  }

  /** The first and last day of the period shown. */
  private period(today: IsoDate = helsinkiDate(new Date())): { from: IsoDate; to: IsoDate } {
    const from = addDays(today, this.offset * HORIZON_DAYS);
    return { from, to: addDays(from, HORIZON_DAYS - 1) };
  }

  /** Shows the period `step` periods away and loads it. */
  private move(step: number): void {
    if (!this.context) return;
    this.offset += step;
    void this.load(this.context);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopLocale?.();
    this.stopLocale = undefined;
  }

  /** The learner to ask about: a guardian's chosen child; pupils and teachers ask about themselves. */
  private learnerOf(context: WidgetContext): string | undefined {
    return context.user.activeRole === 'guardian' ? context.user.actingFor?.learnerOid : undefined;
  }

  private async load(context: WidgetContext): Promise<void> {
    if (context.user.activeRole === 'guardian' && !this.learnerOf(context)) {
      this.days = [];
      this.loadState = 'ready';
      return;
    }
    this.loadState = 'loading';
    const run = ++this.loads;
    const today = helsinkiDate(new Date());
    const { from, to: last } = this.period(today);
    try {
      const [assignments, terms, subjects] = await Promise.all([
        this.assignments(context, from, last),
        this.terms(context, from, last),
        this.subjectNames(context),
      ]);
      if (context !== this.context || run !== this.loads) return;
      this.subjects = subjects;
      this.days = buildAgenda(assignments, terms, from, last);
      this.term = currentTerm(terms, today);
      this.loadState = 'ready';
    } catch (error) {
      if (context !== this.context || run !== this.loads) return;
      console.warn('tanne.calendar: the calendar could not be loaded', error);
      this.loadState = 'error';
    }
  }

  private async assignments(context: WidgetContext, from: IsoDate, to: IsoDate): Promise<Assignment[]> {
    const learner = this.learnerOf(context);
    const items: Assignment[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < MAX_PAGES; page++) {
      const { data } = await context.api.GET('/v1/assignments', {
        params: { query: { from, to, limit: 100, ...(learner ? { learner } : {}), ...(cursor ? { cursor } : {}) } },
      });
      items.push(...(data?.items ?? []));
      cursor = data?.nextCursor;
      if (!cursor) break;
    }
    return items;
  }

  private async terms(context: WidgetContext, from: IsoDate, to: IsoDate): Promise<Term[]> {
    const { data } = await context.api.GET('/v1/terms', { params: { query: { from, to } } });
    return data?.items ?? [];
  }

  /** The subjects' names; without them a deadline shows the subject's code, so a failure here is not fatal. */
  private async subjectNames(context: WidgetContext): Promise<ReadonlyMap<string, LocalizedText>> {
    try {
      const { data } = await context.api.GET('/v1/subjects', { params: { query: { limit: 100 } } });
      return new Map((data?.items ?? []).map((subject) => [subject.code, subject.name]));
    } catch (error) {
      console.warn('tanne.calendar: subject names could not be loaded', error);
      return new Map();
    }
  }

  protected override render() {
    const locale = this.locale;
    const user = this.context?.user;
    if (user?.activeRole === 'guardian' && !user.actingFor) return html`<p class="status">${t(locale, 'pickChild')}</p>`;
    const acting = user?.actingFor ? html`<p class="lead">${t(locale, 'actingFor', { name: user.actingFor.name })}</p>` : nothing;
    const today = helsinkiDate(new Date());
    const dateFormat = new Intl.DateTimeFormat(intlLocale(locale), { day: 'numeric', month: 'numeric', timeZone: 'UTC' });
    // One outer template for every state, so that the period and its buttons stay the same elements while another
    // period loads, and focus stays on the button pressed.
    return html`${acting}${this.renderPeriod(today, dateFormat)}${this.renderBody(today, dateFormat)}`;
  }

  /** What the period holds: loading, an error, nothing coming up, or the days with something on them. */
  private renderBody(today: IsoDate, dateFormat: Intl.DateTimeFormat) {
    const locale = this.locale;
    if (this.loadState === 'loading') return html`<p class="status" role="status">${t(locale, 'loading')}</p>`;
    if (this.loadState === 'error') return html`<p class="status" role="alert">${t(locale, 'error')}</p>`;
    const term = this.term
      ? html`<p class="lead">
          ${t(locale, 'termEnds', {
            term: this.term.name[locale],
            date: dateFormat.format(new Date(`${this.term.end}T12:00:00Z`)),
            days: daysBetween(today, this.term.end),
          })}
        </p>`
      : nothing;
    if (this.days.length === 0) {
      const empty = this.offset === 0 ? t(locale, 'emptyText', { days: HORIZON_DAYS }) : t(locale, 'emptyPeriod');
      return html`${term}<d1-empty-state heading=${t(locale, 'emptyHeading')}>${empty}</d1-empty-state>`;
    }
    return html`${term}${this.days.map((day) => this.renderDay(day, today))}`;
  }

  /** The period shown, between the buttons that move it two weeks back and forth. */
  private renderPeriod(today: IsoDate, dateFormat: Intl.DateTimeFormat) {
    const locale = this.locale;
    const { from, to } = this.period(today);
    const text =
      this.offset === 0
        ? t(locale, 'horizon', { days: HORIZON_DAYS })
        : t(locale, 'period', {
            from: dateFormat.format(new Date(`${from}T12:00:00Z`)),
            to: dateFormat.format(new Date(`${to}T12:00:00Z`)),
          });
    return html`<div class="period">
      <d1-icon-button data-move="previous" label=${t(locale, 'previous')} @click=${() => this.move(-1)}>‹</d1-icon-button>
      <p class="lead" aria-live="polite">${text}</p>
      <d1-icon-button data-move="next" label=${t(locale, 'next')} @click=${() => this.move(1)}>›</d1-icon-button>
    </div>`;
  }

  private renderDay(day: AgendaDay, today: IsoDate) {
    const locale = this.locale;
    const date = new Date(`${day.date}T12:00:00Z`);
    const weekday = new Intl.DateTimeFormat(intlLocale(locale), { weekday: 'long', day: 'numeric', month: 'numeric', timeZone: 'UTC' }).format(date);
    const offset = daysBetween(today, day.date);
    // "today" and "tomorrow" in the user's language come from Intl, not from our string table.
    const relative = offset <= 1 ? new Intl.RelativeTimeFormat(intlLocale(locale), { numeric: 'auto' }).format(offset, 'day') : undefined;
    const heading = relative ? `${relative} · ${weekday}` : weekday;
    return html`<section aria-current=${offset === 0 ? 'date' : nothing}>
      <h3>${heading}</h3>
      <ul aria-label=${t(locale, 'dayEvents', { day: heading, count: day.items.length })}>
        ${day.items.map((item) => html`<li data-kind=${item.kind}>${this.renderItem(item)}</li>`)}
      </ul>
    </section>`;
  }

  private renderItem(item: AgendaItem) {
    const locale = this.locale;
    if (item.kind !== 'deadline') {
      const text = t(locale, item.kind === 'term-start' ? 'termStart' : 'termEnd', { term: item.name[locale] });
      return html`<d1-badge variant="accent">${text}</d1-badge>`;
    }
    const time = new Intl.DateTimeFormat(intlLocale(locale), { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Helsinki' });
    return html`<d1-badge variant="info">${t(locale, 'deadline')}</d1-badge>
      <span class="title">${item.title}</span>
      <span class="meta">${item.group} · ${this.subjects.get(item.subject)?.[locale] ?? item.subject} ·
        <time datetime=${item.dueAt}>${t(locale, 'dueAt', { time: time.format(new Date(item.dueAt)) })}</time></span>`;
  }
}
