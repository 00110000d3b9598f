import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { intlLocale, type Locale, type ScheduleEvent, type ScheduleResponse, type WidgetContext } from '@digione/sdk';
import { t } from './messages.js';
import { dateOf, schoolWeek, todayInHelsinki, type IsoDate } from './week.js';

type LoadState = 'loading' | 'ready' | 'error';

/**
 * The week's lessons of a pupil, of a guardian's child, or of a teacher.
 *
 * @summary Kajo schedule widget.
 */
export class KajoSchedule extends LitElement {
  static override styles = css`
    :host { display: block; color: var(--d1-color-text, #1a1a1a); }
    h3 { font-size: var(--d1-font-size-md, 1rem); margin: var(--d1-space-3, 0.75rem) 0 var(--d1-space-1, 0.25rem); }
    .week { margin: 0; color: var(--d1-color-text-muted, #4a4a4a); font-size: var(--d1-font-size-sm, 0.875rem); }
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
  private stopLocale?: () => void;
  private readonly week = schoolWeek(todayInHelsinki());

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('context') && this.context) {
      this.stopLocale?.();
      this.locale = this.context.locale;
      this.stopLocale = this.context.onLocaleChange((locale) => (this.locale = locale));
      void this.load(this.context);
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopLocale?.();
    this.stopLocale = undefined;
  }

  private async load(context: WidgetContext): Promise<void> {
    const learner = context.user.activeRole === 'guardian' ? context.user.actingFor?.learnerOid : undefined;
    if (context.user.activeRole === 'guardian' && !learner) {
      this.events = [];
      this.loadState = 'ready';
      return;
    }
    this.loadState = 'loading';
    try {
      const answer = await context.api.get<ScheduleResponse>('/v1/schedule', {
        from: this.week.days[0],
        to: this.week.days[4],
        learner,
      });
      if (context !== this.context) return;
      this.events = [...answer.events].sort((a, b) => a.start.localeCompare(b.start));
      this.loadState = 'ready';
    } catch {
      if (context === this.context) this.loadState = 'error';
    }
  }

  protected override render() {
    const locale = this.locale;
    if (this.loadState === 'loading') return html`<p class="empty" role="status">${t(locale, 'loading')}</p>`;
    if (this.loadState === 'error') return html`<p class="empty" role="alert">${t(locale, 'error')}</p>`;
    const user = this.context?.user;
    if (user?.activeRole === 'guardian' && !user.actingFor) return html`<p class="empty">${t(locale, 'pickChild')}</p>`;
    const today = todayInHelsinki();
    const dayFormat = new Intl.DateTimeFormat(intlLocale(locale), { weekday: 'long', day: 'numeric', month: 'numeric' });
    const timeFormat = new Intl.DateTimeFormat(intlLocale(locale), { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Helsinki' });
    return html`
      ${user?.actingFor ? html`<p class="week">${t(locale, 'actingFor', { name: user.actingFor.name })}</p>` : nothing}
      <p class="week">${t(locale, this.week.next ? 'nextWeek' : 'thisWeek')}</p>
      ${this.week.days.map((day) => this.renderDay(day, day === today, dayFormat, timeFormat))}
    `;
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
