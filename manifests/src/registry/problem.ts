/** RFC 9457 problem details: every error the registry answers with. */

/** Stable problem codes; each is also the last segment of the problem `type` URI. */
export const PROBLEM_CODES = [
  'unauthorized',
  'forbidden',
  'bad-request',
  'ambiguous-tenant',
  'not-found',
  'conflict',
  'invalid-document',
  'identity-unavailable',
  'internal',
] as const;
export type ProblemCode = (typeof PROBLEM_CODES)[number];

const TITLES: Readonly<Record<ProblemCode, string>> = {
  unauthorized: 'A valid access token is required',
  forbidden: 'Not allowed for this user',
  'bad-request': 'The request is not valid',
  'ambiguous-tenant': 'Name the tenant',
  'not-found': 'Not found',
  conflict: 'Another version was published first',
  'invalid-document': 'The document is not valid',
  'identity-unavailable': 'The identity provider cannot be reached',
  internal: 'The registry failed',
};

/** The JSON body of a problem answer. */
export interface ProblemDocument {
  type: string;
  title: string;
  status: number;
  detail: string;
  /** Our stable code (the `type` URI's last segment), for clients that branch on it. */
  code: ProblemCode;
  instance?: string;
  [extension: string]: unknown;
}

/** Thrown by handlers; the error handler turns it into an `application/problem+json` answer. */
export class Problem extends Error {
  constructor(
    readonly status: number,
    readonly code: ProblemCode,
    readonly detail: string,
    readonly extensions: Readonly<Record<string, unknown>> = {},
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(detail);
    this.name = 'Problem';
  }

  /** The document to send, naming the request path as `instance`. */
  document(instance?: string): ProblemDocument {
    return {
      ...this.extensions,
      type: `https://schemas.digione.fi/problems/${this.code}`,
      title: TITLES[this.code],
      status: this.status,
      detail: this.detail,
      code: this.code,
      ...(instance ? { instance } : {}),
    };
  }
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';
