/**
 * The manifest registry (docs/platform.md, openapi/registry-api.yaml): serves the catalogue and resolved dashboards
 * to signed-in users and takes tenant admins' writes (admin.ts). It starts only from manifests the validator accepts
 * and validates every write the same way, so it never serves a document `digione validate` rejects.
 */
import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import cors from '@fastify/cors';
import Fastify, { type FastifyReply, type FastifyRequest } from 'fastify';
import { createRemoteJWKSet, type JWTVerifyGetKey } from 'jose';
import type { PlatformUser, Role, TenantConfig } from '@digione/sdk/identity';
import type { FastifySchemaValidationError } from 'fastify/types/schema.js';
import { SCHEMAS } from '../schemas.ts';
import { describeSchemaErrors } from '../validate/schema-errors.ts';
import type { ValidationIssue } from '../validate/issues.ts';
import { validateFiles, type ValidationResult } from '../validate/validate.ts';
import * as admin from './admin.ts';
import { authenticate, authenticateCaller, type TokenCheck } from './auth.ts';
import { ReplayCache } from './dpop.ts';
import { operation, openApiAjv, type HttpMethod } from './openapi.ts';
import { PROBLEM_CONTENT_TYPE, Problem } from './problem.ts';
import { contentSources } from './content-sources.ts';
import { mergeDashboards, resolveDashboard, withoutCodeKeys } from './resolve.ts';
import { openSqliteStorage } from './sqlite-storage.ts';
import { AUDIT_ACTIONS, type DashboardKey, type Storage } from './storage.ts';

