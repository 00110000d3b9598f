import { css, html, nothing, type TemplateResult } from 'lit';
import { property, query } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { choiceStyles } from '../../internal/choice.styles.js';
import { fieldStyles } from '../../internal/field.styles.js';
import { ChoiceControl } from '../../internal/choice-control.js';

/**
 * A group of radio buttons (WAI-ARIA radio group pattern, with native radios): a `<fieldset>` whose `<legend>` is
 * `label`; Tab enters the group at the checked radio, arrow keys move and check. Built from `<option>` children.
 * Form-associated.
 *
 * @summary Labelled group of radio buttons built from `<option>` children.
 * @tagname d1-radio-group
 * @slot - `<option>` elements: `value`, text and `disabled` are read; the options themselves are not shown.
 * @csspart label - The `<legend>`.
 * @csspart hint - The hint.
 * @csspart error - The validation message.
 * @fires change - The user checked another option.
 */
export class D1RadioGroup extends ChoiceControl {
  static override styles = [
    fieldStyles,
    choiceStyles,
    css`
      fieldset {
        margin: 0;
        padding: 0;
        border: 0;
        min-inline-size: 0;
      }

      .options {
        display: grid;
        justify-items: start;
      }

      :host([orientation='horizontal']) .options {
        display: flex;
        flex-wrap: wrap;
        column-gap: var(--d1-space-4);
      }

      slot {
        display: none;
      }
    `,
  ];

  /** Lay the options in a column (default) or a row. */
  @property({ reflect: true }) orientation: 'vertical' | 'horizontal' = 'vertical';

  @query('input') private first?: HTMLInputElement;

  protected get anchor(): HTMLInputElement | undefined {
    return (this.renderRoot.querySelector('input:checked') as HTMLInputElement | null) ?? this.first;
  }

  protected override render(): TemplateResult {
    return html`<fieldset
      class="field"
      ?disabled=${this.inactive}
      aria-describedby=${this.describedBy || nothing}
      aria-invalid=${this.showError ? 'true' : nothing}
    >
      <legend part="label">${this.label}${this.renderRequiredMark()}</legend>
      <div class="options">
        ${this.options.map(
          (option) => html`<label class="row ${this.inactive || option.disabled ? 'inactive' : ''}">
            <input
              type="radio"
              name="choice"
              value=${option.value}
              .checked=${live(option.value === this.value)}
              ?disabled=${option.disabled}
              ?required=${this.required}
              @change=${this.#onChange}
            />
            <span>${option.label}</span>
          </label>`,
        )}
      </div>
      ${this.renderHint()} ${this.renderError()}
      <slot></slot>
    </fieldset>`;
  }

  #onChange(event: Event): void {
    this.chosenByUser((event.target as HTMLInputElement).value);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'd1-radio-group': D1RadioGroup;
  }
}
