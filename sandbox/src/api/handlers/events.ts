/**
 * The platform's event log of widget failures: the shell reports each failure of a widget frame, tenant admins
 * read their tenant's. Reports carry codes only (no free text), so the log holds no personal data beyond the
 * reporting user's id; each report is also an audit entry (the operation is `personal`).
 */
import type { PlatformComponents } from '../../../../sdk/src/api-types.ts';
import { int, requireAnyRole, str, type OperationContext, type OperationImpl } from '../context.ts';
import { paginate } from '../pagination.ts';
import { problem, ProblemError, PROBLEM_CONTENT_TYPE } from '../problems.ts';

import type { WidgetFailure } from '../store.ts';

type WidgetFailureInput = PlatformComponents['schemas']['WidgetFailureInput'];

/** Reports one user may send per {@link REPORT_WINDOW_MS}: a page of broken widgets, retried a few times, fits. */
export const REPORTS_PER_WINDOW = 30;
export const REPORT_WINDOW_MS = 60_000;

/** Seconds until `user` may report again, or 0 when they may now (and then the report is counted). */
function rateLimit(recent: Map<string, number[]>, user: string, now: number): number {
  const times = (recent.get(user) ?? []).filter((t) => now - t < REPORT_WINDOW_MS);
  recent.set(user, times);
  if (times.length >= REPORTS_PER_WINDOW) return Math.max(1, Math.ceil((times[0]! + REPORT_WINDOW_MS - now) / 1000));
  times.push(now);
  return 0;
}

export const eventOperations: Record<string, OperationImpl> = {
  reportWidgetFailure: {
    personal: true,
    bodyLimit: 2048,
    handle(ctx: OperationContext) {
      requireAnyRole(ctx);
      const input = ctx.body as WidgetFailureInput;
      const { user } = ctx.caller;
      const tenant = input.tenant ?? user.tenants[0];
      if (tenant === undefined || !user.tenants.includes(tenant)) {
        throw new ProblemError('forbidden', 'Report failures only for a tenant you belong to.');
      }
      const wait = rateLimit(ctx.store.failureReports, user.id, ctx.now.getTime());
      if (wait > 0) {
        return {
          status: 429,
          type: PROBLEM_CONTENT_TYPE,
          headers: { 'retry-after': String(wait) },
          body: problem(
            'too-many-requests',
            `At most ${REPORTS_PER_WINDOW} failure reports a minute per user; try again in ${wait} s.`,
            '/v1/events/widget-failures',
          ),
        };
      }
      const failure: WidgetFailure = {
        id: ctx.store.nextId('failure'),
        receivedAt: ctx.now.toISOString(),
        user: user.id,
        tenant,
        widget: input.widget,
        version: input.version,
        instance: input.instance,
        code: input.code,
        phase: input.phase,
        attempt: input.attempt,
      };
      ctx.store.widgetFailures.push(failure);
      return { status: 202, body: failure };
    },
  },

  listWidgetFailures: {
    personal: true,
    handle(ctx: OperationContext) {
      const tenant = str(ctx.query, 'tenant') ?? '';
      if (!ctx.caller.adminOf.has(tenant)) {
        throw new ProblemError('forbidden', `Only an admin of tenant ${tenant} reads its widget failures.`);
      }
      const widget = str(ctx.query, 'widget');
      const code = str(ctx.query, 'code');
      const matching = ctx.store.widgetFailures
        .filter((f) => f.tenant === tenant && (widget === undefined || f.widget === widget) && (code === undefined || f.code === code))
        .reverse();
      const { items, nextCursor } = paginate(matching, int(ctx.query, 'limit'), str(ctx.query, 'cursor'));
      return { body: { items, ...(nextCursor === undefined ? {} : { nextCursor }) } };
    },
  },
};
