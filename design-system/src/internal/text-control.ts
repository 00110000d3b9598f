import type { PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { FormControl } from './form-control.js';

/**
 * What every free-text form control shares: a string `value` submitted under `name`, length limits, read-only,
 * reset to the value it was connected with, and validity taken from the native control in its shadow root.
 */
export abstract class TextControl extends FormControl {
  /** The value. */
  @property() value = '';

  /** Minimum length; 0 for none. */
  @property({ type: Number }) minlength = 0;

  /** Maximum length; 0 for none. */
  @property({ type: Number }) maxlength = 0;

  /** The value can be read and copied but not changed. */
  @property({ type: Boolean, reflect: true }) readonly = false;

  #initial: string | undefined;

  /** The native `<input>` or `<textarea>` whose validity the control reports. */
  protected abstract override get anchor(): HTMLInputElement | HTMLTextAreaElement | undefined;

  /** The input type, for type-mismatch messages; free text has none. */
  protected get inputType(): string | undefined {
    return undefined;
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
    const control = this.anchor;
    if (!control) return;
    this.internals.setFormValue(this.inactive ? null : this.value);
    const type = this.inputType;
    this.setValidity(control.validity, { min: this.minlength, max: this.maxlength, ...(type ? { type } : {}) });
  }
}
