/**
 * The platform API's access rules, as pure functions of the caller (a {@link PlatformUser} from the token) and the
 * test data. Every rule is enforced here on the server, whatever the shell shows.
 */
import { CLAIM, type IdentityClaims, type MandateClaim, type PlatformUser } from '@digione/sdk/identity';
import type { JWTPayload } from 'jose';
import type { Dataset } from '../data/dataset.ts';
import type { Group, Learner } from '../data/model.ts';
import { learnerByOid, personaBySub, type LearnerRecord } from '../data/people.ts';
import { SCHOOLS, schoolByOid } from '../data/schools.ts';
import type { LessonFilter } from '../data/timetable.ts';
import type { Refusal } from './problems.ts';

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

/** Whose data a request reads: the caller's own, or a child's (then `actingFor` is the child's learner OID). */
export interface LearnerGrant {
  learner: LearnerRecord;
  actingFor?: string;
}

/** Whether the caller holds any role at all; a token from an unknown tenant reads nothing. */
export function requireRole(user: PlatformUser): Refusal | undefined {
  return user.roles.length === 0
    ? { refused: 'forbidden', detail: 'The signed-in person has no role in any tenant this platform serves.' }
    : undefined;
}

/**
 * May the caller read the data of learner `oid`? A pupil may read their own; a guardian only a child with an
 * ALLOWED mandate (which {@link PlatformUser.children} holds) in the tenant that holds the learner's study right.
 */
export function learnerAccess(user: PlatformUser, oid: string): LearnerGrant | Refusal {
  const own = user.learnerOid === oid && user.roleNames.includes('pupil');
  const child = user.children.find((c) => c.learnerOid === oid);
  if (!own && !child) {
    return {
      refused: 'forbidden',
      detail: 'Name your own learner number, or a child for whom you hold an ALLOWED mandate.',
    };
  }
  const learner = learnerByOid(oid);
  if (!learner) return { refused: 'not-found', detail: `No learner ${oid} in this platform's register.` };
  const tenant = schoolByOid(learner.schoolOid).tenant;
  const tenantOk = own ? user.roles.some((r) => r.role === 'pupil' && r.tenant === tenant) : child?.tenant === tenant;
  if (!tenantOk) {
    return { refused: 'forbidden', detail: 'The learner studies in a tenant where you hold no role for them.' };
  }
  return own ? { learner } : { learner, actingFor: oid };
}

/** Which lessons `GET /v1/schedule` returns, and for whom the caller acts. */
export interface ScheduleScope {
  /** Undefined when the caller has no timetable of their own (an admin, staff who do not teach). */
  filter?: LessonFilter;
  actingFor?: string;
}

/**
 * The schedule a caller may read: with `learner`, that learner's class (own or an ALLOWED child's); without it, a
 * pupil's own class, or the lessons a teacher or principal teaches in the schools where they hold that role.
 */
export function scheduleScope(user: PlatformUser, learner: string | undefined): ScheduleScope | Refusal {
  const noRole = requireRole(user);
  if (noRole) return noRole;
  const oid = learner ?? (user.roleNames.includes('pupil') ? user.learnerOid : undefined);
  if (oid !== undefined) {
    const access = learnerAccess(user, oid);
    if ('refused' in access) return access;
    return {
      filter: { kind: 'group', schoolOid: access.learner.schoolOid, group: access.learner.group },
      ...(access.actingFor === undefined ? {} : { actingFor: access.actingFor }),
    };
  }
  const staffSchools = user.roles
    .filter((r) => (r.role === 'teacher' || r.role === 'principal') && r.schoolOid !== undefined)
    .flatMap((r) => (r.schoolOid === undefined ? [] : [r.schoolOid]));
  if (staffSchools.length > 0) {
    // The sandbox's stand-in for the timetable system's staff register: persona → timetable teacher.
    const teacherId = personaBySub(user.id)?.teacherId;
    return teacherId === undefined ? {} : { filter: { kind: 'teacher', teacherId, schoolOids: staffSchools } };
  }
  if (user.roleNames.includes('guardian')) {
    return { refused: 'learner-required', detail: 'Pass learner=<learner OID> of a child you act for.' };
  }
  return {};
}

/** The schools whose bulletins the caller sees: their own, their children's, and for an admin the tenant's. */
export function bulletinSchools(user: PlatformUser): string[] | Refusal {
  const noRole = requireRole(user);
  if (noRole) return noRole;
  const oids = new Set(user.schools.filter((s) => user.tenants.includes(s.tenant)).map((s) => s.oid));
  for (const child of user.children) {
    const learner = learnerByOid(child.learnerOid);
    if (learner && schoolByOid(learner.schoolOid).tenant === child.tenant) oids.add(learner.schoolOid);
  }
  const adminTenants = user.roles.filter((r) => r.role === 'admin').map((r) => r.tenant);
  for (const school of SCHOOLS) if (adminTenants.includes(school.tenant)) oids.add(school.oid);
  return SCHOOLS.filter((s) => oids.has(s.oid)).map((s) => s.oid);
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
  for (const position of staff) {
    const school = position.schoolOid;
    if (school === undefined) continue;
    const tokenRoles = user.roles.filter((r) => r.schoolOid === school && r.tenant === position.tenant).map((r) => r.role);
    if (tokenRoles.includes('principal') && position.roles.includes('principal')) principalOf.add(school);
    if (tokenRoles.includes('teacher') || tokenRoles.includes('principal')) {
      staffSchools.add(school);
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

/** A school's tenant, or undefined for an OID the data set does not hold. */
export function tenantOfSchool(data: Dataset, schoolOid: string): string | undefined {
  return data.schoolByOid.get(schoolOid)?.tenant;
}
