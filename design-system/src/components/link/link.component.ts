import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { LocaleController } from '../../i18n.js';
import { visuallyHidden } from '../../internal/shared.styles.js';
import { linkStrings } from './link.strings.js';

/**
 * A link: a real `<a href>` (Enter follows it, the browser's context menu works). Underlined, so that colour is not
 * its only cue. `new-tab` opens it in a new tab, says so (localized "(opens in a new tab)") and drops the opener.
 *
 * @summary Underlined link, optionally opening in a new tab with a spoken warning.
 * @tagname d1-link
 * @slot - The link text.
 * @csspart base - The `<a>`.
 */
export class D1Link extends LitElement {
  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, delegatesFocus: true };
  static override styles = [
    visuallyHidden,
    css`
      :host {
        display: inline;
        position: relative;
      }

      a {
        color: var(--d1-color-brand);
        text-decoration: underline;
        text-underline-offset: 0.15em;
        border-radius: var(--d1-radius-sm);
      }

      a:hover {
        color: var(--d1-color-brand-hover);
        text-decoration-thickness: 2px;
      }

      a:focus-visible {
        outline: var(--d1-focus-ring-width) solid var(--d1-color-focus-ring);
        outline-offset: var(--d1-focus-ring-offset);
      }

      .icon {
        margin-inline-start: 0.2em;
      }
    `,
  ];

  /** Where the link goes. */
  @property() href = '';

  /** Opens in a new tab, with a spoken and visible cue. */
  @property({ type: Boolean, reflect: true, attribute: 'new-tab' }) newTab = false;

  /** Suggests downloading instead of navigating; the value is the file name (empty: the server's). */
  @property() download: string | undefined = undefined;

  readonly #i18n = new LocaleController(this, linkStrings);

  protected override render(): TemplateResult {
    return html`<a
      part="base"
      href=${this.href}
      target=${this.newTab ? '_blank' : nothing}
      rel=${this.newTab ? 'noopener noreferrer' : nothing}
      download=${this.download ?? nothing}
      ><slot></slot>${this.newTab
        ? html`<span class="icon" aria-hidden="true">↗</span><span class="visually-hidden"> ${this.#i18n.strings.newTab}</span>`
        : nothing}</a
    >`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'd1-link': D1Link;
  }
}
