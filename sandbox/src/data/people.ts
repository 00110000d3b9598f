import type { LocalizedText } from '../../../sdk/src/api-types.ts';
import { SCHOOL_OID } from './schools.ts';
import { PROVIDER_OID, VANTAA_ADMIN_UID } from './tenants.ts';

/** The password of every sandbox persona. */
export const SANDBOX_PASSWORD = 'sandbox';

/** A pupil in the test data. Learner OIDs are in the test range 1.2.246.562.98.*. */
export interface LearnerRecord {
  oid: string;
  givenName: string;
  familyName: string;
  schoolOid: string;
  /** The pupil's class (teaching group), e.g. `7A`. */
  group: string;
  classLevel: string;
}

export const LEARNER_OID = {
  veeti: '1.2.246.562.98.00000000001',
  aino: '1.2.246.562.98.00000000002',
  elias: '1.2.246.562.98.00000000003',
  oona: '1.2.246.562.98.00000000004',
  ella: '1.2.246.562.98.00000000005',
} as const;

export const LEARNERS: readonly LearnerRecord[] = [
  { oid: LEARNER_OID.veeti, givenName: 'Veeti', familyName: 'Testinen', schoolOid: SCHOOL_OID.testimaki, group: '7A', classLevel: '7' },
  { oid: LEARNER_OID.aino, givenName: 'Aino', familyName: 'Testinen', schoolOid: SCHOOL_OID.testimaki, group: '3B', classLevel: '3' },
  { oid: LEARNER_OID.elias, givenName: 'Elias', familyName: 'Kaksinen', schoolOid: SCHOOL_OID.testbacken, group: '5A', classLevel: '5' },
  { oid: LEARNER_OID.oona, givenName: 'Oona', familyName: 'Kaksinen', schoolOid: SCHOOL_OID.testimaki, group: '3B', classLevel: '3' },
  { oid: LEARNER_OID.ella, givenName: 'Ella', familyName: 'Kokeilu', schoolOid: SCHOOL_OID.kokeilulaakso, group: '7C', classLevel: '7' },
];

const learnersByOid = new Map(LEARNERS.map((l) => [l.oid, l]));

/** The learner with this OID, if the test data has one. */
export function learnerByOid(oid: string): LearnerRecord | undefined {
  return learnersByOid.get(oid);
}

/** A teacher who appears in timetables. Some are personas (linked by {@link PersonaRecord.teacherId}). */
export interface TeacherRecord {
  id: string;
  givenName: string;
  familyName: string;
  schoolOid: string;
}

