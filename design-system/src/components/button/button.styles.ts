import { css } from 'lit';
import { visuallyHidden } from '../../internal/shared.styles.js';

export const buttonStyles = [
  visuallyHidden,
  css`
    :host {
      display: inline-block;
      /* Keeps the visually hidden live region inside the element. */
      position: relative;
      vertical-align: middle;
      max-inline-size: 100%;
    }

    :host([hidden]) {
      display: none;
    }

    .button {
      --_background: var(--d1-color-brand);
      --_background-hover: var(--d1-color-brand-hover);
      --_color: var(--d1-color-on-brand);
      --_border: transparent;

      box-sizing: border-box;
      display: inline-flex;
      align-items: center;
      justify-content: center;
      gap: var(--d1-space-2);
      inline-size: 100%;
      min-inline-size: var(--d1-size-target);
      min-block-size: var(--d1-size-target);
      margin: 0;
      padding: var(--d1-space-2) var(--d1-space-4);
      /* A transparent border turns into a visible edge in forced-colors mode. */
      border: var(--d1-border-width) solid var(--_border);
      border-radius: var(--d1-radius-md);
      background: var(--_background);
      color: var(--_color);
      font: inherit;
      font-size: var(--d1-font-size-md);
      font-weight: var(--d1-font-weight-semibold);
      line-height: var(--d1-line-height-tight);
      text-align: center;
      overflow-wrap: anywhere;
      cursor: pointer;
      transition:
        background-color var(--d1-duration-fast) var(--d1-easing-standard),
        color var(--d1-duration-fast) var(--d1-easing-standard);
    }

    .button:hover:not(:disabled, [aria-disabled='true']) {
      background: var(--_background-hover);
    }

    .button:focus-visible {
      outline: var(--d1-focus-ring-width) solid var(--d1-color-focus-ring);
      outline-offset: var(--d1-focus-ring-offset);
    }

    :host([variant='secondary']) .button {
      --_background: var(--d1-color-surface);
      --_background-hover: var(--d1-color-surface-muted);
      --_color: var(--d1-color-text);
      --_border: var(--d1-color-border-strong);
    }

    :host([variant='danger']) .button {
      --_background: var(--d1-color-danger);
      --_background-hover: var(--d1-color-danger-hover);
      --_color: var(--d1-color-on-danger);
    }

    :host([variant='ghost']) .button {
      --_background: transparent;
      --_background-hover: var(--d1-color-surface-muted);
      --_color: var(--d1-color-brand);
    }

    /* A pressed toggle looks pressed in every variant: the brand fill, edged in the text colour. */
    :host([pressed='true']) .button {
      --_background: var(--d1-color-brand);
      --_background-hover: var(--d1-color-brand-hover);
      --_color: var(--d1-color-on-brand);
      --_border: var(--d1-color-text);
    }

    .button:disabled {
      cursor: not-allowed;
      opacity: 0.55;
    }

    .button[aria-disabled='true'] {
      cursor: progress;
    }

    .spinner {
      flex: none;
      inline-size: 1em;
      block-size: 1em;
      border: 0.15em solid currentColor;
      border-inline-end-color: transparent;
      border-radius: 50%;
      animation: spin var(--d1-duration-loop) linear infinite;
    }

    @keyframes spin {
      to {
        transform: rotate(1turn);
      }
    }
  `,
];
