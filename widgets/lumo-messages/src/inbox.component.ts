import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
// d1-button and d1-dialog come from the shell's shared copy of the design system: importing the package defines
// them once for the page.
import '@digione/design-system';
import { intlLocale, type Locale, type MessageThread, type WidgetContext } from '@digione/sdk';
import { UNREAD_COUNT } from './events.js';
import { t } from './messages.js';

type LoadState = 'loading' | 'ready' | 'error';

/**
 * The signed-in person's message threads, newest first. Each thread's subject is a button that opens the thread's
 * latest message in a modal dialog (sender, time, text), from which focus returns to the subject. Publishes the
 * unread count (`messages.unread-count`) for other widgets, and tells the user with a toast when the messages could
 * not be loaded.
 *
 * @summary Lumo messages widget.
 */
export class LumoInbox extends LitElement {
  static override styles = css`
    :host { display: block; color: var(--d1-color-text, #1a1a1a); }
    ul { list-style: none; margin: 0; padding: 0; }
    li { padding: var(--d1-space-2, 0.5rem) 0; border-top: 1px solid var(--d1-color-border, #d0d0d0); }
    li:first-child { border-top: 0; }
    .head { display: flex; flex-wrap: wrap; justify-content: space-between; gap: var(--d1-space-1, 0.25rem); }
    .head d1-button { margin-inline-start: calc(-1 * var(--d1-space-2, 0.5rem)); }
    .subject { font-weight: 600; overflow-wrap: anywhere; text-align: start; }
    .unread .subject::before { content: ''; display: inline-block; width: 0.6em; height: 0.6em; margin-inline-end: 0.4em; border-radius: 50%; background: var(--d1-color-brand, #0b5394); }
    .message { margin: 0; white-space: pre-line; overflow-wrap: anywhere; }
    .meta, .preview { color: var(--d1-color-text-muted, #4a4a4a); font-size: var(--d1-font-size-sm, 0.875rem); }
    .preview { margin: var(--d1-space-1, 0.25rem) 0 0; overflow-wrap: anywhere; }
    .summary, .empty { margin: 0 0 var(--d1-space-2, 0.5rem); color: var(--d1-color-text-muted, #4a4a4a); }
    .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
  `;

  /** The platform context; the platform sets it before mounting. */
  @property({ attribute: false }) context?: WidgetContext;

  @state() private locale: Locale = 'fi';
  @state() private loadState: LoadState = 'loading';
  @state() private threads: MessageThread[] = [];
  /** The thread shown in the dialog, if any. */
  @state() private opened: MessageThread | undefined;
  private stopLocale?: () => void;

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
      const learner = context.user.activeRole === 'guardian' ? context.user.actingFor?.learnerOid : undefined;
      const { data } = await context.api.GET('/v1/messages', { params: { query: learner ? { learner } : {} } });
      if (context !== this.context) return;
      this.opened = undefined;
      this.threads = [...(data?.threads ?? [])].sort((a, b) => b.lastMessageAt.localeCompare(a.lastMessageAt));
      this.loadState = 'ready';
    } catch (error) {
      if (context !== this.context) return;
      this.loadState = 'error';
      console.warn('lumo.messages: messages could not be loaded', error);
      context.notifications.notify({ kind: 'error', message: t(context.locale, 'error') });
      return;
    }
    context.events.publish(UNREAD_COUNT, { count: this.threads.filter((thread) => thread.unread).length });
  }

  protected override render() {
    const locale = this.locale;
    if (this.loadState === 'loading') return html`<p class="empty" role="status">${t(locale, 'loading')}</p>`;
    if (this.loadState === 'error') return html`<p class="empty" role="alert">${t(locale, 'error')}</p>`;
    if (this.threads.length === 0) return html`<p class="empty">${t(locale, 'empty')}</p>`;
    const unread = this.threads.filter((thread) => thread.unread).length;
    const when = new Intl.DateTimeFormat(intlLocale(locale), {
      day: 'numeric',
      month: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      timeZone: 'Europe/Helsinki',
    });
    return html`
      ${unread > 0 ? html`<p class="summary">${t(locale, 'unreadCount', { count: unread })}</p>` : nothing}
      <ul>
        ${this.threads.map(
          (thread) => html`<li class=${thread.unread ? 'unread' : ''} data-thread=${thread.id}>
            <div class="head">
              <d1-button variant="ghost" data-open=${thread.id} @click=${() => this.open(thread)}
                ><span class="subject"
                  >${thread.unread ? html`<span class="visually-hidden">${t(locale, 'unread')}: </span>` : nothing}${thread.subject}</span
                ></d1-button
              >
              <time class="meta" datetime=${thread.lastMessageAt}>${when.format(new Date(thread.lastMessageAt))}</time>
            </div>
            <div class="meta">${t(locale, 'from', { name: thread.from })}</div>
            <p class="preview">${thread.preview}</p>
          </li>`,
        )}
      </ul>
      ${this.renderDialog(when)}
    `;
  }

  /** Opens `thread` in the dialog; the dialog remembers the focused subject and returns focus to it on close. */
  private open(thread: MessageThread): void {
    this.opened = thread;
    void this.updateComplete.then(() => this.renderRoot.querySelector('d1-dialog')?.show());
  }

  /** The dialog of the opened thread: its latest message, who sent it and when. */
  private renderDialog(when: Intl.DateTimeFormat) {
    const thread = this.opened;
    if (!thread) return nothing;
    const locale = this.locale;
    return html`<d1-dialog heading=${thread.subject} data-dialog=${thread.id} @d1-close=${() => (this.opened = undefined)}>
      <p class="meta">
        ${t(locale, 'from', { name: thread.from })} ·
        <time datetime=${thread.lastMessageAt}>${t(locale, 'sent', { time: when.format(new Date(thread.lastMessageAt)) })}</time>
      </p>
      <p class="message">${thread.preview}</p>
    </d1-dialog>`;
  }
}
