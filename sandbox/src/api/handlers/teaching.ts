/**
 * Operations on teaching and its records: terms, subjects, curriculum, schedule, assignments, submissions,
 * assessments, absences and KOSKI study rights.
 */
import type { ScheduleEvent } from '../../../../sdk/src/api-types.ts';
import { parseIsoDate } from '../../data/calendar.ts';
import type { Absence, Group, Learner } from '../../data/model.ts';
import { lessonsBetween } from '../../data/timetable.ts';
import { groupsOfLearner, teachesOrLeads } from '../access.ts';
import {
  checkRange,
  inRange,
  int,
  requireAnyRole,
  requireLearner,
  str,
  type OperationContext,
  type OperationImpl,
} from '../context.ts';
import { paginate } from '../pagination.ts';
import { ProblemError } from '../problems.ts';
import { absenceView, assessmentView, assignmentView, subjectCode, subjectView, submissionView } from '../views.ts';

/** The longest date range one schedule request may span, in days (both ends included). */
export const MAX_SCHEDULE_DAYS = 366;

const page = <T>(ctx: OperationContext, items: readonly T[]) => paginate(items, int(ctx.query, 'limit'), str(ctx.query, 'cursor'));

/** Whose records a list operation covers: learners (their OIDs) and the groups they are read through. */
interface Scope {
  learners: Set<string>;
  groups: Set<string>;
}

function requireGroup(ctx: OperationContext, id: string): Group {
  const group = ctx.data.groupById.get(id);
  if (!group) throw new ProblemError('not-found', `No group ${id}.`);
  return group;
}

/**
 * The learners and groups a list of learner records covers: `learner` names one the caller may read; `group`
 * one they teach or lead (or, with `families`, a group of their own child or themself); neither means the
 * pupil's own, or everyone the caller teaches or leads. Admins read no learner-level records.
 */
function scopeOf(ctx: OperationContext, options: { families: boolean }): Scope {
  const { data, caller } = ctx;
  requireAnyRole(ctx);
  const learnerOid = str(ctx.query, 'learner');
  const groupId = str(ctx.query, 'group');
  if (learnerOid !== undefined) {
    const { learner } = requireLearner(ctx, learnerOid);
    const groups = new Set(groupsOfLearner(data, learner));
    if (groupId !== undefined) {
      if (!groups.has(groupId)) throw new ProblemError('bad-request', `Learner ${learnerOid} is not in group ${groupId}.`);
      return { learners: new Set([learner.oid]), groups: new Set([groupId]) };
    }
    return { learners: new Set([learner.oid]), groups };
  }
  if (groupId !== undefined) {
    const group = requireGroup(ctx, groupId);
    if (teachesOrLeads(caller, group)) return { learners: new Set(data.learnersByGroup.get(group.id) ?? []), groups: new Set([group.id]) };
    const own = [caller.ownLearner, ...caller.children.values()].filter(
      (l): l is Learner => l !== undefined && groupsOfLearner(data, l).includes(group.id),
    );
    if (options.families && own.length > 0) return { learners: new Set(own.map((l) => l.oid)), groups: new Set([group.id]) };
    throw new ProblemError('forbidden', 'Only the group\'s teachers and the principal read the whole group\'s records.');
  }
  if (caller.ownLearner) {
    return { learners: new Set([caller.ownLearner.oid]), groups: new Set(groupsOfLearner(data, caller.ownLearner)) };
  }
  const groups = new Set<string>(caller.teaching);
  for (const school of caller.principalOf) for (const g of data.groupsBySchool.get(school) ?? []) groups.add(g);
  if (groups.size > 0) {
    const learners = new Set<string>();
    for (const g of groups) for (const l of data.learnersByGroup.get(g) ?? []) learners.add(l);
    return { learners, groups };
  }
  if (caller.children.size > 0) {
    throw new ProblemError('learner-required', 'Pass learner=<learner OID> of a child you act for.');
  }
  throw new ProblemError('forbidden', 'Learner records are read by the learner, their guardians, their teachers and their principal.');
}

function absenceInScope(ctx: OperationContext, learnerOid: string): { learner: Learner; staff: boolean; guardian: boolean } {
  const { learner, relation } = requireLearner(ctx, learnerOid);
  return { learner, staff: relation === 'teacher' || relation === 'principal', guardian: relation === 'guardian' };
}

