/** Message threads and school bulletins: the shapes the original widgets read, unchanged. */
import { bulletinFor } from '../../data/bulletin.ts';
import { threadsFor } from '../../data/messages.ts';
import { int, requireAnyRole, requireLearner, str, type OperationContext, type OperationImpl } from '../context.ts';
import { paginate } from '../pagination.ts';
import { ProblemError } from '../problems.ts';

/** The schools whose bulletins the caller sees: their own, their children's, and for an admin the tenant's. */
function bulletinSchools(ctx: OperationContext): string[] {
  const { caller, data } = ctx;
  const { user } = caller;
  const oids = new Set(user.schools.filter((s) => user.tenants.includes(s.tenant)).map((s) => s.oid));
  if (caller.ownLearner) oids.add(caller.ownLearner.schoolOid);
  for (const child of caller.children.values()) oids.add(child.schoolOid);
  return data.schools.filter((s) => oids.has(s.oid) || caller.adminOf.has(s.tenant)).map((s) => s.oid);
}

export const communicationOperations: Record<string, OperationImpl> = {
  listMessageThreads: {
    personal: true,
    handle(ctx) {
      requireAnyRole(ctx);
      const learner = str(ctx.query, 'learner');
      let about: string | undefined;
      if (learner !== undefined) {
        // Threads about a learner are the pupil's own or their guardian's: a teacher reads their own inbox.
        const { relation } = requireLearner(ctx, learner);
        if (relation !== 'self' && relation !== 'guardian') {
          throw new ProblemError('forbidden', 'Name your own learner number, or a child for whom you hold an ALLOWED mandate.');
        }
        if (relation === 'guardian') about = learner;
      }
      const threads = threadsFor(ctx.caller.user.id, about, ctx.now);
      const { items, nextCursor } = paginate(threads, int(ctx.query, 'limit'), str(ctx.query, 'cursor'), { whole: true });
      return { body: { threads: items, ...(nextCursor === undefined ? {} : { nextCursor }) } };
    },
  },

  listBulletin: {
    personal: true,
    handle(ctx) {
      requireAnyRole(ctx);
      const all = bulletinFor(bulletinSchools(ctx), ctx.now);
      const { items, nextCursor } = paginate(all, int(ctx.query, 'limit'), str(ctx.query, 'cursor'), { whole: true });
      return { body: { items, ...(nextCursor === undefined ? {} : { nextCursor }) } };
    },
  },
};
