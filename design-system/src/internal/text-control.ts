import type { PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { ValueControl } from './value-control.js';

/**
 * What every free-text form control shares: a string `value` submitted under `name`, length limits, read-only,
 * reset to the value it was connected with, and validity taken from the native control in its shadow root.
 */
export abstract class TextControl extends ValueControl {
  /** Minimum length; 0 for none. */
  @property({ type: Number }) minlength = 0;

  /** Maximum length; 0 for none. */
  @property({ type: Number }) maxlength = 0;

  /** The value can be read and copied but not changed. */
  @property({ type: Boolean, reflect: true }) readonly = false;

  /** The native `<input>` or `<textarea>` whose validity the control reports. */
  protected abstract override get anchor(): HTMLInputElement | HTMLTextAreaElement | undefined;

  /** The input type, for type-mismatch messages; free text has none. */
  protected get inputType(): string | undefined {
    return undefined;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const control = this.anchor;
    if (!control) return;
    this.internals.setFormValue(this.inactive ? null : this.value);
    const type = this.inputType;
    this.setValidity(control.validity, { min: this.minlength, max: this.maxlength, ...(type ? { type } : {}) });
  }
}
