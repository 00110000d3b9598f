import { css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { LocaleController } from '../../i18n.js';
import { fieldStyles } from '../../internal/field.styles.js';
import { FormControl } from '../../internal/form-control.js';
import { format } from '../../internal/validation.strings.js';
import {
  addDays,
  addMonths,
  formatDate,
  fromIso,
  monthGrid,
  parseDate,
  toIso,
  weekdayIndex,
  weekdays,
} from './calendar.js';
import { datePickerStrings } from './date-picker.strings.js';

/**
 * A date field (WAI-ARIA date picker dialog pattern): a text field that takes a typed date in the locale's format
 * (28.11.2026 in Finnish and Swedish, 28/11/2026 in English), and a button that opens a modal calendar dialog.
 * The calendar is a `role="grid"` month, Monday first, with month and weekday names from `Intl`: arrows move a day
 * or a week, Home/End to the week's start or end, Page Up/Down a month (with Shift a year), Enter or Space choose,
 * Escape closes; focus returns to the button. Form-associated: submits `YYYY-MM-DD`.
 *
 * @summary Date field with a keyboard-operable calendar dialog, localized by Intl.
 * @tagname d1-date-picker
 * @csspart label - The `<label>`.
 * @csspart input - The text `<input>`.
 * @csspart button - The "Choose a date" button.
 * @csspart dialog - The calendar dialog.
 * @csspart hint - The format hint.
 * @csspart error - The validation message.
 * @fires change - The user typed or chose a date.
 */
export class D1DatePicker extends FormControl {
  static override styles = [
    fieldStyles,
    css`
      .control {
        display: flex;
        gap: var(--d1-space-2);
      }

      .pick {
        flex: none;
        display: inline-grid;
        place-items: center;
        inline-size: var(--d1-size-target);
        block-size: var(--d1-size-target);
        border: var(--d1-border-width) solid var(--d1-color-border-strong);
        border-radius: var(--d1-radius-md);
        background: var(--d1-color-surface);
        color: var(--d1-color-text);
        font-size: 1.25rem;
        cursor: pointer;
      }

      dialog {
        padding: var(--d1-space-4);
        border: var(--d1-border-width) solid var(--d1-color-border);
        border-radius: var(--d1-radius-lg);
        background: var(--d1-color-surface);
        color: var(--d1-color-text);
        box-shadow: var(--d1-shadow-2);
      }

      dialog::backdrop {
        background: rgb(0 0 0 / 0.4);
      }

      .month {
        display: flex;
        align-items: center;
        justify-content: space-between;
        gap: var(--d1-space-2);
        margin-block-end: var(--d1-space-2);
      }

      h2 {
        margin: 0;
        font-size: var(--d1-font-size-lg);
      }

      .nav {
        inline-size: var(--d1-size-target);
        block-size: var(--d1-size-target);
        border: 0;
        border-radius: var(--d1-radius-md);
        background: none;
        color: inherit;
        font-size: 1.25rem;
        cursor: pointer;
      }

      .nav:hover {
        background: var(--d1-color-surface-muted);
      }

      table {
        border-collapse: collapse;
      }

      th {
        font-size: var(--d1-font-size-sm);
        font-weight: var(--d1-font-weight-semibold);
        color: var(--d1-color-text-muted);
        padding-block-end: var(--d1-space-1);
      }

      td {
        inline-size: var(--d1-size-target);
        block-size: var(--d1-size-target);
        padding: 0;
        text-align: center;
        border-radius: var(--d1-radius-md);
        cursor: pointer;
      }

      td:hover {
        background: var(--d1-color-surface-muted);
      }

      td.outside {
        color: var(--d1-color-text-muted);
      }

      td[aria-current='date'] {
        font-weight: var(--d1-font-weight-bold);
        text-decoration: underline;
      }

      td[aria-selected='true'] {
        background: var(--d1-color-brand);
        color: var(--d1-color-on-brand);
      }

      .pick:focus-visible,
      .nav:focus-visible,
      td:focus-visible {
        outline: var(--d1-focus-ring-width) solid var(--d1-color-focus-ring);
        outline-offset: 0;
      }
    `,
  ];

  /** The date, `YYYY-MM-DD`; empty for none. */
  @property() value = '';

  /** Open the calendar. */
  @property({ type: Boolean, reflect: true }) open = false;

  /** What the user typed, while it is not a date. */
  @state() private typed: string | null = null;

  /** The focused day in the calendar. */
  @state() private focusDate: Date = this.#today();

  @query('input') private input?: HTMLInputElement;
  @query('dialog') private dialog?: HTMLDialogElement;
  @query('.pick') private pickButton?: HTMLButtonElement;

  readonly #i18n = new LocaleController(this, datePickerStrings);
  #initial: string | undefined;

  protected get anchor(): HTMLInputElement | undefined {
    return this.input;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#initial ??= this.value;
  }

  protected resetValue(): void {
    this.value = this.#initial ?? '';
    this.typed = null;
  }

  #today(): Date {
    const now = new Date();
    return new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()));
  }

  /** Opens the calendar on the chosen date (or today). */
  show(): void {
    this.focusDate = fromIso(this.value) ?? this.#today();
    this.open = true;
  }

  /** Closes the calendar and returns focus to its button. */
  hide(): void {
    this.open = false;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.internals.setFormValue(this.inactive || !fromIso(this.value) ? null : this.value);
    const invalid = this.typed !== null && this.typed.trim() !== '';
    this.setValidity(
      { valueMissing: this.required && !this.value && !invalid, customError: invalid },
      { custom: this.#i18n.strings.invalid },
    );
    if (changed.has('open') && this.dialog) {
      if (this.open && !this.dialog.open) {
        this.dialog.showModal();
        this.#focusDay();
      } else if (!this.open && this.dialog.open) {
        this.dialog.close();
        this.pickButton?.focus();
      }
    } else if ((changed as Map<PropertyKey, unknown>).has('focusDate') && this.open) {
      this.#focusDay();
    }
  }

  #focusDay(): void {
    this.renderRoot.querySelector<HTMLElement>('td[tabindex="0"]')?.focus();
  }

  protected override render(): TemplateResult {
    const strings = this.#i18n.strings;
    const locale = this.#i18n.locale;
    const date = fromIso(this.value);
    const text = this.typed ?? (date ? formatDate(date, locale) : '');
    const describedBy = ['format', this.describedBy].filter(Boolean).join(' ');
    return html`<div class="field">
      <label part="label" for="control">${this.label}${this.renderRequiredMark()}</label>
      <div class="control">
        <input
          id="control"
          part="input"
          class="box"
          inputmode="numeric"
          autocomplete="off"
          .value=${live(text)}
          ?required=${this.required}
          ?disabled=${this.inactive}
          aria-invalid=${this.showError ? 'true' : 'false'}
          aria-describedby=${describedBy}
          @change=${this.#onTextChange}
          @blur=${() => (this.touched = true)}
        />
        <button
          part="button"
          class="pick"
          type="button"
          aria-label=${date ? `${strings.choose}, ${format(strings.selected, { date: formatDate(date, locale, { dateStyle: 'full' }) })}` : strings.choose}
          aria-haspopup="dialog"
          ?disabled=${this.inactive}
          @click=${() => this.show()}
        >
          <svg aria-hidden="true" viewBox="0 0 24 24" width="20" height="20" fill="none" stroke="currentColor" stroke-width="2">
            <rect x="3" y="5" width="18" height="16" rx="2"></rect>
            <path d="M3 10h18M8 3v4M16 3v4"></path>
          </svg>
        </button>
      </div>
      <div id="format" class="hint">${strings.format}</div>
      ${this.renderHint()} ${this.renderError()}
      <dialog part="dialog" aria-modal="true" aria-labelledby="month" @cancel=${this.#onCancel} @close=${this.#onNativeClose} @keydown=${this.#onDialogKeydown}>
        ${this.open ? this.#renderCalendar() : nothing}
      </dialog>
    </div>`;
  }

  #renderCalendar(): TemplateResult {
    const strings = this.#i18n.strings;
    const locale = this.#i18n.locale;
    const focus = this.focusDate;
    const selected = this.value;
    const today = toIso(this.#today());
    const long = weekdays(locale, 'long');
    const short = weekdays(locale, 'short');
    return html`<div class="month">
        <button class="nav" type="button" aria-label=${strings.previousMonth} @click=${() => (this.focusDate = addMonths(focus, -1))}>
          <span aria-hidden="true">‹</span>
        </button>
        <h2 id="month" aria-live="polite">${formatDate(focus, locale, { month: 'long', year: 'numeric' })}</h2>
        <button class="nav" type="button" aria-label=${strings.nextMonth} @click=${() => (this.focusDate = addMonths(focus, 1))}>
          <span aria-hidden="true">›</span>
        </button>
      </div>
      <table role="grid" aria-labelledby="month" @keydown=${this.#onGridKeydown}>
        <thead>
          <tr>
            ${short.map((name, i) => html`<th scope="col" abbr=${long[i] ?? name}>${name}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${monthGrid(focus).map(
            (week) => html`<tr>
              ${week.map((day) => {
                const iso = toIso(day);
                const outside = day.getUTCMonth() !== focus.getUTCMonth();
                return html`<td
                  class=${outside ? 'outside' : ''}
                  tabindex=${iso === toIso(focus) ? 0 : -1}
                  aria-selected=${iso === selected ? 'true' : 'false'}
                  aria-current=${iso === today ? 'date' : nothing}
                  aria-label=${formatDate(day, locale, { dateStyle: 'full' })}
                  data-date=${iso}
                  @click=${() => this.#choose(day)}
                >
                  ${day.getUTCDate()}
                </td>`;
              })}
            </tr>`,
          )}
        </tbody>
      </table>`;
  }

  #choose(day: Date): void {
    this.value = toIso(day);
    this.typed = null;
    this.touched = true;
    this.hide();
    this.dispatchEvent(new Event('change', { bubbles: true }));
  }

  #onTextChange(event: Event): void {
    const text = (event.target as HTMLInputElement).value;
    const date = parseDate(text, this.#i18n.locale);
    this.typed = date || text.trim() === '' ? null : text;
    this.value = date ? toIso(date) : '';
    this.dispatchEvent(new Event('change', { bubbles: true }));
  }

  #onCancel(event: Event): void {
    event.preventDefault();
    this.hide();
  }

  /** Chromium may close a modal dialog on Escape without `cancel`. */
  #onNativeClose(): void {
    if (!this.open) return;
    this.open = false;
    this.pickButton?.focus();
  }

  #onGridKeydown(event: KeyboardEvent): void {
    const focus = this.focusDate;
    let next: Date | undefined;
    switch (event.key) {
      case 'ArrowLeft':
        next = addDays(focus, -1);
        break;
      case 'ArrowRight':
        next = addDays(focus, 1);
        break;
      case 'ArrowUp':
        next = addDays(focus, -7);
        break;
      case 'ArrowDown':
        next = addDays(focus, 7);
        break;
      case 'Home':
        next = addDays(focus, -weekdayIndex(focus));
        break;
      case 'End':
        next = addDays(focus, 6 - weekdayIndex(focus));
        break;
      case 'PageUp':
        next = addMonths(focus, event.shiftKey ? -12 : -1);
        break;
      case 'PageDown':
        next = addMonths(focus, event.shiftKey ? 12 : 1);
        break;
      case 'Enter':
      case ' ':
        event.preventDefault();
        this.#choose(focus);
        return;
      default:
        return;
    }
    event.preventDefault();
    this.focusDate = next;
  }

  /** Tab cycles: previous month, next month, the focused day. */
  #onDialogKeydown(event: KeyboardEvent): void {
    if (event.key !== 'Tab') return;
    const stops = [...this.renderRoot.querySelectorAll<HTMLElement>('dialog .nav, dialog td[tabindex="0"]')];
    const first = stops[0];
    const last = stops[stops.length - 1];
    const active = this.shadowRoot?.activeElement;
    if (!first || !last) return;
    if (event.shiftKey && active === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && active === last) {
      event.preventDefault();
      first.focus();
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'd1-date-picker': D1DatePicker;
  }
}
