import { LitElement, css, html, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';

export type BadgeVariant = 'neutral' | 'info' | 'success' | 'warning' | 'danger' | 'accent';

/**
 * A short label or count beside something (“3 new”, “Late”). Its text is its meaning: colour only repeats it. For
 * a bare count, give `label` (e.g. "3 unread messages") so that the number is not read alone.
 *
 * @summary Small status label or count in six colours.
 * @tagname d1-badge
 * @slot - The text.
 * @csspart base - The badge.
 * @cssprop --d1-color-accent - Background of the `accent` variant (a tenant theme sets it).
 */
export class D1Badge extends LitElement {
  static override styles = css`
    :host {
      display: inline-block;
      vertical-align: middle;
    }

    :host([hidden]) {
      display: none;
    }

    .badge {
      --_background: var(--d1-color-surface-muted);
      --_color: var(--d1-color-text);

      display: inline-flex;
      align-items: center;
      min-inline-size: 1.5em;
      justify-content: center;
      padding: 0.125rem var(--d1-space-2);
      border: var(--d1-border-width) solid transparent;
      border-radius: var(--d1-radius-pill);
      background: var(--_background);
      color: var(--_color);
      font-size: var(--d1-font-size-sm);
      font-weight: var(--d1-font-weight-semibold);
      line-height: var(--d1-line-height-tight);
      white-space: nowrap;
    }

    :host([variant='info']) .badge {
      --_background: var(--d1-color-info-surface);
      --_color: var(--d1-color-info-text);
    }

    :host([variant='success']) .badge {
      --_background: var(--d1-color-success-surface);
      --_color: var(--d1-color-success-text);
    }

    :host([variant='warning']) .badge {
      --_background: var(--d1-color-warning-surface);
      --_color: var(--d1-color-warning-text);
    }

    :host([variant='danger']) .badge {
      --_background: var(--d1-color-danger-surface);
      --_color: var(--d1-color-danger-text);
    }

    :host([variant='accent']) .badge {
      --_background: var(--d1-color-accent);
      --_color: var(--d1-color-on-accent);
    }
  `;

  /** Colour: `neutral`, `info`, `success`, `warning`, `danger` or `accent` (the tenant's). */
  @property({ reflect: true }) variant: BadgeVariant = 'neutral';

  /** Accessible text replacing the visible one, for counts and abbreviations. */
  @property() label = '';

  protected override render(): TemplateResult {
    return this.label
      ? html`<span part="base" class="badge" role="img" aria-label=${this.label}><slot aria-hidden="true"></slot></span>`
      : html`<span part="base" class="badge"><slot></slot></span>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'd1-badge': D1Badge;
  }
}
