/**
 * Everything one mounted widget holds on to through its context: listeners, subscriptions, pending toasts. The
 * frame ends a scope when the widget unmounts (or is retried), which releases all of it at once, and a context
 * whose scope has ended does nothing any more.
 */
export class WidgetScope {
  private readonly stops = new Set<() => void>();
  private ended = false;

  /** Whether the widget is still mounted. */
  get alive(): boolean {
    return !this.ended;
  }

  /**
   * Keeps `stop` until the scope ends and returns a function that runs it once (the widget may call it earlier).
   * A scope that has already ended runs `stop` at once.
   */
  track(stop: () => void): () => void {
    let done = false;
    const once = (): void => {
      if (done) return;
      done = true;
      this.stops.delete(once);
      stop();
    };
    if (this.ended) once();
    else this.stops.add(once);
    return once;
  }

  /** How many releases are pending; tests check that unmounting leaves none. */
  get size(): number {
    return this.stops.size;
  }

  /** Releases everything; later calls do nothing. */
  end(): void {
    this.ended = true;
    for (const stop of [...this.stops]) {
      try {
        stop();
      } catch (error) {
        console.error('[digione] releasing a widget listener failed:', error);
      }
    }
    this.stops.clear();
  }
}
