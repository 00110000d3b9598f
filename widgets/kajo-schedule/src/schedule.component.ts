import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { intlLocale, type Locale, type ScheduleEvent, type WidgetContext } from '@digione/sdk';
import { t } from './messages.js';
import { dateOf, isoWeek, schoolWeek, shiftWeek, todayInHelsinki, type IsoDate } from './week.js';

type LoadState = 'loading' | 'ready' | 'error';

/** Which week the user chose to see: the coming school week or the one after it. */
export type WeekChoice = 'current' | 'following';

/** What the widget keeps in the user's settings. */
export interface ScheduleSettings extends Record<string, unknown> {
  week: WeekChoice;
}

/**
 * The week's lessons of a pupil, of a guardian's child, or of a teacher (at the school they act in, when the
 * platform names one). The chosen week is kept in the user's settings, so it is the same after a reload and on
 * every device.
 *
 * @summary Kajo schedule widget.
 */
export class KajoSchedule extends LitElement {
  static override styles = css`
    :host { display: block; color: var(--d1-color-text, #1a1a1a); }
    h3 { font-size: var(--d1-font-size-md, 1rem); margin: var(--d1-space-3, 0.75rem) 0 var(--d1-space-1, 0.25rem); }
    .week { margin: 0; color: var(--d1-color-text-muted, #4a4a4a); font-size: var(--d1-font-size-sm, 0.875rem); }
    .weeks { display: inline-flex; flex-wrap: wrap; gap: var(--d1-space-1, 0.25rem); margin: 0 0 var(--d1-space-2, 0.5rem); }
    .weeks button { font: inherit; min-height: 44px; padding: 0 var(--d1-space-3, 0.75rem); border: 1px solid var(--d1-color-border, #d0d0d0); border-radius: var(--d1-radius-md, 0.375rem); background: transparent; color: inherit; cursor: pointer; }
    .weeks button[aria-pressed='true'] { background: var(--d1-color-brand, #0b5394); border-color: var(--d1-color-brand, #0b5394); color: var(--d1-color-on-brand, #fff); }
    .weeks button:focus-visible { outline: 3px solid var(--d1-color-focus, #1a73e8); outline-offset: 2px; }
    .today h3::after { content: ' · ' attr(data-today); color: var(--d1-color-brand, #0b5394); }
    ol { list-style: none; margin: 0; padding: 0; }
    li { display: grid; grid-template-columns: 7.5em 1fr; gap: var(--d1-space-2, 0.5rem); padding: var(--d1-space-1, 0.25rem) 0; border-top: 1px solid var(--d1-color-border, #d0d0d0); }
    time { font-variant-numeric: tabular-nums; }
    .meta { display: block; color: var(--d1-color-text-muted, #4a4a4a); font-size: var(--d1-font-size-sm, 0.875rem); }
    .empty { color: var(--d1-color-text-muted, #4a4a4a); margin: 0; }
    @media (max-width: 24rem) { li { grid-template-columns: 1fr; gap: 0; } }
  `;

  /** The platform context; the platform sets it before mounting. */
  @property({ attribute: false }) context?: WidgetContext;

