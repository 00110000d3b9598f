/**
 * The platform API's access rules, as pure functions of the caller (a {@link PlatformUser} from the token) and the
 * data set's relations. Every rule is enforced here on the server, whatever the shell shows.
 */
import { CLAIM, ROLES, type IdentityClaims, type MandateClaim, type PlatformUser, type Role } from '@digione/sdk/identity';
import type { JWTPayload } from 'jose';
import type { Dataset } from '../data/dataset.ts';
import type { Group, Learner } from '../data/model.ts';

const STRING_CLAIMS = [CLAIM.mpassUid, CLAIM.learnerOid, CLAIM.classLevel] as const;
const LIST_CLAIMS = [CLAIM.schoolInfo, CLAIM.educationProviderInfo, CLAIM.role] as const;

function isMandate(value: unknown): value is MandateClaim {
  if (typeof value !== 'object' || value === null) return false;
  const m: Record<string, unknown> = { ...value };
  return (
    typeof m.principal === 'string' &&
    typeof m.name === 'string' &&
    (m.status === 'ALLOWED' || m.status === 'DISALLOWED') &&
    typeof m.educationProviderOid === 'string'
  );
}

/**
 * The identity claims of a verified access token, keeping only values of the expected types, so that a token with
 * a malformed claim maps to fewer roles rather than to an error.
 */
export function identityClaimsFrom(payload: JWTPayload): IdentityClaims | undefined {
  if (typeof payload.sub !== 'string' || payload.sub === '') return undefined;
  const claims: IdentityClaims = { sub: payload.sub };
  for (const name of ['given_name', 'family_name', 'name'] as const) {
    const value = payload[name];
    if (typeof value === 'string') claims[name] = value;
  }
  for (const name of STRING_CLAIMS) {
    const value = payload[name];
    if (typeof value === 'string') claims[name] = value;
  }
  for (const name of LIST_CLAIMS) {
    const value = payload[name];
    if (typeof value === 'string') claims[name] = value;
    else if (Array.isArray(value)) claims[name] = value.filter((v): v is string => typeof v === 'string');
  }
  const idp = payload[CLAIM.idp];
  if (idp === 'mpassid' || idp === 'suomifi') claims[CLAIM.idp] = idp;
  const mandates = payload[CLAIM.mandates];
  if (Array.isArray(mandates)) claims[CLAIM.mandates] = mandates.filter(isMandate);
  return claims;
}

// ---------------------------------------------------------------------------------------------------------------
// The caller against the data set: who they are in the registers, and how they relate to each learner.

/** The signed-in caller as the data set knows them; built once per request from the verified token. */
export interface Caller {
  user: PlatformUser;
  /** The caller's person OID in the data set, when the registers know them. */
  personOid?: string;
  /** A pupil's own enrolment, in a tenant where the token makes them a pupil. */
  ownLearner?: Learner;
  /** Children the caller may act for: an ALLOWED mandate in the child's tenant, and no register entry denying it. */
  children: ReadonlyMap<string, Learner>;
  /** Groups the caller teaches (as a teacher or a teaching principal) in a school where the token names that role. */
  teaching: ReadonlySet<string>;
  /** Schools the caller leads (principal role in the token and a principal position in the register). */
  principalOf: ReadonlySet<string>;
  /** Schools where the caller is teacher or principal. */
  staffSchools: ReadonlySet<string>;
  /** The caller's staff ids (timetables name teachers by them) in those schools. */
  staffIds: ReadonlySet<string>;
  /** Tenants the caller administers. */
  adminOf: ReadonlySet<string>;
}

/** How the caller relates to one learner; the first that holds, in this order. */
export type LearnerRelation = 'self' | 'guardian' | 'teacher' | 'principal';

/**
 * Maps a verified caller to the data set. The token says which roles the caller holds where (MPASSid and Suomi.fi
 * are the authorities); the registers say which groups they teach and whose guardian they are. Both must agree.
 */
