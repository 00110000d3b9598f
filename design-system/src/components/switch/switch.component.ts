import { css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query } from 'lit/decorators.js';
import { choiceStyles } from '../../internal/choice.styles.js';
import { fieldStyles } from '../../internal/field.styles.js';
import { FormControl } from '../../internal/form-control.js';

/**
 * An on/off switch for a setting that applies at once (WAI-ARIA switch pattern): a `<button role="switch">` with
 * `aria-checked`, labelled by a real `<label>`; Space and Enter toggle it. Form-associated: submits `value` under
 * `name` when on.
 *
 * @summary On/off switch for settings that apply immediately.
 * @tagname d1-switch
 * @csspart label - The `<label>`.
 * @csspart control - The `<button role="switch">`.
 * @csspart track - The track.
 * @csspart thumb - The moving thumb.
 * @csspart hint - The hint.
 * @fires change - The user toggled the switch.
 */
export class D1Switch extends FormControl {
  static override styles = [
    fieldStyles,
    choiceStyles,
    css`
      .control {
        flex: none;
        display: inline-flex;
        align-items: center;
        min-block-size: var(--d1-size-target);
        padding: 0;
        border: 0;
        background: none;
        cursor: pointer;
        color: inherit;
      }

      .track {
        display: inline-flex;
        align-items: center;
        inline-size: 2.75rem;
        block-size: 1.5rem;
        padding: 2px;
        border: 2px solid var(--d1-color-border-strong);
        border-radius: var(--d1-radius-pill);
        background: var(--d1-color-surface);
        box-sizing: border-box;
        transition: background-color var(--d1-duration-fast) var(--d1-easing-standard);
      }

      .thumb {
        inline-size: 1rem;
        block-size: 1rem;
        border-radius: 50%;
        background: var(--d1-color-border-strong);
        transition: transform var(--d1-duration-fast) var(--d1-easing-standard);
      }

      .control[aria-checked='true'] .track {
        background: var(--d1-color-brand);
        border-color: var(--d1-color-brand);
      }

      .control[aria-checked='true'] .thumb {
        background: var(--d1-color-on-brand);
        transform: translateX(1.25rem);
      }

      :host(:dir(rtl)) .control[aria-checked='true'] .thumb {
        transform: translateX(-1.25rem);
      }

      .control:focus-visible {
        outline: var(--d1-focus-ring-width) solid var(--d1-color-focus-ring);
        outline-offset: var(--d1-focus-ring-offset);
      }

      .control:disabled {
        cursor: not-allowed;
      }
    `,
  ];

  /** On. */
  @property({ type: Boolean, reflect: true }) checked = false;

  /** The value submitted when on. */
  @property() value = 'on';

  @query('button') private button?: HTMLButtonElement;

  #initial: boolean | undefined;

  protected get anchor(): HTMLButtonElement | undefined {
    return this.button;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#initial ??= this.checked;
  }

  protected resetValue(): void {
    this.checked = this.#initial ?? false;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.internals.setFormValue(this.checked && !this.inactive ? this.value : null);
    this.setValidity({ valueMissing: this.required && !this.checked }, { missing: 'valueMissingCheck' });
  }

  protected override render(): TemplateResult {
    return html`<div class="field">
      <div class="row ${this.inactive ? 'inactive' : ''}">
        <button
          id="control"
          part="control"
          class="control"
          type="button"
          role="switch"
          aria-checked=${this.checked ? 'true' : 'false'}
          aria-required=${this.required ? 'true' : nothing}
          aria-describedby=${this.describedBy || nothing}
          ?disabled=${this.inactive}
          @click=${this.#toggle}
        >
          <span part="track" class="track"><span part="thumb" class="thumb"></span></span>
        </button>
        <label part="label" for="control">${this.label}${this.renderRequiredMark()}</label>
      </div>
      ${this.renderHint()} ${this.renderError()}
    </div>`;
  }

  #toggle(): void {
    this.checked = !this.checked;
    this.touched = true;
    this.dispatchEvent(new Event('change', { bubbles: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'd1-switch': D1Switch;
  }
}
