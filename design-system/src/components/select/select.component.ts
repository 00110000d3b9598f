import { css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { fieldStyles } from '../../internal/field.styles.js';
import { FormControl } from '../../internal/form-control.js';
import { OptionsController } from '../../internal/options.js';
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
export class D1Select extends FormControl {
  static override styles = [
    fieldStyles,
    css`
      slot {
        display: none;
      }
    `,
  ];

  /** The chosen option's value; empty for none. */
  @property() value = '';

  @query('select') private select?: HTMLSelectElement;

  readonly #options = new OptionsController(this);
  readonly #i18n = new LocaleController(this, selectStrings);
  #initial: string | undefined;

  protected get anchor(): HTMLSelectElement | undefined {
    return this.select;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#initial ??= this.value;
  }

  protected resetValue(): void {
    this.value = this.#initial ?? '';
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.internals.setFormValue(this.inactive || this.value === '' ? null : this.value);
    this.setValidity({ valueMissing: this.required && this.value === '' }, { missing: 'valueMissingChoice' });
  }

  protected override render(): TemplateResult {
    const known = this.#options.options.some((option) => option.value === this.value);
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
        ${this.#options.options.map(
          (option) =>
            html`<option value=${option.value} ?disabled=${option.disabled} .selected=${live(option.value === this.value)}>
              ${option.label}
            </option>`,
        )}
      </select>
      ${this.renderHint()} ${this.renderError()}
      <slot></slot>
    </div>`;
  }

  #onChange(event: Event): void {
    this.value = (event.target as HTMLSelectElement).value;
    this.touched = true;
    this.dispatchEvent(new Event('change', { bubbles: true }));
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
