/**
 * The manifest registry (docs/platform.md): serves the catalogue and resolved dashboards to signed-in users.
 * It starts only from manifests the validator accepts, so it never serves a document `digione validate` rejects.
 */
import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import cors from '@fastify/cors';
import Fastify, { type FastifyReply, type FastifyRequest } from 'fastify';
import { createRemoteJWKSet, type JWTVerifyGetKey } from 'jose';
import { ROLES, isRole, type PlatformUser, type Role, type TenantConfig } from '@digione/sdk/identity';
import type { Dashboard } from '../generated/dashboard.v1.ts';
import { SCHEMAS } from '../schemas.ts';
import { didYouMean } from '../validate/hints.ts';
import type { ValidationIssue } from '../validate/issues.ts';
import { validateFiles, type ValidationResult } from '../validate/validate.ts';
import { authenticate, type TokenCheck } from './auth.ts';
import { PROBLEM_CONTENT_TYPE, Problem } from './problem.ts';
import { resolveDashboard, withoutCodeKeys } from './resolve.ts';
import { openSqliteStorage } from './sqlite-storage.ts';
import type { Storage } from './storage.ts';

/** Options of {@link startRegistry}. */
export interface RegistryOptions {
  /** TCP port; 0 picks a free one (the returned `url` names it). */
  port: number;
  /** Interface to listen on; default `localhost` (IPv4 and IPv6 loopback). */
  host?: string;
  /** Folder holding catalogue/, dashboards/ and tenants/. */
  manifestsDir: string;
  /** SQLite database file, or `:memory:`. */
  dbPath: string;
  /** Issuer the access tokens must name, e.g. http://localhost:4174. */
  issuer: string;
  /** Audience the access tokens must name: `urn:digione:platform`. */
  audience: string;
  /** Key lookup for token signatures; default: the issuer's JWKS at `<issuer>/jwks`. Tests pass a local key set. */
  jwks?: JWTVerifyGetKey;
  /** Browser origins allowed to call the registry, e.g. the shell's http://localhost:4173. */
  corsOrigins: readonly string[];
}

/** A started registry. */
export interface RunningRegistry {
  /** Base URL, e.g. http://localhost:4176. */
  url: string;
  close(): Promise<void>;
}

/** Thrown when the manifests do not validate; its message lists every issue by file and field. */
export class InvalidManifestsError extends Error {
  constructor(
    readonly manifestsDir: string,
    readonly issues: readonly ValidationIssue[],
  ) {
    const lines = issues.map(
      (i) => `  ${i.file} ${i.pointer === '' ? '(document)' : i.pointer}: ${i.reason}${i.hint ? ` (hint: ${i.hint})` : ''}`,
    );
    super(`manifests in ${manifestsDir} are invalid (${issues.length} ${issues.length === 1 ? 'error' : 'errors'}):\n${lines.join('\n')}`);
    this.name = 'InvalidManifestsError';
  }
}

const FOLDERS = [SCHEMAS.widget.folder, SCHEMAS.dashboard.folder, SCHEMAS.tenant.folder] as const;

async function validateManifestsDir(manifestsDir: string, folders: readonly string[]): Promise<ValidationResult> {
  for (const folder of folders) {
    const dir = path.join(manifestsDir, folder);
    const isDir = await stat(dir).then(
      (s) => s.isDirectory(),
      () => false,
    );
    if (!isDir) throw new Error(`manifests folder ${manifestsDir} has no ${folder}/ folder`);
  }
  const result = await validateFiles(folders.map((folder) => path.join(manifestsDir, folder)));
  if (!result.valid) throw new InvalidManifestsError(manifestsDir, result.issues);
  return result;
}

/** Drops the editor-only `$schema` property before a document is stored or served. */
function withoutSchemaRef<T extends { $schema?: string }>(document: T): Omit<T, '$schema'> {
  const { $schema: _schema, ...rest } = document;
  return rest;
}

/**
 * The tenants of `manifestsDir/tenants`, validated: the sandbox provider and platform API map claims with the
 * same list the registry uses.
 */
