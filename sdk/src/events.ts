/**
 * The event bus between widgets: typed topics that a widget's manifest declares.
 *
 * @packageDocumentation
 */

/**
 * Topic → payload of every event on the bus. Empty in the SDK: the widget that owns a topic declares it by
 * declaration merging, once, next to its code, and lists it in its manifest's `events.publishes`.
 *
 * @example
 * ```ts
 * declare module '@digione/sdk' {
 *   interface WidgetEventMap {
 *     'messages.unread-count': { count: number };
 *   }
 * }
 * ```
 */
// eslint-disable-next-line @typescript-eslint/no-empty-interface -- filled by declaration merging
export interface WidgetEventMap {}

/** A topic some widget declared in {@link WidgetEventMap}: dotted lowercase words, such as `messages.unread-count`. */
export type EventTopic = keyof WidgetEventMap & string;

/** Who published an event. */
export interface EventSource {
  /** Manifest id of the publishing widget. */
  readonly widgetId: string;
  /** Its instance id on the dashboard. */
  readonly instanceId: string;
}

/** Receives the payload (a structured clone of what was published; never shared with other subscribers). */
export type EventHandler<T extends EventTopic> = (payload: WidgetEventMap[T], source: EventSource) => void;

/** The rule a topic name follows, the same as the manifest schema's `dottedName`. */
export const TOPIC_PATTERN = /^[a-z][a-z0-9-]*(?:\.[a-z][a-z0-9-]*)+$/;

/**
 * The event bus as one widget instance sees it. The platform lets a widget publish only the topics its manifest
 * lists in `events.publishes` and subscribe only those in `events.subscribes`; anything else throws a
 * `WidgetContextError` with code `events.undeclared-topic`. Events reach every subscribing instance but the
 * publishing one, asynchronously, and every subscription ends when the widget unmounts.
 */
export interface WidgetEvents {
  /**
   * Publishes `payload` (it must be structured-cloneable) on `topic`.
   *
   * @throws `WidgetContextError` `events.undeclared-topic`, `events.invalid-topic` or `events.payload-not-cloneable`.
   */
  publish<T extends EventTopic>(topic: T, payload: WidgetEventMap[T]): void;
  /**
   * Calls `handler` for every later event on `topic`; returns the function that stops it.
   *
   * @throws `WidgetContextError` `events.undeclared-topic` or `events.invalid-topic`.
   */
  subscribe<T extends EventTopic>(topic: T, handler: EventHandler<T>): () => void;
}
