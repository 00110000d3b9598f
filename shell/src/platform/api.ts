import createClient from 'openapi-fetch';
import { PlatformApiError, type PlatformApi, type PlatformPaths } from '@digione/sdk';
import { authorizationFor } from '../auth/session.js';
import { errorFromResponse, unreachable } from './problem.js';

/** What the platform API client of one widget needs. */
export interface PlatformApiOptions {
  /** Manifest id of the widget, sent as `X-DigiOne-Widget` so the audit log names it. */
  widgetId: string;
  /** The platform API's origin (and base path). */
  baseUrl: string;
  /** The widget's access token to send; asked for on every call, so a renewed token is used at once. */
  token: () => Promise<string>;
  /** The fetch to call; tests pass a fake. */
  fetch?: (request: Request) => Promise<Response>;
  /**
   * The `Authorization` (and `DPoP`) headers that send the token to a URL; default the session's: the `DPoP` scheme
   * with a fresh proof of its key, to which the widgets' tokens are bound as the shell's own are.
   */
  authorize?: (method: string, url: string, token: string) => Promise<Record<string, string>>;
}

/**
 * The typed platform API client one widget instance gets. The token is attached in the client's fetch, below
 * every openapi-fetch middleware, so the widget's code never sees it; every call names the widget. Error answers
 * and unreachable servers reject with a `PlatformApiError` carrying the problem document.
 */
export function createPlatformApi({ widgetId, baseUrl, token, fetch: send = (r) => fetch(r), authorize = authorizationFor }: PlatformApiOptions): PlatformApi {
  const base = new URL(baseUrl);
  const client = createClient<PlatformPaths>({
    baseUrl: base.href.replace(/\/$/, ''),
    async fetch(input: Request): Promise<Response> {
      // Paths come from the typed client, but a widget could still hand it a full URL: never send a token elsewhere.
      if (new URL(input.url).origin !== base.origin) {
        throw new TypeError(`api: ${input.url} is not on the platform API (${base.origin})`);
      }
      let bearer: string;
      try {
        bearer = await token();
      } catch (error) {
        // The widget learns that it has no token, never anything of the exchange (or of the shell's session).
        throw error instanceof PlatformApiError ? error : new PlatformApiError(401, 'The platform API cannot be called: no sign-in.');
      }
      const request = new Request(input);
      for (const [name, value] of Object.entries(await authorize(request.method, request.url, bearer))) request.headers.set(name, value);
      request.headers.set('X-DigiOne-Widget', widgetId);
      if (!request.headers.has('Accept')) request.headers.set('Accept', 'application/json');
      let response: Response;
      try {
        response = await send(request);
      } catch (error) {
        throw unreachable(request.url, error);
      }
      if (!response.ok) throw await errorFromResponse(response);
      return response;
    },
  });
  const { GET, PUT, POST, DELETE, PATCH } = client;
  return Object.freeze({ GET, PUT, POST, DELETE, PATCH });
}
