import { PlatformApiError, type ProblemDocument } from '@digione/sdk';

/** Whether `body` looks like an RFC 9457 problem document. */
export function isProblem(body: unknown): body is ProblemDocument {
  return typeof body === 'object' && body !== null && 'title' in body && 'status' in body;
}

/** The {@link PlatformApiError} for an error answer, carrying its problem document when it has one. */
export async function errorFromResponse(response: Response): Promise<PlatformApiError> {
  const body: unknown = await response.json().catch(() => undefined);
  const problem = isProblem(body) ? body : undefined;
  return new PlatformApiError(response.status, problem?.detail ?? problem?.title ?? response.statusText, problem);
}

/** The {@link PlatformApiError} for a call that never got an answer. */
export function unreachable(url: string, error: unknown): PlatformApiError {
  return new PlatformApiError(0, `${new URL(url).origin} could not be reached: ${String(error)}`);
}