/**
 * The lessons `GET /v1/schedule` answers: with `learner`, that learner's class, for the pupil themself or a guardian
 * acting for them (teachers read their own teaching, not a pupil's timetable); without it, a pupil's own class, or
 * the lessons a teacher or principal teaches in the schools where the token gives them that role. A guardian must
 * name the child; an admin has no timetable.
 */
/**
 * The lessons the caller may read between two dates. `school` only narrows them: to the lessons held at that school
 * (a teacher or principal must work there; a class's lessons are all at its own school, so a pupil's or a child's
 * are all or none).
 */
function scheduleOf(ctx: OperationContext, from: Date, to: Date, learnerOid: string | undefined, school: string | undefined): ScheduleEvent[] {
  const { caller, data } = ctx;
  requireAnyRole(ctx);
  const classOf = (learner: Learner): ScheduleEvent[] => {
    const group = data.groupById.get(learner.homeGroupId);
    if (group === undefined || (school !== undefined && group.schoolOid !== school)) return [];
    return lessonsBetween(from, to, { kind: 'group', schoolOid: group.schoolOid, group: group.name });
  };
  if (learnerOid !== undefined) {
    const { learner, relation } = requireLearner(ctx, learnerOid);
    if (relation !== 'self' && relation !== 'guardian') {
      throw new ProblemError('forbidden', 'Name your own learner number, or a child for whom you hold an ALLOWED mandate.');
    }
    return classOf(learner);
  }
  if (caller.ownLearner) return classOf(caller.ownLearner);
  if (caller.staffSchools.size > 0) {
    if (school !== undefined && !caller.staffSchools.has(school)) {
      throw new ProblemError('forbidden', `You do not teach or lead at school ${school}.`);
    }
    const schoolOids = school === undefined ? [...caller.staffSchools] : [school];
    return [...caller.staffIds]
      .flatMap((teacherId) => lessonsBetween(from, to, { kind: 'teacher', teacherId, schoolOids }))
      .sort((a, b) => a.start.localeCompare(b.start) || a.group.localeCompare(b.group));
  }
  if (caller.children.size > 0) throw new ProblemError('learner-required', 'Pass learner=<learner OID> of a child you act for.');
  return [];
}

