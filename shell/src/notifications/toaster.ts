import { adoptStyles, css, html, render, type CSSResult } from 'lit';
import type { Locale, NotificationKind, WidgetNotification } from '@digione/sdk';
import { loadOnce } from '../load-once.js';
import { currentLocale, onLocaleChange, t } from '../locale/locale.js';

/** How long a toast stays, in ms, and how many may show at once. */
export interface ToasterOptions {
  /** Time an info or success toast stays while not hovered or focused. Default 6000. */
  durationMs?: number;
  /** Time a warning or error toast stays; longer, as it matters more. Default 12000. */
  urgentDurationMs?: number;
  /** Older toasts make way beyond this many. Default 4. */
  max?: number;
  /** One widget's older toasts make way beyond this many, so that no widget can crowd out the others. Default 2. */
  maxPerSource?: number;
}

/** One toast request: what a widget asked for, and whose it is. */
export interface ToastRequest extends WidgetNotification {
  /** The widget's manifest id. */
  sourceId: string;
  /** The widget's title per locale: the user must see who is talking, and a widget cannot pose as the platform. */
  source: Readonly<Record<Locale, string>>;
}

interface Toast {
  readonly id: number;
  readonly kind: NotificationKind;
  readonly message: string;
  readonly sourceId: string;
  readonly source: Readonly<Record<Locale, string>>;
  remaining: number;
  startedAt: number;
  timer: ReturnType<typeof setTimeout> | undefined;
  hovered: boolean;
  focused: boolean;
  /** The text goes in after the element is in the page, so screen readers announce the live region's change. */
  announced: boolean;
}

/**
 * Defines `d1-icon-button` for the dismiss buttons. It is not part of the shell's first load (tests/size/shell-js.ts
 * LAZY): most pages never show a toast, so it is fetched with the first one. Until it arrives (a round trip) the toast
 * is already in the page and announced, its button an undefined element that upgrades in place; a failed fetch is
 * retried with the next toast.
 */
export const loadIconButton = loadOnce(
  () => import('@digione/design-system/components/icon-button/icon-button.js'),
  'the toasts\' dismiss button',
);

const KINDS: readonly NotificationKind[] = ['info', 'success', 'warning', 'error'];
const MAX_MESSAGE = 280;

const styles: CSSResult = css`
  :host { position: fixed; inset-block-end: var(--d1-space-4, 1rem); inset-inline-end: var(--d1-space-4, 1rem); z-index: 20; display: flex; flex-direction: column; gap: var(--d1-space-2, 0.5rem); width: min(24rem, calc(100vw - 2 * var(--d1-space-4, 1rem))); pointer-events: none; }
  .toast { pointer-events: auto; display: grid; grid-template-columns: 1fr auto; gap: var(--d1-space-1, 0.25rem) var(--d1-space-2, 0.5rem); align-items: start; padding: var(--d1-space-3, 0.75rem); border-radius: var(--d1-radius-md, 0.375rem); border-inline-start: 6px solid var(--kind-color); background: var(--d1-color-surface, #fff); color: var(--d1-color-text, #1a1a1a); box-shadow: 0 4px 16px rgb(0 0 0 / 0.25); overflow-wrap: anywhere; }
  .info { --kind-color: var(--d1-color-brand, #0b5394); }
  .success { --kind-color: var(--d1-color-success, #1e7d32); }
  .warning { --kind-color: var(--d1-color-warning, #8a5a00); }
  .error { --kind-color: var(--d1-color-danger, #b3261e); }
  .source { font-weight: 600; }
  p { margin: 0; }
  /* Holds the dismiss button's 44 px square while d1-icon-button is still loading (the first toast of the page). */
  d1-icon-button { min-inline-size: var(--d1-size-target, 44px); min-block-size: var(--d1-size-target, 44px); }
  .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
  @media (prefers-reduced-motion: no-preference) { .toast { animation: in 150ms ease-out; } @keyframes in { from { opacity: 0; transform: translateY(0.5rem); } } }
`;

/**
 * The shell's toasts: a region fixed to the corner of the page. Info and success toasts are polite
 * (`role="status"`), warnings and errors assertive (`role="alert"`). Each has a dismiss button (the design system's
 * `d1-icon-button`, loaded with the first toast) and dismisses
 * itself after a while, but never while the pointer is over it or the focus is in it (WCAG 2.2.1).
 */
export class Toaster {
  /** The region's host element; put it anywhere in the page. */
  readonly element: HTMLElement;
  private readonly shadow: ShadowRoot;
  private readonly toasts: Toast[] = [];
  private readonly stopLocale: () => void;
  private nextId = 1;
  private readonly durationMs: number;
  private readonly urgentDurationMs: number;
  private readonly max: number;
  private readonly maxPerSource: number;

