import { css } from 'lit';
import { visuallyHidden } from '../../internal/shared.styles.js';

export const cardStyles = [
  visuallyHidden,
  css`
    :host {
      display: block;
      /* Keeps the visually hidden live region inside the element. */
      position: relative;
      min-inline-size: 0;
    }

    :host([hidden]) {
      display: none;
    }

    .card {
      box-sizing: border-box;
      block-size: 100%;
      padding: var(--d1-card-padding, var(--d1-space-4));
      border: var(--d1-border-width) solid var(--d1-color-border);
      border-radius: var(--d1-radius-lg);
      background: var(--d1-color-surface);
      box-shadow: var(--d1-shadow-1);
      color: var(--d1-color-text);
      overflow-wrap: anywhere;
    }

    .header {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: var(--d1-space-2);
      margin-block-end: var(--d1-space-3);
    }

    .header[hidden],
    [hidden] {
      display: none;
    }

    .heading {
      flex: 1 1 12rem;
      min-inline-size: 0;
      margin: 0;
      font-size: var(--d1-font-size-lg);
      font-weight: var(--d1-font-weight-semibold);
      line-height: var(--d1-line-height-tight);
    }

    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: var(--d1-space-2);
    }

    .error-title {
      margin: 0 0 var(--d1-space-2);
      color: var(--d1-color-danger-text);
      font-weight: var(--d1-font-weight-semibold);
    }

    .error-message {
      margin-block-end: var(--d1-space-3);
      color: var(--d1-color-text-muted);
    }


    .skeleton {
      display: grid;
      gap: var(--d1-space-3);
    }

    .bar {
      block-size: 0.875rem;
      border-radius: var(--d1-radius-sm);
      background: linear-gradient(
          90deg,
          transparent 0%,
          var(--d1-color-surface) 50%,
          transparent 100%
        )
        var(--d1-color-surface-muted) no-repeat;
      background-size: 50% 100%;
      animation: shimmer var(--d1-duration-loop) linear infinite;
    }

    .bar:nth-child(2) {
      inline-size: 80%;
    }

    .bar:nth-child(3) {
      inline-size: 60%;
    }

    @keyframes shimmer {
      from {
        background-position: -100% 0;
      }
      to {
        background-position: 200% 0;
      }
    }

    @media (forced-colors: active) {
      .bar {
        forced-color-adjust: none;
        background: GrayText;
      }
    }
  `,
];
