import {
  CONTEXT_ERROR,
  TOPIC_PATTERN,
  WidgetContextError,
  type EventHandler,
  type EventSource,
  type EventTopic,
  type WidgetEvents,
} from '@digione/sdk';
import type { WidgetManifest } from '@digione/manifests/types';
import type { WidgetScope } from './scope.js';

interface Subscription {
  readonly instanceId: string;
  readonly handler: (payload: unknown, source: EventSource) => void;
}

/**
 * The event bus of one dashboard. Each widget instance gets its own view of it ({@link EventBus.forWidget}) that
 * enforces the topics its manifest declares. Payloads are structured-cloned at publish (so a payload that cannot
 * cross a boundary fails at once, in the publisher) and again for each subscriber (so no two widgets share an
 * object). Delivery is asynchronous and a throwing subscriber harms no one else.
 */
export class EventBus {
  private readonly topics = new Map<string, Set<Subscription>>();

  /** The bus as one widget instance sees it; its subscriptions end with `scope`. */
  forWidget(manifest: Pick<WidgetManifest, 'id' | 'events'>, instanceId: string, scope: WidgetScope): WidgetEvents {
    const publishes = new Set(manifest.events?.publishes ?? []);
    const subscribes = new Set(manifest.events?.subscribes ?? []);
    const source: EventSource = Object.freeze({ widgetId: manifest.id, instanceId });
    const check = (topic: string, declared: Set<string>, list: 'publishes' | 'subscribes'): void => {
      if (typeof topic !== 'string' || !TOPIC_PATTERN.test(topic)) {
        throw new WidgetContextError(
          CONTEXT_ERROR.invalidTopic,
          `widget ${manifest.id}: "${String(topic)}" is not a topic; topics are dotted lowercase words such as messages.unread-count`,
        );
      }
      if (!declared.has(topic)) {
        throw new WidgetContextError(
          CONTEXT_ERROR.undeclaredTopic,
          `widget ${manifest.id}: the topic ${topic} is not in its manifest's events.${list}; declare it there`,
        );
      }
    };
    return Object.freeze({
      publish: <T extends EventTopic>(topic: T, payload: unknown): void => {
        check(topic, publishes, 'publishes');
        if (!scope.alive) return;
        let snapshot: unknown;
        try {
          snapshot = structuredClone(payload);
        } catch (error) {
          throw new WidgetContextError(
            CONTEXT_ERROR.payloadNotCloneable,
            `widget ${manifest.id}: the payload of ${topic} cannot be structured-cloned (${String(error)}); send plain data`,
          );
        }
        this.deliver(topic, snapshot, source);
      },
      subscribe: <T extends EventTopic>(topic: T, handler: EventHandler<T>): (() => void) => {
        check(topic, subscribes, 'subscribes');
        const subscription: Subscription = { instanceId, handler: handler as Subscription['handler'] };
        const subscribers = this.topics.get(topic) ?? new Set<Subscription>();
        this.topics.set(topic, subscribers);
        subscribers.add(subscription);
        return scope.track(() => {
          subscribers.delete(subscription);
          if (subscribers.size === 0 && this.topics.get(topic) === subscribers) this.topics.delete(topic);
        });
      },
    } as WidgetEvents);
  }

  /** How many subscriptions the bus holds; tests check that unmounting releases them. */
  get subscriptionCount(): number {
    let count = 0;
    for (const subscribers of this.topics.values()) count += subscribers.size;
    return count;
  }

  private deliver(topic: string, snapshot: unknown, source: EventSource): void {
    for (const subscription of [...(this.topics.get(topic) ?? [])]) {
      if (subscription.instanceId === source.instanceId) continue;
      queueMicrotask(() => {
        // Unsubscribed between publish and delivery: the widget asked for no more events.
        if (!this.topics.get(topic)?.has(subscription)) return;
        try {
          subscription.handler(structuredClone(snapshot), source);
        } catch (error) {
          console.error(`[digione] a subscriber of ${topic} failed:`, error);
        }
      });
    }
  }
}
