/**
 * Widths where layouts change, in rem so that they follow the user's text size (px at the default 16 px root).
 * CSS cannot read custom properties inside `@media`/`@container`, so components interpolate these values and
 * `tokens.css` carries them as `--d1-breakpoint-*` only for scripts and documentation.
 *
 * A module of its own (re-exported by tokens.ts) so that a component's styles can use them without pulling in every
 * token and theme of tokens.ts.
 */
export const breakpoints = {
  /** 640 px: under it, dashboards show one column. */
  sm: '40rem',
  /** 1024 px: the full 12-column desktop grid. */
  lg: '64rem',
} as const;
