/** Operations on who is who: the caller, organisations, groups, learners, guardians, staff, widget settings. */
import type { Group, Learner } from '../../data/model.ts';
import { groupsOfLearner, teachesOrLeads } from '../access.ts';
import { int, requireAnyRole, requireLearner, str, type OperationContext, type OperationImpl } from '../context.ts';
import { paginate } from '../pagination.ts';
import { ProblemError } from '../problems.ts';
import { groupView, guardianView, learnerView, memberView, municipalityView, schoolView, staffView } from '../views.ts';

/** Largest widget settings document, in bytes of JSON as sent. */
export const MAX_WIDGET_SETTINGS_BYTES = 8 * 1024;

const page = <T>(ctx: OperationContext, items: readonly T[]) => paginate(items, int(ctx.query, 'limit'), str(ctx.query, 'cursor'));

function requireTenant(ctx: OperationContext, tenant: string, what: string): void {
  if (!ctx.caller.user.tenants.includes(tenant)) {
    throw new ProblemError('forbidden', `${what} belongs to a tenant where you hold no role.`);
  }
}

function requireGroup(ctx: OperationContext, id: string): Group {
  const group = ctx.data.groupById.get(id);
  if (!group) throw new ProblemError('not-found', `No group ${id}.`);
  return group;
}

/** Learners of `group` the caller may read as self or guardian (pupils and guardians see groups through them). */
function ownLearnersIn(ctx: OperationContext, group: Group): Learner[] {
  const { caller, data } = ctx;
  const own = [caller.ownLearner, ...caller.children.values()].filter((l): l is Learner => l !== undefined);
  return own.filter((l) => groupsOfLearner(data, l).includes(group.id));
}

/** May the caller see this group's name, teachers and size? Staff of its school, its tenant's admins, its members' families. */
function canSeeGroup(ctx: OperationContext, group: Group): boolean {
  const tenant = ctx.data.schoolByOid.get(group.schoolOid)?.tenant;
  if (tenant === undefined || !ctx.caller.user.tenants.includes(tenant)) return false;
  return ctx.caller.staffSchools.has(group.schoolOid) || ctx.caller.adminOf.has(tenant) || ownLearnersIn(ctx, group).length > 0;
}

