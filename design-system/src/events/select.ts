/**
 * The user chose an item: a tab of `d1-tabs` or an item of `d1-menu`. Bubbles, composed: a widget listens where it
 * likes.
 */
export class D1SelectEvent extends Event {
  static readonly eventName = 'd1-select';

  constructor(
    /** The chosen tab's `name` or the menu item's `value`. */
    readonly value: string,
  ) {
    super(D1SelectEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    [D1SelectEvent.eventName]: D1SelectEvent;
  }
}
