import { LitElement, css, html, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { D1SelectEvent } from '../../events/select.js';
import { D1MenuItem } from './menu-item.component.js';

/**
 * A menu button (WAI-ARIA menu button pattern): a button with `aria-haspopup="menu"` and `aria-expanded` that opens
 * a `role="menu"` of `d1-menu-item`s. Enter, Space or Down open it on the first item, Up on the last; in the menu,
 * Up/Down move (wrapping), Home/End jump, a letter jumps to the next item starting with it, Enter/Space activate,
 * Escape closes and returns focus to the button, Tab closes and moves on.
 *
 * @summary Menu button with a keyboard-operable menu of actions.
 * @tagname d1-menu
 * @slot - `d1-menu-item` elements.
 * @csspart trigger - The menu button.
 * @csspart menu - The `role="menu"` popup.
 * @fires {D1SelectEvent} d1-select - The user activated an item; `value` is its value.
 */
export class D1Menu extends LitElement {
  static override styles = css`
    :host {
      display: inline-block;
      position: relative;
    }

    .trigger {
      display: inline-flex;
      align-items: center;
      gap: var(--d1-space-2);
      min-block-size: var(--d1-size-target);
      padding: var(--d1-space-2) var(--d1-space-4);
      border: var(--d1-border-width) solid var(--d1-color-border-strong);
      border-radius: var(--d1-radius-md);
      background: var(--d1-color-surface);
      color: var(--d1-color-text);
      font: inherit;
      font-weight: var(--d1-font-weight-semibold);
      cursor: pointer;
    }

    .trigger:hover {
      background: var(--d1-color-surface-muted);
    }

    .trigger:focus-visible {
      outline: var(--d1-focus-ring-width) solid var(--d1-color-focus-ring);
      outline-offset: var(--d1-focus-ring-offset);
    }

    [role='menu'] {
      position: absolute;
      inset-block-start: calc(100% + var(--d1-space-1));
      inset-inline-start: 0;
      z-index: 100;
      min-inline-size: max(100%, 12rem);
      padding-block: var(--d1-space-1);
      border: var(--d1-border-width) solid var(--d1-color-border-strong);
      border-radius: var(--d1-radius-md);
      background: var(--d1-color-surface);
      box-shadow: var(--d1-shadow-2);
    }

    :host([placement='end']) [role='menu'] {
      inset-inline: auto 0;
    }

    [role='menu'][hidden] {
      display: none;
    }
  `;

  /** The button's text, which also names the menu. */
  @property() label = '';

  /** Open. */
  @property({ type: Boolean, reflect: true }) open = false;

  /** Align the menu with the button's `start` (default) or `end` edge. */
  @property({ reflect: true }) placement: 'start' | 'end' = 'start';

  @state() private items: D1MenuItem[] = [];
  @query('.trigger') private trigger?: HTMLButtonElement;

  protected override render(): TemplateResult {
    return html`<button
        id="trigger"
        part="trigger"
        class="trigger"
        type="button"
        aria-haspopup="menu"
        aria-expanded=${this.open ? 'true' : 'false'}
        aria-controls="menu"
        @click=${this.#onTriggerClick}
        @keydown=${this.#onTriggerKeydown}
      >
        ${this.label}<span aria-hidden="true">▾</span>
      </button>
      <div
        id="menu"
        part="menu"
        role="menu"
        aria-labelledby="trigger"
        ?hidden=${!this.open}
        @keydown=${this.#onMenuKeydown}
        @click=${this.#onMenuClick}
        @focusout=${this.#onFocusOut}
      >
        <slot @slotchange=${this.#onSlotChange}></slot>
      </div>`;
  }

  /** Opens the menu and focuses the first (or `last`) item. */
  async show(focus: 'first' | 'last' = 'first'): Promise<void> {
    this.open = true;
    await this.updateComplete;
    (focus === 'first' ? this.items[0] : this.items[this.items.length - 1])?.focus();
  }

  /** Closes the menu; `returnFocus` puts focus back on the button. */
  hide(returnFocus = true): void {
    this.open = false;
    if (returnFocus) this.trigger?.focus();
  }

  #onSlotChange(event: Event): void {
    this.items = (event.target as HTMLSlotElement)
      .assignedElements()
      .filter((element): element is D1MenuItem => element instanceof D1MenuItem);
  }

  #onTriggerClick(): void {
    if (this.open) this.hide();
    else void this.show();
  }

  #onTriggerKeydown(event: KeyboardEvent): void {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      void this.show(event.key === 'ArrowDown' ? 'first' : 'last');
    }
    // Enter and Space reach #onTriggerClick as the button's click.
  }

  #focusAt(index: number): void {
    const count = this.items.length;
    if (count === 0) return;
    this.items[((index % count) + count) % count]?.focus();
  }

  #onMenuKeydown(event: KeyboardEvent): void {
    const current = this.items.indexOf(event.target as D1MenuItem);
    switch (event.key) {
      case 'ArrowDown':
        this.#focusAt(current + 1);
        break;
      case 'ArrowUp':
        this.#focusAt(current - 1);
        break;
      case 'Home':
        this.#focusAt(0);
        break;
      case 'End':
        this.#focusAt(this.items.length - 1);
        break;
      case 'Escape':
        this.hide();
        break;
      case 'Tab':
        this.open = false;
        return;
      case 'Enter':
      case ' ':
        if (current >= 0) this.#activate(this.items[current]!);
        break;
      default:
        if (event.key.length === 1 && /\S/.test(event.key)) this.#typeAhead(event.key, current);
        else return;
    }
    event.preventDefault();
  }

  #typeAhead(char: string, current: number): void {
    const wanted = char.toLocaleLowerCase();
    const count = this.items.length;
    for (let step = 1; step <= count; step++) {
      const item = this.items[(current + step) % count];
      if (item?.textContent?.trim().toLocaleLowerCase().startsWith(wanted)) {
        item.focus();
        return;
      }
    }
  }

  #onMenuClick(event: Event): void {
    const item = event.composedPath().find((node): node is D1MenuItem => node instanceof D1MenuItem);
    if (item) this.#activate(item);
  }

  #activate(item: D1MenuItem): void {
    if (item.disabled) return;
    this.hide();
    const event = new D1SelectEvent(item.value || item.textContent?.trim() || '');
    this.dispatchEvent(event);
  }

  #onFocusOut(event: FocusEvent): void {
    const next = event.relatedTarget as Node | null;
    if (this.open && (next === null || !this.contains(next)) && next !== this.trigger) this.open = false;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'd1-menu': D1Menu;
  }
}
