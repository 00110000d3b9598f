import { accessToken } from '../auth/session.js';
import { errorFromResponse, unreachable } from './problem.js';

/** Extra headers and the URL of one authorised call. */
export interface AuthorisedRequest {
  url: URL;
  headers?: Record<string, string>;
}

/**
 * GETs JSON with the signed-in user's access token. Network failures become status 0, error answers carry the
 * server's problem document, so callers can tell "down" from "refused".
 */
export async function getJson<T>({ url, headers = {} }: AuthorisedRequest): Promise<T> {
  const token = await accessToken();
  let response: Response;
  try {
    response = await fetch(url, { headers: { ...headers, Accept: 'application/json', Authorization: `Bearer ${token}` } });
  } catch (error) {
    throw unreachable(url.href, error);
  }
  if (!response.ok) throw await errorFromResponse(response);
  return (await response.json()) as T;
}
