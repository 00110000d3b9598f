import { LitElement, css, html, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';

/**
 * An action in a `d1-menu` (`role="menuitem"`). `d1-menu` moves focus between items; an item is never a Tab stop.
 *
 * @summary An item of d1-menu.
 * @tagname d1-menu-item
 * @slot - The item's text (and an optional icon).
 */
export class D1MenuItem extends LitElement {
  static override styles = css`
    :host {
      display: flex;
      align-items: center;
      gap: var(--d1-space-2);
      min-block-size: var(--d1-size-target);
      padding: 0 var(--d1-space-4);
      color: var(--d1-color-text);
      cursor: pointer;
      white-space: nowrap;
    }

    :host(:hover),
    :host(:focus) {
      background: var(--d1-color-surface-muted);
      outline: none;
    }

    :host(:focus-visible) {
      outline: var(--d1-focus-ring-width) solid var(--d1-color-focus-ring);
      outline-offset: calc(-1 * var(--d1-focus-ring-width));
    }

    :host([disabled]) {
      color: var(--d1-color-text-muted);
      cursor: not-allowed;
    }
  `;

  /** Sent in the menu's `d1-select` event; the item's text when empty. */
  @property({ reflect: true }) value = '';

  /** Focusable but not activatable (APG: disabled items stay reachable). */
  @property({ type: Boolean, reflect: true }) disabled = false;

  override connectedCallback(): void {
    super.connectedCallback();
    this.setAttribute('role', 'menuitem');
    this.tabIndex = -1;
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('disabled')) this.setAttribute('aria-disabled', String(this.disabled));
  }

  protected override render(): TemplateResult {
    return html`<slot></slot>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'd1-menu-item': D1MenuItem;
  }
}