export async function loadTenants(manifestsDir: string): Promise<TenantConfig[]> {
  const result = await validateManifestsDir(manifestsDir, [SCHEMAS.tenant.folder]);
  return result.documents.tenants.map(({ document }) => withoutSchemaRef(document));
}

function single(request: FastifyRequest, name: string): string | undefined {
  const value = (request.query as Record<string, unknown> | undefined)?.[name];
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string') throw new Problem(400, 'bad-request', `give the query parameter \`${name}\` once`);
  return value;
}

/** RFC 9110 weak comparison, as If-None-Match asks. */
function noneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  const opaque = (tag: string): string => tag.trim().replace(/^W\//, '');
  return header.split(',').some((tag) => opaque(tag) === opaque(etag));
}

/** Sends `value` with a strong ETag of its bytes, or 304 when the client holds the same bytes. */
function sendCacheable(request: FastifyRequest, reply: FastifyReply, value: unknown): FastifyReply {
  const body = JSON.stringify(value);
  const etag = `"${createHash('sha256').update(body).digest('base64url')}"`;
  reply.header('ETag', etag).header('Cache-Control', 'private, no-cache');
  if (noneMatch(request.headers['if-none-match'], etag)) return reply.code(304).send();
  return reply.type('application/json; charset=utf-8').send(body);
}

/** Which tenant a dashboard request is for: the named one, or the only one where the user holds the role. */
function tenantFor(user: PlatformUser, role: Role, named: string | undefined): string {
  const tenants = [...new Set(user.roles.filter((r) => r.role === role).map((r) => r.tenant))];
  if (named !== undefined) {
    if (!tenants.includes(named)) {
      throw new Problem(
        403,
        'forbidden',
        user.tenants.includes(named)
          ? `you do not hold the role \`${role}\` in tenant \`${named}\``
          : `you hold no role in tenant \`${named}\``,
      );
    }
    return named;
  }
  if (tenants.length === 1 && tenants[0] !== undefined) return tenants[0];
  if (tenants.length === 0) throw new Problem(403, 'forbidden', `you do not hold the role \`${role}\``);
  throw new Problem(400, 'ambiguous-tenant', `you are a ${role} in several tenants: add \`tenant=\` with one of ${tenants.join(', ')}`, {
    choices: tenants,
  });
}

async function dashboardFor(storage: Storage, user: PlatformUser, role: Role, tenant: string): Promise<Dashboard | undefined> {
  // A school's own dashboard, when one of the user's schools (in this role) has one, before the tenant's default.
  const schools = user.roles.filter((r) => r.role === role && r.tenant === tenant && r.schoolOid).map((r) => r.schoolOid);
  for (const school of schools) {
    const dashboard = await storage.latestDashboard({ tenant, role, ...(school ? { school } : {}) });
    if (dashboard) return dashboard;
  }
  return storage.latestDashboard({ tenant, role });
}

