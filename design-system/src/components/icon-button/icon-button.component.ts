import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';

/**
 * A button whose content is only an icon: `label` is its accessible name and its tooltip (`title`), so it is
 * required. A 44 × 44 px target. `toggle` makes it a toggle button with `aria-pressed` following `pressed`.
 *
 * @summary Icon-only button with a required label, optionally a toggle.
 * @tagname d1-icon-button
 * @slot - The icon (an inline SVG or a symbol), hidden from assistive technology.
 * @csspart base - The `<button>`.
 */
export class D1IconButton extends LitElement {
  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, delegatesFocus: true };
  static override styles = css`
    :host {
      display: inline-block;
      vertical-align: middle;
    }

    :host([hidden]) {
      display: none;
    }

    button {
      display: inline-grid;
      place-items: center;
      inline-size: var(--d1-size-target);
      block-size: var(--d1-size-target);
      padding: 0;
      border: var(--d1-border-width) solid transparent;
      border-radius: var(--d1-radius-md);
      background: transparent;
      color: var(--d1-color-text);
      font-size: 1.25rem;
      line-height: 1;
      cursor: pointer;
    }

    :host([variant='secondary']) button {
      border-color: var(--d1-color-border-strong);
      background: var(--d1-color-surface);
    }

    button:hover:not(:disabled) {
      background: var(--d1-color-surface-muted);
    }

    button[aria-pressed='true'] {
      background: var(--d1-color-brand);
      color: var(--d1-color-on-brand);
    }

    button:focus-visible {
      outline: var(--d1-focus-ring-width) solid var(--d1-color-focus-ring);
      outline-offset: var(--d1-focus-ring-offset);
    }

    button:disabled {
      opacity: 0.55;
      cursor: not-allowed;
    }

    ::slotted(svg) {
      inline-size: 1.25rem;
      block-size: 1.25rem;
      fill: currentColor;
    }
  `;

  /** The accessible name and tooltip, e.g. "Close" (required: the icon says nothing to a screen reader). */
  @property() label = '';

  /** `ghost` (default) or `secondary` (with a border). */
  @property({ reflect: true }) variant: 'ghost' | 'secondary' = 'ghost';

  /** Blocks activation. */
  @property({ type: Boolean, reflect: true }) disabled = false;

  /** A toggle button: clicks flip `pressed`, exposed as `aria-pressed`. */
  @property({ type: Boolean, reflect: true }) toggle = false;

  /** Pressed state of a `toggle` button. */
  @property({ type: Boolean, reflect: true }) pressed = false;

  constructor() {
    super();
    this.addEventListener('click', (event) => {
      if (this.disabled) {
        event.stopImmediatePropagation();
        return;
      }
      if (this.toggle) this.pressed = !this.pressed;
    }, { capture: true });
  }

  protected override render(): TemplateResult {
    return html`<button
      part="base"
      type="button"
      aria-label=${this.label}
      title=${this.label}
      aria-pressed=${this.toggle ? String(this.pressed) : nothing}
      ?disabled=${this.disabled}
    >
      <span aria-hidden="true"><slot></slot></span>
    </button>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'd1-icon-button': D1IconButton;
  }
}
