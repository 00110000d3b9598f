/** Message threads and school bulletins: the shapes the original widgets read, unchanged. */
import { bulletinFor } from '../../data/bulletin.ts';
import { threadsFor } from '../../data/messages.ts';
import { bulletinSchools, learnerAccess, requireRole } from '../access.ts';
import { int, str, type OperationImpl } from '../context.ts';
import { paginate } from '../pagination.ts';
import { ProblemError, type Refusal } from '../problems.ts';

function refuse(refusal: Refusal): never {
  throw new ProblemError(refusal.refused, refusal.detail);
}

export const communicationOperations: Record<string, OperationImpl> = {
  listMessageThreads: {
    personal: true,
    handle(ctx) {
      const { user } = ctx.caller;
      const learner = str(ctx.query, 'learner');
      const noRole = requireRole(user);
      if (noRole) refuse(noRole);
      let about: string | undefined;
      if (learner !== undefined) {
        ctx.audit.subject = learner;
        const access = learnerAccess(user, learner);
        if ('refused' in access) refuse(access);
        about = access.actingFor;
        if (about !== undefined) ctx.audit.actingFor = about;
      }
      const threads = threadsFor(user.id, about, ctx.now);
      const { items, nextCursor } = paginate(threads, int(ctx.query, 'limit'), str(ctx.query, 'cursor'), { whole: true });
      return { body: { threads: items, ...(nextCursor === undefined ? {} : { nextCursor }) } };
    },
  },

  listBulletin: {
    personal: true,
    handle(ctx) {
      const schools = bulletinSchools(ctx.caller.user);
      if ('refused' in schools) refuse(schools);
      const all = bulletinFor(schools, ctx.now);
      const { items, nextCursor } = paginate(all, int(ctx.query, 'limit'), str(ctx.query, 'cursor'), { whole: true });
      return { body: { items, ...(nextCursor === undefined ? {} : { nextCursor }) } };
    },
  },
};
