import type { PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { ValueControl } from './value-control.js';
import { OptionsController, type ChoiceOption } from './options.js';

/**
 * What every one-of-many form control shares (d1-select, d1-radio-group): its choices read from light-DOM `<option>`
 * children, the chosen `value` submitted under `name`, reset to the value it was connected with, "choose one"
 * validity when `required`, and one way to record a user's choice, so that each component keeps only its markup.
 */
export abstract class ChoiceControl extends ValueControl {
  /** The chosen option's value; empty for none. */
  @property() override value = '';

  readonly #options = new OptionsController(this);

  /** The choices, in document order, as the `<option>` children give them (whitespace trimmed). */
  protected get options(): readonly ChoiceOption[] {
    return this.#options.options;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.internals.setFormValue(this.inactive || this.value === '' ? null : this.value);
    this.setValidity({ valueMissing: this.required && this.value === '' }, { missing: 'valueMissingChoice' });
  }

  /** The user chose `value` in the native control: store it, show validation from now on, and tell the page. */
  protected chosenByUser(value: string): void {
    this.value = value;
    this.touched = true;
    this.dispatchEvent(new Event('change', { bubbles: true }));
  }
}
