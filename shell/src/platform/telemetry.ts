import {
  CONTEXT_ERROR,
  WidgetContextError,
  XAPI_VERBS,
  XAPI_VERSION,
  type Locale,
  type PlatformApi,
  type TrackedStatement,
  type WidgetTelemetry,
  type XapiStatementInput,
  type XapiVerbName,
} from '@digione/sdk';

/** The xAPI context extension that names the widget a statement came from. */
export const WIDGET_EXTENSION = 'https://digione.fi/xapi/extensions/widget';

function isAbsoluteIri(value: unknown): value is string {
  if (typeof value !== 'string' || value.length > 2048) return false;
  try {
    return new URL(value).protocol.length > 1;
  } catch {
    return false;
  }
}

/** What a statement says about where it came from. */
export interface StatementOrigin {
  widgetId: string;
  widgetVersion: string;
  locale: Locale;
}

/**
 * Builds an xAPI 1.0.3 statement from what a widget tracked. The actor is left out: the platform fills in the
 * signed-in learner, so a widget can never record something about somebody else.
 */
export function buildStatement(tracked: TrackedStatement, origin: StatementOrigin, now: Date = new Date()): XapiStatementInput {
  const fail = (why: string): never => {
    throw new WidgetContextError(CONTEXT_ERROR.invalidStatement, `widget ${origin.widgetId}: ${why}`);
  };
  const verbId = Object.hasOwn(XAPI_VERBS, tracked.verb) ? XAPI_VERBS[tracked.verb as XapiVerbName] : tracked.verb;
  if (!isAbsoluteIri(verbId)) fail(`verb "${tracked.verb}" is neither one of ${Object.keys(XAPI_VERBS).join(', ')} nor an absolute IRI`);
  const object = tracked.object;
  if (!isAbsoluteIri(object?.id)) fail(`object.id "${String(object?.id)}" must be an absolute IRI, e.g. urn:acme:lesson:42`);
  if (object.type !== undefined && !isAbsoluteIri(object.type)) fail(`object.type "${object.type}" must be an absolute IRI`);
  const definition = {
    ...(object.name ? { name: { ...object.name } } : {}),
    ...(object.type ? { type: object.type } : {}),
  };
  const shortName = Object.entries(XAPI_VERBS).find(([, id]) => id === verbId)?.[0];
  return {
    id: crypto.randomUUID(),
    verb: { id: verbId, ...(shortName ? { display: { 'en-US': shortName } } : {}) },
    object: { objectType: 'Activity', id: object.id, ...(Object.keys(definition).length > 0 ? { definition } : {}) },
    ...(tracked.result ? { result: structuredClone(tracked.result) as XapiStatementInput['result'] } : {}),
    context: {
      platform: 'DigiOne',
      language: origin.locale,
      extensions: { [WIDGET_EXTENSION]: { id: origin.widgetId, version: origin.widgetVersion } },
    },
    timestamp: now.toISOString(),
  };
}

/** Telemetry for one widget: statements go to the platform's `/xapi/statements` through the widget's client. */
export function createWidgetTelemetry(api: PlatformApi, origin: () => StatementOrigin): WidgetTelemetry {
  return Object.freeze({
    async track(tracked: TrackedStatement): Promise<string> {
      const statement = buildStatement(tracked, origin());
      const { data } = await api.POST('/xapi/statements', {
        params: { header: { 'X-Experience-API-Version': XAPI_VERSION } },
        body: statement,
      });
      return data?.[0] ?? statement.id ?? '';
    },
  });
}
