import { css, unsafeCSS } from 'lit';
import { breakpoints } from '../../breakpoints.js';

const sm = unsafeCSS(breakpoints.sm);
const lg = unsafeCSS(breakpoints.lg);

/*
 * Container queries: the grid answers to its own width, so a dashboard beside the shell's navigation switches
 * columns where it runs out of room, not where the window does.
 */
export const gridStyles = css`
  :host {
    display: block;
    container-type: inline-size;
  }

  :host([hidden]) {
    display: none;
  }

  .grid {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: var(--d1-grid-gap, var(--d1-space-4));
  }

  @container (min-width: ${sm}) {
    .grid {
      grid-template-columns: repeat(12, minmax(0, 1fr));
    }

    ::slotted(*) {
      grid-column: span 12;
    }

    ::slotted([size='s']) {
      grid-column: span 6;
    }
  }

  @container (min-width: ${lg}) {
    ::slotted([size='s']) {
      grid-column: span 4;
    }

    ::slotted([size='m']) {
      grid-column: span 6;
    }
  }
`;
