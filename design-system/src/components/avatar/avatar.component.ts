import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { LocaleController, defineStrings } from '../../i18n.js';

/** No built-in text: the name is the content. The table keeps the locale for upper-casing initials. */
const noStrings = defineStrings({ en: {}, fi: {}, sv: {} });

/** The initials of a name: the first letters of its first and last words ("Aino-Maria Virtanen" → "AV"). */
export function initials(name: string, locale = 'fi'): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const first = words[0];
  const last = words.length > 1 ? words[words.length - 1] : undefined;
  const letter = (word: string | undefined): string => (word ? ([...word][0] ?? '') : '');
  return (letter(first) + letter(last)).toLocaleUpperCase(locale);
}

/**
 * A person's picture, or their initials when there is none (or it fails to load). `role="img"` named by `name`;
 * `decorative` hides it when the name is written beside it anyway.
 *
 * @summary Picture or initials of a person, named for assistive technology.
 * @tagname d1-avatar
 * @csspart base - The circle.
 * @cssprop --d1-avatar-size - Diameter (`size` sets 2rem, 2.5rem or 3.5rem).
 */
export class D1Avatar extends LitElement {
  static override styles = css`
    :host {
      --d1-avatar-size: 2.5rem;
      display: inline-block;
      vertical-align: middle;
    }

    :host([size='sm']) {
      --d1-avatar-size: 2rem;
    }

    :host([size='lg']) {
      --d1-avatar-size: 3.5rem;
    }

    .base {
      display: inline-grid;
      place-items: center;
      inline-size: var(--d1-avatar-size);
      block-size: var(--d1-avatar-size);
      border-radius: 50%;
      overflow: hidden;
      background: var(--d1-color-accent);
      color: var(--d1-color-on-accent);
      font-size: calc(var(--d1-avatar-size) * 0.4);
      font-weight: var(--d1-font-weight-semibold);
      line-height: 1;
      user-select: none;
    }

    img {
      inline-size: 100%;
      block-size: 100%;
      object-fit: cover;
    }
  `;

  /** The person's name: the accessible name, and the source of the initials. */
  @property() name = '';

  /** URL of a picture; initials show when empty or when it fails to load. */
  @property() image = '';

  /** `sm`, `md` or `lg`. */
  @property({ reflect: true }) size: 'sm' | 'md' | 'lg' = 'md';

  /** Hidden from assistive technology, for an avatar beside the written name. */
  @property({ type: Boolean, reflect: true }) decorative = false;

  @state() private failed = false;

  readonly #i18n = new LocaleController(this, noStrings);

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('image')) this.failed = false;
  }

  protected override render(): TemplateResult {
    const picture = this.image && !this.failed;
    return html`<span
      part="base"
      class="base"
      role=${this.decorative ? nothing : 'img'}
      aria-label=${this.decorative ? nothing : this.name}
      aria-hidden=${this.decorative ? 'true' : nothing}
    >
      ${picture
        ? html`<img src=${this.image} alt="" @error=${() => (this.failed = true)} />`
        : html`<span aria-hidden="true">${initials(this.name, this.#i18n.locale)}</span>`}
    </span>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'd1-avatar': D1Avatar;
  }
}
