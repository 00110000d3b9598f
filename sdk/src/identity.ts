/**
 * Identity: the claims DigiOne receives from MPASSid (pupils and staff) and Suomi.fi (guardians), and the one
 * function that turns them into a typed {@link PlatformUser}.
 *
 * The same function runs in the registry and in the platform API, so that what the shell shows and what the
 * servers enforce cannot drift apart. It is pure: no I/O, no globals.
 *
 * @packageDocumentation
 */

/** Claim names as MPASSid and Suomi.fi (through the sandbox) deliver them. */
export const CLAIM = {
  /** MPASSid user id, stable per person and identity source. */
  mpassUid: 'urn:mpass.id:uid',
  /** National learner number (oppijanumero); test learners are in 1.2.246.562.98.*. */
  learnerOid: 'urn:oid:1.3.6.1.4.1.16161.1.1.27',
  /** `code;Name` and `OID;Name` values, one or more. */
  schoolInfo: 'urn:mpass.id:schoolInfo',
  /** `OID;Name` of the education provider (the municipality). */
  educationProviderInfo: 'urn:mpass.id:educationProviderInfo',
  /** Class level, e.g. `7`. */
  classLevel: 'urn:mpass.id:classLevel',
  /** `providerOID;schoolCode;group;roleText;roleCode;schoolOID;officeOID`, one per school and role. */
  role: 'urn:mpass.id:role',
  /** Which identity source signed the person in: `mpassid` or `suomifi`. */
  idp: 'urn:digione:idp',
  /**
   * Suomi.fi e-Authorizations (mandates) of a guardian: the minors they may act for. The sandbox enriches each
   * principal with the education provider that holds the learner's study right, as the platform's learner
   * register would in production.
   */
  mandates: 'urn:digione:mandates',
} as const;

/** MPASSid role codes (the fifth field of a `urn:mpass.id:role` value). */
export const MPASS_ROLE_CODE = {
  learner: '1',
  teacher: '2',
  staff: '3',
  schoolSecretary: '4',
  substituteTeacher: '5',
  principal: '6',
} as const;

/** The roles a DigiOne dashboard is composed for. */
export const ROLES = ['pupil', 'guardian', 'teacher', 'principal', 'admin'] as const;
/** One of the {@link ROLES}. */
export type Role = (typeof ROLES)[number];

/** Whether `value` names one of the {@link ROLES}. */
export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** One Suomi.fi mandate as the sandbox delivers it in the `urn:digione:mandates` claim. */
export interface MandateClaim {
  /** The learner's national learner number. */
  principal: string;
  /** The learner's name as the guardian sees it. */
  name: string;
  /** ALLOWED or DISALLOWED, as in Suomi.fi e-Authorizations. */
  status: 'ALLOWED' | 'DISALLOWED';
  /** OID of the education provider holding the learner's study right. */
  educationProviderOid: string;
}

/** The raw claims (from userinfo, an id_token or an access token) that {@link toPlatformUser} reads. */
export interface IdentityClaims {
  sub: string;
  given_name?: string;
  family_name?: string;
  name?: string;
  [CLAIM.mpassUid]?: string;
  [CLAIM.learnerOid]?: string;
  [CLAIM.schoolInfo]?: string | string[];
  [CLAIM.educationProviderInfo]?: string | string[];
  [CLAIM.classLevel]?: string;
  [CLAIM.role]?: string | string[];
  [CLAIM.idp]?: 'mpassid' | 'suomifi';
  [CLAIM.mandates]?: MandateClaim[];
  [claim: string]: unknown;
}

/** Platform configuration of one tenant (municipality), keyed by its education provider OID. */
export interface TenantConfig {
  /** Short stable id, e.g. `vantaa`. */
  id: string;
  /** OID of the municipality as an education provider. */
  providerOid: string;
  /** Display name per locale. */
  name: Record<'fi' | 'sv' | 'en', string>;
  /** MPASSid user ids (`urn:mpass.id:uid`) of the tenant's platform admins. */
  admins: string[];
}

/** A school the user belongs to. */
export interface School {
  /** The school's OID. */
  oid: string;
  /** Oppilaitosnumero, the five-digit school code. */
  code: string;
  /** The school's own name. */
  name: string;
  /** The tenant (municipality) the school belongs to. */
  tenant: string;
}

/** One role the user holds, in one tenant (and for staff and pupils, one school). */
export interface RoleAssignment {
  /** The role. */
  role: Role;
  /** The tenant the role is held in. */
  tenant: string;
  /** Present for pupils and staff. */
  schoolOid?: string;
  /** Teaching groups or the pupil's class, when MPASSid names one. */
  groups: string[];
}

/** A minor the guardian may act for. */
export interface Child {
  /** The child's national learner number. */
  learnerOid: string;
  /** The child's name as the guardian sees it. */
  name: string;
  /** The tenant where the child studies. */
  tenant: string;
}

/** The typed user every part of DigiOne works with. */
export interface PlatformUser {
  /** The subject identifier of the identity provider. */
  id: string;
  /** The name to show. */
  displayName: string;
  /** Which identity source signed the person in. */
  idp: 'mpassid' | 'suomifi';
  /** National learner number, for pupils. */
  learnerOid?: string;
  /** Every role the user holds, de-duplicated per (role, tenant, school). */
  roles: RoleAssignment[];
  /** The distinct roles, in the order of {@link ROLES}. */
  roleNames: Role[];
  /** Tenants the user holds any role in. */
  tenants: string[];
  /** Schools the user holds a role in. */
  schools: School[];
  /** Minors a guardian may act for (ALLOWED mandates only). */
  children: Child[];
}