export const TEACHERS: readonly TeacherRecord[] = [
  // Testimäen yhtenäiskoulu (Vantaa, Finnish)
  { id: 't-esimerkki', givenName: 'Leena', familyName: 'Esimerkki', schoolOid: SCHOOL_OID.testimaki },
  { id: 't-kaksinen', givenName: 'Marja', familyName: 'Kaksinen', schoolOid: SCHOOL_OID.testimaki },
  { id: 't-malli', givenName: 'Tuula', familyName: 'Malli', schoolOid: SCHOOL_OID.testimaki },
  { id: 't-mallinen', givenName: 'Antti', familyName: 'Mallinen', schoolOid: SCHOOL_OID.testimaki },
  { id: 't-demo', givenName: 'Heidi', familyName: 'Demo', schoolOid: SCHOOL_OID.testimaki },
  { id: 't-testimaa', givenName: 'Pia', familyName: 'Testimaa', schoolOid: SCHOOL_OID.testimaki },
  { id: 't-koelainen', givenName: 'Petri', familyName: 'Koelainen', schoolOid: SCHOOL_OID.testimaki },
  { id: 't-esimerkkinen', givenName: 'Juha', familyName: 'Esimerkkinen', schoolOid: SCHOOL_OID.testimaki },
  { id: 't-sointunen', givenName: 'Mirja', familyName: 'Sointunen', schoolOid: SCHOOL_OID.testimaki },
  { id: 't-testikas', givenName: 'Kari', familyName: 'Testikäs', schoolOid: SCHOOL_OID.testimaki },
  { id: 't-luokkanen', givenName: 'Riitta', familyName: 'Luokkanen', schoolOid: SCHOOL_OID.testimaki },
  // Testbackens svenska skola (Vantaa, Swedish)
  { id: 't-teststrom', givenName: 'Britt', familyName: 'Testström', schoolOid: SCHOOL_OID.testbacken },
  { id: 't-provkvist', givenName: 'Johan', familyName: 'Provkvist', schoolOid: SCHOOL_OID.testbacken },
  // Kokeilulaakson koulu (Espoo)
  { id: 't-kokeilu', givenName: 'Eeva', familyName: 'Kokeilu', schoolOid: SCHOOL_OID.kokeilulaakso },
  { id: 't-testaaja', givenName: 'Tommi', familyName: 'Testaaja', schoolOid: SCHOOL_OID.kokeilulaakso },
  { id: 't-esimerkkila', givenName: 'Sini', familyName: 'Esimerkkilä', schoolOid: SCHOOL_OID.kokeilulaakso },
  { id: 't-oppikoe', givenName: 'Olli', familyName: 'Oppikoe', schoolOid: SCHOOL_OID.kokeilulaakso },
  { id: 't-taitotesti', givenName: 'Jenni', familyName: 'Taitotesti', schoolOid: SCHOOL_OID.kokeilulaakso },
];

const teachersById = new Map(TEACHERS.map((t) => [t.id, t]));

/** The teacher with this id; throws for an id the test data does not hold (a bug in the data, not input). */
export function teacherById(id: string): TeacherRecord {
  const teacher = teachersById.get(id);
  if (!teacher) throw new Error(`sandbox.data: no teacher ${id}`);
  return teacher;
}

/** MPASSid role codes the personas use. */
export type MpassRoleCode = '1' | '2' | '3' | '5' | '6';

/** One MPASSid role of a persona, before it is written out as a `urn:mpass.id:role` value. */
export interface PersonaRole {
  providerOid: string;
  /** Absent for a role at the education provider itself (municipal staff). */
  schoolOid?: string;
  group: string;
  roleCode: MpassRoleCode;
}

/** One Suomi.fi mandate of a persona; the claim is completed from the learner register. */
export interface PersonaMandate {
  learnerOid: string;
  status: 'ALLOWED' | 'DISALLOWED';
}

/** A sandbox test user. */
export interface PersonaRecord {
  /** What to type into the sign-in form. */
  username: string;
  /** The stable subject identifier. */
  sub: string;
  idp: 'mpassid' | 'suomifi';
  givenName: string;
  familyName: string;
  /** The tenant the persona belongs to. */
  tenant: string;
  /** Who this is, for the sign-in page and the start banner. */
  description: LocalizedText;
  /** MPASSid user id; absent for Suomi.fi users. */
  mpassUid?: string;
  /** National learner number, for pupils. */
  learnerOid?: string;
  /** The timetable teacher this persona is, for staff who teach. */
  teacherId?: string;
  roles: PersonaRole[];
  mandates: PersonaMandate[];
  /**
   * A preview persona: a test account the tenant's admin may preview dashboards as ("Preview as",
   * docs/decisions/0008-preview-as.md). Only these can be previewed; real pupils never.
   */
  preview?: true;
}

const teaches = (schoolOid: string, groups: readonly string[], providerOid: string = PROVIDER_OID.vantaa): PersonaRole[] =>
  groups.map((group) => ({ providerOid, schoolOid, group, roleCode: '2' }));

