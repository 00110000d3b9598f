import { LitElement, css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, queryAll, state } from 'lit/decorators.js';
import { D1SelectEvent } from '../../events/select.js';
import { D1TabPanel } from './tab-panel.component.js';

/**
 * Tabs (WAI-ARIA tabs pattern, automatic activation): a `role="tablist"` of tabs made from the `d1-tab-panel`
 * children's labels. One Tab stop: the selected tab; Left/Right arrows (Up/Down when vertical) move and select,
 * wrapping; Home and End go to the first and last tab; Tab then moves into the panel.
 *
 * @summary Tabs over d1-tab-panel children, keyboard-operable.
 * @tagname d1-tabs
 * @slot - `d1-tab-panel` elements.
 * @csspart tablist - The `role="tablist"` row.
 * @csspart tab - Each tab button.
 * @cssprop --d1-color-brand - The selected tab's indicator and text.
 * @fires {D1SelectEvent} d1-select - The user selected another tab; `value` is its name.
 */
export class D1Tabs extends LitElement {
  static override styles = css`
    :host {
      display: block;
      color: var(--d1-color-text);
    }

    [role='tablist'] {
      display: flex;
      gap: var(--d1-space-1);
      border-block-end: var(--d1-border-width) solid var(--d1-color-border-strong);
      margin-block-end: var(--d1-space-4);
      overflow-x: auto;
    }

    :host([orientation='vertical']) {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: var(--d1-space-4);
    }

    :host([orientation='vertical']) [role='tablist'] {
      flex-direction: column;
      border-block-end: 0;
      border-inline-end: var(--d1-border-width) solid var(--d1-color-border-strong);
      margin: 0;
    }

    [role='tab'] {
      min-block-size: var(--d1-size-target);
      padding: var(--d1-space-2) var(--d1-space-4);
      border: 0;
      border-block-end: 3px solid transparent;
      background: none;
      color: var(--d1-color-text-muted);
      font: inherit;
      font-weight: var(--d1-font-weight-semibold);
      white-space: nowrap;
      cursor: pointer;
    }

    [role='tab']:hover {
      color: var(--d1-color-text);
      background: var(--d1-color-surface-muted);
    }

    [role='tab'][aria-selected='true'] {
      color: var(--d1-color-brand);
      border-block-end-color: var(--d1-color-brand);
    }

    [role='tab']:focus-visible {
      outline: var(--d1-focus-ring-width) solid var(--d1-color-focus-ring);
      outline-offset: calc(-1 * var(--d1-focus-ring-width));
    }
  `;

  /** Name of the selected panel (its index when it has no name); the first panel when empty. */
  @property({ reflect: true }) selected = '';

  /** Arrow keys: Left/Right for `horizontal`, Up/Down for `vertical`. */
  @property({ reflect: true }) orientation: 'horizontal' | 'vertical' = 'horizontal';

  /** Accessible name of the tab list, when the page has no heading that names it. */
  @property() label = '';

  @state() private panels: D1TabPanel[] = [];
  @queryAll('[role="tab"]') private tabs!: NodeListOf<HTMLButtonElement>;

  #nameOf(panel: D1TabPanel, index: number): string {
    return panel.name || String(index);
  }

  get #selectedIndex(): number {
    const index = this.panels.findIndex((panel, i) => this.#nameOf(panel, i) === this.selected);
    return index >= 0 ? index : 0;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const current = this.#selectedIndex;
    const tabs = [...this.tabs];
    this.panels.forEach((panel, index) => {
      panel.setAttribute('role', 'tabpanel');
      // An id reference cannot leave the shadow root, so the panel is named by the tab's text...
      panel.setAttribute('aria-label', panel.label);
      panel.tabIndex = 0;
      panel.hidden = index !== current;
      // ...and the tab points to its panel by element reflection (a reference out to the light DOM is allowed).
      const tab = tabs[index];
      if (tab && 'ariaControlsElements' in tab) Reflect.set(tab, 'ariaControlsElements', [panel]);
    });
  }

  protected override render(): TemplateResult {
    const current = this.#selectedIndex;
    return html`<div
        role="tablist"
        part="tablist"
        aria-label=${this.label || nothing}
        aria-orientation=${this.orientation}
        @keydown=${this.#onKeydown}
      >
        ${this.panels.map(
          (panel, index) => html`<button
            role="tab"
            part="tab"
            type="button"
            aria-selected=${index === current ? 'true' : 'false'}
            tabindex=${index === current ? 0 : -1}
            @click=${() => this.#select(index)}
          >
            ${panel.label}
          </button>`,
        )}
      </div>
      <slot @slotchange=${this.#onSlotChange}></slot>`;
  }

  #onSlotChange(event: Event): void {
    this.panels = (event.target as HTMLSlotElement)
      .assignedElements()
      .filter((element): element is D1TabPanel => element instanceof D1TabPanel);
  }

  #select(index: number, focus = false): void {
    const panel = this.panels[index];
    if (!panel) return;
    const name = this.#nameOf(panel, index);
    const changed = name !== this.#nameOf(this.panels[this.#selectedIndex]!, this.#selectedIndex);
    this.selected = name;
    if (focus) void this.updateComplete.then(() => this.tabs[index]?.focus());
    if (!changed) return;
    const event = new D1SelectEvent(name);
    this.dispatchEvent(event);
  }

  #onKeydown(event: KeyboardEvent): void {
    const count = this.panels.length;
    const index = [...this.tabs].indexOf(event.target as HTMLButtonElement);
    if (index < 0 || count === 0) return;
    const vertical = this.orientation === 'vertical';
    const rtl = getComputedStyle(this).direction === 'rtl';
    const next = vertical ? 'ArrowDown' : rtl ? 'ArrowLeft' : 'ArrowRight';
    const previous = vertical ? 'ArrowUp' : rtl ? 'ArrowRight' : 'ArrowLeft';
    let target: number;
    if (event.key === next) target = (index + 1) % count;
    else if (event.key === previous) target = (index - 1 + count) % count;
    else if (event.key === 'Home') target = 0;
    else if (event.key === 'End') target = count - 1;
    else return;
    event.preventDefault();
    this.#select(target, true);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'd1-tabs': D1Tabs;
  }
}