export function callerOf(user: PlatformUser, claims: IdentityClaims, data: Dataset): Caller {
  const mpassUid = claims[CLAIM.mpassUid];
  const guardianRecord = data.guardians.find((g) => g.sub !== undefined && g.sub === user.id);
  const staff = mpassUid === undefined ? [] : data.staff.filter((s) => s.mpassUid === mpassUid);
  let personOid = guardianRecord?.personOid ?? staff[0]?.personOid;

  let ownLearner: Learner | undefined;
  if (user.learnerOid !== undefined && user.roleNames.includes('pupil')) {
    const learner = data.learnerByOid.get(user.learnerOid);
    const school = learner === undefined ? undefined : data.schoolByOid.get(learner.schoolOid);
    if (learner && school && user.roles.some((r) => r.role === 'pupil' && r.tenant === school.tenant)) {
      ownLearner = learner;
      personOid ??= learner.oid;
    }
  }

  const children = new Map<string, Learner>();
  for (const child of user.children) {
    const learner = data.learnerByOid.get(child.learnerOid);
    const school = learner === undefined ? undefined : data.schoolByOid.get(learner.schoolOid);
    if (!learner || !school || school.tenant !== child.tenant) continue;
    // The register may know the guardian: then it must not say the guardian's rights are restricted.
    const relation = guardianRecord === undefined ? undefined
      : data.guardiansOfLearner.get(learner.oid)?.find((r) => r.guardianOid === guardianRecord.personOid);
    if (guardianRecord !== undefined && relation?.mayAct !== true) continue;
    children.set(learner.oid, learner);
  }

  const teaching = new Set<string>();
  const principalOf = new Set<string>();
  const staffSchools = new Set<string>();
  const staffIds = new Set<string>();
  for (const position of staff) {
    const school = position.schoolOid;
    if (school === undefined) continue;
    const tokenRoles = user.roles.filter((r) => r.schoolOid === school && r.tenant === position.tenant).map((r) => r.role);
    if (tokenRoles.includes('principal') && position.roles.includes('principal')) principalOf.add(school);
    if (tokenRoles.includes('teacher') || tokenRoles.includes('principal')) {
      staffSchools.add(school);
      staffIds.add(position.id);
      for (const group of data.groupsByTeacher.get(position.id) ?? []) teaching.add(group);
    }
  }
  const adminOf = new Set(user.roles.filter((r) => r.role === 'admin').map((r) => r.tenant));
  return {
    user,
    ...(personOid === undefined ? {} : { personOid }),
    ...(ownLearner === undefined ? {} : { ownLearner }),
    children,
    teaching,
    principalOf,
    staffSchools,
    staffIds,
    adminOf,
  };
}

/** The groups a learner is a member of (their class first). */
export function groupsOfLearner(data: Dataset, learner: Learner): string[] {
  const groups = new Set<string>([learner.homeGroupId]);
  for (const m of data.memberships) if (m.personOid === learner.oid && m.role === 'learner') groups.add(m.groupId);
  return [...groups];
}

/** How the caller relates to `learner`, or undefined when they may not read the learner's data at all. */
export function relationTo(caller: Caller, data: Dataset, learner: Learner): LearnerRelation | undefined {
  if (caller.ownLearner?.oid === learner.oid) return 'self';
  if (caller.children.has(learner.oid)) return 'guardian';
  if (groupsOfLearner(data, learner).some((g) => caller.teaching.has(g))) return 'teacher';
  if (caller.principalOf.has(learner.schoolOid)) return 'principal';
  return undefined;
}

/** Whether the caller is staff (teacher or principal) who may read a group's learner-level data. */
export function teachesOrLeads(caller: Caller, group: Group): boolean {
  return caller.teaching.has(group.id) || caller.principalOf.has(group.schoolOid);
}

// ---------------------------------------------------------------------------------------------------------------
// Scopes: what a widget's delegated token may reach. The shell's own token (no `act` claim) is first-party and
// reaches every operation; a widget's token (RFC 8693 token exchange at the provider) reaches only the operations
// whose scope it carries, as the tenant approved it for that widget and the active role allows.

/** An operation anyone may call without a token (the document and health). */
export const PUBLIC = 'public';
/** An operation every widget may call, but only for itself (its own settings, its own xAPI statements). */
export const OWN_WIDGET = 'own-widget';
/** An operation only the shell's own token may call: no widget token reaches it, whatever its scopes. */
export const SHELL_ONLY = 'shell-only';

/**
 * The scope each operation of sdk/openapi/platform-api.yaml needs, by `operationId`. A test checks that every
 * operation of the document has an entry; an operation without one is {@link SHELL_ONLY} (closed by default), so
 * that a new operation never becomes reachable by widgets by accident.
 */
