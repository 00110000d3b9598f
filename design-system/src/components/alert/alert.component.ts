import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { D1CloseEvent } from '../../events/close.js';
import { LocaleController } from '../../i18n.js';
import { visuallyHidden } from '../../internal/shared.styles.js';
import { statusIcons, statusStrings, type StatusVariant } from '../../internal/status.strings.js';
import { statusBoxStyles } from '../../internal/status.styles.js';
import { css } from 'lit';

/**
 * An inline message. `danger` and `warning` are `role="alert"` (assertive: announced at once when inserted);
 * `info` and `success` are `role="status"` (polite). The variant's name ("Error:", "Virhe:") is read before the
 * text, and an icon shows it, so colour is never the only cue. `dismissible` adds a localized close button.
 *
 * Insert the element (or its text) when the message happens: live regions announce changes, not what was there
 * when the page loaded.
 *
 * @summary Inline alert or status message in four variants, optionally dismissible.
 * @tagname d1-alert
 * @slot - The message.
 * @csspart base - The box.
 * @csspart icon - The variant icon.
 * @csspart dismiss - The close button.
 * @fires {D1CloseEvent} d1-close - The user dismissed the alert (it hides itself).
 */
export class D1Alert extends LitElement {
  static override styles = [
    visuallyHidden,
    statusBoxStyles,
    css`
      :host {
        display: block;
        position: relative;
      }

      :host([hidden]) {
        display: none;
      }
    `,
  ];

  /** `info`, `success`, `warning` or `danger`: colour, icon, the announced name and the live-region politeness. */
  @property({ reflect: true }) variant: StatusVariant = 'info';

  /** A bold first line. */
  @property() heading = '';

  /** Shows a close button. */
  @property({ type: Boolean, reflect: true }) dismissible = false;

  readonly #i18n = new LocaleController(this, statusStrings);

  protected override render(): TemplateResult {
    const strings = this.#i18n.strings;
    const assertive = this.variant === 'danger' || this.variant === 'warning';
    return html`<div part="base" class="box ${this.variant}">
      <span part="icon" class="icon" aria-hidden="true">${statusIcons[this.variant] ?? statusIcons.info}</span>
      <div class="content" role=${assertive ? 'alert' : 'status'}>
        <span class="visually-hidden">${strings[this.variant] ?? strings.info}: </span>
        ${this.heading ? html`<strong class="heading">${this.heading}</strong>` : nothing}
        <slot></slot>
      </div>
      ${this.dismissible
        ? html`<button part="dismiss" class="dismiss" type="button" aria-label=${strings.dismiss} @click=${this.#dismiss}>
            <span aria-hidden="true">×</span>
          </button>`
        : nothing}
    </div>`;
  }

  #dismiss(): void {
    this.hidden = true;
    const event = new D1CloseEvent('close-button');
    this.dispatchEvent(event);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'd1-alert': D1Alert;
  }
}
