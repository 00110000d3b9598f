import { lookup } from 'node:dns/promises';
import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from 'node:http';

/** Reads an `application/x-www-form-urlencoded` body of at most `limit` bytes; undefined when it is not one. */
export async function readForm(req: IncomingMessage, limit = 16_384): Promise<URLSearchParams | undefined> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/x-www-form-urlencoded') return undefined;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > limit) return undefined;
    chunks.push(buffer);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

/** Sends an HTML page with its CSP and no caching. */
export function sendHtml(res: ServerResponse, status: number, page: { html: string; csp: string }): void {
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'content-security-policy': page.csp,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
  });
  res.end(page.html);
}

/** Sends JSON with no caching. */
export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers });
  res.end(JSON.stringify(body));
}

/** Servers listening on every address of one host name, closed together. */
export interface Listening {
  servers: Server[];
  close(): Promise<void>;
}

/**
 * Listens on `port` at every address `host` resolves to. `localhost` is 127.0.0.1 on some machines and ::1 (too) on
 * others; browsers try both, so the sandbox answers on each, and stays off the network.
 */
export async function listenOnHost(handler: RequestListener, host: string, port: number): Promise<Listening> {
  const addresses = [...new Set((await lookup(host, { all: true })).map((a) => a.address))];
  const servers: Server[] = [];
  const errors: unknown[] = [];
  for (const address of addresses) {
    const server = createServer(handler);
    try {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, address, () => {
          server.off('error', reject);
          resolve();
        });
      });
      servers.push(server);
    } catch (error) {
      // An address family the machine lacks (no IPv6) is skipped; a port in use is an error on any address.
      const code = error instanceof Error && 'code' in error ? error.code : undefined;
      if (code !== 'EADDRNOTAVAIL' && code !== 'EAFNOSUPPORT') {
        await Promise.all(servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
        throw new Error(`sandbox: could not listen on ${address}:${port}: ${String(error)}`, { cause: error });
      }
      errors.push(error);
    }
  }
  if (servers.length === 0) {
    throw new Error(`sandbox: could not listen on ${host}:${port}: ${errors.map(String).join('; ')}`);
  }
  return {
    servers,
    async close(): Promise<void> {
      await Promise.all(
        servers.map(
          (server) =>
            new Promise<void>((resolve) => {
              server.close(() => resolve());
              server.closeAllConnections();
            }),
        ),
      );
    },
  };
}
