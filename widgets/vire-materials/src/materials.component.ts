import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Locale, PlatformComponents, WidgetContext } from '@digione/sdk';
import { t } from './messages.js';

type Subject = PlatformComponents['schemas']['Subject'];
type Curriculum = PlatformComponents['schemas']['CurriculumReference'];
type LoadState = 'loading' | 'ready' | 'error';

/** The subject shown first, until the user picks another: mathematics is in every grade. */
const FIRST_SUBJECT = 'MA';
/** Goals shown at once; the core curriculum behind the link has the rest. */
const SHOWN_GOALS = 6;

/**
 * Vire's learning materials: the national core curriculum's goals of a subject, chosen by the user, with a link to
 * the curriculum itself. Runs in a frame on Vire's own origin and reaches the platform only through the DigiOne
 * bridge; the subject chosen last is kept in the user's widget settings.
 *
 * @summary Vire learning materials (iframe widget).
 */
export class VireMaterials extends LitElement {
  static override styles = css`
    :host { display: block; color: var(--d1-color-text, #1a1a1a); }
    ul { list-style: none; margin: var(--d1-space-3, 0.75rem) 0 0; padding: 0; }
    li { padding: var(--d1-space-2, 0.5rem) 0; border-top: 1px solid var(--d1-color-border, #d0d0d0); overflow-wrap: anywhere; }
    li:first-child { border-top: 0; }
    .code { font-weight: 600; margin-inline-end: var(--d1-space-1, 0.25rem); }
    h3 { font-size: var(--d1-font-size-md, 1rem); margin: var(--d1-space-3, 0.75rem) 0 0; }
    .muted { color: var(--d1-color-text-muted, #4a4a4a); font-size: var(--d1-font-size-sm, 0.875rem); }
    .actions { margin-top: var(--d1-space-3, 0.75rem); }
  `;

  /** The platform context, from `connectToHost`. */
  @property({ attribute: false }) context?: WidgetContext;
  /** Set when the page was opened outside a DigiOne shell. */
  @property({ type: Boolean }) standalone = false;

  @state() private locale: Locale = 'fi';
  @state() private loadState: LoadState = 'loading';
  @state() private subjects: Subject[] = [];
  @state() private subject = FIRST_SUBJECT;
  @state() private curriculum: Curriculum | undefined;
  private stopLocale?: () => void;

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

  private async start(context: WidgetContext): Promise<void> {
    this.loadState = 'loading';
    try {
      const [{ data }, saved] = await Promise.all([
        context.api.GET('/v1/subjects', { params: { query: { limit: 100 } } }),
        context.settings.get<{ subject: string }>().catch(() => undefined),
      ]);
      if (context !== this.context) return;
      this.subjects = data?.items ?? [];
      const wanted = typeof saved?.subject === 'string' ? saved.subject : FIRST_SUBJECT;
      this.subject = this.subjects.some((s) => s.code === wanted) ? wanted : (this.subjects[0]?.code ?? FIRST_SUBJECT);
      await this.loadCurriculum(context);
    } catch {
      if (context === this.context) this.loadState = 'error';
    }
  }

  private async loadCurriculum(context: WidgetContext): Promise<void> {
    const subject = this.subject;
    try {
      const { data } = await context.api.GET('/v1/curriculum/{subject}', { params: { path: { subject } } });
      if (context !== this.context || subject !== this.subject) return;
      this.curriculum = data;
    } catch {
      // A subject without a curriculum reference in the sandbox shows the empty text.
      if (subject === this.subject) this.curriculum = undefined;
    }
    this.loadState = 'ready';
  }

  private chosen(event: Event): void {
    const context = this.context;
    const value = (event.target as HTMLElement & { value: string }).value;
    if (!context || !value || value === this.subject) return;
    this.subject = value;
    this.curriculum = undefined;
    void this.loadCurriculum(context);
    context.settings.set({ subject: value }).catch((error: unknown) => console.warn('vire.materials: the choice was not saved', error));
  }

  private openCurriculum(): void {
    if (this.curriculum) this.context?.navigation.openExternal(this.curriculum.url);
  }

  protected override render() {
    const locale = this.locale;
    if (this.standalone) return html`<p class="muted">${t(locale, 'standalone')}</p>`;
    if (this.loadState === 'loading') return html`<p class="muted" role="status">${t(locale, 'loading')}</p>`;
    if (this.loadState === 'error') return html`<p class="muted" role="alert">${t(locale, 'error')}</p>`;
    const subjectName = this.subjects.find((s) => s.code === this.subject)?.name[locale] ?? this.subject;
    const goals = this.curriculum?.goals.slice(0, SHOWN_GOALS) ?? [];
    const bands = [...new Set(goals.map((goal) => goal.band))].join(', ');
    return html`
      <d1-select label=${t(locale, 'subject')} .value=${this.subject} @change=${this.chosen}>
        ${this.subjects.map((s) => html`<option value=${s.code}>${s.name[locale]}</option>`)}
      </d1-select>
      ${goals.length === 0
        ? html`<p class="muted">${t(locale, 'empty')}</p>`
        : html`<h3>${t(locale, 'goals', { band: bands })}</h3>
            <ul data-subject=${this.subject}>
              ${goals.map((goal) => html`<li><span class="code">${goal.code}</span>${goal.text[locale]}</li>`)}
            </ul>`}
      ${this.context?.user.activeRole === 'teacher' ? html`<p class="muted">${t(locale, 'teacherNote')}</p>` : nothing}
      ${this.curriculum
        ? html`<div class="actions">
            <d1-button @click=${this.openCurriculum}>${t(locale, 'open', { subject: subjectName })}</d1-button>
          </div>`
        : nothing}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vire-materials': VireMaterials;
  }
}
