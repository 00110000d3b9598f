import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { LocaleController } from '../../i18n.js';
import { progressStrings } from './progress.strings.js';

/**
 * A progress bar (`role="progressbar"`) with a visible label and the percentage formatted for the locale
 * ("45 %" in Finnish and Swedish, "45%" in English). Without `value` it is indeterminate.
 *
 * @summary Determinate or indeterminate progress bar with a localized percentage.
 * @tagname d1-progress
 * @csspart label - The label row.
 * @csspart track - The track.
 * @csspart indicator - The filled part.
 */
export class D1Progress extends LitElement {
  static override styles = css`
    :host {
      display: block;
      color: var(--d1-color-text);
    }

    .label {
      display: flex;
      justify-content: space-between;
      gap: var(--d1-space-2);
      margin-block-end: var(--d1-space-1);
      font-size: var(--d1-font-size-sm);
    }

    .track {
      block-size: 0.5rem;
      border-radius: var(--d1-radius-pill);
      background: var(--d1-color-surface-muted);
      outline: var(--d1-border-width) solid var(--d1-color-border-strong);
      overflow: hidden;
    }

    .indicator {
      block-size: 100%;
      background: var(--d1-color-brand);
      border-radius: inherit;
      transition: inline-size var(--d1-duration-normal) var(--d1-easing-standard);
    }

    .indeterminate .indicator {
      inline-size: 30%;
      animation: slide var(--d1-duration-loop) ease-in-out infinite alternate;
    }

    @keyframes slide {
      from {
        margin-inline-start: 0;
      }
      to {
        margin-inline-start: 70%;
      }
    }
  `;

  /** Progress from 0 to `max`; unset (`null`) for indeterminate. */
  @property({ type: Number }) value: number | null = null;

  /** The value that means done. */
  @property({ type: Number }) max = 100;

  /** What is progressing ("Uploading the report"); a localized "Progress" when empty. */
  @property() label = '';

  readonly #i18n = new LocaleController(this, progressStrings);

  /**
   * The indicator's width goes through CSSOM: a page whose Content Security Policy refuses inline styles (the
   * shell's does) refuses a `style` attribute, which is what a template binding would write.
   */
  protected override updated(): void {
    const indicator = this.renderRoot.querySelector<HTMLElement>('.indicator');
    const fraction = this.#fraction();
    if (indicator) indicator.style.inlineSize = fraction === undefined ? '' : `${fraction * 100}%`;
  }

  /** How much is done, 0…1; undefined while indeterminate. */
  #fraction(): number | undefined {
    const determinate = typeof this.value === 'number' && Number.isFinite(this.value) && this.max > 0;
    return determinate ? Math.min(1, Math.max(0, (this.value as number) / this.max)) : undefined;
  }

  protected override render(): TemplateResult {
    const determinate = this.#fraction() !== undefined;
    const fraction = this.#fraction() ?? 0;
    const percent = new Intl.NumberFormat(this.#i18n.locale, { style: 'percent' }).format(fraction);
    const label = this.label || this.#i18n.strings.progress;
    return html`<div part="label" class="label">
        <span id="label">${label}</span>${determinate ? html`<span aria-hidden="true">${percent}</span>` : nothing}
      </div>
      <div
        part="track"
        class="track ${determinate ? '' : 'indeterminate'}"
        role="progressbar"
        aria-labelledby="label"
        aria-valuemin=${determinate ? 0 : nothing}
        aria-valuemax=${determinate ? 100 : nothing}
        aria-valuenow=${determinate ? Math.round(fraction * 100) : nothing}
        aria-valuetext=${determinate ? percent : nothing}
      >
        <div part="indicator" class="indicator"></div>
      </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'd1-progress': D1Progress;
  }
}
