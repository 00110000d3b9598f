/**
 * Test doubles of the widget context, for unit tests of widgets: `import { fakeContext } from '@digione/sdk/testing'`.
 *
 * @packageDocumentation
 */
import type { PlatformApi, WidgetContext } from '../context.js';

/** One call a widget made on a {@link fakeApi}. */
export interface FakeApiCall {
  /** `GET`, `PUT`, `POST`, `DELETE` or `PATCH`. */
  readonly method: string;
  /** The path template, e.g. `/v1/schedule`. */
  readonly path: string;
  /** The options the widget passed (`params`, `body`…). */
  readonly init: unknown;
}

/**
 * A platform API whose every call is recorded and answered by `answer`: what it returns becomes the call's `data`,
 * what it throws (e.g. a `PlatformApiError`) rejects the call, as the platform's client does.
 */
export function fakeApi(answer: (call: FakeApiCall) => unknown = () => ({})): { api: PlatformApi; calls: FakeApiCall[] } {
  const calls: FakeApiCall[] = [];
  const method =
    (name: string) =>
    async (path: string, init?: unknown): Promise<{ data: unknown; response: Response }> => {
      const call = { method: name, path, init };
      calls.push(call);
      return { data: await answer(call), response: new Response(null, { status: 200 }) };
    };
  const api = {
    GET: method('GET'),
    PUT: method('PUT'),
    POST: method('POST'),
    DELETE: method('DELETE'),
    PATCH: method('PATCH'),
  } as unknown as PlatformApi;
  return { api, calls };
}

/**
 * A complete `WidgetContext` that does nothing (a pupil in Vantaa, in Finnish, light theme), with any part
 * replaced by `overrides`.
 */
export function fakeContext(overrides: Partial<WidgetContext> = {}): WidgetContext {
  return {
    widget: { id: 'acme.test', instanceId: 'one', version: '1.0.0' },
    user: { id: 'u', displayName: 'Test', activeRole: 'pupil', roles: ['pupil'] },
    tenant: { id: 'vantaa', name: 'Vantaa' },
    locale: 'fi',
    onLocaleChange: () => () => undefined,
    theme: { scheme: 'light', brand: 'Vantaa' },
    onThemeChange: () => () => undefined,
    api: fakeApi(() => {
      throw new Error('fake context: no platform API answer was given for this test');
    }).api,
    events: { publish: () => undefined, subscribe: () => () => undefined },
    navigation: { openExternal: () => undefined, openWidget: () => false },
    notifications: { notify: () => undefined },
    settings: { get: async () => undefined, set: async () => undefined },
    telemetry: { track: async () => '' },
    config: {},
    ...overrides,
  };
}
