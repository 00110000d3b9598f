import { css } from 'lit';

/** A box or switch beside its label, the whole row a 44 px target. */
export const choiceStyles = css`
  .row {
    display: inline-flex;
    align-items: center;
    gap: var(--d1-space-2);
    min-block-size: var(--d1-size-target);
    cursor: pointer;
    font-weight: var(--d1-font-weight-regular);
  }

  .row.inactive {
    cursor: not-allowed;
    opacity: 0.55;
  }

  input[type='checkbox'],
  input[type='radio'] {
    flex: none;
    inline-size: 1.25rem;
    block-size: 1.25rem;
    margin: 0;
    accent-color: var(--d1-color-brand);
    cursor: inherit;
  }

  input:focus-visible {
    outline: var(--d1-focus-ring-width) solid var(--d1-color-focus-ring);
    outline-offset: var(--d1-focus-ring-offset);
  }
`;
