import { html, nothing, type TemplateResult } from 'lit';
import { property, query } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { TextControl } from '../../internal/text-control.js';
import { fieldStyles } from '../../internal/field.styles.js';

export type TextFieldType = 'text' | 'email' | 'tel' | 'url' | 'password' | 'search';

/**
 * A single-line text field: a real `<label>` and `<input>`, hint and a localized validation message that appears
 * once the user leaves the field or submits the form. Form-associated: its `value` is submitted under `name`.
 *
 * @summary Labelled text input with hint, validation and form participation.
 * @tagname d1-text-field
 * @csspart label - The `<label>`.
 * @csspart input - The native `<input>`.
 * @csspart hint - The hint.
 * @csspart error - The validation message.
 * @fires change - The user committed a new value (bubbles, like a native input's).
 * @fires input - Each edit (the inner input's composed event).
 */
export class D1TextField extends TextControl {
  static override styles = fieldStyles;

  /** Kind of text, for validation and the on-screen keyboard. */
  @property({ reflect: true }) type: TextFieldType = 'text';

  /** An example of the expected input (never a replacement for `label`). */
  @property() placeholder = '';

  /** Browser autofill hint, e.g. `email`, `given-name`. */
  @property() autocomplete = '';

  /** Pattern the whole value must match (a JavaScript regular expression without slashes). */
  @property() pattern = '';

  @query('input') private input?: HTMLInputElement;

  protected override get anchor(): HTMLInputElement | undefined {
    return this.input;
  }

  protected override get inputType(): string {
    return this.type;
  }

  protected override render(): TemplateResult {
    return html`<div class="field">
      <label part="label" for="control">${this.label}${this.renderRequiredMark()}</label>
      <input
        id="control"
        part="input"
        class="box"
        type=${this.type}
        name=${this.name || nothing}
        .value=${live(this.value)}
        placeholder=${this.placeholder || nothing}
        autocomplete=${this.autocomplete || nothing}
        pattern=${this.pattern || nothing}
        minlength=${this.minlength > 0 ? this.minlength : nothing}
        maxlength=${this.maxlength > 0 ? this.maxlength : nothing}
        ?required=${this.required}
        ?disabled=${this.inactive}
        ?readonly=${this.readonly}
        aria-invalid=${this.showError ? 'true' : 'false'}
        aria-describedby=${this.describedBy || nothing}
        @input=${this.#onInput}
        @change=${this.#onChange}
        @blur=${this.#onBlur}
      />
      ${this.renderHint()} ${this.renderError()}
    </div>`;
  }

  #onInput(event: Event): void {
    this.value = (event.target as HTMLInputElement).value;
  }

  #onChange(): void {
    this.dispatchEvent(new Event('change', { bubbles: true }));
  }

  #onBlur(): void {
    this.touched = true;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'd1-text-field': D1TextField;
  }
}
