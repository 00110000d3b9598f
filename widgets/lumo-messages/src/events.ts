/**
 * The topics this widget publishes, declared once for the type checker. The manifest
 * (manifests/catalogue/lumo.messages.json, `events.publishes`) lists the same names for the platform.
 */
declare module '@digione/sdk' {
  interface WidgetEventMap {
    /** How many of the person's message threads are unread, after every load. */
    'messages.unread-count': { count: number };
  }
}

/** The topic of the unread count. */
export const UNREAD_COUNT = 'messages.unread-count';