export const directoryOperations: Record<string, OperationImpl> = {
  getMe: {
    personal: true,
    handle(ctx) {
      const { user, personOid } = ctx.caller;
      return { body: { ...user, ...(personOid === undefined ? {} : { personOid }) } };
    },
  },

  getWidgetSettings: {
    personal: false,
    handle(ctx) {
      const stored = ctx.store.widgetSettings.get(`${ctx.caller.user.id}\n${ctx.params.widgetId ?? ''}`);
      return { body: stored === undefined ? {} : (JSON.parse(stored) as unknown) };
    },
  },

  putWidgetSettings: {
    personal: false,
    bodyLimit: MAX_WIDGET_SETTINGS_BYTES,
    handle(ctx) {
      const text = JSON.stringify(ctx.body);
      if (Buffer.byteLength(text, 'utf8') > MAX_WIDGET_SETTINGS_BYTES) {
        throw new ProblemError('payload-too-large', `Widget settings may hold at most ${MAX_WIDGET_SETTINGS_BYTES} bytes of JSON.`);
      }
      ctx.store.widgetSettings.set(`${ctx.caller.user.id}\n${ctx.params.widgetId ?? ''}`, text);
      return { body: ctx.body };
    },
  },

  listOrganisations: {
    personal: false,
    handle(ctx) {
      requireAnyRole(ctx);
      const tenants = ctx.caller.user.tenants;
      const kind = str(ctx.query, 'kind');
      const municipalities = kind === 'school' ? [] : ctx.data.municipalities.filter((m) => tenants.includes(m.tenant)).map(municipalityView);
      const schools = kind === 'municipality' ? []
        : ctx.data.schools.filter((s) => tenants.includes(s.tenant)).sort((a, b) => a.code.localeCompare(b.code)).map(schoolView);
      return { body: page(ctx, [...municipalities, ...schools]) };
    },
  },

  getOrganisation: {
    personal: false,
    handle(ctx) {
      const oid = ctx.params.oid ?? '';
      const municipality = ctx.data.municipalities.find((m) => m.oid === oid);
      const school = ctx.data.schoolByOid.get(oid);
      if (!municipality && !school) throw new ProblemError('not-found', `No organisation ${oid}.`);
      if (municipality) {
        requireTenant(ctx, municipality.tenant, `Municipality ${oid}`);
        return { body: municipalityView(municipality) };
      }
      if (!school) throw new ProblemError('not-found', `No organisation ${oid}.`);
      requireTenant(ctx, school.tenant, `School ${oid}`);
      return { body: schoolView(school) };
    },
  },

  listSchoolGroups: {
    personal: false,
    handle(ctx) {
      const oid = ctx.params.oid ?? '';
      const school = ctx.data.schoolByOid.get(oid);
      if (!school) throw new ProblemError('not-found', `No school ${oid}.`);
      requireTenant(ctx, school.tenant, `School ${oid}`);
      const kind = str(ctx.query, 'kind');
      const groups = (ctx.data.groupsBySchool.get(oid) ?? [])
        .map((id) => ctx.data.groupById.get(id))
        .filter((g): g is Group => g !== undefined && canSeeGroup(ctx, g) && (kind === undefined || g.kind === kind))
        .sort((a, b) => a.classLevel - b.classLevel || a.name.localeCompare(b.name));
      if (groups.length === 0 && !ctx.caller.staffSchools.has(oid) && !ctx.caller.adminOf.has(school.tenant)) {
        throw new ProblemError('forbidden', 'Only the school\'s staff, its tenant\'s admins and its pupils\' families see its groups.');
      }
      return { body: page(ctx, groups.map((g) => groupView(ctx.data, g))) };
    },
  },

  getGroup: {
    personal: false,
    handle(ctx) {
      const group = requireGroup(ctx, ctx.params.id ?? '');
      if (!canSeeGroup(ctx, group)) {
        throw new ProblemError('forbidden', 'Only the school\'s staff, its tenant\'s admins and its members\' families see this group.');
      }
      return { body: groupView(ctx.data, group) };
    },
  },

  listGroupMembers: {
    personal: true,
    handle(ctx) {
      const { data, caller } = ctx;
      const group = requireGroup(ctx, ctx.params.id ?? '');
      const staff = teachesOrLeads(caller, group);
      const own = ownLearnersIn(ctx, group);
      if (!staff && own.length === 0) {
        throw new ProblemError('forbidden', 'Only the group\'s teachers, the principal, and its pupils and their guardians see its members.');
      }
      const ownOids = new Set(own.map((l) => l.oid));
      const since = new Map(data.memberships.filter((m) => m.groupId === group.id && m.role === 'learner').map((m) => [m.personOid, m.from]));
      const members = (data.learnersByGroup.get(group.id) ?? [])
        // A learner under a non-disclosure order is not listed to classmates' families: the list would tell where they are.
        .filter((oid) => staff || ownOids.has(oid) || !data.nonDisclosure.has(oid))
        .map((oid) => memberView(data, oid, since.get(oid), staff));
      return { body: page(ctx, members) };
    },
  },

  getLearner: {
    personal: true,
    handle(ctx) {
      const { learner, relation } = requireLearner(ctx, ctx.params.oid ?? '');
      return { body: learnerView(ctx.data, learner, relation) };
    },
  },

  listLearnerGuardians: {
    personal: true,
    handle(ctx) {
      const { data, caller } = ctx;
      const { learner, relation } = requireLearner(ctx, ctx.params.oid ?? '');
      const staff = relation === 'teacher' || relation === 'principal';
      const ownAddress = caller.personOid === undefined ? undefined : data.personByOid.get(caller.personOid)?.address;
      const relations = data.guardiansOfLearner.get(learner.oid) ?? [];
      return {
        body: page(ctx, relations.map((r) => guardianView(data, r, { staff, ...(ownAddress === undefined ? {} : { ownAddress }) }))),
      };
    },
  },

  getStaffMember: {
    personal: false,
    handle(ctx) {
      const { data } = ctx;
      const key = ctx.params.oid ?? '';
      const byId = data.staffById.get(key);
      const positions = byId ? (data.staffByPerson.get(byId.personOid) ?? [byId]) : (data.staffByPerson.get(key) ?? []);
      if (positions.length === 0) throw new ProblemError('not-found', `No staff member ${key}.`);
      const visible = positions.filter((p) => ctx.caller.user.tenants.includes(p.tenant));
      if (visible.length === 0) throw new ProblemError('forbidden', 'This staff member works in a tenant where you hold no role.');
      return { body: staffView(data, visible) };
    },
  },
};

