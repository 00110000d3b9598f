/**
 * What an operation of the platform API gets and gives: the verified caller, the data set, the validated request,
 * and an answer the server sends (or a {@link ProblemError} it turns into a problem document and audits).
 */
import type { FastifyRequest } from 'fastify';
import type { Dataset } from '../data/dataset.ts';
import type { Learner } from '../data/model.ts';
import { relationTo, type Caller, type LearnerRelation } from './access.ts';
import type { OpenApiDocument } from './openapi.ts';
import { ProblemError } from './problems.ts';
import type { ApiStore } from './store.ts';

/** The request as an operation sees it: validated against the OpenAPI document already. */
export interface OperationContext {
  caller: Caller;
  data: Dataset;
  /** Query parameters, coerced to the document's types, defaults filled in. */
  query: Record<string, unknown>;
  params: Record<string, string>;
  body: unknown;
  headers: FastifyRequest['headers'];
  now: Date;
  store: ApiStore;
  openapi: OpenApiDocument;
  /** The `X-DigiOne-Widget` header, when a widget asked. */
  widget?: string;
  /** Filled in by the operation for the audit entry: whose data it reads, and for whom a guardian acts. */
  audit: { actingFor?: string; subject?: string };
}

/** What an operation answers; JSON unless `type` says otherwise. */
export interface Answer {
  status?: number;
  body: unknown;
  type?: string;
  headers?: Record<string, string>;
}

/** The server's implementation of one operation of the document. */
export interface OperationImpl {
  /** Reads or writes personal data: every answer (and every refusal) is an audit entry. */
  personal: boolean;
  /** Largest request body in bytes (fastify's `bodyLimit`); the server default otherwise. */
  bodyLimit?: number;
  handle(ctx: OperationContext): Answer | Promise<Answer>;
}

/** Query parameter helpers: the values are validated, these only narrow the types. */
export function str(query: Record<string, unknown>, name: string): string | undefined {
  const value = query[name];
  return typeof value === 'string' ? value : undefined;
}

export function int(query: Record<string, unknown>, name: string): number | undefined {
  const value = query[name];
  return typeof value === 'number' ? value : undefined;
}

/** A learner the caller may read, with how they relate; refuses (403) anyone else, and an unknown OID alike. */
export function requireLearner(ctx: OperationContext, oid: string): { learner: Learner; relation: LearnerRelation } {
  ctx.audit.subject = oid;
  const learner = ctx.data.learnerByOid.get(oid);
  const relation = learner === undefined ? undefined : relationTo(ctx.caller, ctx.data, learner);
  if (!learner || !relation) {
    // An ALLOWED mandate for a learner the register does not hold is the register's gap, not a refusal.
    if (!learner && ctx.caller.user.children.some((c) => c.learnerOid === oid)) {
      throw new ProblemError('not-found', `No learner ${oid} in this platform's register.`);
    }
    throw new ProblemError(
      'forbidden',
      'You may read only your own data, a child you hold an ALLOWED mandate for, learners of groups you teach, or of the school you lead.',
    );
  }
  if (relation === 'guardian') ctx.audit.actingFor = oid;
  return { learner, relation };
}

/** Refuses callers with no role in any tenant this platform serves. */
export function requireAnyRole(ctx: OperationContext): void {
  if (ctx.caller.user.roles.length === 0) {
    throw new ProblemError('forbidden', 'The signed-in person has no role in any tenant this platform serves.');
  }
}

/** Whether `day` (YYYY-MM-DD, or the date part of a date-time) lies in the optional range. */
export function inRange(day: string, from: string | undefined, to: string | undefined): boolean {
  const d = day.slice(0, 10);
  return (from === undefined || d >= from) && (to === undefined || d <= to);
}

/** Refuses a range whose end is before its start. */
export function checkRange(from: string | undefined, to: string | undefined): void {
  if (from !== undefined && to !== undefined && to < from) throw new ProblemError('bad-request', 'to must not be before from.');
}
