import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { html as staticHtml, literal } from 'lit/static-html.js';
import { D1RetryEvent } from '../../events/retry.js';
import { LocaleController } from '../../i18n.js';
import { cardStrings } from './card.strings.js';
import { cardStyles } from './card.styles.js';

export type CardState = 'ready' | 'loading' | 'error';
export type HeadingLevel = 1 | 2 | 3 | 4 | 5 | 6;

const headingTags = {
  1: literal`h1`,
  2: literal`h2`,
  3: literal`h3`,
  4: literal`h4`,
  5: literal`h5`,
  6: literal`h6`,
} as const;

/**
 * The frame of a dashboard widget: a heading, header actions and the content, or a loading skeleton, or an error
 * with a "Try again" button.
 *
 * Loading marks the frame `aria-busy` and says "Loading…" in a polite live region; an error says its title there.
 * While not `ready`, the slotted content stays in the DOM but is not shown.
 *
 * @summary Widget frame with ready, loading and error states.
 * @tagname d1-card
 * @slot - The widget's content, shown when `state` is `ready`.
 * @slot actions - Controls in the header, after the heading.
 * @slot error-message - What went wrong, in the error state; replaces `errorMessage`.
 * @csspart base - The `<article>` frame.
 * @csspart header - The row with the heading and the actions.
 * @csspart heading - The heading element.
 * @csspart body - Content, skeleton or error.
 * @csspart skeleton - The loading placeholder.
 * @csspart error - The error block.
 * @csspart error-title - The localized error title.
 * @csspart error-message - The error message's wrapper.
 * @csspart retry - The "Try again" `d1-button`.
 * @cssprop --d1-card-padding - Inner spacing (default `--d1-space-4`).
 * @fires {D1RetryEvent} d1-retry - The user asked to try again after an error.
 */
export class D1Card extends LitElement {
  static override styles = cardStyles;

  /** The heading text; without it the card has no heading. */
  @property() heading = '';

  /** Heading level, so that the card fits the page's outline. */
  @property({ type: Number, reflect: true }) level: HeadingLevel = 2;

  /** `ready` shows the content; `loading` a skeleton; `error` the error block. */
  @property({ reflect: true }) state: CardState = 'ready';

  /** What went wrong, shown under the error title (the `error-message` slot overrides it). */
  @property({ attribute: 'error-message' }) errorMessage = '';

  @state() private hasActions = false;

  readonly #i18n = new LocaleController(this, cardStrings);

  protected override render(): TemplateResult {
    const { strings } = this.#i18n;
    const loading = this.state === 'loading';
    const error = this.state === 'error';
    return html`<article part="base" class="card" aria-labelledby=${this.heading ? 'heading' : nothing}>
      <header part="header" class="header" ?hidden=${!this.heading && !this.hasActions}>
        ${this.heading ? this.#renderHeading() : nothing}
        <div class="actions"><slot name="actions" @slotchange=${this.#onActionsChange}></slot></div>
      </header>
      <div role="status" class=${loading ? 'visually-hidden' : ''}>${loading
          ? strings.loading
          : error
            ? html`<p part="error-title" class="error-title">${strings.errorTitle}</p>`
            : nothing}</div>
      <div part="body" class="body" aria-busy=${loading ? 'true' : 'false'}>
        ${loading ? this.#renderSkeleton() : nothing}
        ${error ? this.#renderError(strings.retry) : nothing}
        <div class="content" ?hidden=${this.state !== 'ready'}><slot></slot></div>
      </div>
    </article>`;
  }

  #renderHeading(): TemplateResult {
    const tag = headingTags[this.level] ?? headingTags[2];
    return staticHtml`<${tag} id="heading" part="heading" class="heading">${this.heading}</${tag}>`;
  }

  #renderSkeleton(): TemplateResult {
    return html`<div part="skeleton" class="skeleton" aria-hidden="true">
      <span class="bar"></span><span class="bar"></span><span class="bar"></span>
    </div>`;
  }

  #renderError(retry: string): TemplateResult {
    return html`<div part="error" class="error">
      <div part="error-message" class="error-message"><slot name="error-message">${this.errorMessage}</slot></div>
      <d1-button part="retry" variant="secondary" @click=${this.#onRetry}>${retry}</d1-button>
    </div>`;
  }

  #onActionsChange(event: Event): void {
    this.hasActions = (event.target as HTMLSlotElement).assignedNodes({ flatten: true }).length > 0;
  }

  #onRetry(): void {
    const event = new D1RetryEvent();
    this.dispatchEvent(event);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'd1-card': D1Card;
  }
}
