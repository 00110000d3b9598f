import cors from '@fastify/cors';
import { toPlatformUser, type PlatformUser, type TenantConfig } from '@digione/sdk/identity';
import Fastify, { type FastifyError, type FastifyReply, type FastifyRequest } from 'fastify';
import { createRemoteJWKSet, errors as joseErrors, jwtVerify } from 'jose';
import type { BulletinResponse, MessagesResponse, ScheduleResponse } from '../../../sdk/src/api-types.ts';
import { bulletinFor } from '../data/bulletin.ts';
import { parseIsoDate } from '../data/calendar.ts';
import { threadsFor } from '../data/messages.ts';
import { lessonsBetween } from '../data/timetable.ts';
import { bulletinSchools, identityClaimsFrom, learnerAccess, requireRole, scheduleScope } from './access.ts';
import { AuditLog, type AuditEntry } from './audit.ts';
import { isRefusal, problem, PROBLEM_CONTENT_TYPE, type ProblemCode, type Refusal } from './problems.ts';

/** The longest date range one schedule request may span, in days (both ends included). */
export const MAX_SCHEDULE_DAYS = 366;

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

const LEARNER_OID = { type: 'string', pattern: '^[0-9]+(\\.[0-9]+){1,20}$', maxLength: 64 } as const;
const ISO_DATE = { type: 'string', format: 'date', pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' } as const;

const SCHEDULE_QUERY = {
  type: 'object',
  required: ['from', 'to'],
  properties: { from: ISO_DATE, to: ISO_DATE, learner: LEARNER_OID },
  additionalProperties: false,
} as const;

const MESSAGES_QUERY = {
  type: 'object',
  properties: { learner: LEARNER_OID },
  additionalProperties: false,
} as const;

interface ScheduleQuery {
  from: string;
  to: string;
  learner?: string;
}

interface MessagesQuery {
  learner?: string;
}

function sendProblem(reply: FastifyReply, code: ProblemCode, detail: string, request: FastifyRequest): FastifyReply {
  const doc = problem(code, detail, request.url.split('?')[0]);
  return reply.code(doc.status).type(PROBLEM_CONTENT_TYPE).send(doc);
}

/**
 * Starts the sandbox platform API: `/v1/schedule`, `/v1/messages` and `/v1/bulletin` over the sandbox test data,
 * for callers with a valid access token from the issuer, with the access rules enforced here and an audit entry for
 * every read of personal data.
 */
export async function startPlatformApi(options: PlatformApiOptions): Promise<PlatformApi> {
  const issuer = options.issuer.replace(/\/+$/, '');
  const shellOrigin = new URL(options.shellOrigin).origin;
  const now = options.now ?? ((): Date => new Date());
  const audit = new AuditLog(options.auditLogPath);
  const jwks = createRemoteJWKSet(new URL(`${issuer}/jwks`));
  const users = new WeakMap<FastifyRequest, PlatformUser>();

  const app = Fastify({
    logger: false,
    // Malformed URLs and the like get a problem document like every other error.
    frameworkErrors: (error, request, reply) => {
      void sendProblem(reply, 'bad-request', error.message, request);
    },
  });

  await app.register(cors, {
    // A list, so that only the shell's origin is echoed back (a plain string would be sent to every origin).
    origin: [shellOrigin],
    methods: ['GET', 'HEAD'],
    allowedHeaders: ['Authorization', 'X-DigiOne-Widget', 'Content-Type', 'Accept'],
    maxAge: 600,
  });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error.validation) return sendProblem(reply, 'bad-request', error.message, request);
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      // Framework refusals (a body on a GET, a header too large…): their own status, our document.
      const doc = { ...problem('bad-request', error.message, request.url.split('?')[0]), status };
      return reply.code(status).type(PROBLEM_CONTENT_TYPE).send(doc);
    }
    console.error('sandbox api:', error);
    return sendProblem(reply, 'internal', 'An unexpected error; the server log has the details.', request);
  });

  app.setNotFoundHandler((request, reply) => sendProblem(reply, 'not-found', `${request.method} ${request.url.split('?')[0]}`, request));

  // Authentication runs before validation: an anonymous caller learns nothing about the API but that it needs a token.
  app.addHook('onRequest', async (request, reply) => {
    if (request.method === 'OPTIONS' || request.routeOptions.url === undefined || request.routeOptions.url === '/health') return;
    const header = request.headers.authorization;
    const token = /^Bearer ([A-Za-z0-9\-._~+/]+=*)$/.exec(header ?? '')?.[1];
    if (!token) {
      reply.header('www-authenticate', 'Bearer realm="digione"');
      return sendProblem(reply, 'unauthorized', 'Send `Authorization: Bearer <access token>`.', request);
    }
    try {
      const { payload } = await jwtVerify(token, jwks, {
        issuer,
        audience: options.audience,
        typ: 'at+jwt',
        algorithms: ['RS256'],
      });
      const claims = identityClaimsFrom(payload);
      if (!claims) throw new joseErrors.JWTClaimValidationFailed('missing sub', payload, 'sub', 'missing');
      users.set(request, toPlatformUser(claims, options.tenants));
      return undefined;
    } catch (error) {
      if (error instanceof joseErrors.JOSEError && !(error instanceof joseErrors.JWKSTimeout)) {
        reply.header('www-authenticate', 'Bearer realm="digione", error="invalid_token"');
        return sendProblem(reply, 'unauthorized', `The access token is not valid: ${error.message}`, request);
      }
      // The provider's JWKS could not be fetched: not the caller's fault.
      return sendProblem(reply, 'identity-unavailable', `The identity provider's keys could not be read: ${String(error)}`, request);
    }
  });

  const caller = (request: FastifyRequest): PlatformUser => {
    const user = users.get(request);
    if (!user) throw new Error('sandbox api: route reached without an authenticated caller');
    return user;
  };

  const widgetOf = (request: FastifyRequest): string | undefined => {
    const value = request.headers['x-digione-widget'];
    const widget = Array.isArray(value) ? value[0] : value;
    return widget ? widget.slice(0, 200) : undefined;
  };

  const record = (
    request: FastifyRequest,
    user: PlatformUser,
    route: string,
    params: Record<string, string>,
    status: number,
    actingFor?: string,
  ): void => {
    const widget = widgetOf(request);
    audit.record({
      when: now().toISOString(),
      who: user.id,
      ...(actingFor === undefined ? {} : { actingFor }),
      what: { route, params },
      ...(widget === undefined ? {} : { widget }),
      outcome: status < 400 ? 'allowed' : 'denied',
      status,
    });
  };

  /** Answers a refusal and records the refused attempt (learner named, if any). */
  const refuse = (
    request: FastifyRequest,
    reply: FastifyReply,
    user: PlatformUser,
    route: string,
    params: Record<string, string>,
    refusal: Refusal,
  ): FastifyReply => {
    const doc = problem(refusal.refused, refusal.detail);
    // A missing parameter is a malformed request, not an attempt at someone's data.
    if (doc.status !== 400) record(request, user, route, params, doc.status, params.learner);
    return sendProblem(reply, refusal.refused, refusal.detail, request);
  };

  app.get('/health', async () => ({ status: 'ok' }));

  app.get<{ Querystring: ScheduleQuery }>('/v1/schedule', { schema: { querystring: SCHEDULE_QUERY } }, async (request, reply) => {
    const user = caller(request);
    const { from, to, learner } = request.query;
    const params: Record<string, string> = { from, to, ...(learner === undefined ? {} : { learner }) };
    const fromDate = parseIsoDate(from);
    const toDate = parseIsoDate(to);
    if (!fromDate || !toDate) return sendProblem(reply, 'bad-request', 'from and to must be real dates, YYYY-MM-DD.', request);
    if (toDate < fromDate) return sendProblem(reply, 'bad-request', 'to must not be before from.', request);
    if ((toDate.getTime() - fromDate.getTime()) / 86_400_000 + 1 > MAX_SCHEDULE_DAYS) {
      return sendProblem(reply, 'bad-request', `A schedule request may span at most ${MAX_SCHEDULE_DAYS} days.`, request);
    }
    const scope = scheduleScope(user, learner);
    if (isRefusal(scope)) return refuse(request, reply, user, '/v1/schedule', params, scope);
    const events = scope.filter ? lessonsBetween(fromDate, toDate, scope.filter) : [];
    record(request, user, '/v1/schedule', params, 200, scope.actingFor);
    const body: ScheduleResponse = { events };
    return reply.header('cache-control', 'private, no-store').send(body);
  });

  app.get<{ Querystring: MessagesQuery }>('/v1/messages', { schema: { querystring: MESSAGES_QUERY } }, async (request, reply) => {
    const user = caller(request);
    const { learner } = request.query;
    const params: Record<string, string> = learner === undefined ? {} : { learner };
    const noRole = requireRole(user);
    if (noRole) return refuse(request, reply, user, '/v1/messages', params, noRole);
    let about: string | undefined;
    if (learner !== undefined) {
      const access = learnerAccess(user, learner);
      if (isRefusal(access)) return refuse(request, reply, user, '/v1/messages', params, access);
      about = access.actingFor;
    }
    record(request, user, '/v1/messages', params, 200, about);
    const body: MessagesResponse = { threads: threadsFor(user.id, about, now()) };
    return reply.header('cache-control', 'private, no-store').send(body);
  });

  app.get('/v1/bulletin', { schema: { querystring: { type: 'object', additionalProperties: false } } }, async (request, reply) => {
    const user = caller(request);
    const schools = bulletinSchools(user);
    if (isRefusal(schools)) return refuse(request, reply, user, '/v1/bulletin', {}, schools);
    record(request, user, '/v1/bulletin', {}, 200);
    const body: BulletinResponse = { items: bulletinFor(schools, now()) };
    return reply.header('cache-control', 'private, no-store').send(body);
  });

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
