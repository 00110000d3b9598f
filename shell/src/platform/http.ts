import { PlatformApiError, type ProblemDocument } from '@digione/sdk';
import { accessToken } from '../auth/session.js';

/** Extra headers and the URL of one authorised call. */
export interface AuthorisedRequest {
  url: URL;
  headers?: Record<string, string>;
}

function isProblem(body: unknown): body is ProblemDocument {
  return typeof body === 'object' && body !== null && 'title' in body && 'status' in body;
}

/**
 * GETs JSON with the signed-in user's access token. Network failures become status 0, error answers carry the
 * server's problem document title, so callers can tell "down" from "refused".
 */
export async function getJson<T>({ url, headers = {} }: AuthorisedRequest): Promise<T> {
  const token = await accessToken();
  let response: Response;
  try {
    response = await fetch(url, { headers: { ...headers, Accept: 'application/json', Authorization: `Bearer ${token}` } });
  } catch (error) {
    throw new PlatformApiError(0, `${url.origin} could not be reached: ${String(error)}`);
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const problem = isProblem(body) ? body : undefined;
    throw new PlatformApiError(response.status, problem?.detail ?? problem?.title ?? response.statusText, problem?.type);
  }
  return body as T;
}
