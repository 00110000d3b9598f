import { createHash } from 'node:crypto';
import cors from '@fastify/cors';
import { toPlatformUser, type Role, type TenantConfig } from '@digione/sdk/identity';
import type { ErrorObject } from 'ajv';
import Fastify, { type FastifyError, type FastifyReply, type FastifyRequest } from 'fastify';
import { createLocalJWKSet, createRemoteJWKSet, errors as joseErrors, jwtVerify, type JSONWebKeySet, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { boundThumbprint, DpopError, parseAuthorization, ReplayCache, verifyDpopProof } from '@digione/manifests/dpop';
import { getDataset, type Dataset } from '../data/dataset.ts';
import { callerOf, identityClaimsFrom, narrowToBinding, PREVIEW_CLAIM, previewActorOf, scopeRefusal, widgetBindingOf, WIDGET_CLAIM, type Caller } from './access.ts';
import { AuditLog, type AuditEntry } from './audit.ts';
import type { OperationContext } from './context.ts';
import { OPERATIONS } from './handlers/index.ts';
import { LEARNER_HOME, XAPI_VERSION } from './handlers/xapi.ts';
import { createAjv, loadOpenApi, operationsOf, OPENAPI_PATH, type Operation } from './openapi.ts';
import { problem, problemCodeOf, ProblemError, PROBLEM_CONTENT_TYPE, type ProblemCode } from './problems.ts';
import { ApiStore } from './store.ts';

export { MAX_SCHEDULE_DAYS } from './handlers/teaching.ts';

/** Options of {@link startPlatformApi}. */
export interface PlatformApiOptions {
  port: number;
  /** The OpenID provider whose access tokens are accepted; its keys are read from `<issuer>/jwks`. */
  issuer: string;
  /** Required `aud` of access tokens, `urn:digione:platform`. */
  audience: string;
  /** Platform configuration of the tenants (manifests/tenants/*.json). */
  tenants: readonly TenantConfig[];
  /** The shell's origin, allowed by CORS. */
  shellOrigin: string;
  /** When given, every audit entry is also appended to this file as a JSON line. */
  auditLogPath?: string;
  /** Host name to listen on; default `localhost` (every loopback address it resolves to). */
  host?: string;
  /** The clock that message and bulletin times are relative to; default the real one. */
  now?: () => Date;
  /**
   * Signing keys trusted beside the issuer's JWKS (tokens must still name the issuer and audience). For tests that
   * act as generated users the sandbox provider has no sign-in for; never set it in a deployment.
   */
  extraKeys?: JSONWebKeySet;
  /** The data set to serve; default the sandbox's generated one. */
  dataset?: Dataset;
  /** The OpenAPI document to serve and validate against; default sdk/openapi/platform-api.yaml. */
  openApiPath?: string;
}

/** A running sandbox platform API. */
export interface PlatformApi {
  url: string;
  close(): Promise<void>;
  /** Audit entries so far, oldest first (the same array the server appends to). */
  audit: AuditEntry[];
  /** Resolves when every audit entry so far is written to `auditLogPath`. */
  flushAudit(): Promise<void>;
}

/** What each route carries for the hooks. */
interface RouteConfig {
  secured?: boolean;
  operationId?: string;
  /** The route as the audit log names it: the path for GET, `METHOD path` otherwise. */
  routeName?: string;
}

/** The caller of the public operations (the document and health), which need no token. */
const ANONYMOUS_CALLER: Caller = {
  user: { id: '', displayName: '', idp: 'mpassid', roles: [], roleNames: [], tenants: [], schools: [], children: [] },
  children: new Map(),
  teaching: new Set(),
  principalOf: new Set(),
  staffSchools: new Set(),
  staffIds: new Set(),
  adminOf: new Set(),
};

function sendProblem(reply: FastifyReply, code: ProblemCode, detail: string, request: FastifyRequest, status?: number): FastifyReply {
  const doc = { ...problem(code, detail, request.url.split('?')[0]), ...(status === undefined ? {} : { status }) };
  return reply.code(doc.status).type(PROBLEM_CONTENT_TYPE).send(doc);
}

/** One line per validation failure, naming the parameter or member: `querystring/limit must be <= 100`. */
function describeValidation(errors: readonly ErrorObject[], part: string): string {
  // For `oneOf` bodies (one statement or many) the telling failure is not "must be array" of the branch the caller
  // did not mean: prefer failures other than a wrong type, then the deepest one.
  const useful = errors.filter((e) => e.keyword !== 'oneOf' && e.keyword !== 'if');
  const untyped = useful.filter((e) => e.keyword !== 'type');
  const pool = untyped.length > 0 ? untyped : useful.length > 0 ? useful : [...errors];
  const ranked = [...pool].sort((a, b) => b.instancePath.split('/').length - a.instancePath.split('/').length);
  const error = ranked[0];
  if (!error) return `${part} is not valid`;
  const params: Record<string, unknown> = error.params;
  const extra = typeof params.additionalProperty === 'string' ? ` ('${params.additionalProperty}')` : '';
  return `${part}${error.instancePath} ${error.message ?? 'is not valid'}${extra}`;
}

/** A strong ETag of a serialized answer. */
function etagOf(payload: string | Buffer): string {
  return `"${createHash('sha256').update(payload).digest('base64url').slice(0, 32)}"`;
}

function matchesIfNoneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((candidate) => candidate.trim().replace(/^W\//, '') === etag);
}

/**
 * Starts the sandbox platform API: every operation of the OpenAPI document (sdk/openapi/platform-api.yaml) over
 * the sandbox data set, validated against that document, for callers with a valid access token from the issuer,
 * with the access rules enforced here and an audit entry for every read of personal data.
 */
export async function startPlatformApi(options: PlatformApiOptions): Promise<PlatformApi> {
  const issuer = options.issuer.replace(/\/+$/, '');
  const shellOrigin = new URL(options.shellOrigin).origin;
  const now = options.now ?? ((): Date => new Date());
  const audit = new AuditLog(options.auditLogPath);
  const remoteKeys = createRemoteJWKSet(new URL(`${issuer}/jwks`));
  const extraKeys = options.extraKeys ? createLocalJWKSet(options.extraKeys) : undefined;
  const extraKids = new Set((options.extraKeys?.keys ?? []).map((k) => k.kid));
  const keys: JWTVerifyGetKey = (header, token) =>
    extraKeys && header.kid !== undefined && extraKids.has(header.kid) ? extraKeys(header, token) : remoteKeys(header, token);
  const data = options.dataset ?? getDataset();
  const openapi = loadOpenApi(options.openApiPath ?? OPENAPI_PATH);
  const operations = operationsOf(openapi.doc);
  const store = new ApiStore(data, LEARNER_HOME);
  const callers = new WeakMap<FastifyRequest, Caller>();
  /** The widget a request's delegated token was issued for. */
  const widgets = new WeakMap<FastifyRequest, string>();
  /** `jti`s of the DPoP proofs seen recently (a proof is good for one request). */
  const replay = new ReplayCache();
  /** The proof algorithms the challenge names (RFC 9449 §7.1). */
  const DPOP_ALGS = 'ES256 PS256 RS256 EdDSA';

  const documented = new Set(operations.map((o) => o.operationId));
  const missing = operations.filter((o) => !OPERATIONS[o.operationId]).map((o) => o.operationId);
  const undocumented = Object.keys(OPERATIONS).filter((id) => !documented.has(id));
  if (missing.length > 0 || undocumented.length > 0) {
    throw new Error(`sandbox api: the document and the server disagree; not implemented: [${missing.join(', ')}], not documented: [${undocumented.join(', ')}]`);
  }

  const app = Fastify({
    logger: false,
    // Long path parameters reach validation (and get a 400 naming the parameter) instead of missing every route.
    routerOptions: { maxParamLength: 2048 },
    // A DPoP proof names the URL it is for (`htu`), so a long URL is in the headers twice: room for both, so that
    // such a request reaches validation too instead of a bare 431.
    http: { maxHeaderSize: 64 * 1024 },
    // Malformed URLs and the like get a problem document like every other error.
    frameworkErrors: (error, request, reply) => {
      void sendProblem(reply, 'bad-request', error.message, request);
    },
    schemaErrorFormatter: (errors, dataVar) => new Error(describeValidation(errors, dataVar)),
  });

  // Query, path and header values are strings on the wire: coerce them to the document's types. Bodies are JSON and
  // must already have the right types. Both with the document's own dialect (JSON Schema 2020-12).
  const coercing = createAjv({ coerce: true });
  const strict = createAjv();
  app.setValidatorCompiler(({ schema, httpPart }) => {
    if (httpPart === 'body') return strict.compile(schema);
    const validate = coercing.compile(schema);
    // Ajv coerces `1e309` to Infinity and then skips `maximum` for it: refuse non-finite numbers here.
    const checked = (value: unknown): boolean => {
      const ok = validate(value);
      checked.errors = validate.errors;
      if (!ok || typeof value !== 'object' || value === null) return ok;
      for (const [key, v] of Object.entries(value)) {
        if (typeof v === 'number' && !Number.isFinite(v)) {
          checked.errors = [{ instancePath: `/${key}`, schemaPath: '', keyword: 'type', params: {}, message: 'must be a finite number' }];
          return false;
        }
      }
      return true;
    };
    checked.errors = null as ErrorObject[] | null | undefined;
    return checked;
  });

  await app.register(cors, {
    // A list, so that only the shell's origin is echoed back (a plain string would be sent to every origin).
    origin: [shellOrigin],
    methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH'],
    allowedHeaders: ['Authorization', 'DPoP', 'X-DigiOne-Widget', 'Content-Type', 'Accept', 'If-None-Match', 'X-Experience-API-Version'],
    exposedHeaders: ['ETag', 'Location', 'X-Experience-API-Version', 'WWW-Authenticate'],
    maxAge: 600,
  });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error.validation) return sendProblem(reply, 'bad-request', error.message, request);
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      // Framework refusals (invalid JSON, a body too large, an unknown media type…): their own status, our document.
      return sendProblem(reply, problemCodeOf(status), error.message, request, status);
    }
    console.error('sandbox api:', error);
    return sendProblem(reply, 'internal', 'An unexpected error; the server log has the details.', request);
  });

  app.setNotFoundHandler((request, reply) => sendProblem(reply, 'not-found', `${request.method} ${request.url.split('?')[0]}`, request));

  // Authentication runs before validation: an anonymous caller learns nothing about the API but that it needs a token.
  // A widget's delegated token (token exchange at the provider) must also carry the operation's scope, and acts
  // only in the tenant, role and child it was issued for; the shell's own token (no `act`) reaches every operation.
  app.addHook('onRequest', async (request, reply) => {
    const config = request.routeOptions.config as RouteConfig;
    if (request.method === 'OPTIONS' || request.routeOptions.url === undefined || config.secured !== true) return;
    const parsed = parseAuthorization(request.headers.authorization);
    if (!parsed) {
      reply.header('www-authenticate', 'Bearer realm="digione"');
      return sendProblem(reply, 'unauthorized', 'Send `Authorization: DPoP <access token>` with a `DPoP` proof, or `Bearer <access token>`.', request);
    }
    const { scheme, token } = parsed;
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, keys, {
        issuer,
        audience: options.audience,
        typ: 'at+jwt',
        algorithms: ['RS256'],
      }));
    } catch (error) {
      if (error instanceof joseErrors.JOSEError && !(error instanceof joseErrors.JWKSTimeout)) {
        // A genuine token for another audience (the signature held): an attempt worth auditing, with its widget.
        if (error instanceof joseErrors.JWTClaimValidationFailed && error.claim === 'aud') {
          const claims = error.payload;
          const widget = typeof claims[WIDGET_CLAIM.widget] === 'string' ? String(claims[WIDGET_CLAIM.widget]) : widgetOf(request);
          recordRefusal(request, config, typeof claims.sub === 'string' ? claims.sub : '', widget, 401);
        }
        reply.header('www-authenticate', 'Bearer realm="digione", error="invalid_token"');
        return sendProblem(reply, 'unauthorized', `The access token is not valid: ${error.message}`, request);
      }
      // The provider's JWKS could not be fetched: not the caller's fault.
      return sendProblem(reply, 'identity-unavailable', `The identity provider's keys could not be read: ${String(error)}`, request);
    }
    // Sender-constrained tokens (RFC 9449): a token bound to a key (`cnf.jkt`) counts only with a fresh proof of that
    // key for this very request; sent as a bearer token (copied off the device) it is refused, and audited.
    const jkt = boundThumbprint(payload);
    const dpopRefusal = async (): Promise<string | undefined> => {
      if (jkt === undefined) return scheme === 'DPoP' ? 'the access token is not bound to a key: send it as `Bearer`' : undefined;
      if (scheme !== 'DPoP') return 'the access token is bound to a key: send it as `DPoP` with a proof';
      try {
        const url = `${request.protocol}://${request.host}${request.url}`;
        await verifyDpopProof(request.headers.dpop, { method: request.method, url, accessToken: token, jkt, replay });
        return undefined;
      } catch (error) {
        if (error instanceof DpopError) return error.message;
        throw error;
      }
    };
    const dpopProblem = await dpopRefusal();
    if (dpopProblem !== undefined) {
      const widget = typeof payload[WIDGET_CLAIM.widget] === 'string' ? String(payload[WIDGET_CLAIM.widget]) : widgetOf(request);
      recordRefusal(request, config, typeof payload.sub === 'string' ? payload.sub : '', widget, 401);
      const error = scheme === 'DPoP' && jkt !== undefined ? 'invalid_dpop_proof' : 'invalid_token';
      const description = dpopProblem.replaceAll('"', "'");
      reply.header('www-authenticate', `DPoP realm="digione", error="${error}", error_description="${description}", algs="${DPOP_ALGS}"`);
      return sendProblem(reply, 'unauthorized', `The access token is not accepted: ${dpopProblem}.`, request);
    }
    const claims = identityClaimsFrom(payload);
    const binding = widgetBindingOf(payload);
    if (!claims || typeof binding === 'string') {
      reply.header('www-authenticate', 'Bearer realm="digione", error="invalid_token"');
      return sendProblem(reply, 'unauthorized', `The access token is not valid: ${claims ? binding : 'it has no subject'}.`, request);
    }
    let user = toPlatformUser(claims, options.tenants);
    // "Preview as" (docs/decisions/0008-preview-as.md): an admin sees a preview persona's data, and changes nothing.
    const previewer = previewActorOf(payload);
    if (payload[PREVIEW_CLAIM] !== undefined && !previewer) {
      reply.header('www-authenticate', 'Bearer realm="digione", error="invalid_token"');
      return sendProblem(reply, 'unauthorized', 'The access token is not valid: a preview token must name the previewing admin in `act`.', request);
    }
    if (previewer) {
      previewers.set(request, previewer.sub);
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        recordRefusal(request, config, user.id, typeof binding === 'object' ? binding.widget : widgetOf(request), 403);
        return sendProblem(reply, 'forbidden', `A preview ("Preview as") is read-only: ${request.method} is refused, nothing of the previewed person changes.`, request);
      }
      const tenant = payload[WIDGET_CLAIM.tenant];
      const role = payload[WIDGET_CLAIM.role];
      if (!binding && typeof tenant === 'string' && typeof role === 'string') {
        user = narrowToBinding(user, { widget: '', tenant, role: role as Role, scopes: new Set() });
      }
    }
    if (binding) {
      const refusal = scopeRefusal(config.operationId ?? '', binding, (request.params ?? {}) as Record<string, string>);
      if (refusal) {
        recordRefusal(request, config, user.id, binding.widget, 403);
        reply.header(
          'www-authenticate',
          `Bearer realm="digione", error="insufficient_scope", scope="${refusal.scope}", error_description="${refusal.detail.replaceAll('"', "'")}"`,
        );
        const doc = { ...problem('forbidden', refusal.detail, request.url.split('?')[0]), error: 'insufficient_scope', scope: refusal.scope };
        return reply.code(403).type(PROBLEM_CONTENT_TYPE).send(doc);
      }
      user = narrowToBinding(user, binding);
      widgets.set(request, binding.widget);
    }
    callers.set(request, callerOf(user, claims, data));
    return undefined;
  });

  // Conditional GETs: every answer carries an ETag; a matching If-None-Match gets 304 and no body.
  app.addHook('onSend', async (request, reply, payload) => {
    // xAPI: every answer of the statement store, errors too, names the version it speaks.
    if (request.url.startsWith('/xapi/')) reply.header('x-experience-api-version', XAPI_VERSION);
    if ((request.method !== 'GET' && request.method !== 'HEAD') || reply.statusCode !== 200) return payload;
    if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload;
    const etag = etagOf(payload);
    reply.header('etag', etag);
    if (matchesIfNoneMatch(request.headers['if-none-match'], etag)) {
      reply.code(304);
      reply.removeHeader('content-type');
      reply.removeHeader('content-length');
      return '';
    }
    return payload;
  });

  /** The admin previewing, for requests made with a preview token; they are audited with it. */
  const previewers = new WeakMap<FastifyRequest, string>();
  const previewedBy = (request: FastifyRequest): { previewedBy?: string } => {
    const admin = previewers.get(request);
    return admin === undefined ? {} : { previewedBy: admin };
  };

  /** Which widget asked: the one its delegated token names, else the `X-DigiOne-Widget` header the shell sends. */
  const widgetOf = (request: FastifyRequest): string | undefined => {
    const bound = widgets.get(request);
    if (bound !== undefined) return bound;
    const value = request.headers['x-digione-widget'];
    const widget = Array.isArray(value) ? value[0] : value;
    return widget ? widget.slice(0, 200) : undefined;
  };

  /** What the caller asked for, as they wrote it (query strings and path parameters), for the audit entry. */
  const askedFor = (request: FastifyRequest): Record<string, string> => {
    const params: Record<string, string> = {};
    for (const [key, value] of Object.entries((request.params ?? {}) as Record<string, unknown>)) params[key] = String(value);
    const query = new URL(request.url, 'http://localhost').searchParams;
    for (const [key, value] of query) params[key] = value;
    return params;
  };

  /** Audits a token refused before any operation ran (wrong audience, missing scope), naming the widget. */
  const recordRefusal = (request: FastifyRequest, config: RouteConfig, who: string, widget: string | undefined, status: number): void => {
    audit.record({
      when: now().toISOString(),
      who,
      what: { route: config.routeName ?? request.routeOptions.url ?? request.url.split('?')[0] ?? '', params: askedFor(request) },
      ...(widget === undefined ? {} : { widget }),
      ...previewedBy(request),
      outcome: 'denied',
      status,
    });
  };

  const register = (op: Operation): void => {
    const impl = OPERATIONS[op.operationId];
    if (!impl) throw new Error(`sandbox api: no implementation of ${op.operationId}`);
    const routeName = op.method === 'get' ? op.path : `${op.method.toUpperCase()} ${op.path}`;
    app.route({
      method: op.method.toUpperCase() as 'GET',
      url: op.routePath,
      schema: op.schema,
      config: { secured: op.secured, operationId: op.operationId, routeName } satisfies RouteConfig,
      ...(impl.bodyLimit === undefined ? {} : { bodyLimit: impl.bodyLimit }),
      handler: async (request, reply) => {
        const caller: Caller = callers.get(request) ?? ANONYMOUS_CALLER;
        const widget = widgetOf(request);
        const ctx: OperationContext = {
          caller,
          data,
          query: (request.query ?? {}) as Record<string, unknown>,
          params: (request.params ?? {}) as Record<string, string>,
          body: request.body,
          headers: request.headers,
          now: now(),
          store,
          openapi,
          ...(widget === undefined ? {} : { widget }),
          audit: {},
        };
        const record = (status: number): void => {
          if (!op.secured) return;
          const { actingFor, subject } = ctx.audit;
          audit.record({
            when: ctx.now.toISOString(),
            who: caller.user.id,
            ...(actingFor === undefined ? {} : { actingFor }),
            // `subject` names someone else's data: not the caller's own, and not the child already in `actingFor`.
            ...(subject === undefined || subject === actingFor || subject === caller.ownLearner?.oid ? {} : { subject }),
            what: { route: routeName, params: askedFor(request) },
            ...(widget === undefined ? {} : { widget }),
            ...previewedBy(request),
            outcome: status < 400 ? 'allowed' : 'denied',
            status,
          });
        };
        try {
          const answer = await impl.handle(ctx);
          const status = answer.status ?? 200;
          if (impl.personal) record(status);
          for (const [name, value] of Object.entries(answer.headers ?? {})) reply.header(name, value);
          if (!reply.hasHeader('cache-control')) reply.header('cache-control', impl.personal ? 'private, no-store' : 'private, no-cache');
          if (answer.type) reply.type(answer.type);
          return await reply.code(status).send(answer.body);
        } catch (error) {
          if (!(error instanceof ProblemError)) throw error;
          // A refusal is an attempt at someone's data (or another tenant's): audited. A malformed request is not.
          if (error.status === 403 || (impl.personal && error.status === 404)) record(error.status);
          return sendProblem(reply, error.code, error.detail, request);
        }
      },
    });
  };
  for (const op of operations) register(op);

  const host = options.host ?? 'localhost';
  await app.listen({ port: options.port, host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;

  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    audit: audit.entries,
    flushAudit: () => audit.flush(),
    async close(): Promise<void> {
      await app.close();
      await audit.flush().catch(() => undefined);
    },
  };
}
