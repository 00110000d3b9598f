/**
 * The xAPI 1.0.3 statement store (`/xapi/statements`): learners record their own learning activity; those who may
 * read a learner's data read it back. Structure is validated against the OpenAPI document before these run; the
 * rules the schema cannot say (whose actor, score bounds, id conflicts) are checked here.
 */
import { randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { XAPI_LEARNER_HOMEPAGE } from '../../data/index.ts';
import { int, requireAnyRole, requireLearner, str, type OperationContext, type OperationImpl } from '../context.ts';
import { paginate } from '../pagination.ts';
import { ProblemError } from '../problems.ts';
import { CLIENT_HOME, type StoredStatement } from '../store.ts';

/** The xAPI version the store speaks. */
export const XAPI_VERSION = '1.0.3';
/** Home page of DigiOne learner accounts: `{ homePage, name: <learner OID> }` identifies a learner as an actor. */
export const LEARNER_HOME = XAPI_LEARNER_HOMEPAGE;
/** Most statements one POST may carry (the document's `maxItems`). */
export const MAX_BATCH = 50;

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The learner OID an actor names, if it is a DigiOne learner account. */
function learnerOfAgent(agent: unknown): string | undefined {
  if (!isObject(agent) || !isObject(agent.account)) return undefined;
  return agent.account.homePage === LEARNER_HOME && typeof agent.account.name === 'string' ? agent.account.name : undefined;
}

function checkScore(statement: Json, index: number): void {
  const score = isObject(statement.result) && isObject(statement.result.score) ? statement.result.score : undefined;
  if (!score) return;
  const { raw, min, max } = score;
  const where = `statement ${index}: result.score`;
  if (typeof min === 'number' && typeof max === 'number' && min > max) throw new ProblemError('bad-request', `${where}.min must not exceed max.`);
  if (typeof raw === 'number' && typeof min === 'number' && raw < min) throw new ProblemError('bad-request', `${where}.raw must not be below min.`);
  if (typeof raw === 'number' && typeof max === 'number' && raw > max) throw new ProblemError('bad-request', `${where}.raw must not exceed max.`);
}

/** Learner OIDs whose statements the caller may read. */
function readableLearners(ctx: OperationContext): Set<string> {
  const { caller, data } = ctx;
  const learners = new Set<string>();
  if (caller.ownLearner) learners.add(caller.ownLearner.oid);
  for (const oid of caller.children.keys()) learners.add(oid);
  for (const g of caller.teaching) for (const l of data.learnersByGroup.get(g) ?? []) learners.add(l);
  for (const school of caller.principalOf) {
    for (const g of data.groupsBySchool.get(school) ?? []) for (const l of data.learnersByGroup.get(g) ?? []) learners.add(l);
  }
  return learners;
}

const versionHeader = { 'x-experience-api-version': XAPI_VERSION };

export const xapiOperations: Record<string, OperationImpl> = {
  postStatements: {
    personal: true,
    bodyLimit: 512 * 1024,
    handle(ctx) {
      const own = ctx.caller.ownLearner;
      if (!own) throw new ProblemError('forbidden', 'Only a signed-in pupil records learning activity, and only their own.');
      const batch: unknown[] = Array.isArray(ctx.body) ? ctx.body : [ctx.body];
      const stored = ctx.now.toISOString();
      const authority = { objectType: 'Agent', account: { homePage: CLIENT_HOME, name: ctx.widget ?? 'digione-shell' } };
      const accepted: StoredStatement[] = [];
      const seen = new Set<string>();
      batch.forEach((item, index) => {
        if (!isObject(item)) throw new ProblemError('bad-request', `statement ${index}: not an object.`);
        if (item.actor !== undefined && learnerOfAgent(item.actor) !== own.oid) {
          throw new ProblemError(
            'forbidden',
            `statement ${index}: actor must be your own learner account { account: { homePage: "${LEARNER_HOME}", name: "${own.oid}" } }, or left out.`,
          );
        }
        checkScore(item, index);
        const id = typeof item.id === 'string' ? item.id.toLowerCase() : randomUUID();
        if (seen.has(id)) throw new ProblemError('bad-request', `statement ${index}: id ${id} appears twice in the batch.`);
        seen.add(id);
        const statement: Json = {
          ...item,
          id,
          actor: { objectType: 'Agent', account: { homePage: LEARNER_HOME, name: own.oid } },
          timestamp: typeof item.timestamp === 'string' ? item.timestamp : stored,
          stored,
          authority,
          version: XAPI_VERSION,
        };
        const existing = ctx.store.statements.get(id);
        if (existing) {
          // xAPI: the same id again is accepted only for the same statement.
          const strip = ({ stored: _s, authority: _a, version: _v, timestamp: _t, ...rest }: Json): Json => rest;
          if (!isDeepStrictEqual(strip(existing.statement), strip(statement))) {
            throw new ProblemError('conflict', `statement ${index}: a different statement with id ${id} is stored already.`);
          }
          return;
        }
        accepted.push({ learnerOid: own.oid, stored, statement });
      });
      for (const s of accepted) ctx.store.statements.set(String(s.statement.id), s);
      ctx.audit.subject = own.oid;
      return { body: [...seen], headers: versionHeader };
    },
  },

  getStatements: {
    personal: true,
    handle(ctx) {
      requireAnyRole(ctx);
      const agentText = str(ctx.query, 'agent');
      const verb = str(ctx.query, 'verb');
      const since = str(ctx.query, 'since');
      const until = str(ctx.query, 'until');
      let learners: Set<string>;
      if (agentText !== undefined) {
        let agent: unknown;
        try {
          agent = JSON.parse(agentText);
        } catch {
          throw new ProblemError('bad-request', 'agent must be the JSON of an Agent.');
        }
        const oid = learnerOfAgent(agent);
        if (oid === undefined) throw new ProblemError('bad-request', `agent must be a learner account with homePage ${LEARNER_HOME}.`);
        const { learner } = requireLearner(ctx, oid);
        learners = new Set([learner.oid]);
      } else {
        learners = readableLearners(ctx);
        if (learners.size === 0) throw new ProblemError('forbidden', 'Learning activity is read by the learner, their guardians, teachers and principal.');
        if (ctx.caller.ownLearner) ctx.audit.subject = ctx.caller.ownLearner.oid;
      }
      const sinceTime = since === undefined ? undefined : Date.parse(since);
      const untilTime = until === undefined ? undefined : Date.parse(until);
      const statements = [...ctx.store.statements.values()]
        .filter((s) => learners.has(s.learnerOid))
        .filter((s) => verb === undefined || (isObject(s.statement.verb) && s.statement.verb.id === verb))
        .filter((s) => sinceTime === undefined || Date.parse(s.stored) > sinceTime)
        .filter((s) => untilTime === undefined || Date.parse(s.stored) <= untilTime)
        .sort((a, b) => Date.parse(b.stored) - Date.parse(a.stored) || String(a.statement.id).localeCompare(String(b.statement.id)))
        .map((s) => s.statement);
      const { items, nextCursor } = paginate(statements, int(ctx.query, 'limit'), str(ctx.query, 'cursor'));
      let more: string | undefined;
      if (nextCursor !== undefined) {
        const next = new URLSearchParams();
        for (const [key, value] of Object.entries(ctx.query)) if (key !== 'cursor' && value !== undefined) next.set(key, String(value));
        next.set('cursor', nextCursor);
        more = `/xapi/statements?${next.toString()}`;
      }
      return { body: { statements: items, ...(more === undefined ? {} : { more }) }, headers: versionHeader };
    },
  },
};