  @state() private locale: Locale = 'fi';
  @state() private loadState: LoadState = 'loading';
  @state() private events: ScheduleEvent[] = [];
  @state() private choice: WeekChoice = 'current';
  private stopLocale?: () => void;
  private readonly week = schoolWeek(todayInHelsinki());

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('context') && this.context) {
      this.stopLocale?.();
      this.locale = this.context.locale;
      this.stopLocale = this.context.onLocaleChange((locale) => (this.locale = locale));
      void this.start(this.context);
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopLocale?.();
    this.stopLocale = undefined;
  }

  private days(): IsoDate[] {
    return this.choice === 'following' ? shiftWeek(this.week.days, 1) : this.week.days;
  }

  private async start(context: WidgetContext): Promise<void> {
    this.loadState = 'loading';
    try {
      const saved = await context.settings.get<ScheduleSettings>();
      if (context !== this.context) return;
      if (saved?.week === 'current' || saved?.week === 'following') this.choice = saved.week;
    } catch (error) {
      // Settings are a convenience: without them the schedule still shows the coming week.
      console.warn('kajo.schedule: settings could not be read', error);
    }
    await this.load(context);
  }

  private async choose(choice: WeekChoice): Promise<void> {
    const context = this.context;
    if (!context || choice === this.choice) return;
    this.choice = choice;
    const saving = context.settings.set({ week: choice } satisfies ScheduleSettings).catch((error: unknown) => {
      console.warn('kajo.schedule: settings could not be saved', error);
    });
    await Promise.all([saving, this.load(context)]);
  }

  private async load(context: WidgetContext): Promise<void> {
    const learner = context.user.activeRole === 'guardian' ? context.user.actingFor?.learnerOid : undefined;
    if (context.user.activeRole === 'guardian' && !learner) {
      this.events = [];
      this.loadState = 'ready';
      return;
    }
    const choice = this.choice;
    const days = this.days();
    this.loadState = 'loading';
    try {
      // A teacher in several schools sees the school they act in; the platform picks it (context.user.school).
      const school = context.user.school?.oid;
      const { data } = await context.api.GET('/v1/schedule', {
        params: { query: { from: days[0]!, to: days[4]!, ...(learner ? { learner } : {}), ...(school ? { school } : {}) } },
      });
      if (context !== this.context || choice !== this.choice) return;
      this.events = [...(data?.events ?? [])].sort((a, b) => a.start.localeCompare(b.start));
      this.loadState = 'ready';
    } catch {
      if (context === this.context) this.loadState = 'error';
    }
  }

  private weekName(): 'thisWeek' | 'nextWeek' | 'weekAfter' {
    if (this.choice === 'following') return this.week.next ? 'weekAfter' : 'nextWeek';
    return this.week.next ? 'nextWeek' : 'thisWeek';
  }

  private renderWeeks() {
    const locale = this.locale;
    const labels: Record<WeekChoice, string> = {
      current: t(locale, 'weekNumber', { n: isoWeek(this.week.days[0]!) }),
      following: t(locale, 'weekNumber', { n: isoWeek(shiftWeek(this.week.days, 1)[0]!) }),
    };
    return html`<div class="weeks" role="group" aria-label=${t(locale, 'chooseWeek')}>
      ${(['current', 'following'] as const).map(
        (choice) => html`<button type="button" data-week=${choice} aria-pressed=${String(this.choice === choice)} @click=${() => void this.choose(choice)}>
          ${labels[choice]}
        </button>`,
      )}
    </div>`;
  }

  protected override render() {
    const locale = this.locale;
    const user = this.context?.user;
    if (user?.activeRole === 'guardian' && !user.actingFor) return html`<p class="empty">${t(locale, 'pickChild')}</p>`;
    const header = html`${user?.actingFor ? html`<p class="week">${t(locale, 'actingFor', { name: user.actingFor.name })}</p>` : nothing}
      ${this.renderWeeks()}
      <p class="week">${t(locale, this.weekName())}</p>`;
    if (this.loadState === 'loading') return html`${header}<p class="empty" role="status">${t(locale, 'loading')}</p>`;
    if (this.loadState === 'error') return html`${header}<p class="empty" role="alert">${t(locale, 'error')}</p>`;
    const today = todayInHelsinki();
    const dayFormat = new Intl.DateTimeFormat(intlLocale(locale), { weekday: 'long', day: 'numeric', month: 'numeric' });
    const timeFormat = new Intl.DateTimeFormat(intlLocale(locale), { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Helsinki' });
    return html`${header} ${this.days().map((day) => this.renderDay(day, day === today, dayFormat, timeFormat))}`;
  }

  private renderDay(day: IsoDate, isToday: boolean, dayFormat: Intl.DateTimeFormat, timeFormat: Intl.DateTimeFormat) {
    const locale = this.locale;
    const lessons = this.events.filter((e) => dateOf(e.start) === day);
    const teacherView = this.context?.user.activeRole === 'teacher';
    return html`<section class=${isToday ? 'today' : ''} aria-current=${isToday ? 'date' : nothing}>
      <h3 data-today=${t(locale, 'today')}>${dayFormat.format(new Date(`${day}T12:00:00Z`))}</h3>
      ${lessons.length === 0
        ? html`<p class="empty">${t(locale, 'noLessons')}</p>`
        : html`<ol aria-label=${t(locale, 'lessonCount', { count: lessons.length })}>
            ${lessons.map(
              (lesson) => html`<li>
                <span><time datetime=${lesson.start}>${timeFormat.format(new Date(lesson.start))}</time>–<time
                    datetime=${lesson.end}>${timeFormat.format(new Date(lesson.end))}</time></span>
                <span>
                  <strong>${lesson.subject.name[locale]}</strong>
                  <span class="meta">${teacherView ? lesson.group : lesson.teacher} · ${t(locale, 'room', { room: lesson.room })}</span>
                </span>
              </li>`,
            )}
          </ol>`}
    </section>`;
  }
}
