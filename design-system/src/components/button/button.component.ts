import { LitElement, html, nothing, type ComplexAttributeConverter, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { LocaleController } from '../../i18n.js';
import { buttonStrings } from './button.strings.js';
import { buttonStyles } from './button.styles.js';

export type ButtonVariant = 'primary' | 'secondary' | 'danger' | 'ghost';
export type ButtonType = 'button' | 'submit' | 'reset';

/**
 * `pressed` in three states: no attribute, not a toggle button (no `aria-pressed` at all); `pressed="false"`, a toggle
 * that is off; `pressed` or any other value, a toggle that is on. A boolean attribute could not say "a toggle, off".
 */
const pressedConverter: ComplexAttributeConverter<boolean | undefined> = {
  fromAttribute: (value) => (value === null ? undefined : value !== 'false'),
  toAttribute: (value) => (value === undefined ? null : String(value)),
};

/**
 * A button with a real `<button>` inside, a visible focus ring and at least a 44 × 44 px target.
 *
 * A toggle button sets `pressed` (true or false): the inner button then carries `aria-pressed`, which screen readers
 * announce as "pressed" / "not pressed". Clicks do not flip it by themselves: the page decides what a press means (an
 * on/off setting, or one of a set such as a language switch, where pressing the current one changes nothing).
 *
 * As a form-associated element, `type="submit"` submits and `type="reset"` resets its form (its ancestor form, or
 * the one named by its `form` attribute). It is not the form's default button: Enter in a text field submits only
 * where the browser would submit a form without one.
 *
 * @summary Button in four variants, with disabled, loading and pressed (toggle) states.
 * @tagname d1-button
 * @slot - The label. An icon-only button needs `label`.
 * @csspart base - The native `<button>`.
 * @csspart label - The label's wrapper.
 * @csspart spinner - The busy indicator shown while `loading`.
 * @cssprop --d1-color-brand - Background of the primary variant (and text of the ghost one); all `--d1-` tokens apply.
 */
export class D1Button extends LitElement {
  static override styles = buttonStyles;
  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, delegatesFocus: true };
  static readonly formAssociated = true;

  /** Visual weight: `primary` for the main action, `secondary`, `danger` for destructive actions, `ghost`. */
  @property({ reflect: true }) variant: ButtonVariant = 'primary';

  /** Blocks activation and takes the button out of the tab order. */
  @property({ type: Boolean, reflect: true }) disabled = false;

  /** Shows a busy indicator, announces "Loading…" and ignores activation while keeping focus. */
  @property({ type: Boolean, reflect: true }) loading = false;

  /** `submit` or `reset` act on the button's form; `button` (the default) does nothing by itself. */
  @property({ reflect: true }) type: ButtonType = 'button';

  /** Accessible name, for a button whose visible content is only an icon. */
  @property() label = '';

  /**
   * Toggle state, as `aria-pressed`: `true` or `false` make it a toggle button; `undefined` (the default, no
   * attribute) an ordinary button. Reflected as `pressed="true"` / `pressed="false"`.
   */
  @property({ reflect: true, converter: pressedConverter }) pressed: boolean | undefined = undefined;

  /** Disabled by an ancestor `<fieldset disabled>`. */
  @state() private formDisabled = false;

  readonly #internals: ElementInternals;
  readonly #i18n = new LocaleController(this, buttonStrings);

  constructor() {
    super();
    this.#internals = this.attachInternals();
    // Capture on the host: runs before the page's own click listeners, also for host.click().
    this.addEventListener('click', this.#onClick, { capture: true });
  }

  /** The form the button submits or resets. */
  get form(): HTMLFormElement | null {
    return this.#internals.form;
  }

  /** @internal Form-associated custom element callback. */
  formDisabledCallback(disabled: boolean): void {
    this.formDisabled = disabled;
  }

  get #inactive(): boolean {
    return this.disabled || this.formDisabled || this.loading;
  }

  #onClick = (event: MouseEvent): void => {
    if (this.#inactive) {
      event.preventDefault();
      event.stopImmediatePropagation();
      return;
    }
    if (this.type === 'submit') this.#internals.form?.requestSubmit();
    else if (this.type === 'reset') this.#internals.form?.reset();
  };

  protected override render(): TemplateResult {
    return html`<button
        part="base"
        class="button"
        type="button"
        ?disabled=${this.disabled || this.formDisabled}
        aria-disabled=${this.loading ? 'true' : nothing}
        aria-label=${this.label || nothing}
        aria-pressed=${this.pressed === undefined ? nothing : String(this.pressed)}
      >
        ${this.loading ? html`<span part="spinner" class="spinner" aria-hidden="true"></span>` : nothing}
        <span part="label" class="label"><slot></slot></span>
      </button>
      <span class="visually-hidden" role="status">${this.loading ? this.#i18n.strings.loading : ''}</span>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'd1-button': D1Button;
  }
}