  /** Creates the region (not yet in the page: append {@link Toaster.element}). */
  constructor(options: ToasterOptions = {}) {
    this.durationMs = options.durationMs ?? 6000;
    this.urgentDurationMs = options.urgentDurationMs ?? 12000;
    this.max = options.max ?? 4;
    this.maxPerSource = options.maxPerSource ?? 2;
    this.element = document.createElement('div');
    this.element.className = 'toast-region';
    this.shadow = this.element.attachShadow({ mode: 'open' });
    adoptStyles(this.shadow, [styles]);
    this.stopLocale = onLocaleChange(() => this.paint());
    this.paint();
  }

  /** Shows a toast; returns the function that dismisses it. */
  show(request: ToastRequest): () => void {
    void loadIconButton();
    const kind = KINDS.includes(request.kind) ? request.kind : 'info';
    const text = String(request.message ?? '').trim();
    const message = text.length > MAX_MESSAGE ? `${text.slice(0, MAX_MESSAGE - 1)}…` : text;
    const urgent = kind === 'warning' || kind === 'error';
    const toast: Toast = {
      id: this.nextId++,
      kind,
      message,
      sourceId: request.sourceId,
      source: request.source,
      remaining: urgent ? this.urgentDurationMs : this.durationMs,
      startedAt: 0,
      timer: undefined,
      hovered: false,
      focused: false,
      announced: false,
    };
    this.toasts.push(toast);
    const own = this.toasts.filter((t) => t.sourceId === toast.sourceId);
    for (const old of own.slice(0, Math.max(own.length - this.maxPerSource, 0))) this.dismiss(old.id);
    while (this.toasts.length > this.max) this.dismiss(this.toasts[0]!.id);
    this.paint();
    setTimeout(() => {
      toast.announced = true;
      this.paint();
    }, 0);
    this.resume(toast);
    return () => this.dismiss(toast.id);
  }

  /** How many toasts are showing. */
  get count(): number {
    return this.toasts.length;
  }

  /** Removes every toast and stops listening. */
  dispose(): void {
    for (const toast of this.toasts.splice(0)) clearTimeout(toast.timer);
    this.stopLocale();
    this.element.remove();
  }

  private dismiss(id: number): void {
    const index = this.toasts.findIndex((toast) => toast.id === id);
    if (index < 0) return;
    const [toast] = this.toasts.splice(index, 1);
    clearTimeout(toast?.timer);
    this.paint();
  }

  private pause(toast: Toast): void {
    if (toast.timer === undefined) return;
    clearTimeout(toast.timer);
    toast.timer = undefined;
    toast.remaining -= performance.now() - toast.startedAt;
  }

  private resume(toast: Toast): void {
    if (toast.timer !== undefined || toast.hovered || toast.focused) return;
    toast.startedAt = performance.now();
    toast.timer = setTimeout(() => this.dismiss(toast.id), Math.max(toast.remaining, 0));
  }

  private hold(toast: Toast, reason: 'hovered' | 'focused', on: boolean): void {
    toast[reason] = on;
    if (on) this.pause(toast);
    else this.resume(toast);
  }

  private paint(): void {
    const locale = currentLocale();
    render(
      html`<section aria-label=${t('notifications.region')}>
        ${this.toasts.map((toast) => {
          const urgent = toast.kind === 'warning' || toast.kind === 'error';
          return html`<div
            class="toast ${toast.kind}"
            data-kind=${toast.kind}
            data-source=${toast.sourceId}
            role=${urgent ? 'alert' : 'status'}
            @mouseenter=${() => this.hold(toast, 'hovered', true)}
            @mouseleave=${() => this.hold(toast, 'hovered', false)}
            @focusin=${() => this.hold(toast, 'focused', true)}
            @focusout=${(e: FocusEvent) => {
              if (!(e.currentTarget as HTMLElement).contains(e.relatedTarget as Node | null)) this.hold(toast, 'focused', false);
            }}
          >
            <div>
              ${toast.announced
                ? html`<span class="visually-hidden">${t(`notifications.kinds.${toast.kind}`)}: </span
                    ><span class="source">${toast.source[locale]}</span>
                    <p>${toast.message}</p>`
                : ''}
            </div>
            <d1-icon-button label=${t('notifications.dismiss')} @click=${() => this.dismiss(toast.id)}>×</d1-icon-button>
          </div>`;
        })}
      </section>`,
      this.shadow,
    );
  }
}
