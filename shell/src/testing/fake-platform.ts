/** One request the fake platform API received, with its body read. */
export interface Received {
  method: string;
  url: URL;
  headers: Headers;
  body: unknown;
}

/** How the fake answers a request: a JSON answer, a problem document, or a thrown network error. */
export type Answer = { status?: number; json?: unknown; problem?: Record<string, unknown> } | 'network-error';

/**
 * A fake of the platform API's fetch for unit tests: records every request and answers with `answer`.
 */
export function fakeFetch(answer: (request: Received) => Answer = () => ({ json: {} })) {
  const received: Received[] = [];
  const fetch = async (request: Request): Promise<Response> => {
    const text = await request.text();
    const entry: Received = {
      method: request.method,
      url: new URL(request.url),
      headers: request.headers,
      body: text ? (JSON.parse(text) as unknown) : undefined,
    };
    received.push(entry);
    const result = answer(entry);
    if (result === 'network-error') throw new TypeError('Failed to fetch');
    if (result.problem) {
      return new Response(JSON.stringify(result.problem), {
        status: result.status ?? 500,
        headers: { 'Content-Type': 'application/problem+json' },
      });
    }
    return new Response(JSON.stringify(result.json ?? {}), {
      status: result.status ?? 200,
      headers: { 'Content-Type': 'application/json' },
    });
  };
  return { fetch, received };
}

/** A problem document as the platform sends it. */
export function problem(status: number, code: string, detail: string): Record<string, unknown> {
  return { type: `https://schemas.digione.fi/problems/${code}`, title: code, status, code, detail };
}
