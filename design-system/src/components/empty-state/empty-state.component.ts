import { LitElement, css, html, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { html as staticHtml, literal } from 'lit/static-html.js';
import { LocaleController } from '../../i18n.js';
import type { HeadingLevel } from '../card/card.component.js';
import { emptyStateStrings } from './empty-state.strings.js';

const headingTags = {
  1: literal`h1`,
  2: literal`h2`,
  3: literal`h3`,
  4: literal`h4`,
  5: literal`h5`,
  6: literal`h6`,
} as const;

/**
 * What a list, table or widget shows when it has nothing: a heading (a localized "Nothing here yet" by default), a
 * description and an action that helps ("Add a course").
 *
 * @summary Placeholder for empty content, with a heading, text and an action.
 * @tagname d1-empty-state
 * @slot - The description.
 * @slot icon - A decorative illustration (mark it `aria-hidden`).
 * @slot action - A button or link that helps.
 * @csspart base - The wrapper.
 * @csspart heading - The heading.
 */
export class D1EmptyState extends LitElement {
  static override styles = css`
    :host {
      display: block;
      color: var(--d1-color-text);
    }

    .base {
      display: grid;
      justify-items: center;
      gap: var(--d1-space-2);
      padding: var(--d1-space-6) var(--d1-space-4);
      text-align: center;
    }

    .heading {
      margin: 0;
      font-size: var(--d1-font-size-lg);
      line-height: var(--d1-line-height-tight);
    }

    .description {
      max-inline-size: 40ch;
      color: var(--d1-color-text-muted);
    }

    ::slotted([slot='icon']) {
      font-size: 2.5rem;
      color: var(--d1-color-text-muted);
    }

    ::slotted([slot='action']) {
      margin-block-start: var(--d1-space-2);
    }
  `;

  /** The heading; a localized "Nothing here yet" when empty. */
  @property() heading = '';

  /** Heading level, to fit the page's outline. */
  @property({ type: Number, reflect: true }) level: HeadingLevel = 3;

  readonly #i18n = new LocaleController(this, emptyStateStrings);

  protected override render(): TemplateResult {
    const tag = headingTags[this.level] ?? headingTags[3];
    return html`<div part="base" class="base">
      <slot name="icon"></slot>
      ${staticHtml`<${tag} part="heading" class="heading">${this.heading || this.#i18n.strings.heading}</${tag}>`}
      <div class="description"><slot></slot></div>
      <slot name="action"></slot>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'd1-empty-state': D1EmptyState;
  }
}
