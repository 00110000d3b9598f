/** Why a widget frame is in error; the frame's `data-error` attribute carries this code. */
export type WidgetErrorCode =
  | 'entry-failed'
  | 'module-invalid'
  | 'mount-failed'
  | 'timeout'
  | 'sdk-mismatch'
  | 'kind-unsupported';

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
