import { css } from 'lit';
import { visuallyHidden } from './shared.styles.js';

/** Label, hint, message and the box of text-like controls. */
export const fieldStyles = [
  visuallyHidden,
  css`
    :host {
      display: block;
      position: relative;
      font-size: var(--d1-font-size-md);
      color: var(--d1-color-text);
    }

    :host([hidden]) {
      display: none;
    }

    .field {
      display: grid;
      gap: var(--d1-space-1);
    }

    label,
    legend {
      font-weight: var(--d1-font-weight-semibold);
      line-height: var(--d1-line-height-tight);
      padding: 0;
    }

    .required {
      color: var(--d1-color-danger-text);
      margin-inline-start: var(--d1-space-1);
    }

    .hint {
      color: var(--d1-color-text-muted);
      font-size: var(--d1-font-size-sm);
    }

    .error {
      color: var(--d1-color-danger-text);
      font-size: var(--d1-font-size-sm);
      font-weight: var(--d1-font-weight-medium);
    }

    .error:empty {
      display: none;
    }

    .box {
      box-sizing: border-box;
      inline-size: 100%;
      min-block-size: var(--d1-size-target);
      margin: 0;
      padding: var(--d1-space-2) var(--d1-space-3);
      border: var(--d1-border-width) solid var(--d1-color-border-strong);
      border-radius: var(--d1-radius-md);
      background: var(--d1-color-surface);
      color: var(--d1-color-text);
      font: inherit;
      line-height: var(--d1-line-height-normal);
    }

    .box:focus-visible,
    .focus-target:focus-visible {
      outline: var(--d1-focus-ring-width) solid var(--d1-color-focus-ring);
      outline-offset: var(--d1-focus-ring-offset);
    }

    .box[aria-invalid='true'] {
      border-color: var(--d1-color-danger);
      border-width: 2px;
    }

    .box:disabled {
      opacity: 0.55;
      cursor: not-allowed;
    }
  `,
];
