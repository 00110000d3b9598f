// Test instrumentation of tests/e2e/leaks.test.ts, installed into every document before its own scripts run (plain
// JavaScript, so that the browser runs it exactly as written). It counts live timers per origin of the code that
// started them and fetches in flight, and remembers which widget frames the suite has already seen. The shell ships
// nothing like it.
(() => {
  /**
   * One-shot timeouts up to this long are "settling": they end by themselves soon (single-spa arms two per lifecycle
   * call as a backstop and never clears them). The suite waits for them to fire before it counts; everything else
   * (intervals, longer timeouts, animation frames) is counted as it is.
   */
  const SETTLING_MS = 60_000;
  /** `kind:id` of every timer that has neither fired nor been cleared → where it came from and whether it settles. */
  const live = new Map();
  const originOfCaller = () => {
    // The first stack frame with a URL is the code that asked for the timer (this script has none).
    for (const line of (new Error().stack ?? '').split('\n').slice(1)) {
      const match = /(https?:\/\/[^/\s)]+)\//.exec(line);
      if (match) return match[1];
    }
    return 'unknown';
  };
  const wrapStart = (name, kind, repeats, settles) => {
    const original = window[name].bind(window);
    window[name] = (handler, ...rest) => {
      // A string handler is code to evaluate, which the shell's CSP refuses anyway: left uncounted.
      if (typeof handler !== 'function') return original(handler, ...rest);
      const origin = originOfCaller();
      let key = '';
      const id = original(function (...args) {
        if (!repeats) live.delete(key);
        return handler.apply(this, args);
      }, ...rest);
      key = `${kind}:${id}`;
      live.set(key, { origin, settling: settles && !repeats && (Number(rest[0]) || 0) <= SETTLING_MS });
      return id;
    };
  };
  const wrapClear = (name, kind) => {
    const original = window[name].bind(window);
    window[name] = (id) => {
      live.delete(`${kind}:${id}`);
      return original(id);
    };
  };
  // setTimeout and setInterval share one id space, and either clear function ends either kind of timer.
  wrapStart('setTimeout', 'timeout', false, true);
  wrapStart('setInterval', 'timeout', true, false);
  wrapClear('clearTimeout', 'timeout');
  wrapClear('clearInterval', 'timeout');
  wrapStart('requestAnimationFrame', 'frame', false, false);
  wrapClear('cancelAnimationFrame', 'frame');
  if (typeof window.requestIdleCallback === 'function') {
    wrapStart('requestIdleCallback', 'idle', false, true);
    wrapClear('cancelIdleCallback', 'idle');
  }

  let inFlight = 0;
  const originalFetch = window.fetch.bind(window);
  window.fetch = async (...args) => {
    inFlight++;
    try {
      return await originalFetch(...args);
    } finally {
      inFlight--;
    }
  };

  // Frames the suite has already seen, weakly held so that the probe itself keeps nothing alive.
  const seen = new WeakSet();
  Object.defineProperty(window, '__digioneLeakProbe', {
    value: Object.freeze({
      /** Live timers that do not settle by themselves, per origin. */
      timers: () => {
        const counts = {};
        for (const { origin, settling } of live.values()) if (!settling) counts[origin] = (counts[origin] ?? 0) + 1;
        return counts;
      },
      /** Live settling timers, per origin. */
      settling: () => {
        const counts = {};
        for (const { origin, settling } of live.values()) if (settling) counts[origin] = (counts[origin] ?? 0) + 1;
        return counts;
      },
      requestsInFlight: () => inFlight,
      markFrames: () => {
        for (const frame of document.querySelectorAll('[data-widget]')) seen.add(frame);
      },
      /** The widget frames on the page, and whether each is new since the last `markFrames`. */
      frames: () =>
        [...document.querySelectorAll('[data-widget]')].map((frame) => ({
          widget: frame.getAttribute('data-widget'),
          state: frame.getAttribute('data-state'),
          error: frame.getAttribute('data-error'),
          fresh: !seen.has(frame),
        })),
    }),
  });
})();
