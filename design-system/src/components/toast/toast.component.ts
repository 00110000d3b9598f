import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { D1CloseEvent } from '../../events/close.js';
import { LocaleController } from '../../i18n.js';
import { visuallyHidden } from '../../internal/shared.styles.js';
import { statusIcons, statusStrings, type StatusVariant } from '../../internal/status.strings.js';
import { statusBoxStyles } from '../../internal/status.styles.js';
import { toastStrings } from './toast.strings.js';

/** What `show()` takes. */
export interface ToastOptions {
  /** The message (plain text). */
  readonly message: string;
  readonly variant?: StatusVariant;
  /** A bold first line. */
  readonly heading?: string;
  /** Milliseconds before it goes; 0 keeps it until dismissed. Defaults to the element's `duration`. */
  readonly duration?: number;
}

interface Toast extends Required<Omit<ToastOptions, 'duration'>> {
  readonly id: string;
  duration: number;
  remaining: number;
  started: number;
  timer: ReturnType<typeof setTimeout> | undefined;
}

let nextId = 0;

/**
 * A stack of short-lived notifications: one per page, in the corner. `show()` adds a toast to a live region that
 * exists from the start (so it is announced): `info`/`success` politely (`role="status"`), `warning`/`danger`
 * assertively (`role="alert"`). Each toast has a localized Dismiss button, and its timer pauses while the pointer
 * or focus is on the stack (WCAG 2.2.1). Danger toasts stay until dismissed unless given a duration.
 *
 * @summary Toast notifications with live-region announcements and pausing timers.
 * @tagname d1-toast
 * @csspart region - The landmark around the stack.
 * @csspart toast - Each toast.
 * @fires {D1CloseEvent} d1-close - A toast went; `value` is its id, `reason` is `timeout` or `close-button`.
 */
export class D1Toast extends LitElement {
  static override styles = [
    visuallyHidden,
    statusBoxStyles,
    css`
      :host {
        position: fixed;
        inset-block-end: var(--d1-space-4);
        inset-inline-end: var(--d1-space-4);
        z-index: 1000;
        inline-size: min(24rem, calc(100vw - 2 * var(--d1-space-4)));
      }

      :host([inline]) {
        position: relative;
        inset: auto;
        z-index: auto;
        display: block;
      }

      .stack {
        display: grid;
        gap: var(--d1-space-2);
      }

      .box {
        box-shadow: var(--d1-shadow-2);
      }

      ol {
        display: contents;
        list-style: none;
        margin: 0;
        padding: 0;
      }
    `,
  ];

  /** Default milliseconds a toast stays; 0 keeps toasts until dismissed. */
  @property({ type: Number }) duration = 6000;

  /** Laid out in the flow instead of fixed in the corner (for galleries and tests). */
  @property({ type: Boolean, reflect: true }) inline = false;

  @state() private toasts: Toast[] = [];

  readonly #i18n = new LocaleController(this, toastStrings);
  readonly #status = new LocaleController(this, statusStrings);
  #paused = false;

  /** Shows a toast; returns its id, for `dismiss()`. */
  show(options: ToastOptions): string {
    const variant = options.variant ?? 'info';
    const duration = options.duration ?? (variant === 'danger' ? 0 : this.duration);
    const toast: Toast = {
      id: `d1-toast-${++nextId}`,
      message: options.message,
      heading: options.heading ?? '',
      variant,
      duration,
      remaining: duration,
      started: 0,
      timer: undefined,
    };
    this.toasts = [...this.toasts, toast];
    if (!this.#paused) this.#start(toast);
    return toast.id;
  }

  /** Removes a toast. */
  dismiss(id: string): void {
    this.#remove(id, 'method');
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const toast of this.toasts) clearTimeout(toast.timer);
  }

  #start(toast: Toast): void {
    if (toast.duration <= 0) return;
    toast.started = Date.now();
    toast.timer = setTimeout(() => this.#remove(toast.id, 'timeout'), toast.remaining);
  }

  #remove(id: string, reason: 'timeout' | 'close-button' | 'method'): void {
    const toast = this.toasts.find((each) => each.id === id);
    if (!toast) return;
    clearTimeout(toast.timer);
    this.toasts = this.toasts.filter((each) => each !== toast);
    const event = new D1CloseEvent(reason, id);
    this.dispatchEvent(event);
  }

  #pause = (): void => {
    if (this.#paused) return;
    this.#paused = true;
    for (const toast of this.toasts) {
      if (toast.timer === undefined) continue;
      clearTimeout(toast.timer);
      toast.timer = undefined;
      toast.remaining = Math.max(0, toast.remaining - (Date.now() - toast.started));
    }
  };

  #resume = (): void => {
    if (!this.#paused || this.matches(':hover') || this.matches(':focus-within')) return;
    this.#paused = false;
    for (const toast of this.toasts) this.#start(toast);
  };

  protected override render(): TemplateResult {
    const polite = this.toasts.filter((t) => t.variant === 'info' || t.variant === 'success');
    const assertive = this.toasts.filter((t) => t.variant === 'warning' || t.variant === 'danger');
    return html`<section
      part="region"
      class="stack"
      aria-label=${this.#i18n.strings.region}
      @pointerenter=${this.#pause}
      @pointerleave=${this.#resume}
      @focusin=${this.#pause}
      @focusout=${() => setTimeout(this.#resume)}
    >
      <div role="alert" class="stack">${this.#renderList(assertive)}</div>
      <div role="status" class="stack">${this.#renderList(polite)}</div>
    </section>`;
  }

  #renderList(toasts: Toast[]): TemplateResult {
    const strings = this.#status.strings;
    return html`${repeat(
      toasts,
      (toast) => toast.id,
      (toast) => html`<div part="toast" class="box ${toast.variant}" id=${toast.id}>
        <span class="icon" aria-hidden="true">${statusIcons[toast.variant]}</span>
        <div class="content">
          <span class="visually-hidden">${strings[toast.variant]}: </span>
          ${toast.heading ? html`<strong class="heading">${toast.heading}</strong>` : nothing} ${toast.message}
        </div>
        <button
          class="dismiss"
          type="button"
          aria-label=${strings.dismiss}
          @click=${() => this.#remove(toast.id, 'close-button')}
        >
          <span aria-hidden="true">×</span>
        </button>
      </div>`,
    )}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'd1-toast': D1Toast;
  }
}
