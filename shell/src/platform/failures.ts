import createClient from 'openapi-fetch';
import type { PlatformComponents, PlatformPaths } from '@digione/sdk';
import { authorization } from '../auth/session.js';
import { config } from '../config.js';

/** One widget failure as the frame reports it (the platform API's `WidgetFailureInput`). */
export type WidgetFailureReport = PlatformComponents['schemas']['WidgetFailureInput'];

/**
 * The shell's own client of the platform API's event log: the shell's token and no `X-DigiOne-Widget`, since the
 * shell, not the widget, reports. `keepalive` lets a report sent while the page is going away still arrive.
 */
const events = createClient<PlatformPaths>({
  baseUrl: config.apiUrl.replace(/\/$/, ''),
  async fetch(input: Request): Promise<Response> {
    const request = new Request(input, { keepalive: true });
    for (const [name, value] of Object.entries(await authorization(request.method, request.url))) request.headers.set(name, value);
    return fetch(request);
  },
});

/**
 * Sends a widget failure to the platform's event log (`POST /v1/events/widget-failures`). Never throws and never
 * blocks the frame: a report that cannot be sent (signed out, API down, rate-limited) is only logged here.
 */
export function reportWidgetFailure(failure: WidgetFailureReport): void {
  events
    .POST('/v1/events/widget-failures', { body: failure })
    .then(({ response }) => {
      if (!response.ok) console.warn(`[digione] the event log refused a widget failure report: ${response.status}`);
    })
    .catch((error: unknown) => console.warn('[digione] a widget failure could not be reported:', error));
}
