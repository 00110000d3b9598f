/**
 * Learning telemetry as xAPI 1.0.3 statements, sent through the platform to its learning record store.
 *
 * @packageDocumentation
 */

/** The xAPI version the platform speaks; sent as `X-Experience-API-Version`. */
export const XAPI_VERSION = '1.0.3';

/** ADL verbs a widget may name by their short name; any other verb must be given as an absolute IRI. */
export const XAPI_VERBS = {
  experienced: 'http://adlnet.gov/expapi/verbs/experienced',
  attempted: 'http://adlnet.gov/expapi/verbs/attempted',
  answered: 'http://adlnet.gov/expapi/verbs/answered',
  completed: 'http://adlnet.gov/expapi/verbs/completed',
  passed: 'http://adlnet.gov/expapi/verbs/passed',
  failed: 'http://adlnet.gov/expapi/verbs/failed',
  interacted: 'http://adlnet.gov/expapi/verbs/interacted',
  launched: 'http://adlnet.gov/expapi/verbs/launched',
  progressed: 'http://adlnet.gov/expapi/verbs/progressed',
  scored: 'http://adlnet.gov/expapi/verbs/scored',
} as const;

/** A short ADL verb name from {@link XAPI_VERBS}. */
export type XapiVerbName = keyof typeof XAPI_VERBS;

/** A language map, as xAPI has them: BCP 47 tag → text. */
export type LanguageMap = Readonly<Record<string, string>>;

/** The activity a statement is about. */
export interface TrackedActivity {
  /** Absolute IRI of the activity, stable per thing (e.g. `urn:lumo:bulletin:item:42`). */
  readonly id: string;
  /** Human-readable name, per language. */
  readonly name?: LanguageMap;
  /** Activity type IRI, e.g. `http://adlnet.gov/expapi/activities/lesson`. */
  readonly type?: string;
}

/** An xAPI score. */
export interface TrackedScore {
  /** Between -1 and 1. */
  readonly scaled?: number;
  /** The score as counted, between `min` and `max`. */
  readonly raw?: number;
  /** The lowest possible score. */
  readonly min?: number;
  /** The highest possible score. */
  readonly max?: number;
}

/** The xAPI `result` of a statement. */
export interface TrackedResult {
  /** Whether the activity was finished. */
  readonly completion?: boolean;
  /** Whether the activity was passed or done right. */
  readonly success?: boolean;
  /** The score. */
  readonly score?: TrackedScore;
  /** ISO 8601 duration, e.g. `PT1M30S`. */
  readonly duration?: string;
  /** The learner's answer, as text. */
  readonly response?: string;
}

/** What a widget tells {@link WidgetTelemetry.track}: who did it is filled in by the platform. */
export interface TrackedStatement {
  /** A short ADL verb name or an absolute verb IRI. */
  readonly verb: XapiVerbName | (string & {});
  /** What the learner did it to. */
  readonly object: TrackedActivity;
  /** How it went. */
  readonly result?: TrackedResult;
}

/** Learning telemetry as a widget sees it. */
export interface WidgetTelemetry {
  /**
   * Builds an xAPI 1.0.3 statement (the platform fills in the actor, the timestamp, the widget and the language)
   * and sends it to the platform's learning record store.
   *
   * @returns the id of the stored statement.
   * @throws `WidgetContextError` `telemetry.invalid-statement` for an unknown verb or a relative IRI;
   *   `PlatformApiError` when the store refuses it or cannot be reached.
   * @example
   * ```ts
   * await context.telemetry.track({ verb: 'experienced', object: { id: 'urn:lumo:bulletin:item:42' } });
   * ```
   */
  track(statement: TrackedStatement): Promise<string>;
}
