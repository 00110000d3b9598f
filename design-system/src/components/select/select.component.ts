import { css, html, nothing, type TemplateResult } from 'lit';
import { query } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { fieldStyles } from '../../internal/field.styles.js';
import { ChoiceControl } from '../../internal/choice-control.js';
import { LocaleController } from '../../i18n.js';
import { selectStrings } from './select.strings.js';

/**
 * A drop-down choice: a native `<select>` (the platform's own keyboard and mobile pickers) with a real `<label>`,
 * built from the element's `<option>` children. Without a `value`, the first entry is a localized "Choose…"
 * (submitting nothing, so `required` can fail). Form-associated.
 *
 * @summary Labelled drop-down select built from `<option>` children.
 * @tagname d1-select
 * @slot - `<option>` elements: `value`, text and `disabled` are read; the options themselves are not shown.
 * @csspart label - The `<label>`.
 * @csspart select - The native `<select>`.
 * @csspart hint - The hint.
 * @csspart error - The validation message.
 * @fires change - The user chose an option.
 */
export class D1Select extends ChoiceControl {
  static override styles = [
    fieldStyles,
    css`
      slot {
        display: none;
      }
    `,
  ];

  @query('select') private select?: HTMLSelectElement;

  readonly #i18n = new LocaleController(this, selectStrings);

  protected get anchor(): HTMLSelectElement | undefined {
    return this.select;
  }

  protected override render(): TemplateResult {
    const known = this.options.some((option) => option.value === this.value);
    return html`<div class="field">
      <label part="label" for="control">${this.label}${this.renderRequiredMark()}</label>
      <select
        id="control"
        part="select"
        class="box"
        ?required=${this.required}
        ?disabled=${this.inactive}
        aria-invalid=${this.showError ? 'true' : 'false'}
        aria-describedby=${this.describedBy || nothing}
        @change=${this.#onChange}
        @blur=${this.#onBlur}
      >
        ${known ? nothing : html`<option value="" ?selected=${!known}>${this.#i18n.strings.choose}</option>`}
        ${this.options.map(
          // No whitespace around the label: it would be part of the native option's text.
          (option) =>
            html`<option value=${option.value} ?disabled=${option.disabled} .selected=${live(option.value === this.value)}
              >${option.label}</option
            >`,
        )}
      </select>
      ${this.renderHint()} ${this.renderError()}
      <slot></slot>
    </div>`;
  }

  #onChange(event: Event): void {
    this.chosenByUser((event.target as HTMLSelectElement).value);
  }

  #onBlur(): void {
    this.touched = true;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'd1-select': D1Select;
  }
}