/** Options of {@link startRegistry}. */
export interface RegistryOptions {
  /** TCP port; 0 picks a free one (the returned `url` names it). */
  port: number;
  /** Interface to listen on; default `localhost` (IPv4 and IPv6 loopback). */
  host?: string;
  /** Folder holding catalogue/, dashboards/, tenants/ and policies/. */
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

const FOLDERS = [SCHEMAS.widget.folder, SCHEMAS.dashboard.folder, SCHEMAS.tenant.folder, SCHEMAS.policy.folder] as const;

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

/**
 * Which school's dashboard refines the tenant's: the named one (which must be one of the caller's schools in the
 * role), or the caller's only school in the role; none when they have several and name none.
 */
function schoolFor(user: PlatformUser, role: Role, tenant: string, named: string | undefined): string | undefined {
  const schools = [...new Set(user.roles.filter((r) => r.role === role && r.tenant === tenant && r.schoolOid).map((r) => r.schoolOid ?? ''))];
  if (named !== undefined) {
    if (!schools.includes(named)) throw new Problem(403, 'forbidden', `you are not a ${role} at school ${named} in tenant \`${tenant}\``);
    return named;
  }
  return schools.length === 1 ? schools[0] : undefined;
}

/** A 400 naming each request field that fails the OpenAPI document, in the validator's words. */
function requestProblem(errors: FastifySchemaValidationError[], part: string): Problem {
  const where = part === 'querystring' ? 'query parameter' : part === 'params' ? 'path parameter' : 'body member';
  const details = describeSchemaErrors(errors as Parameters<typeof describeSchemaErrors>[0]).map((issue) => {
    const name = issue.pointer.split('/')[1] ?? '';
    const field = part === 'body' ? (issue.pointer === '' ? 'the body' : `body ${issue.pointer}`) : `${where} \`${name}\``;
    const reason = /^`[^`]+` is missing$/.test(issue.reason)
      ? 'is required'
      : part !== 'body' && issue.reason.startsWith('unknown property')
        ? 'is unknown'
        : issue.reason;
    return `${field} ${reason}${issue.hint ? ` (${issue.hint})` : ''}`;
  });
  return new Problem(400, 'bad-request', details.join('; '));
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
      policies: result.documents.policies.map(({ document }) => withoutSchemaRef(document)),
    });
    if (report.policyConflicts.length > 0) {
      const files = report.policyConflicts.map((conflict) => {
        const located = result.documents.policies.find(({ document: p }) => p.tenant === conflict.tenant && p.version === conflict.version);
        return `  ${located?.file ?? conflict.tenant} /version: version ${conflict.version} is already published with other content (hint: raise \`version\`)`;
      });
      throw new Error(`registry database ${options.dbPath} holds other content for these policy versions:\n${files.join('\n')}`);
    }
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
    replay: new ReplayCache(),
  };
  const authRequest = (request: FastifyRequest) => ({
    authorization: request.headers.authorization,
    dpop: request.headers.dpop,
    method: request.method,
    // The URL the client addressed, which a DPoP proof's `htu` names.
    url: `${request.protocol}://${request.host}${request.url}`,
  });
  const user = (request: FastifyRequest): Promise<PlatformUser> => authenticate(authRequest(request), check);
  /** The caller, preview tokens included; once per request (a DPoP proof is used once). */
  const callers = new WeakMap<FastifyRequest, ReturnType<typeof authenticateCaller>>();
  const caller = (request: FastifyRequest): ReturnType<typeof authenticateCaller> => {
    let known = callers.get(request);
    if (!known) callers.set(request, (known = authenticateCaller(authRequest(request), check)));
    return known;
  };

  /**
   * "Preview as" (docs/decisions/0008-preview-as.md): the draft of (tenant, role), resolved exactly as publishing it
   * would serve it, only to a preview token whose `act` is an admin of that tenant (checked here against the tenant's
   * configuration, not only trusted from the provider). A preview token gets the draft whether or not it says
   * `draft=true` (the real shell asks as usual), and nothing else: no published dashboard, no other role or tenant. The preview page's own request (key-bound) is audited as `dashboard.preview`.
   */
  const previewDashboard = async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> => {
    const { user: persona, preview } = await caller(request);
    if (!preview) throw new Problem(403, 'forbidden', 'the draft dashboard is served only to a preview token of the tenant\'s admin ("Preview as")');
    const role = String(query(request)['role']) as Role;
    const tenant = text(query(request)['tenant']) ?? preview.tenant;
    if (tenant !== preview.tenant || role !== preview.role) {
      throw new Problem(403, 'forbidden', `this preview token is for the ${preview.role} dashboard of \`${preview.tenant}\``);
    }
    const config = tenants.find((t) => t.id === tenant);
    if (!config?.admins.includes(preview.mpassUid)) throw new Problem(403, 'forbidden', `the previewing user is not an admin of \`${tenant}\``);
    const school = schoolFor(persona, role, tenant, text(query(request)['school']));
    const draftOr = async (key: DashboardKey) => (await storage.draft(key))?.dashboard ?? (await storage.latestDashboard(key));
    const merged = mergeDashboards(await draftOr({ tenant, role }), school === undefined ? undefined : await draftOr({ tenant, role, school }));
    if (!merged) throw new Problem(404, 'not-found', `tenant \`${tenant}\` has no dashboard or draft for the role \`${role}\``);
    const catalogue = new Map((await storage.widgets()).map((w) => [w.id, w]));
    if (preview.bound) {
      await storage.recordAudit({
        tenant,
        user: preview.sub,
        userName: preview.name,
        action: 'dashboard.preview',
        target: admin.dashboardTarget(school === undefined ? { tenant, role } : { tenant, role, school }),
        widgets: [],
        before: null,
        after: { persona: persona.id, personaName: persona.displayName },
      });
    }
    return noStore(reply).send(resolveDashboard(merged, role, catalogue, await storage.latestPolicy(tenant)));
  };

  // Request schemas come from openapi/registry-api.yaml: query and path strings are coerced, bodies never.
  const coercing = openApiAjv({ coerce: true });
  const strict = openApiAjv();
  const app = Fastify({
    logger: false,
    schemaErrorFormatter: (errors, part) => requestProblem(errors, part),
  });
  app.setValidatorCompiler(({ schema, httpPart }) => (httpPart === 'body' ? strict : coercing).compile(schema));
  await app.register(cors, {
    origin: [...options.corsOrigins],
    methods: ['GET', 'HEAD', 'PUT', 'POST', 'DELETE'],
    allowedHeaders: ['Authorization', 'DPoP', 'If-None-Match', 'Content-Type'],
    exposedHeaders: ['ETag', 'WWW-Authenticate'],
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

  type Handler = (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>;
  /** Registers a route the OpenAPI document describes, with its request schemas; a route it lacks fails the start. */
  const route = (method: HttpMethod, path: string, handler: Handler): void => {
    const { schema } = operation(method, path);
    app.route({ method: method.toUpperCase() as 'GET', url: path.replace(/\{([^}]+)\}/g, ':$1'), schema, handler });
  };
  const query = (request: FastifyRequest): Record<string, string | number | undefined> => request.query as Record<string, string | number | undefined>;
  const text = (value: string | number | undefined): string | undefined => (value === undefined || value === '' ? undefined : String(value));
  const noStore = (reply: FastifyReply): FastifyReply => reply.header('Cache-Control', 'no-store');

  route('get', '/health', async () => ({ status: 'ok' }));

  route('get', '/v1/content-sources', async (request, reply) => {
    const policies = (await Promise.all(tenants.map((t) => storage.latestPolicy(t.id)))).filter((p) => p !== undefined);
    return sendCacheable(request, reply, contentSources(await storage.widgets(), policies));
  });

  route('get', '/v1/me', async (request, reply) => {
    // A preview token too: the preview page shows who is previewed (the persona), as the real shell would.
    const me = (await caller(request)).user;
    // Each tenant's theme comes with it, so the shell brands a tenant switch (a guardian's child in another
    // municipality) without another round trip; no-store, so an admin's new theme shows on the next load.
    const mine = await Promise.all(
      tenants
        .filter((t) => me.tenants.includes(t.id))
        .map(async (t) => {
          const theme = (await storage.latestPolicy(t.id))?.theme;
          return { id: t.id, name: t.name, ...(theme ? { theme } : {}) };
        }),
    );
    return noStore(reply).send({ user: me, tenants: mine });
  });

  route('get', '/v1/catalogue', async (request, reply) => {
    await user(request);
    const widgets = (await storage.widgets()).map((w) => withoutCodeKeys(w));
    return sendCacheable(request, reply, { widgets });
  });

  route('get', '/v1/dashboard', async (request, reply) => {
    // One authentication per request: a DPoP proof is good once.
    const { user: me, preview } = await caller(request);
    if (String(query(request)['draft']) === 'true' || preview) return previewDashboard(request, reply);
    const role = String(query(request)['role']) as Role;
    const tenant = tenantFor(me, role, text(query(request)['tenant']));
    const school = schoolFor(me, role, tenant, text(query(request)['school']));
    const merged = mergeDashboards(
      await storage.latestDashboard({ tenant, role }),
      school === undefined ? undefined : await storage.latestDashboard({ tenant, role, school }),
    );
    if (!merged) throw new Problem(404, 'not-found', `tenant \`${tenant}\` has no dashboard for the role \`${role}\``);
    const catalogue = new Map((await storage.widgets()).map((w) => [w.id, w]));
    return sendCacheable(request, reply, resolveDashboard(merged, role, catalogue, await storage.latestPolicy(tenant)));
  });

  // Admin routes: the tenant in the path must be one the caller administers.
  const context: admin.AdminContext = { storage, user };
  const DASHBOARD = '/v1/admin/tenants/{tenant}/dashboards/{role}';
  const keyOf = (request: FastifyRequest) =>
    admin.dashboardKey(request.params as { tenant: string; role: Role }, text(query(request)['school']));
  const tenantOf = (request: FastifyRequest): string => (request.params as { tenant: string }).tenant;
  /** A draft's ETag: its revision (what `expectedRevision` names), so that a generic HTTP client can read it too. */
  const draftTag = (revision: number): string => `"draft-${revision}"`;

  route('get', `${DASHBOARD}/draft`, async (request, reply) => {
    const key = keyOf(request);
    await admin.requireAdmin(context, request, key.tenant);
    const draft = await storage.draft(key);
    if (!draft) throw new Problem(404, 'not-found', `the ${admin.dashboardTarget(key)} dashboard of tenant \`${key.tenant}\` has no draft`);
    return noStore(reply).header('ETag', draftTag(draft.revision)).send(draft);
  });
  route('put', `${DASHBOARD}/draft`, async (request, reply) => {
    const key = keyOf(request);
    const me = await admin.requireAdmin(context, request, key.tenant);
    const expected = query(request)['expectedRevision'];
    const draft = await admin.putDraft(storage, me, key, request.body, expected === undefined ? undefined : Number(expected));
    return noStore(reply).header('ETag', draftTag(draft.revision)).send(draft);
  });
  route('delete', `${DASHBOARD}/draft`, async (request, reply) => {
    const key = keyOf(request);
    const me = await admin.requireAdmin(context, request, key.tenant);
    await admin.deleteDraft(storage, me, key);
    return noStore(reply).code(204).send();
  });
  route('post', `${DASHBOARD}/publish`, async (request, reply) => {
    const key = keyOf(request);
    const me = await admin.requireAdmin(context, request, key.tenant);
    const { expectedVersion } = request.body as { expectedVersion: number };
    return noStore(reply).code(201).send(await admin.publishDraft(storage, me, key, expectedVersion));
  });
  route('get', `${DASHBOARD}/versions`, async (request, reply) => {
    const key = keyOf(request);
    await admin.requireAdmin(context, request, key.tenant);
    return noStore(reply).send({ versions: await storage.dashboardHistory(key) });
  });
  route('get', `${DASHBOARD}/versions/{version}`, async (request, reply) => {
    const key = keyOf(request);
    await admin.requireAdmin(context, request, key.tenant);
    const version = Number((request.params as { version: number }).version);
    const dashboard = await storage.dashboardVersion(key, version);
    if (!dashboard) throw new Problem(404, 'not-found', `the ${admin.dashboardTarget(key)} dashboard of tenant \`${key.tenant}\` has no version ${version}`);
    return noStore(reply).send(dashboard);
  });
  route('post', `${DASHBOARD}/rollback`, async (request, reply) => {
    const key = keyOf(request);
    const me = await admin.requireAdmin(context, request, key.tenant);
    const { toVersion, expectedVersion } = request.body as { toVersion: number; expectedVersion: number };
    return noStore(reply).code(201).send(await admin.rollback(storage, me, key, toVersion, expectedVersion));
  });

  const POLICY = '/v1/admin/tenants/{tenant}/policy';
  route('get', POLICY, async (request, reply) => {
    const tenant = tenantOf(request);
    await admin.requireAdmin(context, request, tenant);
    const policy = await storage.latestPolicy(tenant);
    if (!policy) throw new Problem(404, 'not-found', `tenant \`${tenant}\` has no policy`);
    return noStore(reply).send(policy);
  });
  route('put', POLICY, async (request, reply) => {
    const tenant = tenantOf(request);
    const me = await admin.requireAdmin(context, request, tenant);
    return noStore(reply).send(await admin.putPolicy(storage, me, tenant, request.body));
  });
  route('get', `${POLICY}/versions`, async (request, reply) => {
    const tenant = tenantOf(request);
    await admin.requireAdmin(context, request, tenant);
    return noStore(reply).send({ versions: await storage.policyHistory(tenant) });
  });
  route('put', `${POLICY}/widgets/{widgetId}`, async (request, reply) => {
    const tenant = tenantOf(request);
    const me = await admin.requireAdmin(context, request, tenant);
    const { widgetId } = request.params as { widgetId: string };
    const body = request.body as Parameters<typeof admin.approveWidget>[4];
    return noStore(reply).send(await admin.approveWidget(storage, me, tenant, widgetId, body));
  });
  route('delete', `${POLICY}/widgets/{widgetId}`, async (request, reply) => {
    const tenant = tenantOf(request);
    const me = await admin.requireAdmin(context, request, tenant);
    const { widgetId } = request.params as { widgetId: string };
    return noStore(reply).send(await admin.revokeWidget(storage, me, tenant, widgetId, Number(query(request)['expectedVersion'])));
  });

  route('get', '/v1/admin/audit', async (request, reply) => {
    const q = query(request);
    const tenant = String(q['tenant']);
    await admin.requireAdmin(context, request, tenant);
    const action = text(q['action']);
    const entries = await storage.audit({
      tenant,
      ...(text(q['user']) !== undefined ? { user: text(q['user']) } : {}),
      ...(action !== undefined && (AUDIT_ACTIONS as readonly string[]).includes(action) ? { action } : {}),
      ...(text(q['widget']) !== undefined ? { widget: text(q['widget']) } : {}),
      ...(text(q['from']) !== undefined ? { from: new Date(String(q['from'])).toISOString() } : {}),
      ...(text(q['to']) !== undefined ? { to: new Date(String(q['to'])).toISOString() } : {}),
    });
    return noStore(reply).send({ entries });
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
