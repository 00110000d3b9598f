import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { LocaleController } from '../i18n.js';
import { format, validationStrings } from './validation.strings.js';

/** Which localized message a failing control shows. */
export type ValueMissingKind = 'valueMissing' | 'valueMissingChoice' | 'valueMissingCheck';

/**
 * Base of the form-associated controls: label, `name`, `required`, `disabled`, form value and validity through
 * `ElementInternals`, and a localized validation message shown once the user has left the control or submitted
 * its form (not while typing the first time).
 *
 * @csspart label - The `<label>` (or legend).
 * @csspart hint - The hint under the control.
 * @csspart error - The validation message.
 */
export abstract class FormControl extends LitElement {
  static readonly formAssociated = true;
  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, delegatesFocus: true };

  /** The visible label, rendered as a real `<label>`. Required for an accessible name. */
  @property() label = '';

  /** Name of the value in the form's data. */
  @property({ reflect: true }) name = '';

  /** Help text under the control, read with it. */
  @property() hint = '';

  /** The form cannot be submitted without a value. */
  @property({ type: Boolean, reflect: true }) required = false;

  /** The control cannot be used, and its value is not submitted. */
  @property({ type: Boolean, reflect: true }) disabled = false;

  /** Disabled by an ancestor `<fieldset disabled>`. */
  @state() protected formDisabled = false;

  /** The user has left the control or tried to submit: show the validation message. */
  @state() protected touched = false;

  protected readonly internals: ElementInternals;
  protected readonly validationI18n = new LocaleController(this, validationStrings);

  constructor() {
    super();
    this.internals = this.attachInternals();
    this.addEventListener('invalid', () => {
      this.touched = true;
    });
  }

  /** Also waits for the render that shows a changed validation message. */
  protected override async getUpdateComplete(): Promise<boolean> {
    let settled = await super.getUpdateComplete();
    while (!settled) settled = await super.getUpdateComplete();
    return settled;
  }

  /** The control's form. */
  get form(): HTMLFormElement | null {
    return this.internals.form;
  }

  /** The control's validity. */
  get validity(): ValidityState {
    return this.internals.validity;
  }

  /** The localized validation message, empty when valid. */
  get validationMessage(): string {
    return this.internals.validationMessage;
  }

  /** Whether the control is valid; fires `invalid` when not. */
  checkValidity(): boolean {
    return this.internals.checkValidity();
  }

  /** Like `checkValidity`, and shows the message. */
  reportValidity(): boolean {
    this.touched = true;
    return this.internals.reportValidity();
  }

  /** @internal */
  formDisabledCallback(disabled: boolean): void {
    this.formDisabled = disabled;
  }

  /** @internal */
  formResetCallback(): void {
    this.touched = false;
    this.resetValue();
  }

  protected get inactive(): boolean {
    return this.disabled || this.formDisabled;
  }

  /** Puts the value back to its initial one (the form was reset). */
  protected abstract resetValue(): void;

  /** The focusable element that validation messages point at. */
  protected abstract get anchor(): HTMLElement | null | undefined;

  /** Sets the form value and the validity from `flags`, with the localized message. */
  protected setValidity(
    flags: ValidityStateFlags,
    limits: { min?: number; max?: number; type?: string; missing?: ValueMissingKind; custom?: string } = {},
  ): void {
    const s = this.validationI18n.strings;
    let message = '';
    if (flags.valueMissing) message = s[limits.missing ?? 'valueMissing'];
    else if (flags.typeMismatch) message = limits.type === 'url' ? s.typeMismatchUrl : s.typeMismatchEmail;
    else if (flags.tooShort) message = format(s.tooShort, { min: limits.min ?? 0 });
    else if (flags.tooLong) message = format(s.tooLong, { max: limits.max ?? 0 });
    else if (flags.patternMismatch) message = s.patternMismatch;
    else if (flags.customError && limits.custom) message = limits.custom;
    else if (flags.badInput || flags.customError) message = s.badInput;
    const anchor = this.anchor ?? undefined;
    const shown = this.internals.validationMessage;
    if (message) this.internals.setValidity(flags, message, anchor);
    else this.internals.setValidity({});
    // The message is rendered: render again when it changed (a new value, or the locale).
    if (message !== shown) this.requestUpdate();
  }

  /** Whether to show the message now. */
  protected get showError(): boolean {
    return this.touched && !this.inactive && this.internals.validationMessage !== '';
  }

  protected renderHint(): TemplateResult | typeof nothing {
    return this.hint ? html`<div id="hint" part="hint" class="hint">${this.hint}</div>` : nothing;
  }

  /** The message, in a live region so that it is announced when it appears. */
  protected renderError(): TemplateResult {
    return html`<div id="error" part="error" class="error" aria-live="polite">
      ${this.showError
        ? html`<span class="visually-hidden">${this.validationI18n.strings.errorPrefix} </span>${this.internals.validationMessage}`
        : nothing}
    </div>`;
  }

  /** `aria-describedby` for the control: hint and message. */
  protected get describedBy(): string {
    return [this.hint ? 'hint' : '', this.showError ? 'error' : ''].filter(Boolean).join(' ');
  }

  protected renderRequiredMark(): TemplateResult | typeof nothing {
    return this.required ? html`<span class="required" aria-hidden="true">*</span>` : nothing;
  }
}
