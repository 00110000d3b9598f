/**
 * The platform API's access rules, as pure functions of the caller (a {@link PlatformUser} from the token) and the
 * data set's relations. Every rule is enforced here on the server, whatever the shell shows.
 */
import { CLAIM, type IdentityClaims, type MandateClaim, type PlatformUser } from '@digione/sdk/identity';
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
