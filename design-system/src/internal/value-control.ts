import { property } from 'lit/decorators.js';
import { FormControl } from './form-control.js';

/**
 * A form control whose value is one string (free text, or one choice of many): `value`, and a form reset that
 * restores the value the control had when it was first connected.
 */
export abstract class ValueControl extends FormControl {
  /** The value. */
  @property() value = '';

  #initial: string | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    this.#initial ??= this.value;
  }

  protected resetValue(): void {
    this.value = this.#initial ?? '';
  }
}
