/**
 * Asks the widget to load its data again, after `d1-card` showed an error. Bubbles and is composed so that the
 * widget can listen on any ancestor and the shell can count retries across shadow roots.
 */
export class D1RetryEvent extends Event {
  static readonly eventName = 'd1-retry';

  constructor() {
    super(D1RetryEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    [D1RetryEvent.eventName]: D1RetryEvent;
  }
}
