/**
 * How far outside the viewport a widget frame may be and still count as "near": a frame starts loading when it
 * comes within this distance, so that on a phone it is usually ready by the time it scrolls into view.
 */
export const NEAR_MARGIN_PX = 400;

/**
 * Calls back once per element when it comes near the viewport (IntersectionObserver with a root margin), for
 * widgets below the fold. One observer serves the whole dashboard; {@link NearViewport.dispose} ends it with the
 * dashboard. Without IntersectionObserver every element counts as near at once.
 */
export class NearViewport {
  private readonly observer: IntersectionObserver | undefined;
  private readonly callbacks = new Map<Element, () => void>();

  constructor(margin = NEAR_MARGIN_PX) {
    if (typeof IntersectionObserver === 'undefined') return;
    this.observer = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          if (!entry.isIntersecting) continue;
          const callback = this.callbacks.get(entry.target);
          this.forget(entry.target);
          callback?.();
        }
      },
      { rootMargin: `${margin}px 0px ${margin}px 0px` },
    );
  }

  /** Calls `callback` once, when `element` comes near the viewport; the returned function cancels it. */
  whenNear(element: Element, callback: () => void): () => void {
    if (!this.observer) {
      callback();
      return () => undefined;
    }
    this.callbacks.set(element, callback);
    this.observer.observe(element);
    return () => this.forget(element);
  }

  private forget(element: Element): void {
    this.callbacks.delete(element);
    this.observer?.unobserve(element);
  }

  /** Stops observing every element; no callback runs after this. */
  dispose(): void {
    this.callbacks.clear();
    this.observer?.disconnect();
  }
}