/** Validates and loads `manifestsDir`, then serves the registry API. Rejects with a message naming file and field. */
export async function startRegistry(options: RegistryOptions): Promise<RunningRegistry> {
  const result = await validateManifestsDir(options.manifestsDir, FOLDERS);
  const storage = openSqliteStorage(options.dbPath);
  try {
    const report = await storage.seed({
      widgets: result.documents.widgets.map(({ document }) => withoutSchemaRef(document)),
      tenants: result.documents.tenants.map(({ document }) => withoutSchemaRef(document)),
      dashboards: result.documents.dashboards.map(({ document }) => withoutSchemaRef(document)),
    });
    if (report.conflicts.length > 0) {
      const files = report.conflicts.map((conflict) => {
        const located = result.documents.dashboards.find(
          ({ document: d }) =>
            d.tenant === conflict.tenant && d.role === conflict.role && d.school === conflict.school && d.version === conflict.version,
        );
        return `  ${located?.file ?? `${conflict.tenant}/${conflict.role}`} /version: version ${conflict.version} is already published with other content (hint: raise \`version\`)`;
      });
      throw new Error(`registry database ${options.dbPath} holds other content for these dashboard versions:\n${files.join('\n')}`);
    }
  } catch (error) {
    await storage.close();
    throw error;
  }

  const tenants = await storage.tenants();
  const check: TokenCheck = {
    issuer: options.issuer,
    audience: options.audience,
    jwks: options.jwks ?? createRemoteJWKSet(new URL(`${options.issuer.replace(/\/$/, '')}/jwks`)),
    tenants: () => tenants,
  };
  const user = (request: FastifyRequest): Promise<PlatformUser> => authenticate(request.headers.authorization, check);

  const app = Fastify({ logger: false });
  await app.register(cors, {
    origin: [...options.corsOrigins],
    methods: ['GET', 'HEAD'],
    allowedHeaders: ['Authorization', 'If-None-Match'],
    exposedHeaders: ['ETag'],
    maxAge: 600,
  });
  app.addHook('onSend', async (_request, reply) => {
    reply.header('X-Content-Type-Options', 'nosniff');
  });
  app.setErrorHandler((error: unknown, request, reply) => {
    let problem: Problem;
    if (error instanceof Problem) {
      problem = error;
    } else {
      const status = typeof error === 'object' && error !== null ? (error as { statusCode?: unknown }).statusCode : undefined;
      if (typeof status === 'number' && status >= 400 && status < 500) {
        problem = new Problem(status, 'bad-request', (error as Error).message);
      } else {
        console.error(`registry: ${request.method} ${request.url} failed:`, error);
        problem = new Problem(500, 'internal', 'the registry failed to answer; the error is in its log');
      }
    }
    return reply
      .code(problem.status)
      .headers(problem.headers)
      .header('Cache-Control', 'no-store')
      .type(PROBLEM_CONTENT_TYPE)
      .send(JSON.stringify(problem.document(request.url.split('?')[0])));
  });
  app.setNotFoundHandler((request) => {
    throw new Problem(404, 'not-found', `no ${request.method} ${request.url.split('?')[0]} here; see docs/platform.md`);
  });

  app.get('/health', async () => ({ status: 'ok' }));

  app.get('/v1/me', async (request, reply) => {
    const me = await user(request);
    const mine = tenants.filter((t) => me.tenants.includes(t.id)).map((t) => ({ id: t.id, name: t.name }));
    return reply.header('Cache-Control', 'no-store').send({ user: me, tenants: mine });
  });

  app.get('/v1/catalogue', async (request, reply) => {
    await user(request);
    const widgets = (await storage.widgets()).map((w) => withoutCodeKeys(w));
    return sendCacheable(request, reply, { widgets });
  });

  app.get('/v1/dashboard', async (request, reply) => {
    const me = await user(request);
    const role = single(request, 'role');
    if (role === undefined) {
      throw new Problem(400, 'bad-request', `the query parameter \`role\` is required: one of ${ROLES.join(', ')}`);
    }
    if (!isRole(role)) {
      const hint = didYouMean(role, ROLES);
      throw new Problem(400, 'bad-request', `\`${role}\` is not a role: use one of ${ROLES.join(', ')}${hint ? ` (${hint})` : ''}`);
    }
    const tenant = tenantFor(me, role, single(request, 'tenant'));
    const dashboard = await dashboardFor(storage, me, role, tenant);
    if (!dashboard) throw new Problem(404, 'not-found', `tenant \`${tenant}\` has no dashboard for the role \`${role}\``);
    const catalogue = new Map((await storage.widgets()).map((w) => [w.id, w]));
    return sendCacheable(request, reply, resolveDashboard(dashboard, role, catalogue));
  });

  try {
    await app.listen({ port: options.port, host: options.host ?? 'localhost' });
  } catch (error) {
    await storage.close();
    throw error;
  }
  const { port } = app.server.address() as AddressInfo;
  const host = options.host === undefined || options.host === 'localhost' ? 'localhost' : options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    url: `http://${host}:${port}`,
    async close() {
      await app.close();
      await storage.close();
    },
  };
}
