import { CLAIM, type IdentityClaims, type MandateClaim } from '@digione/sdk/identity';
import { learnerByOid, type PersonaRecord, type PersonaRole } from './people.ts';
import { SCHOOLS, schoolByOid } from './schools.ts';
import { SANDBOX_TENANTS } from './tenants.ts';

/** Role texts as MPASSid writes them, in the school's language. */
const ROLE_TEXT: Readonly<Record<PersonaRole['roleCode'], Record<'fi' | 'sv', string>>> = {
  '1': { fi: 'Oppilas', sv: 'Elev' },
  '2': { fi: 'Opettaja', sv: 'Lärare' },
  '3': { fi: 'Henkilökunta', sv: 'Personal' },
  '5': { fi: 'Sijaisopettaja', sv: 'Vikarierande lärare' },
  '6': { fi: 'Rehtori', sv: 'Rektor' },
};

/** The provider's name as educationProviderInfo carries it (MPASSid writes it in Finnish). */
function providerName(providerOid: string): string {
  const tenant = SANDBOX_TENANTS.find((t) => t.providerOid === providerOid);
  if (!tenant) throw new Error(`sandbox.data: no tenant for provider ${providerOid}`);
  return tenant.name.fi;
}

/** `providerOID;schoolCode;group;roleText;roleCode;schoolOID;officeOID` */
function roleValue(role: PersonaRole): string {
  const school = role.schoolOid === undefined ? undefined : schoolByOid(role.schoolOid);
  const text = ROLE_TEXT[role.roleCode][school?.lang ?? 'fi'];
  return [role.providerOid, school?.code ?? '', role.group, text, role.roleCode, school?.oid ?? '', school?.officeOid ?? ''].join(';');
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

/** The Suomi.fi mandate claim, enriched from the learner register as the platform would do it. */
function mandateClaim(learnerOid: string, status: MandateClaim['status']): MandateClaim {
  const learner = learnerByOid(learnerOid);
  if (!learner) throw new Error(`sandbox.data: mandate for unknown learner ${learnerOid}`);
  const school = schoolByOid(learner.schoolOid);
  return {
    principal: learner.oid,
    name: `${learner.givenName} ${learner.familyName}`,
    status,
    educationProviderOid: school.providerOid,
  };
}

/**
 * The identity claims of a persona, exactly as the provider puts them into the id_token, userinfo and the access
 * token. Multi-valued MPASSid claims are always arrays.
 */
export function claimsOf(persona: PersonaRecord): IdentityClaims {
  const claims: IdentityClaims = {
    sub: persona.sub,
    given_name: persona.givenName,
    family_name: persona.familyName,
    name: `${persona.givenName} ${persona.familyName}`,
    [CLAIM.idp]: persona.idp,
  };
  if (persona.idp === 'mpassid') {
    if (persona.mpassUid !== undefined) claims[CLAIM.mpassUid] = persona.mpassUid;
    const schoolOids = unique(persona.roles.flatMap((r) => (r.schoolOid === undefined ? [] : [r.schoolOid])));
    const schools = SCHOOLS.filter((s) => schoolOids.includes(s.oid));
    if (schools.length > 0) {
      claims[CLAIM.schoolInfo] = schools.flatMap((s) => [`${s.code};${s.name}`, `${s.oid};${s.name}`]);
    }
    const providers = unique(persona.roles.map((r) => r.providerOid));
    claims[CLAIM.educationProviderInfo] = providers.map((oid) => `${oid};${providerName(oid)}`);
    claims[CLAIM.role] = persona.roles.map(roleValue);
    if (persona.learnerOid !== undefined) {
      const learner = learnerByOid(persona.learnerOid);
      if (!learner) throw new Error(`sandbox.data: persona ${persona.username} names unknown learner`);
      claims[CLAIM.learnerOid] = learner.oid;
      claims[CLAIM.classLevel] = learner.classLevel;
    }
  }
  if (persona.mandates.length > 0) {
    claims[CLAIM.mandates] = persona.mandates.map((m) => mandateClaim(m.learnerOid, m.status));
  }
  return claims;
}

/** Every claim name the provider may issue beyond `sub` (for its `claims` configuration). */
export const PROFILE_CLAIMS: readonly string[] = ['given_name', 'family_name', 'name', ...Object.values(CLAIM)];
