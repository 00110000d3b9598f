import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import fastifyStatic from '@fastify/static';
import fastifyCompress from '@fastify/compress';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CSP_REPORT_PATH } from './content-security.ts';

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

/** One CSP violation a browser reported. */
export interface CspReport {
  documentUri: string;
  blockedUri: string;
  directive: string;
}

/** What a site host sends for its page: the HTML and the headers that go with it (such as the CSP). */
export type PageRenderer = (indexHtml: string, path: string) => Promise<{ html: string; headers: Record<string, string> }>;

/**
 * Serves a built single-page site (the shell, the design-system gallery), with every unknown path (such as
 * /auth/callback) answered by index.html so that the page's own routing takes over. With `page`, index.html goes
 * through it on every request (the shell's CSP and integrity import map follow the registry's approvals), and CSP
 * violation reports posted to {@link CSP_REPORT_PATH} are logged. In production this is any CDN with an edge function.
 */
export async function startSiteHost({
  port,
  dir,
  name = 'shell',
  page,
  onCspReport,
}: {
  port: number;
  dir: string;
  name?: string;
  page?: PageRenderer;
  /** Called with each CSP violation report the page's browsers post. */
  onCspReport?: (report: CspReport) => void;
}): Promise<StaticHost> {
  const indexFile = join(dir, 'index.html');
  if (!existsSync(indexFile)) {
    throw new Error(`${name} host: ${dir}/index.html is missing; run "npm run build" first`);
  }
  const indexHtml = await readFile(indexFile, 'utf8');
  const app = Fastify({ logger: false });
  securityHeaders(app);
  await compression(app);
  await app.register(fastifyStatic, {
    root: dir,
    prefix: '/',
    wildcard: false,
    cacheControl: false,
    index: false,
    allowedPath: (path) => path !== '/index.html',
  });
  app.addHook('onSend', async (request, reply) => {
    // Hashed assets never change; the HTML must always be revalidated so that a new release is picked up.
    const immutable = request.url.startsWith('/assets/');
    reply.header('Cache-Control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
  });
  const sendPage = async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> => {
    if (!page) return reply.type('text/html; charset=utf-8').send(indexHtml);
    const { html, headers } = await page(indexHtml, request.url.split('?')[0] ?? '/');
    return reply.headers(headers).type('text/html; charset=utf-8').send(html);
  };
  app.get('/', sendPage);
  // The static plugin owns the /index.html route; the page must still go through `page` there.
  app.addHook('onRequest', async (request, reply) => {
    if (request.method === 'GET' && request.url.split('?')[0] === '/index.html') return sendPage(request, reply);
  });
  app.get('/*', sendPage);
  app.post(CSP_REPORT_PATH, { bodyLimit: 64 * 1024 }, async (request, reply) => {
    const report = (request.body as { 'csp-report'?: Record<string, unknown> } | undefined)?.['csp-report'];
    if (report) {
      const entry: CspReport = {
        documentUri: String(report['document-uri'] ?? ''),
        blockedUri: String(report['blocked-uri'] ?? ''),
        directive: String(report['effective-directive'] ?? report['violated-directive'] ?? ''),
      };
      onCspReport?.(entry);
      console.warn(`${name}: CSP refused ${String(report['blocked-uri'])} (${String(report['violated-directive'])}) on ${String(report['document-uri'])}`);
    }
    return reply.code(204).send();
  });
  app.addContentTypeParser('application/csp-report', { parseAs: 'string' }, (_request, body, done) => {
    try {
      done(null, JSON.parse(String(body)));
    } catch (error) {
      done(error as Error, undefined);
    }
  });
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
    // An iframe widget's page may be framed only by the shells the vendor serves, never by another site.
    if (String(reply.getHeader('content-type') ?? '').startsWith('text/html')) {
      reply.header('Content-Security-Policy', `frame-ancestors ${allowedOrigins.join(' ')}`);
    }
  });
  let decorate = true;
  for (const [path, dir] of Object.entries(widgets)) {
    // A module remote has remoteEntry.js, an iframe widget index.html, a plain ES-module element index.js.
    if (!['remoteEntry.js', 'index.html', 'index.js'].some((entry) => existsSync(join(dir, entry)))) {
      throw new Error(`vendor host: ${dir} has no remoteEntry.js, index.html or index.js; run "npm run build" first`);
    }
    await app.register(fastifyStatic, { root: dir, prefix: `/${path}/`, decorateReply: decorate, cacheControl: false });
    decorate = false;
  }
  await app.listen({ port, host: 'localhost' });
  return { url: `http://localhost:${port}`, close: () => app.close() };
}
