import { css, html, nothing, type TemplateResult } from 'lit';
import { property, query } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { TextControl } from '../../internal/text-control.js';
import { fieldStyles } from '../../internal/field.styles.js';

/**
 * A multi-line text field: a real `<label>` and `<textarea>`, hint and localized validation. Form-associated.
 *
 * @summary Labelled multi-line text input with validation.
 * @tagname d1-textarea
 * @csspart label - The `<label>`.
 * @csspart textarea - The native `<textarea>`.
 * @csspart hint - The hint.
 * @csspart error - The validation message.
 * @fires change - The user committed a new value.
 * @fires input - Each edit.
 */
export class D1Textarea extends TextControl {
  static override styles = [
    fieldStyles,
    css`
      textarea {
        resize: vertical;
      }
    `,
  ];

  /** Visible rows of text. */
  @property({ type: Number }) rows = 4;

  @query('textarea') private textarea?: HTMLTextAreaElement;

  protected override get anchor(): HTMLTextAreaElement | undefined {
    return this.textarea;
  }

  protected override render(): TemplateResult {
    return html`<div class="field">
      <label part="label" for="control">${this.label}${this.renderRequiredMark()}</label>
      <textarea
        id="control"
        part="textarea"
        class="box"
        rows=${this.rows}
        .value=${live(this.value)}
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
      ></textarea>
      ${this.renderHint()} ${this.renderError()}
    </div>`;
  }

  #onInput(event: Event): void {
    this.value = (event.target as HTMLTextAreaElement).value;
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
    'd1-textarea': D1Textarea;
  }
}