/** The contract personas (docs/platform.md, architecture "Contracts"); the password of each is {@link SANDBOX_PASSWORD}. */
export const PERSONA_RECORDS: readonly PersonaRecord[] = [
  {
    username: 'pupil',
    sub: 'sandbox-pupil',
    preview: true,
    idp: 'mpassid',
    givenName: 'Veeti',
    familyName: 'Testinen',
    tenant: 'vantaa',
    description: {
      fi: 'Oppilas, 7A, Testimäen yhtenäiskoulu (Vantaa)',
      sv: 'Elev, 7A, Testimäen yhtenäiskoulu (Vanda)',
      en: 'Pupil, 7A, Testimäen yhtenäiskoulu (Vantaa)',
    },
    mpassUid: 'mpass-pupil',
    learnerOid: LEARNER_OID.veeti,
    roles: [{ providerOid: PROVIDER_OID.vantaa, schoolOid: SCHOOL_OID.testimaki, group: '7A', roleCode: '1' }],
    mandates: [],
  },
  {
    username: 'guardian',
    sub: 'sandbox-guardian',
    preview: true,
    idp: 'suomifi',
    givenName: 'Sanna',
    familyName: 'Testinen',
    tenant: 'vantaa',
    description: {
      fi: 'Huoltaja (Suomi.fi), Vantaa: Veeti 7A ja Aino 3B',
      sv: 'Vårdnadshavare (Suomi.fi), Vanda: Veeti 7A och Aino 3B',
      en: 'Guardian (Suomi.fi), Vantaa: Veeti 7A and Aino 3B',
    },
    roles: [],
    mandates: [
      { learnerOid: LEARNER_OID.veeti, status: 'ALLOWED' },
      { learnerOid: LEARNER_OID.aino, status: 'ALLOWED' },
    ],
  },
  {
    username: 'teacher',
    sub: 'sandbox-teacher',
    preview: true,
    idp: 'mpassid',
    givenName: 'Leena',
    familyName: 'Esimerkki',
    tenant: 'vantaa',
    description: {
      fi: 'Opettaja (matematiikka, fysiikka), Testimäen yhtenäiskoulu (Vantaa): 7A, 8B, 9A',
      sv: 'Lärare (matematik, fysik), Testimäen yhtenäiskoulu (Vanda): 7A, 8B, 9A',
      en: 'Teacher (mathematics, physics), Testimäen yhtenäiskoulu (Vantaa): 7A, 8B, 9A',
    },
    mpassUid: 'mpass-teacher',
    teacherId: 't-esimerkki',
    roles: teaches(SCHOOL_OID.testimaki, ['7A', '8B', '9A']),
    mandates: [],
  },
  {
    username: 'principal',
    sub: 'sandbox-principal',
    preview: true,
    idp: 'mpassid',
    givenName: 'Tuula',
    familyName: 'Malli',
    tenant: 'vantaa',
    description: {
      fi: 'Rehtori, Testimäen yhtenäiskoulu (Vantaa); opettaa historiaa 9A:lle',
      sv: 'Rektor, Testimäen yhtenäiskoulu (Vanda); undervisar historia i 9A',
      en: 'Principal, Testimäen yhtenäiskoulu (Vantaa); teaches history to 9A',
    },
    mpassUid: 'mpass-principal',
    teacherId: 't-malli',
    roles: [{ providerOid: PROVIDER_OID.vantaa, schoolOid: SCHOOL_OID.testimaki, group: '', roleCode: '6' }],
    mandates: [],
  },
  {
    username: 'admin',
    sub: 'sandbox-admin',
    idp: 'mpassid',
    givenName: 'Jari',
    familyName: 'Kokeilija',
    tenant: 'vantaa',
    description: {
      fi: 'Vantaan DigiOne-pääkäyttäjä (MPASSid-henkilökunta)',
      sv: 'Vandas DigiOne-huvudanvändare (MPASSid-personal)',
      en: 'Vantaa DigiOne platform admin (MPASSid staff)',
    },
    mpassUid: VANTAA_ADMIN_UID,
    roles: [{ providerOid: PROVIDER_OID.vantaa, group: '', roleCode: '3' }],
    mandates: [],
  },
  {
    username: 'teacher-guardian',
    sub: 'sandbox-teacher-guardian',
    idp: 'mpassid',
    givenName: 'Marja',
    familyName: 'Kaksinen',
    tenant: 'vantaa',
    description: {
      fi: 'Opettaja (ruotsi), Testimäen yhtenäiskoulu (Vantaa): 7A, 8B, 9A; ja huoltaja: Elias 5A, Testbackens svenska skola',
      sv: 'Lärare (svenska), Testimäen yhtenäiskoulu (Vanda): 7A, 8B, 9A; och vårdnadshavare: Elias 5A, Testbackens svenska skola',
      en: 'Teacher (Swedish), Testimäen yhtenäiskoulu (Vantaa): 7A, 8B, 9A; and guardian: Elias 5A, Testbackens svenska skola',
    },
    mpassUid: 'mpass-teacher-guardian',
    teacherId: 't-kaksinen',
    roles: teaches(SCHOOL_OID.testimaki, ['7A', '8B', '9A']),
    mandates: [
      { learnerOid: LEARNER_OID.elias, status: 'ALLOWED' },
      // A mandate that was not granted: it must give no access to Oona.
      { learnerOid: LEARNER_OID.oona, status: 'DISALLOWED' },
    ],
  },
  {
    username: 'espoo-teacher',
    sub: 'sandbox-espoo-teacher',
    preview: true,
    idp: 'mpassid',
    givenName: 'Eeva',
    familyName: 'Kokeilu',
    tenant: 'espoo',
    description: {
      fi: 'Opettaja, Kokeilulaakson koulu (Espoo): 7C, 8A',
      sv: 'Lärare, Kokeilulaakson koulu (Esbo): 7C, 8A',
      en: 'Teacher, Kokeilulaakson koulu (Espoo): 7C, 8A',
    },
    mpassUid: 'mpass-espoo-teacher',
    teacherId: 't-kokeilu',
    roles: teaches(SCHOOL_OID.kokeilulaakso, ['7C', '8A'], PROVIDER_OID.espoo),
    mandates: [],
  },
];

