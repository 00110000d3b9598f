import { LitElement, css, html, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';

/**
 * A list of `d1-list-item`s (`role="list"`), separated by dividers. Put links or buttons inside items for actions:
 * the list itself is not a widget, so Tab reaches each control in order.
 *
 * @summary List of items with dividers.
 * @tagname d1-list
 * @slot - `d1-list-item` elements.
 */
export class D1List extends LitElement {
  static override styles = css`
    :host {
      display: block;
      border-block: var(--d1-border-width) solid var(--d1-color-border);
    }

    ::slotted(d1-list-item:not(:last-child)) {
      border-block-end: var(--d1-border-width) solid var(--d1-color-border);
    }
  `;

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.hasAttribute('role')) this.setAttribute('role', 'list');
  }

  protected override render(): TemplateResult {
    return html`<slot></slot>`;
  }
}

/**
 * An item of `d1-list` (`role="listitem"`): leading media, a primary line, a supporting line and trailing content.
 *
 * @summary An item of d1-list.
 * @tagname d1-list-item
 * @slot - The primary text.
 * @slot start - Leading media: an avatar or icon.
 * @slot supporting - A second, muted line.
 * @slot end - Trailing content: a badge, a time, an action.
 * @csspart base - The row.
 */
export class D1ListItem extends LitElement {
  static override styles = css`
    :host {
      display: block;
      color: var(--d1-color-text);
    }

    .base {
      display: flex;
      align-items: center;
      gap: var(--d1-space-3);
      min-block-size: var(--d1-size-target);
      padding: var(--d1-space-2) var(--d1-space-1);
    }

    .text {
      flex: 1;
      min-inline-size: 0;
      overflow-wrap: anywhere;
    }

    .supporting {
      display: block;
      color: var(--d1-color-text-muted);
      font-size: var(--d1-font-size-sm);
    }

    .supporting:empty {
      display: none;
    }
  `;

  /** Unused by the item itself: a key for the page's own bookkeeping. */
  @property({ reflect: true }) value = '';

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.hasAttribute('role')) this.setAttribute('role', 'listitem');
  }

  protected override render(): TemplateResult {
    return html`<div part="base" class="base">
      <slot name="start"></slot>
      <div class="text"><slot></slot><span class="supporting"><slot name="supporting"></slot></span></div>
      <slot name="end"></slot>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'd1-list': D1List;
    'd1-list-item': D1ListItem;
  }
}
