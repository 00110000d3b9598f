import { css, unsafeCSS } from 'lit';
import { visuallyHidden } from '../../internal/shared.styles.js';
import { breakpoints } from '../../breakpoints.js';

const sm = unsafeCSS(breakpoints.sm);

/* Stacks under 640 px of its own width (container query), so a table in a narrow widget stays readable. */
export const tableStyles = [
  visuallyHidden,
  css`
    :host {
      display: block;
      container-type: inline-size;
      position: relative;
      color: var(--d1-color-text);
    }

    .scroll {
      overflow-x: auto;
    }

    table {
      inline-size: 100%;
      border-collapse: collapse;
      font-size: var(--d1-font-size-md);
    }

    caption {
      text-align: start;
      font-weight: var(--d1-font-weight-semibold);
      font-size: var(--d1-font-size-lg);
      padding-block-end: var(--d1-space-2);
    }

    th,
    td {
      padding: var(--d1-space-2) var(--d1-space-3);
      border-block-end: var(--d1-border-width) solid var(--d1-color-border);
      text-align: start;
      vertical-align: top;
    }

    thead th {
      border-block-end: 2px solid var(--d1-color-border-strong);
      font-weight: var(--d1-font-weight-semibold);
      white-space: nowrap;
    }

    .end {
      text-align: end;
      font-variant-numeric: tabular-nums;
    }

    .sort {
      display: inline-flex;
      align-items: center;
      gap: var(--d1-space-1);
      min-block-size: var(--d1-size-target);
      margin: calc(-1 * var(--d1-space-2)) calc(-1 * var(--d1-space-2));
      padding: 0 var(--d1-space-2);
      border: 0;
      border-radius: var(--d1-radius-sm);
      background: none;
      color: inherit;
      font: inherit;
      cursor: pointer;
    }

    .sort:hover {
      background: var(--d1-color-surface-muted);
    }

    .sort:focus-visible {
      outline: var(--d1-focus-ring-width) solid var(--d1-color-focus-ring);
      outline-offset: 0;
    }

    .arrow {
      color: var(--d1-color-text-muted);
    }

    [aria-sort] .arrow {
      color: var(--d1-color-brand);
    }

    .cell-label {
      display: none;
    }

    @container (max-width: calc(${sm} - 0.02px)) {
      thead tr {
        position: absolute;
        inline-size: 1px;
        block-size: 1px;
        overflow: hidden;
        clip-path: inset(50%);
      }

      table,
      tbody,
      tr,
      td {
        display: block;
      }

      tbody tr {
        padding-block: var(--d1-space-2);
        border-block-end: var(--d1-border-width) solid var(--d1-color-border-strong);
      }

      td {
        display: grid;
        grid-template-columns: minmax(6rem, 40%) 1fr;
        gap: var(--d1-space-2);
        border: 0;
        padding-block: var(--d1-space-1);
      }

      td.end {
        text-align: start;
      }

      .cell-label {
        display: block;
        font-weight: var(--d1-font-weight-semibold);
      }
    }
  `,
];
