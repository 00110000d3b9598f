import type { PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { FormControl } from './form-control.js';

/**
 * What every on/off form control shares (d1-checkbox, d1-switch): `checked`, the `value` submitted under `name` while
 * checked, reset to the state it was connected with, "check this" validity when `required`, and one way to record a
 * user's toggle, so that each component keeps only its markup and keyboard.
 */
export abstract class ToggleControl extends FormControl {
  /** Checked (on). */
  @property({ type: Boolean, reflect: true }) checked = false;

  /** The value submitted when checked (on). */
  @property() value = 'on';

  #initial: boolean | undefined;

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

  /** The user set the control to `checked`: store it, show validation from now on, and tell the page (`change`). */
  protected toggledByUser(checked: boolean): void {
    this.checked = checked;
    this.touched = true;
    this.dispatchEvent(new Event('change', { bubbles: true }));
  }
}