const MPASS_CODE_TO_ROLE: Readonly<Record<string, Role>> = {
  [MPASS_ROLE_CODE.learner]: 'pupil',
  [MPASS_ROLE_CODE.teacher]: 'teacher',
  [MPASS_ROLE_CODE.substituteTeacher]: 'teacher',
  [MPASS_ROLE_CODE.principal]: 'principal',
};

function list(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value.filter((v) => typeof v === 'string') : [value];
}

/** Parsed `urn:mpass.id:role` value. */
export interface MpassRole {
  providerOid: string;
  schoolCode: string;
  group: string;
  roleText: string;
  roleCode: string;
  schoolOid: string;
  officeOid: string;
}

/** Parses one `urn:mpass.id:role` value; returns undefined for a value with the wrong number of fields. */
export function parseMpassRole(value: string): MpassRole | undefined {
  const parts = value.split(';');
  if (parts.length !== 7) return undefined;
  const [providerOid = '', schoolCode = '', group = '', roleText = '', roleCode = '', schoolOid = '', officeOid = ''] =
    parts;
  return { providerOid, schoolCode, group, roleText, roleCode, schoolOid, officeOid };
}

/** Splits a `key;Name` value (schoolInfo, educationProviderInfo) at its first semicolon. */
function splitInfo(value: string): [string, string] {
  const i = value.indexOf(';');
  return i < 0 ? [value, ''] : [value.slice(0, i), value.slice(i + 1)];
}

/**
 * Maps identity claims and the tenant configuration to a {@link PlatformUser}.
 *
 * Rules: MPASSid role codes 1 → pupil, 2 and 5 → teacher, 6 → principal, each in the tenant whose provider OID the
 * role value names (roles in unknown providers are dropped). An MPASSid user listed as admin of a tenant gets
 * `admin` there. A user with at least one ALLOWED mandate for a learner of a known tenant is a guardian in that
 * tenant; DISALLOWED mandates give nothing.
 */
export function toPlatformUser(claims: IdentityClaims, tenants: readonly TenantConfig[]): PlatformUser {
  const byProvider = new Map(tenants.map((t) => [t.providerOid, t]));
  const idp = claims[CLAIM.idp] === 'suomifi' ? 'suomifi' : 'mpassid';
  const roles: RoleAssignment[] = [];
  const schools = new Map<string, School>();
  const schoolNames = new Map<string, string>();
  for (const info of list(claims[CLAIM.schoolInfo])) {
    const [key, name] = splitInfo(info);
    schoolNames.set(key, name);
  }

  const addRole = (assignment: RoleAssignment): void => {
    const same = roles.find(
      (r) => r.role === assignment.role && r.tenant === assignment.tenant && r.schoolOid === assignment.schoolOid,
    );
    if (!same) {
      roles.push(assignment);
      return;
    }
    for (const g of assignment.groups) if (!same.groups.includes(g)) same.groups.push(g);
  };

  if (idp === 'mpassid') {
    for (const raw of list(claims[CLAIM.role])) {
      const parsed = parseMpassRole(raw);
      if (!parsed) continue;
      const tenant = byProvider.get(parsed.providerOid);
      const role = MPASS_CODE_TO_ROLE[parsed.roleCode];
      if (!tenant || !role) continue;
      addRole({ role, tenant: tenant.id, schoolOid: parsed.schoolOid, groups: parsed.group ? [parsed.group] : [] });
      if (parsed.schoolOid && !schools.has(parsed.schoolOid)) {
        schools.set(parsed.schoolOid, {
          oid: parsed.schoolOid,
          code: parsed.schoolCode,
          name: schoolNames.get(parsed.schoolOid) ?? schoolNames.get(parsed.schoolCode) ?? parsed.schoolCode,
          tenant: tenant.id,
        });
      }
    }
    const uid = claims[CLAIM.mpassUid];
    if (uid) {
      for (const tenant of tenants) {
        if (tenant.admins.includes(uid)) addRole({ role: 'admin', tenant: tenant.id, groups: [] });
      }
    }
  }

  // Mandates count whichever source signed the person in: the platform links a staff member's MPASSid identity
  // to their Suomi.fi one, so a teacher who is also a parent has both roles after one sign-in.
  const children: Child[] = [];
  for (const mandate of claims[CLAIM.mandates] ?? []) {
    if (mandate.status !== 'ALLOWED') continue;
    const tenant = byProvider.get(mandate.educationProviderOid);
    if (!tenant) continue;
    children.push({ learnerOid: mandate.principal, name: mandate.name, tenant: tenant.id });
    addRole({ role: 'guardian', tenant: tenant.id, groups: [] });
  }

  const roleNames = ROLES.filter((r) => roles.some((a) => a.role === r));
  const tenantIds = [...new Set(roles.map((r) => r.tenant))];
  const displayName =
    claims.name ?? ([claims.given_name, claims.family_name].filter(Boolean).join(' ') || claims.sub);
  const learnerOid = claims[CLAIM.learnerOid];
  return {
    id: claims.sub,
    displayName,
    idp,
    ...(learnerOid ? { learnerOid } : {}),
    roles,
    roleNames,
    tenants: tenantIds,
    schools: [...schools.values()],
    children,
  };
}
