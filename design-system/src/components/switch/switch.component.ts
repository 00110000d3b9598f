import { css, html, nothing, type TemplateResult } from 'lit';
import { query } from 'lit/decorators.js';
import { choiceStyles } from '../../internal/choice.styles.js';
import { fieldStyles } from '../../internal/field.styles.js';
import { ToggleControl } from '../../internal/toggle-control.js';

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
export class D1Switch extends ToggleControl {
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

  @query('button') private button?: HTMLButtonElement;

  protected get anchor(): HTMLButtonElement | undefined {
    return this.button;
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
    this.toggledByUser(!this.checked);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'd1-switch': D1Switch;
  }
}