export const OPERATION_SCOPES: Readonly<Record<string, string>> = {
  getOpenApiYaml: PUBLIC,
  getOpenApiJson: PUBLIC,
  getHealth: PUBLIC,
  getMe: 'me.read',
  getWidgetSettings: OWN_WIDGET,
  putWidgetSettings: OWN_WIDGET,
  listOrganisations: 'organisations.read',
  getOrganisation: 'organisations.read',
  listSchoolGroups: 'groups.read',
  getGroup: 'groups.read',
  listGroupMembers: 'groups.read',
  getLearner: 'people.read',
  listLearnerGuardians: 'people.read',
  getStaffMember: 'people.read',
  listTerms: 'curriculum.read',
  listSubjects: 'curriculum.read',
  getCurriculum: 'curriculum.read',
  getSchedule: 'schedule.read',
  listAssignments: 'assignments.read',
  listSubmissions: 'assignments.read',
  listAssessments: 'assessments.read',
  listAbsences: 'absences.read',
  createAbsence: 'absences.write',
  updateAbsence: 'absences.write',
  listStudyRights: 'studyrights.read',
  listMessageThreads: 'messages.read',
  listBulletin: 'bulletin.read',
  getStatements: 'xapi.read',
  // Telemetry: the handler names the widget as the statement's authority, so a widget writes only in its own name.
  postStatements: OWN_WIDGET,
  // The platform's event log: the shell reports a widget's failure itself (a widget could otherwise forge others').
  reportWidgetFailure: SHELL_ONLY,
  listWidgetFailures: SHELL_ONLY,
};

/** The scope `operationId` needs; {@link SHELL_ONLY} for an operation the table does not know. */
export function scopeOf(operationId: string): string {
  return Object.hasOwn(OPERATION_SCOPES, operationId) ? OPERATION_SCOPES[operationId]! : SHELL_ONLY;
}

/** Every scope a widget's token can carry: the named scopes of {@link OPERATION_SCOPES}. */
export const API_SCOPES: readonly string[] = [
  ...new Set(Object.values(OPERATION_SCOPES).filter((s) => s !== PUBLIC && s !== OWN_WIDGET && s !== SHELL_ONLY)),
];

const LEARNER_READS = [
  'me.read',
  'organisations.read',
  'groups.read',
  'people.read',
  'curriculum.read',
  'schedule.read',
  'assignments.read',
  'assessments.read',
  'absences.read',
  'studyrights.read',
  'messages.read',
  'bulletin.read',
  'xapi.read',
] as const;

/**
 * The scopes a widget may get while the user acts in each role: a widget on the admin's dashboard gets nothing that
 * reads learners, and only roles that report absences may give a widget `absences.write`. The API's relation rules
 * still apply to every call; this keeps a widget's token from reaching what its role never needs.
 */
export const ROLE_SCOPES: Readonly<Record<Role, readonly string[]>> = {
  pupil: LEARNER_READS,
  guardian: [...LEARNER_READS, 'absences.write'],
  teacher: [...LEARNER_READS, 'absences.write'],
  principal: [...LEARNER_READS, 'absences.write'],
  admin: ['me.read', 'organisations.read', 'groups.read', 'people.read', 'curriculum.read', 'messages.read', 'bulletin.read'],
};

/** Claims of a widget's delegated token (set by the provider's token exchange; see provider/token-exchange.ts). */
export const WIDGET_CLAIM = {
  widget: 'digione_widget',
  tenant: 'digione_tenant',
  role: 'digione_role',
  learner: 'digione_learner',
} as const;

/**
 * "Preview as" (docs/decisions/0008-preview-as.md): the claim that marks a preview token and every widget token
 * exchanged for one. Such a token stands for a tenant's designated preview persona (a test account), names the admin
 * who previews in `act`, may read the role's DRAFT dashboard at the registry and may only read at the platform API.
 */
export const PREVIEW_CLAIM = 'digione_preview';
/** The admin a preview token names in `act` (RFC 8693 §4.1), or undefined when `payload` is no preview token. */
export function previewActorOf(payload: JWTPayload): { sub: string; mpassUid: string } | undefined {
  if (payload[PREVIEW_CLAIM] !== true) return undefined;
  let act = payload['act'] as Record<string, unknown> | undefined;
  // A widget's token from a preview nests the admin under the shell: { sub: shell, act: { sub: admin, … } }.
  while (act && typeof act === 'object' && typeof act['act'] === 'object' && act['act'] !== null) act = act['act'] as Record<string, unknown>;
  if (!act || typeof act['sub'] !== 'string' || typeof act[CLAIM.mpassUid] !== 'string') return undefined;
  return { sub: act['sub'], mpassUid: act[CLAIM.mpassUid] as string };
}

