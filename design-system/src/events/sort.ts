export type SortDirection = 'ascending' | 'descending';

/** The user sorted a `d1-table` by a column. Bubbles, composed. */
export class D1SortEvent extends Event {
  static readonly eventName = 'd1-sort';

  constructor(
    /** The column's key. */
    readonly column: string,
    readonly direction: SortDirection,
  ) {
    super(D1SortEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    [D1SortEvent.eventName]: D1SortEvent;
  }
}
