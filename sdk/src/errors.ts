import type { ProblemDocument } from './api-types.js';

/**
 * Stable codes of the errors the platform throws at a widget that misuses its context. A code never changes
 * meaning; the message says what to do.
 */
export const CONTEXT_ERROR = {
  /** The topic is not in the manifest's `events.publishes` (or `events.subscribes`) list. */
  undeclaredTopic: 'events.undeclared-topic',
  /** The topic is not a dotted name such as `messages.unread-count`. */
  invalidTopic: 'events.invalid-topic',
  /** The payload cannot be structured-cloned (functions, DOM nodes…). */
  payloadNotCloneable: 'events.payload-not-cloneable',
  /** `navigation.openExternal()` refused a URL that is not https (or http on localhost). */
  urlRefused: 'navigation.url-refused',
  /** `telemetry.track()` got something that cannot become an xAPI statement. */
  invalidStatement: 'telemetry.invalid-statement',
  /** `settings.set()` got a value that is not JSON or is too large. */
  invalidSettings: 'settings.invalid-value',
} as const;

/** One of the {@link CONTEXT_ERROR} codes. */
export type ContextErrorCode = (typeof CONTEXT_ERROR)[keyof typeof CONTEXT_ERROR];

/**
 * A widget used its context in a way the platform refuses. `code` is stable; the message names the widget and the
 * fix.
 */
export class WidgetContextError extends Error {
  /** Stable code, one of {@link CONTEXT_ERROR}. */
  readonly code: ContextErrorCode;
  /** Creates the error; the message is prefixed with the code. */
  constructor(code: ContextErrorCode, message: string) {
    super(`${code}: ${message}`);
    this.name = 'WidgetContextError';
    this.code = code;
  }
}

/**
 * A platform API call failed. `status` is the HTTP status (0 when the platform could not be reached) and
 * `problem` the RFC 9457 problem document the server sent, when it sent one.
 */
export class PlatformApiError extends Error {
  /** HTTP status, or 0 when the platform could not be reached. */
  readonly status: number;
  /** Problem type URI, when the server sent one. */
  readonly type: string | undefined;
  /** The problem document the server sent, if any. */
  readonly problem: ProblemDocument | undefined;
  /** Creates the error; the message should be the problem's `detail` or `title`. */
  constructor(status: number, message: string, problem?: ProblemDocument) {
    super(message);
    this.name = 'PlatformApiError';
    this.status = status;
    this.type = problem?.type;
    this.problem = problem;
  }
}
