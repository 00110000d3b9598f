/**
 * Why a widget frame is in error; the frame's `data-error` attribute carries this code, the event log receives it,
 * and each has its own localized reason (`widget.reasons.<code>` in the shell's resources).
 *
 * - loading: `entry-not-found` (404), `entry-http-error` (another error status), `entry-not-js` (the entry answered
 *   something that is not JavaScript), `entry-network` (no answer: refused, reset, offline), `entry-failed` (the entry
 *   failed for a reason the frame could not tell), `import-failed` (the entry arrived but its code threw while being
 *   imported), `module-invalid` (it exports no lifecycles);
 * - lifecycles: `bootstrap-failed`, `mount-failed`, `update-failed`, `unmount-failed`, `timeout` (a load or lifecycle
 *   that never settled), `tag-collision` (its custom-element tag is taken), `blocked` (a lifecycle held the main
 *   thread too long), `render-errors` (it kept throwing after it was mounted);
 * - refusals before any code is fetched: `sdk-mismatch`, `kind-unsupported`;
 * - `integrity`: the widget's bytes differ from the ones its manifest pins (or this page does not pin them), so
 *   they never ran.
 */
export type WidgetErrorCode =
  | 'entry-failed'
  | 'entry-not-found'
  | 'entry-http-error'
  | 'entry-not-js'
  | 'entry-network'
  | 'import-failed'
  | 'module-invalid'
  | 'bootstrap-failed'
  | 'mount-failed'
  | 'update-failed'
  | 'unmount-failed'
  | 'timeout'
  | 'tag-collision'
  | 'blocked'
  | 'render-errors'
  | 'integrity'
  | 'sdk-mismatch'
  | 'kind-unsupported';

/** The lifecycles of a widget the frame calls, and `load` for fetching its code. */
export type WidgetPhase = 'load' | 'bootstrap' | 'mount' | 'update' | 'unmount';

/** A widget failure with a stable code and a message that names the widget and what went wrong. */
export class WidgetError extends Error {
  readonly code: WidgetErrorCode;
  constructor(code: WidgetErrorCode, message: string, options?: { cause?: unknown }) {
    super(`${code}: ${message}`, options);
    this.name = 'WidgetError';
    this.code = code;
  }
}

/** Rejects with a `timeout` WidgetError when `promise` has not settled within `ms`. */
export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new WidgetError('timeout', `${what} did not finish within ${ms} ms`)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

/**
 * Whether `error` says that a custom-element tag was already taken: the browser's own refusal of
 * `customElements.define` (a `NotSupportedError`), or the SDK's `widget.tag-taken` from `defineWidget`.
 */
export function isTagCollision(error: unknown): boolean {
  const text = error instanceof Error ? `${error.name} ${error.message}` : String(error);
  if (text.includes('widget.tag-taken')) return true;
  return (
    error instanceof DOMException && error.name === 'NotSupportedError' && /already (been )?(used|defined)/.test(error.message)
  );
}

/** The WidgetError of a lifecycle that threw or rejected: its own if it is one, else one naming the phase. */
export function lifecycleError(phase: Exclude<WidgetPhase, 'load'>, widgetId: string, error: unknown): WidgetError {
  if (error instanceof WidgetError) return error;
  if (isTagCollision(error)) {
    return new WidgetError('tag-collision', `widget ${widgetId}: its custom-element tag is already taken`, { cause: error });
  }
  return new WidgetError(`${phase}-failed`, `widget ${widgetId}: ${phase} failed`, { cause: error });
}

const JS_TYPES = /^(text|application)\/(javascript|ecmascript|x-javascript)\b/i;

/**
 * Tells why importing a widget's entry failed. Browsers report every failed module fetch with the same
 * "Failed to fetch dynamically imported module", so the frame asks the entry once more itself: no answer is
 * `entry-network`, 404 `entry-not-found`, another error status `entry-http-error`, something that is not JavaScript
 * `entry-not-js`; an entry that answers good JavaScript means the module's own code threw (`import-failed`).
 * A custom-element tag collision while importing is `tag-collision`. Only called after a failure.
 */
export async function diagnoseEntryFailure(
  entry: string,
  error: unknown,
  fetcher: typeof fetch = (input, init) => fetch(input, init),
): Promise<WidgetErrorCode> {
  if (isTagCollision(error)) return 'tag-collision';
  let response: Response;
  try {
    response = await fetcher(entry, { cache: 'no-store', credentials: 'omit', mode: 'cors' });
  } catch {
    return 'entry-network';
  }
  // The body is not needed; free the connection.
  void response.body?.cancel().catch(() => undefined);
  if (response.status === 404 || response.status === 410) return 'entry-not-found';
  if (!response.ok) return 'entry-http-error';
  if (!JS_TYPES.test(response.headers.get('content-type') ?? '')) return 'entry-not-js';
  return 'import-failed';
}

/** An uncaught error or unhandled rejection the page saw. */
type UncaughtListener = (error: unknown) => void;

const uncaughtListeners = new Map<UncaughtListener, string>();
let uncaughtInstalled = false;

function stackOf(error: unknown): string {
  if (error instanceof Error) return error.stack ?? '';
  return '';
}

function dispatchUncaught(error: unknown, filename: string): void {
  const stack = stackOf(error);
  for (const [listener, prefix] of uncaughtListeners) {
    if (filename.startsWith(prefix) || stack.includes(prefix)) listener(error);
  }
}

/**
 * Calls `listener` for every uncaught error and unhandled rejection whose script or stack lies under `prefix` (a
 * widget's base URL): how the frame learns that a mounted widget keeps failing in code it runs on its own (renders,
 * timers, event handlers), which no lifecycle promise reports. Returns the function that stops listening.
 */
export function watchUncaughtErrors(prefix: string, listener: UncaughtListener): () => void {
  if (!uncaughtInstalled) {
    uncaughtInstalled = true;
    window.addEventListener('error', (event) => dispatchUncaught(event.error, event.filename ?? ''));
    window.addEventListener('unhandledrejection', (event) => dispatchUncaught(event.reason, ''));
  }
  uncaughtListeners.set(listener, prefix);
  return () => {
    uncaughtListeners.delete(listener);
  };
}