/**
 * Personas for identity edge cases. They sign in at the sandbox provider like the contract personas, but outside
 * the snapshot that guards {@link PERSONA_RECORDS}. gen-identity.ts gives them register data without changing what
 * any contract persona sees: the substitute's positions and the courses they cover, the two-city guardian's
 * Guardian record and relations, and `elev` is Elias of the data set. The revoked guardian is not in the register:
 * the platform knows them from their claims only, as it would a real person whom the register does not list.
 */
export const IDENTITY_PERSONA_RECORDS: readonly PersonaRecord[] = [
  {
    username: 'substitute',
    sub: 'sandbox-substitute',
    idp: 'mpassid',
    givenName: 'Ville',
    familyName: 'Sijainen',
    tenant: 'vantaa',
    description: {
      fi: 'Sijaisopettaja (matematiikka, fysiikka, kemia) kahdessa koulussa (Vantaa): 9B, Testimäen yhtenäiskoulu ja 8A, Testbackens svenska skola',
      sv: 'Vikarierande lärare (matematik, fysik, kemi) i två skolor (Vanda): 9B, Testimäen yhtenäiskoulu och 8A, Testbackens svenska skola',
      en: 'Substitute teacher (mathematics, physics, chemistry) in two schools (Vantaa): 9B, Testimäen yhtenäiskoulu and 8A, Testbackens svenska skola',
    },
    mpassUid: 'mpass-substitute',
    roles: [
      { providerOid: PROVIDER_OID.vantaa, schoolOid: SCHOOL_OID.testimaki, group: '', roleCode: '5' },
      { providerOid: PROVIDER_OID.vantaa, schoolOid: SCHOOL_OID.testbacken, group: '', roleCode: '5' },
    ],
    mandates: [],
  },
  {
    username: 'guardian-two-cities',
    sub: 'sandbox-guardian-two-cities',
    idp: 'suomifi',
    givenName: 'Mikko',
    familyName: 'Kaupunki',
    tenant: 'vantaa',
    description: {
      fi: 'Huoltaja (Suomi.fi) kahdessa kunnassa: Oona 3B (Vantaa) ja Ella 7C (Espoo)',
      sv: 'Vårdnadshavare (Suomi.fi) i två kommuner: Oona 3B (Vanda) och Ella 7C (Esbo)',
      en: 'Guardian (Suomi.fi) in two municipalities: Oona 3B (Vantaa) and Ella 7C (Espoo)',
    },
    roles: [],
    mandates: [
      { learnerOid: LEARNER_OID.oona, status: 'ALLOWED' },
      { learnerOid: LEARNER_OID.ella, status: 'ALLOWED' },
    ],
  },
  {
    username: 'elev',
    sub: 'sandbox-elev',
    idp: 'mpassid',
    givenName: 'Elias',
    familyName: 'Kaksinen',
    tenant: 'vantaa',
    description: {
      fi: 'Oppilas, 5A, Testbackens svenska skola (Vantaa, ruotsinkielinen)',
      sv: 'Elev, 5A, Testbackens svenska skola (Vanda, svenskspråkig)',
      en: 'Pupil, 5A, Testbackens svenska skola (Vantaa, Swedish-language)',
    },
    mpassUid: 'mpass-elev',
    learnerOid: LEARNER_OID.elias,
    roles: [{ providerOid: PROVIDER_OID.vantaa, schoolOid: SCHOOL_OID.testbacken, group: '5A', roleCode: '1' }],
    mandates: [],
  },
  {
    username: 'revoked-guardian',
    sub: 'sandbox-revoked-guardian',
    idp: 'suomifi',
    givenName: 'Riikka',
    familyName: 'Peruttu',
    tenant: 'vantaa',
    description: {
      fi: 'Huoltaja (Suomi.fi), jonka valtuus on peruttu: ei rooleja',
      sv: 'Vårdnadshavare (Suomi.fi) vars fullmakt har återkallats: inga roller',
      en: 'Guardian (Suomi.fi) whose mandate was revoked: no roles',
    },
    roles: [],
    mandates: [{ learnerOid: LEARNER_OID.aino, status: 'DISALLOWED' }],
  },
  {
    // Another tenant's admin: the admin views and the registry's admin API must show and allow Espoo's only.
    username: 'espoo-admin',
    sub: 'sandbox-espoo-admin',
    idp: 'mpassid',
    givenName: 'Sanna',
    familyName: 'Ylläpitäjä',
    tenant: 'espoo',
    description: {
      fi: 'Espoon DigiOne-pääkäyttäjä (MPASSid-henkilökunta)',
      sv: 'Esbos DigiOne-huvudanvändare (MPASSid-personal)',
      en: 'Espoo DigiOne platform admin (MPASSid staff)',
    },
    mpassUid: 'mpass-admin-espoo',
    roles: [{ providerOid: PROVIDER_OID.espoo, group: '', roleCode: '3' }],
    mandates: [],
  },
];

/** Everyone who can sign in at the sandbox provider. */
export const SIGN_IN_PERSONA_RECORDS: readonly PersonaRecord[] = [...PERSONA_RECORDS, ...IDENTITY_PERSONA_RECORDS];

const personasByUsername = new Map(SIGN_IN_PERSONA_RECORDS.map((p) => [p.username, p]));
const personasBySub = new Map(SIGN_IN_PERSONA_RECORDS.map((p) => [p.sub, p]));

/** The persona a username names, if any. */
export function personaByUsername(username: string): PersonaRecord | undefined {
  return personasByUsername.get(username);
}

/** The persona with this subject identifier, if any. */
export function personaBySub(sub: string): PersonaRecord | undefined {
  return personasBySub.get(sub);
}
