import { LitElement, css, html, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { intlLocale, type BulletinItem, type Locale, type WidgetContext } from '@digione/sdk';
import { t } from './messages.js';

type LoadState = 'loading' | 'ready' | 'error';

/**
 * Announcements of the schools the signed-in person belongs to, in the language each school wrote them in.
 * Each opens on demand; a pupil opening one is recorded as an xAPI `experienced` statement.
 *
 * @summary Lumo school bulletin widget.
 */
export class LumoBulletin extends LitElement {
  static override styles = css`
    :host { display: block; color: var(--d1-color-text, #1a1a1a); }
    article { padding: var(--d1-space-2, 0.5rem) 0; border-top: 1px solid var(--d1-color-border, #d0d0d0); }
    article:first-child { border-top: 0; padding-top: 0; }
    h3 { font-size: var(--d1-font-size-md, 1rem); margin: 0; display: inline; }
    summary { cursor: pointer; min-height: 44px; }
    summary:focus-visible { outline: 3px solid var(--d1-color-focus, #1a73e8); outline-offset: 2px; }
    p { margin: var(--d1-space-1, 0.25rem) 0 0; overflow-wrap: anywhere; }
    .meta, .empty { color: var(--d1-color-text-muted, #4a4a4a); font-size: var(--d1-font-size-sm, 0.875rem); }
  `;

  /** The platform context; the platform sets it before mounting. */
  @property({ attribute: false }) context?: WidgetContext;

  @state() private locale: Locale = 'fi';
  @state() private loadState: LoadState = 'loading';
  @state() private items: BulletinItem[] = [];
  private stopLocale?: () => void;
  /** Items already recorded as read during this mount: one statement per item is enough. */
  private readonly tracked = new Set<string>();

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
    this.loadState = 'loading';
    try {
      const { data } = await context.api.GET('/v1/bulletin');
      if (context !== this.context) return;
      this.items = [...(data?.items ?? [])].sort((a, b) => b.publishedAt.localeCompare(a.publishedAt));
      this.loadState = 'ready';
    } catch {
      if (context === this.context) this.loadState = 'error';
    }
  }

  private opened(item: BulletinItem, event: Event): void {
    const context = this.context;
    if (!(event.currentTarget as HTMLDetailsElement).open || !context || this.tracked.has(item.id)) return;
    // Learning records are about learners: the platform stores statements of pupils only.
    if (context.user.activeRole !== 'pupil') return;
    this.tracked.add(item.id);
    context.telemetry
      .track({
        verb: 'experienced',
        object: { id: `urn:lumo:bulletin:item:${encodeURIComponent(item.id)}`, name: { [item.lang]: item.title } },
      })
      .catch((error: unknown) => console.warn('lumo.bulletin: the read could not be recorded', error));
  }

  protected override render() {
    const locale = this.locale;
    if (this.loadState === 'loading') return html`<p class="empty" role="status">${t(locale, 'loading')}</p>`;
    if (this.loadState === 'error') return html`<p class="empty" role="alert">${t(locale, 'error')}</p>`;
    if (this.items.length === 0) return html`<p class="empty">${t(locale, 'empty')}</p>`;
    // The tenant's dashboard may limit the list (the manifest's config schema: `limit`, 1 to 20).
    const limit = this.context?.config['limit'];
    const items = typeof limit === 'number' && Number.isInteger(limit) && limit > 0 ? this.items.slice(0, limit) : this.items;
    const date = new Intl.DateTimeFormat(intlLocale(locale), { day: 'numeric', month: 'numeric', year: 'numeric' });
    return items.map(
      (item) => html`<article>
        <details @toggle=${(event: Event) => this.opened(item, event)}>
          <summary><h3 lang=${item.lang}>${item.title}</h3></summary>
          <p lang=${item.lang}>${item.body}</p>
        </details>
        <div class="meta">
          <span lang=${item.lang}>${item.school}</span> ·
          <time datetime=${item.publishedAt}>${t(locale, 'published', { date: date.format(new Date(item.publishedAt)) })}</time>
        </div>
      </article>`,
    );
  }
}
