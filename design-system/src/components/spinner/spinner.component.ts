import { LitElement, css, html, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { LocaleController } from '../../i18n.js';
import { visuallyHidden } from '../../internal/shared.styles.js';
import { spinnerStrings } from './spinner.strings.js';

/**
 * An indeterminate busy indicator, in a polite live region that says "Loading…" (localized) or `label`. Stands still
 * under reduced motion (the loop duration token is 0 then).
 *
 * @summary Busy indicator announced as "Loading…".
 * @tagname d1-spinner
 * @csspart base - The circle.
 * @cssprop --d1-spinner-size - Diameter (default 1.5rem; `size` sets 1rem, 1.5rem or 2.5rem).
 */
export class D1Spinner extends LitElement {
  static override styles = [
    visuallyHidden,
    css`
      :host {
        --d1-spinner-size: 1.5rem;
        display: inline-block;
        position: relative;
        vertical-align: middle;
        color: var(--d1-color-brand);
      }

      :host([size='sm']) {
        --d1-spinner-size: 1rem;
      }

      :host([size='lg']) {
        --d1-spinner-size: 2.5rem;
      }

      .spinner {
        display: block;
        inline-size: var(--d1-spinner-size);
        block-size: var(--d1-spinner-size);
        border: calc(var(--d1-spinner-size) / 8) solid var(--d1-color-border);
        border-block-start-color: currentColor;
        border-radius: 50%;
        box-sizing: border-box;
        animation: spin var(--d1-duration-loop) linear infinite;
      }

      @keyframes spin {
        to {
          transform: rotate(1turn);
        }
      }
    `,
  ];

  /** What is loading, replacing the generic "Loading…". */
  @property() label = '';

  /** `sm`, `md` or `lg`. */
  @property({ reflect: true }) size: 'sm' | 'md' | 'lg' = 'md';

  readonly #i18n = new LocaleController(this, spinnerStrings);

  protected override render(): TemplateResult {
    return html`<span part="base" class="spinner" aria-hidden="true"></span>
      <span class="visually-hidden" role="status">${this.label || this.#i18n.strings.loading}</span>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'd1-spinner': D1Spinner;
  }
}