export const teachingOperations: Record<string, OperationImpl> = {
  listTerms: {
    personal: false,
    handle(ctx) {
      requireAnyRole(ctx);
      const from = str(ctx.query, 'from');
      const to = str(ctx.query, 'to');
      checkRange(from, to);
      const terms = ctx.data.terms
        .filter((t) => (from === undefined || t.end >= from) && (to === undefined || t.start <= to))
        .map((t) => ({ id: t.id, schoolYear: t.schoolYear, kind: t.kind, name: t.name, start: t.start, end: t.end }));
      return { body: page(ctx, terms) };
    },
  },

  listSubjects: {
    personal: false,
    handle(ctx) {
      requireAnyRole(ctx);
      return { body: page(ctx, ctx.data.subjects.map(subjectView)) };
    },
  },

  getCurriculum: {
    personal: false,
    handle(ctx) {
      requireAnyRole(ctx);
      const code = ctx.params.subject ?? '';
      const subject = ctx.data.subjects.find((s) => s.code === code);
      if (!subject) throw new ProblemError('not-found', `No subject with KOSKI code ${code}.`);
      const { curriculum } = ctx.data;
      const goals = ctx.data.curriculumGoals.filter((g) => g.subjectCode === code);
      const oppiaineId = goals[0]?.oppiaineId;
      const base = `https://eperusteet.opintopolku.fi/#/fi/perusopetus/${curriculum.ePerusteetId}`;
      return {
        body: {
          subject: code,
          perusteId: curriculum.ePerusteetId,
          diaarinumero: curriculum.diaarinumero,
          name: curriculum.name,
          ...(oppiaineId === undefined ? {} : { oppiaineId }),
          url: oppiaineId === undefined ? `${base}/tiedot` : `${base}/oppiaineet/${oppiaineId}`,
          goals: goals.map((g) => ({ id: g.id, code: g.code, band: g.band, text: g.text })),
        },
      };
    },
  },

  getSchedule: {
    personal: true,
    handle(ctx) {
      const from = str(ctx.query, 'from') ?? '';
      const to = str(ctx.query, 'to') ?? '';
      const learner = str(ctx.query, 'learner');
      const fromDate = parseIsoDate(from);
      const toDate = parseIsoDate(to);
      if (!fromDate || !toDate) throw new ProblemError('bad-request', 'from and to must be real dates, YYYY-MM-DD.');
      if (toDate < fromDate) throw new ProblemError('bad-request', 'to must not be before from.');
      if ((toDate.getTime() - fromDate.getTime()) / 86_400_000 + 1 > MAX_SCHEDULE_DAYS) {
        throw new ProblemError('bad-request', `A schedule request may span at most ${MAX_SCHEDULE_DAYS} days.`);
      }
      const events = scheduleOf(ctx, fromDate, toDate, learner, str(ctx.query, 'school'));
      const { items, nextCursor } = paginate(events, int(ctx.query, 'limit'), str(ctx.query, 'cursor'), { whole: true });
      return { body: { events: items, ...(nextCursor === undefined ? {} : { nextCursor }) } };
    },
  },

  listAssignments: {
    personal: true,
    handle(ctx) {
      const { data } = ctx;
      const from = str(ctx.query, 'from');
      const to = str(ctx.query, 'to');
      const subject = str(ctx.query, 'subject');
      checkRange(from, to);
      const scope = scopeOf(ctx, { families: true });
      const assignments = [...scope.groups]
        .flatMap((g) => data.assignmentsByGroup.get(g) ?? [])
        .filter((a) => inRange(a.dueAt, from, to))
        .filter((a) => subject === undefined || subjectCode(data.courseById.get(a.courseId)?.subject ?? '') === subject)
        .sort((a, b) => a.dueAt.localeCompare(b.dueAt) || a.id.localeCompare(b.id))
        .map((a) => assignmentView(data, a));
      return { body: page(ctx, assignments) };
    },
  },

  listSubmissions: {
    personal: true,
    handle(ctx) {
      const { data, caller } = ctx;
      const id = ctx.params.id ?? '';
      const assignment = data.assignments.find((a) => a.id === id);
      if (!assignment) throw new ProblemError('not-found', `No assignment ${id}.`);
      const group = data.groupById.get(assignment.groupId);
      const all = data.submissionsByAssignment.get(id) ?? [];
      let visible = all;
      if (!group || !teachesOrLeads(caller, group)) {
        const own = new Set([caller.ownLearner?.oid, ...caller.children.keys()].filter((o): o is string => o !== undefined));
        visible = all.filter((s) => own.has(s.learnerOid));
        if (visible.length === 0) throw new ProblemError('forbidden', 'Only the group\'s teachers, the principal, and the learners themselves and their guardians see submissions.');
        const [first] = visible;
        if (visible.length === 1 && first && caller.children.has(first.learnerOid)) ctx.audit.actingFor = first.learnerOid;
      }
      return { body: page(ctx, visible.map((s) => submissionView(data, s))) };
    },
  },

  listAssessments: {
    personal: true,
    handle(ctx) {
      const { data } = ctx;
      const from = str(ctx.query, 'from');
      const to = str(ctx.query, 'to');
      const subject = str(ctx.query, 'subject');
      const term = str(ctx.query, 'term');
      checkRange(from, to);
      const scope = scopeOf(ctx, { families: false });
      const items = [...scope.learners]
        .flatMap((l) => data.assessmentsByLearner.get(l) ?? [])
        .filter((a) => {
          const course = data.courseById.get(a.courseId);
          return (
            (course === undefined || scope.groups.has(course.groupId) || scope.learners.size === 1) &&
            inRange(a.date, from, to) &&
            (subject === undefined || subjectCode(a.subject) === subject) &&
            (term === undefined || a.termId === term)
          );
        })
        .sort((a, b) => b.date.localeCompare(a.date) || a.id.localeCompare(b.id))
        .map((a) => assessmentView(data, a));
      return { body: page(ctx, items) };
    },
  },

  listAbsences: {
    personal: true,
    handle(ctx) {
      const from = str(ctx.query, 'from');
      const to = str(ctx.query, 'to');
      const status = str(ctx.query, 'status');
      checkRange(from, to);
      const scope = scopeOf(ctx, { families: false });
      const items = [...ctx.store.absences.values()]
        .filter((a) => scope.learners.has(a.learnerOid) && inRange(a.date, from, to) && (status === undefined || a.status === status))
        .sort((a, b) => b.date.localeCompare(a.date) || a.id.localeCompare(b.id))
        .map(absenceView);
      return { body: page(ctx, items) };
    },
  },

  createAbsence: {
    personal: true,
    handle(ctx) {
      const body = ctx.body as { learner: string; date: string; fromSlot?: number; toSlot?: number; reason?: Absence['reason']; note?: string };
      if (!parseIsoDate(body.date)) throw new ProblemError('bad-request', 'date must be a real date, YYYY-MM-DD.');
      if (body.fromSlot !== undefined && body.toSlot !== undefined && body.toSlot < body.fromSlot) {
        throw new ProblemError('bad-request', 'toSlot must not be before fromSlot.');
      }
      const { learner, staff, guardian } = absenceInScope(ctx, body.learner);
      if (!staff && !guardian) throw new ProblemError('forbidden', 'Guardians report absences and teachers mark them; pupils cannot.');
      const reportedBy = ctx.caller.personOid ?? ctx.caller.user.id;
      let absence: Absence;
      if (guardian) {
        if (body.reason === undefined || body.reason === 'unexplained') {
          throw new ProblemError('bad-request', 'A guardian\'s report names a reason other than unexplained.');
        }
        absence = {
          id: ctx.store.nextId('absence-api'),
          learnerOid: learner.oid,
          date: body.date,
          ...(body.fromSlot === undefined ? {} : { fromSlot: body.fromSlot }),
          ...(body.toSlot === undefined ? {} : { toSlot: body.toSlot }),
          source: 'guardian-report',
          reason: body.reason,
          status: 'explained',
          reportedBy,
          reportedAt: ctx.now.toISOString(),
          ...(body.note === undefined ? {} : { note: body.note }),
        };
      } else {
        const reason = body.reason ?? 'unexplained';
        absence = {
          id: ctx.store.nextId('absence-api'),
          learnerOid: learner.oid,
          date: body.date,
          ...(body.fromSlot === undefined ? {} : { fromSlot: body.fromSlot }),
          ...(body.toSlot === undefined ? {} : { toSlot: body.toSlot }),
          source: 'teacher-mark',
          reason,
          status: reason === 'unexplained' ? 'unexplained' : 'explained',
          reportedBy,
          reportedAt: ctx.now.toISOString(),
          ...(body.note === undefined ? {} : { note: body.note }),
        };
      }
      ctx.store.absences.set(absence.id, absence);
      return { status: 201, body: absenceView(absence), headers: { location: `/v1/absences/${absence.id}` } };
    },
  },

  updateAbsence: {
    personal: true,
    handle(ctx) {
      const id = ctx.params.id ?? '';
      const body = ctx.body as { status?: Absence['status']; reason?: Absence['reason']; note?: string };
      const absence = ctx.store.absences.get(id);
      if (!absence) throw new ProblemError('not-found', `No absence ${id}.`);
      const { staff, guardian } = absenceInScope(ctx, absence.learnerOid);
      if (!staff && !guardian) throw new ProblemError('forbidden', 'Guardians explain absences and staff clear them; pupils cannot.');
      if (!staff && body.status !== undefined) {
        throw new ProblemError('forbidden', 'Only staff set the status; a guardian explains with reason and note.');
      }
      if (!staff && (body.reason === undefined || body.reason === 'unexplained')) {
        throw new ProblemError('bad-request', 'A guardian explains an absence with a reason other than unexplained.');
      }
      const updated: Absence = {
        ...absence,
        ...(body.reason === undefined ? {} : { reason: body.reason }),
        ...(body.note === undefined ? {} : { note: body.note }),
        status: body.status ?? (staff ? absence.status : 'explained'),
        resolvedBy: ctx.caller.personOid ?? ctx.caller.user.id,
        resolvedAt: ctx.now.toISOString(),
      };
      ctx.store.absences.set(id, updated);
      return { body: absenceView(updated) };
    },
  },

  listStudyRights: {
    personal: true,
    handle(ctx) {
      const { learner } = requireLearner(ctx, str(ctx.query, 'learner') ?? '');
      const right = ctx.data.studyRightByLearner.get(learner.oid);
      return { body: page(ctx, right === undefined ? [] : [right]) };
    },
  },
};
