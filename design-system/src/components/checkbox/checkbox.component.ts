import { html, nothing, type TemplateResult } from 'lit';
import { property, query } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { choiceStyles } from '../../internal/choice.styles.js';
import { fieldStyles } from '../../internal/field.styles.js';
import { ToggleControl } from '../../internal/toggle-control.js';

/**
 * A checkbox: a native `<input type="checkbox">` inside its `<label>`, so the label text toggles it too; Space
 * toggles from the keyboard. Form-associated: submits `value` under `name` when checked.
 *
 * @summary Labelled checkbox, optionally indeterminate or required.
 * @tagname d1-checkbox
 * @csspart label - The `<label>` row.
 * @csspart control - The native checkbox.
 * @csspart hint - The hint.
 * @csspart error - The validation message.
 * @fires change - The user toggled the checkbox.
 */
export class D1Checkbox extends ToggleControl {
  static override styles = [fieldStyles, choiceStyles];

  /** Shown as neither checked nor unchecked (e.g. "select all" with some selected), until toggled. */
  @property({ type: Boolean, reflect: true }) indeterminate = false;

  @query('input') private input?: HTMLInputElement;

  protected get anchor(): HTMLInputElement | undefined {
    return this.input;
  }

  protected override render(): TemplateResult {
    return html`<div class="field">
      <label part="label" class="row ${this.inactive ? 'inactive' : ''}">
        <input
          part="control"
          type="checkbox"
          .checked=${live(this.checked)}
          .indeterminate=${this.indeterminate}
          ?required=${this.required}
          ?disabled=${this.inactive}
          aria-invalid=${this.showError ? 'true' : 'false'}
          aria-describedby=${this.describedBy || nothing}
          @change=${this.#onChange}
        />
        <span>${this.label}${this.renderRequiredMark()}</span>
      </label>
      ${this.renderHint()} ${this.renderError()}
    </div>`;
  }

  #onChange(event: Event): void {
    this.indeterminate = false;
    this.toggledByUser((event.target as HTMLInputElement).checked);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'd1-checkbox': D1Checkbox;
  }
}
