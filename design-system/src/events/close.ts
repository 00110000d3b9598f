/** Why a dialog, alert or toast closed. */
export type CloseReason = 'escape' | 'close-button' | 'timeout' | 'method';

/**
 * A `d1-dialog`, `d1-alert` or toast closed. Bubbles but is not composed: it concerns the element's own page or
 * widget.
 */
export class D1CloseEvent extends Event {
  static readonly eventName = 'd1-close';

  constructor(
    /** What closed it. */
    readonly reason: CloseReason,
    /** The dialog's return value, or the toast's id. */
    readonly value = '',
  ) {
    super(D1CloseEvent.eventName, { bubbles: true, composed: false });
  }
}

declare global {
  interface HTMLElementEventMap {
    [D1CloseEvent.eventName]: D1CloseEvent;
  }
}
