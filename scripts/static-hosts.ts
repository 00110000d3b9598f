import Fastify, { type FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import fastifyCompress from '@fastify/compress';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** A running static host. */
export interface StaticHost {
  url: string;
  close(): Promise<void>;
}

/** Brotli or gzip for every text answer, as any CDN in front of these files would do. */
async function compression(app: FastifyInstance): Promise<void> {
  await app.register(fastifyCompress, { global: true, threshold: 512, encodings: ['br', 'gzip'] });
}

function securityHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (_request, reply) => {
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Referrer-Policy', 'no-referrer');
  });
}

/**
 * Serves a built single-page site (the shell, the design-system gallery), with every unknown path (such as
 * /auth/callback) answered by index.html so that the page's own routing takes over. In production this is any CDN
 * or object storage.
 */
export async function startSiteHost({ port, dir, name = 'shell' }: { port: number; dir: string; name?: string }): Promise<StaticHost> {
  if (!existsSync(join(dir, 'index.html'))) {
    throw new Error(`${name} host: ${dir}/index.html is missing; run "npm run build" first`);
  }
  const app = Fastify({ logger: false });
  securityHeaders(app);
  await compression(app);
  await app.register(fastifyStatic, { root: dir, prefix: '/', wildcard: false, cacheControl: false });
  app.addHook('onSend', async (request, reply) => {
    // Hashed assets never change; the HTML must always be revalidated so that a new release is picked up.
    const immutable = request.url.startsWith('/assets/');
    reply.header('Cache-Control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
  });
  app.get('/*', (_request, reply) => reply.type('text/html').sendFile('index.html'));
  await app.listen({ port, host: 'localhost' });
  return { url: `http://localhost:${port}`, close: () => app.close() };
}

/**
 * Serves one fictional vendor's widget builds from the vendor's own origin, each under its own path
 * (e.g. /schedule/remoteEntry.js), with CORS for the shell so that its page may import them.
 */
export async function startVendorHost({
  port,
  widgets,
  allowedOrigins,
}: {
  port: number;
  /** Path on the vendor origin (e.g. "schedule") → the widget's dist folder. */
  widgets: Record<string, string>;
  allowedOrigins: string[];
}): Promise<StaticHost> {
  const app = Fastify({ logger: false });
  securityHeaders(app);
  await compression(app);
  app.addHook('onSend', async (request, reply) => {
    const origin = request.headers.origin;
    if (origin && allowedOrigins.includes(origin)) {
      reply.header('Access-Control-Allow-Origin', origin);
      reply.header('Vary', 'Origin');
    }
    reply.header('Cross-Origin-Resource-Policy', 'cross-origin');
  });
  let decorate = true;
  for (const [path, dir] of Object.entries(widgets)) {
    if (!existsSync(join(dir, 'remoteEntry.js'))) {
      throw new Error(`vendor host: ${dir}/remoteEntry.js is missing; run "npm run build" first`);
    }
    await app.register(fastifyStatic, { root: dir, prefix: `/${path}/`, decorateReply: decorate, cacheControl: false });
    decorate = false;
  }
  await app.listen({ port, host: 'localhost' });
  return { url: `http://localhost:${port}`, close: () => app.close() };
}
