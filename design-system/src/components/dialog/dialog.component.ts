import { LitElement, css, html, type PropertyValues, type TemplateResult } from 'lit';
import { property, query } from 'lit/decorators.js';
import { D1CloseEvent, type CloseReason } from '../../events/close.js';
import { LocaleController } from '../../i18n.js';
import { deepActiveElement, tabbables } from '../../internal/focus.js';
import { dialogStrings } from './dialog.strings.js';

/**
 * A modal dialog (WAI-ARIA dialog pattern) on a native modal `<dialog>`: the page behind is inert, focus moves in
 * (to the `autofocus` element or the first control), Tab and Shift+Tab wrap inside, Escape or the localized Close
 * button closes, and focus returns to the element that opened it. Named by its `heading`; `aria-modal="true"`.
 *
 * @summary Modal dialog with focus trap, Escape and focus return.
 * @tagname d1-dialog
 * @slot - The content.
 * @slot footer - Actions, at the end (e.g. `d1-button`s).
 * @csspart dialog - The native `<dialog>`.
 * @csspart header - Heading and Close button.
 * @csspart heading - The `<h2>`.
 * @csspart close - The Close button.
 * @csspart body - The content's wrapper.
 * @csspart footer - The footer.
 * @fires {D1CloseEvent} d1-close - The dialog closed; `reason` says how.
 */
export class D1Dialog extends LitElement {
  static override styles = css`
    :host {
      display: contents;
    }

    dialog {
      box-sizing: border-box;
      inline-size: min(36rem, calc(100vw - 2 * var(--d1-space-4)));
      max-block-size: calc(100dvh - 2 * var(--d1-space-4));
      padding: 0;
      border: var(--d1-border-width) solid var(--d1-color-border);
      border-radius: var(--d1-radius-lg);
      background: var(--d1-color-surface);
      color: var(--d1-color-text);
      box-shadow: var(--d1-shadow-2);
    }

    dialog::backdrop {
      background: rgb(0 0 0 / 0.5);
    }

    .header {
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: var(--d1-space-2);
      padding: var(--d1-space-3) var(--d1-space-3) 0 var(--d1-space-5);
    }

    h2 {
      margin: 0;
      font-size: var(--d1-font-size-xl);
      line-height: var(--d1-line-height-tight);
    }

    .close {
      flex: none;
      inline-size: var(--d1-size-target);
      block-size: var(--d1-size-target);
      border: 0;
      border-radius: var(--d1-radius-md);
      background: none;
      color: var(--d1-color-text);
      font-size: 1.5rem;
      line-height: 1;
      cursor: pointer;
    }

    .close:hover {
      background: var(--d1-color-surface-muted);
    }

    .close:focus-visible {
      outline: var(--d1-focus-ring-width) solid var(--d1-color-focus-ring);
      outline-offset: 0;
    }

    .body {
      padding: var(--d1-space-4) var(--d1-space-5);
    }

    .footer {
      display: flex;
      flex-wrap: wrap;
      justify-content: flex-end;
      gap: var(--d1-space-2);
      padding: 0 var(--d1-space-5) var(--d1-space-5);
    }
  `;

  /** Open. Setting it opens or closes the dialog like `show()` and `close()`. */
  @property({ type: Boolean, reflect: true }) open = false;

  /** The title, which names the dialog. */
  @property() heading = '';

  /** Set by `close(value)`: e.g. which button closed it. */
  returnValue = '';

  @query('dialog') private dialog?: HTMLDialogElement;
  @query('.close') private closeButton?: HTMLButtonElement;

  readonly #i18n = new LocaleController(this, dialogStrings);
  #opener: HTMLElement | null = null;
  #reason: CloseReason = 'method';

  /** Opens the dialog, remembering the focused element to return to. */
  show(): void {
    this.open = true;
  }

  /** Closes the dialog, with an optional return value. */
  close(returnValue = ''): void {
    this.returnValue = returnValue;
    this.#reason = 'method';
    this.open = false;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (!changed.has('open') || !this.dialog) return;
    if (this.open && !this.dialog.open) {
      const active = deepActiveElement();
      this.#opener = active instanceof HTMLElement ? active : null;
      this.dialog.showModal();
      this.#focusFirst();
    } else if (!this.open && this.dialog.open) {
      this.dialog.close();
      this.#finishClose();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this.open) this.dialog?.close();
  }

  protected override render(): TemplateResult {
    return html`<dialog
      part="dialog"
      aria-labelledby="heading"
      aria-modal="true"
      @cancel=${this.#onCancel}
      @close=${this.#onNativeClose}
      @keydown=${this.#onKeydown}
    >
      <div part="header" class="header">
        <h2 id="heading" part="heading">${this.heading}</h2>
        <button part="close" class="close" type="button" aria-label=${this.#i18n.strings.close} @click=${this.#onCloseButton}>
          <span aria-hidden="true">×</span>
        </button>
      </div>
      <div part="body" class="body"><slot></slot></div>
      <div part="footer" class="footer"><slot name="footer"></slot></div>
    </dialog>`;
  }

  /** Tab stops in visual order: the Close button, the content, then the footer. */
  #stops(): HTMLElement[] {
    const light = tabbables(this);
    const inFooter = (element: HTMLElement): boolean => element.closest('[slot="footer"]') !== null;
    const close = this.closeButton ? [this.closeButton] : [];
    return [...close, ...light.filter((e) => !inFooter(e)), ...light.filter(inFooter)];
  }

  #focusFirst(): void {
    const autofocus = this.querySelector<HTMLElement>('[autofocus]');
    const stops = this.#stops();
    (autofocus ?? stops.find((stop) => stop !== this.closeButton) ?? stops[0])?.focus();
  }

  #onKeydown(event: KeyboardEvent): void {
    if (event.key !== 'Tab') return;
    const stops = this.#stops();
    const first = stops[0];
    const last = stops[stops.length - 1];
    if (!first || !last) return;
    const root = this.getRootNode() as Document | ShadowRoot;
    const active: Element | null = this.shadowRoot?.activeElement === this.closeButton ? (this.closeButton ?? null) : root.activeElement;
    const at = (stop: HTMLElement): boolean => stop === active || (active !== null && stop.contains(active));
    if (event.shiftKey && at(first)) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && at(last)) {
      event.preventDefault();
      first.focus();
    }
  }

  #onCancel(event: Event): void {
    // Escape: close through our own path, so that focus returns and d1-close fires once.
    event.preventDefault();
    this.#reason = 'escape';
    this.returnValue = '';
    this.open = false;
  }

  /** Chromium may close a modal dialog on Escape without `cancel` (no user activation since the last one). */
  #onNativeClose(): void {
    if (!this.open) return;
    this.#reason = 'escape';
    this.open = false;
    this.#finishClose();
  }

  #onCloseButton(): void {
    this.#reason = 'close-button';
    this.returnValue = '';
    this.open = false;
  }

  #finishClose(): void {
    const opener = this.#opener;
    this.#opener = null;
    if (opener?.isConnected) opener.focus();
    const event = new D1CloseEvent(this.#reason, this.returnValue);
    this.dispatchEvent(event);
    this.#reason = 'method';
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'd1-dialog': D1Dialog;
  }
}