/** Who a widget's token was issued for: the widget, and the dashboard (tenant, role, child) it was placed on. */
export interface WidgetBinding {
  widget: string;
  tenant: string;
  role: Role;
  /** The child a guardian acts for. */
  learner?: string;
  /** The scopes the token carries. */
  scopes: ReadonlySet<string>;
}

/**
 * The widget binding of a verified token: undefined for the shell's own token (no `act`, no widget claim); an
 * error message for a delegated token that does not name its widget, tenant and role (refused: never trusted as
 * the shell's).
 */
export function widgetBindingOf(payload: JWTPayload): WidgetBinding | string | undefined {
  const widget = payload[WIDGET_CLAIM.widget];
  if (payload['act'] === undefined && widget === undefined) return undefined;
  // A preview token itself ("Preview as") is the previewed persona's shell token, read-only (api.ts).
  if (widget === undefined && previewActorOf(payload)) return undefined;
  const tenant = payload[WIDGET_CLAIM.tenant];
  const role = payload[WIDGET_CLAIM.role];
  const learner = payload[WIDGET_CLAIM.learner];
  if (typeof widget !== 'string' || typeof tenant !== 'string' || typeof role !== 'string' || !ROLES.includes(role as Role)) {
    return 'a delegated token must name its widget, tenant and role';
  }
  const scope = typeof payload['scope'] === 'string' ? payload['scope'] : '';
  return {
    widget,
    tenant,
    role: role as Role,
    ...(typeof learner === 'string' ? { learner } : {}),
    scopes: new Set(scope.split(' ').filter((s) => s !== '')),
  };
}

/**
 * The user as a widget's token lets it act: only the role and tenant of the dashboard the widget was placed on,
 * and for a guardian only the child they act for there. A teacher who is also a guardian does not lend a widget on
 * their guardian dashboard the teacher's reach.
 */
export function narrowToBinding(user: PlatformUser, binding: WidgetBinding): PlatformUser {
  const roles = user.roles.filter((r) => r.role === binding.role && r.tenant === binding.tenant);
  const children =
    binding.role === 'guardian'
      ? user.children.filter((c) => c.tenant === binding.tenant && (binding.learner === undefined || c.learnerOid === binding.learner))
      : [];
  const schoolOids = new Set(roles.map((r) => r.schoolOid));
  const { learnerOid, ...rest } = user;
  return {
    ...rest,
    ...(learnerOid !== undefined && binding.role === 'pupil' ? { learnerOid } : {}),
    roles,
    roleNames: ROLES.filter((role) => roles.some((r) => r.role === role)),
    tenants: roles.length > 0 ? [binding.tenant] : [],
    schools: user.schools.filter((s) => schoolOids.has(s.oid)),
    children,
  };
}

/**
 * Why a widget's token may not call `operationId` (with these path parameters), or undefined when it may.
 * The answer is the scope it lacks, for the `WWW-Authenticate` challenge, and a sentence for the developer.
 */
export function scopeRefusal(
  operationId: string,
  binding: WidgetBinding,
  params: Readonly<Record<string, string>>,
): { scope: string; detail: string } | undefined {
  const needed = scopeOf(operationId);
  if (needed === PUBLIC) return undefined;
  if (needed === SHELL_ONLY) {
    return { scope: needed, detail: `${operationId} is for the shell itself; a widget's token does not reach it.` };
  }
  if (needed === OWN_WIDGET) {
    const named = params['widgetId'];
    if (named !== undefined && named !== binding.widget) {
      return { scope: needed, detail: `The token of widget ${binding.widget} reaches only its own settings, not ${named}'s.` };
    }
    return undefined;
  }
  if (binding.scopes.has(needed)) return undefined;
  return {
    scope: needed,
    detail: `${operationId} needs the scope ${needed}; the token of widget ${binding.widget} carries ${[...binding.scopes].join(' ') || 'none'}. Declare it in the manifest and have the tenant approve it.`,
  };
}
