import { LitElement, css, html, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';

/**
 * One panel of `d1-tabs`; its `label` is the tab's text. `d1-tabs` gives it `role="tabpanel"`, its name and
 * `hidden`.
 *
 * @summary A panel of d1-tabs.
 * @tagname d1-tab-panel
 * @slot - The panel's content.
 */
export class D1TabPanel extends LitElement {
  static override styles = css`
    :host {
      display: block;
    }

    :host([hidden]) {
      display: none;
    }

    :host(:focus-visible) {
      outline: var(--d1-focus-ring-width) solid var(--d1-color-focus-ring);
      outline-offset: var(--d1-focus-ring-offset);
    }
  `;

  /** The tab's text. */
  @property() label = '';

  /** Identifies the tab in `d1-tabs`' `selected` and in `d1-select` events; the index when left empty. */
  @property({ reflect: true }) name = '';

  protected override render(): TemplateResult {
    return html`<slot></slot>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'd1-tab-panel': D1TabPanel;
  }
}
