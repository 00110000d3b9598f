import createClient from 'openapi-fetch';
import type { Role } from '@digione/sdk';
import type { MeResponse, RegistryPaths, ResolvedDashboard } from '@digione/manifests/types';
import { authorization } from '../auth/session.js';
import { config } from '../config.js';
import { errorFromResponse, unreachable } from './problem.js';

export type { ResolvedDashboard };

/** Public facts of a tenant the shell shows. */
export type TenantInfo = MeResponse['tenants'][number];

/**
 * The fetch of the shell's own API clients (openapi-fetch's `fetch` option): the signed-in user's token is attached
 * to every call, with a DPoP proof of the session's key for this very request (RFC 9449); network failures become
 * status 0 and error answers carry the server's problem document, so callers can tell "down" from "refused".
 * `init` is passed to every fetch (the admin client's `cache: 'no-store'`).
 */
export function authorizedFetch(init?: RequestInit): (input: Request) => Promise<Response> {
  return async (input) => {
    const request = new Request(input);
    for (const [name, value] of Object.entries(await authorization(request.method, request.url))) request.headers.set(name, value);
    request.headers.set('Accept', 'application/json');
    let response: Response;
    try {
      response = await fetch(request, init);
    } catch (error) {
      throw unreachable(request.url, error);
    }
    if (!response.ok) throw await errorFromResponse(response);
    return response;
  };
}

/** The registry client, typed by manifests/openapi/registry-api.yaml. */
const registry = createClient<RegistryPaths>({ baseUrl: config.registryUrl.replace(/\/$/, ''), fetch: authorizedFetch() });

/** The body of a successful answer (error answers were thrown in the client's fetch). */
function answered<T>(data: T | undefined, path: string): T {
  if (data === undefined) throw new Error(`registry: ${path} answered without a body`);
  return data;
}

/** The signed-in user as the platform sees them, and the names of their tenants. */
export async function fetchMe(): Promise<MeResponse> {
  const { data } = await registry.GET('/v1/me');
  return answered(data, '/v1/me');
}

/**
 * The resolved dashboard of `role` in `tenant`, refined by `school`'s dashboard (one of the user's schools in that
 * role), or by the user's school when they have exactly one there and name none.
 */
export async function fetchDashboard(role: Role, tenant: string, school?: string): Promise<ResolvedDashboard> {
  const { data } = await registry.GET('/v1/dashboard', { params: { query: { role, tenant, ...(school ? { school } : {}) } } });
  // The document describes widget manifests loosely: schemas/widget-manifest.v1.json is their one declaration.
  return answered(data, '/v1/dashboard') as ResolvedDashboard;
}
