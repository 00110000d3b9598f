import { LitElement, html, type TemplateResult } from 'lit';
import { gridStyles } from './grid.styles.js';

/** Widths a grid child can ask for with its `size` attribute. */
export type GridSize = 's' | 'm' | 'l';

/**
 * A responsive dashboard grid for plain light-DOM children, which choose their width with a `size` attribute:
 *
 * | grid width        | columns | `s` | `m` | `l` (and no `size`) |
 * |-------------------|---------|-----|-----|---------------------|
 * | under 640 px      | 1       | 1   | 1   | 1                   |
 * | 640 px to 1024 px | 12      | 6   | 12  | 12                  |
 * | 1024 px and more  | 12      | 4   | 6   | 12                  |
 *
 * Widths are those of the grid itself (container queries), in rem so that they follow the user's text size.
 *
 * @summary Responsive 12-column dashboard grid.
 * @tagname d1-grid
 * @slot - The grid items, each with an optional `size` attribute `s`, `m` or `l`.
 * @csspart base - The grid container.
 * @cssprop --d1-grid-gap - Space between items (default `--d1-space-4`).
 */
export class D1Grid extends LitElement {
  static override styles = gridStyles;

  protected override render(): TemplateResult {
    return html`<div part="base" class="grid"><slot></slot></div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'd1-grid': D1Grid;
  }
}
