import { css } from 'lit';

/** The coloured box of an alert or toast, per `variant`. */
export const statusBoxStyles = css`
  .box {
    --_surface: var(--d1-color-info-surface);
    --_text: var(--d1-color-info-text);
    --_accent: var(--d1-color-info);
    --_on-accent: var(--d1-color-on-info);

    display: flex;
    align-items: flex-start;
    gap: var(--d1-space-3);
    padding: var(--d1-space-3) var(--d1-space-4);
    border: var(--d1-border-width) solid var(--_accent);
    border-inline-start-width: 4px;
    border-radius: var(--d1-radius-md);
    background: var(--_surface);
    color: var(--_text);
  }

  .success {
    --_surface: var(--d1-color-success-surface);
    --_text: var(--d1-color-success-text);
    --_accent: var(--d1-color-success);
    --_on-accent: var(--d1-color-on-success);
  }

  .warning {
    --_surface: var(--d1-color-warning-surface);
    --_text: var(--d1-color-warning-text);
    --_accent: var(--d1-color-warning);
    --_on-accent: var(--d1-color-on-warning);
  }

  .danger {
    --_surface: var(--d1-color-danger-surface);
    --_text: var(--d1-color-danger-text);
    --_accent: var(--d1-color-danger);
    --_on-accent: var(--d1-color-on-danger);
  }

  .icon {
    flex: none;
    display: inline-grid;
    place-items: center;
    inline-size: 1.5rem;
    block-size: 1.5rem;
    border-radius: 50%;
    background: var(--_accent);
    color: var(--_on-accent);
    font-weight: var(--d1-font-weight-bold);
    line-height: 1;
  }

  .content {
    flex: 1;
    min-inline-size: 0;
    align-self: center;
  }

  .heading {
    display: block;
    font-weight: var(--d1-font-weight-bold);
  }

  .dismiss {
    flex: none;
    inline-size: var(--d1-size-target);
    block-size: var(--d1-size-target);
    margin: calc(-1 * var(--d1-space-2)) calc(-1 * var(--d1-space-2)) calc(-1 * var(--d1-space-2)) 0;
    border: 0;
    border-radius: var(--d1-radius-md);
    background: none;
    color: inherit;
    font-size: 1.25rem;
    cursor: pointer;
  }

  .dismiss:focus-visible {
    outline: var(--d1-focus-ring-width) solid var(--d1-color-focus-ring);
    outline-offset: 0;
  }
`;
