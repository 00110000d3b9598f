import type { ProblemDocument } from '../../../sdk/src/api-types.ts';

/**
 * Problem codes of the platform API. The vocabulary and the `type` URIs are the registry's
 * (manifests/src/registry/problem.ts), so that a client reads one kind of error from every DigiOne server;
 * `learner-required` is the API's own: the client must pick a child.
 */
export const PROBLEM = {
  unauthorized: { status: 401, title: 'A valid access token is required' },
  'bad-request': { status: 400, title: 'The request is not valid' },
  'learner-required': { status: 400, title: 'Name the child you act for' },
  forbidden: { status: 403, title: 'Not allowed for this user' },
  'not-found': { status: 404, title: 'Not found' },
  conflict: { status: 409, title: 'Conflicts with what is stored' },
  'payload-too-large': { status: 413, title: 'The request body is too large' },
  'unsupported-media-type': { status: 415, title: 'Send the body as application/json' },
  'too-many-requests': { status: 429, title: 'Too many requests; try again later' },
  'identity-unavailable': { status: 503, title: 'The identity provider cannot be reached' },
  internal: { status: 500, title: 'The platform API failed' },
} as const satisfies Record<string, { status: number; title: string }>;

export type ProblemCode = keyof typeof PROBLEM;

/** An RFC 9457 problem document with our stable code as an extension member. */
export interface ApiProblem extends ProblemDocument {
  code: ProblemCode;
}

/** Media type of RFC 9457 problem documents. */
export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';

/** The problem document of a code, with a detail a developer can act on and the request path as `instance`. */
export function problem(code: ProblemCode, detail: string, instance?: string): ApiProblem {
  const { status, title } = PROBLEM[code];
  return {
    type: `https://schemas.digione.fi/problems/${code}`,
    title,
    status,
    detail,
    code,
    ...(instance === undefined ? {} : { instance }),
  };
}

/** Thrown by an operation to answer with a problem document; the server turns it into one (and audits it). */
export class ProblemError extends Error {
  constructor(
    readonly code: ProblemCode,
    readonly detail: string,
  ) {
    super(`${code}: ${detail}`);
    this.name = 'ProblemError';
  }

  get status(): number {
    return PROBLEM[this.code].status;
  }
}

/** The problem code of an HTTP status the framework chose (a body too large, a media type it cannot parse…). */
export function problemCodeOf(status: number): ProblemCode {
  const found = (Object.keys(PROBLEM) as ProblemCode[]).find((code) => PROBLEM[code].status === status && code !== 'learner-required');
  return found ?? (status >= 500 ? 'internal' : 'bad-request');
}
