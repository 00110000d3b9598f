/**
 * Generates the people: staff (the hand-written teachers, generated teachers, a principal and a secretary per
 * school), pupils in every group and their families (one- and two-guardian households, split households,
 * guardians with children in two schools or two municipalities, and families under a non-disclosure order).
 */
import type { Address, Group, Guardian, GuardianRelation, Household, Learner, Municipality, Person, SchoolLang, Staff, StaffRole } from './model.ts';
import { FAMILY_NAMES, FIRST_NAMES, STREETS } from './names.ts';
import { LEARNERS, PERSONA_RECORDS, TEACHERS, type LearnerRecord, type PersonaRecord } from './people.ts';
import { MUNICIPALITY_FACTS, subjectsOfBundle, type Bundle, type SchoolPlan } from './plan.ts';
import type { Random } from './random.ts';
import type { SchoolRecord } from './schools.ts';
import type { SubjectKey } from './subjects.ts';
import { VANTAA_ADMIN_UID } from './tenants.ts';

/** An OID of the test ranges with an 11-digit last arc. */
export function testOid(prefix: string, n: number): string {
  return `${prefix}.${String(n).padStart(11, '0')}`;
}

export const PERSON_OID_PREFIX = '1.2.246.562.98';
export const STUDY_RIGHT_OID_PREFIX = '1.2.246.562.15';

/** The 11-digit number blocks of generated person OIDs. */
const FIRST_OID = { learner: 10_001, guardian: 20_001, staff: 30_001 } as const;

function ascii(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

type FamilyKind = 'together' | 'split' | 'single' | 'single-with-grandparent';

/** A family while pupils are being placed. */
interface Family {
  id: string;
  lang: SchoolLang;
  tenant: string;
  surname: string;
  kind: FamilyKind;
  turvakielto: boolean;
  /** The household the children are registered at, then the other guardian's (split families). */
  households: Household[];
  guardians: Person[];
  children: { oid: string; classLevel: number }[];
}

/** The people of the data set, built in steps by the generator. */
export class PeopleBuilder {
  readonly persons: Person[] = [];
  readonly staff: Staff[] = [];
  readonly households: Household[] = [];
  readonly learners: Learner[] = [];
  readonly guardians: Guardian[] = [];
  readonly relations: GuardianRelation[] = [];
  /** Person OID by persona username. */
  readonly personaPersonOid = new Map<string, string>();

  private readonly families: Family[] = [];
  private readonly next = { ...FIRST_OID, studyRight: 1, household: 1, relation: 1, family: 1 };
  private readonly staffSerial = new Map<string, number>();
  private readonly emails = new Set<string>();
  private readonly personByOid = new Map<string, Person>();
  private readonly guardianOids = new Set<string>();

  constructor(
    private readonly random: Random,
    private readonly municipalities: readonly Municipality[],
    private readonly schools: ReadonlyMap<string, SchoolRecord>,
  ) {}

  private municipality(tenant: string): Municipality {
    const m = this.municipalities.find((x) => x.tenant === tenant);
    if (!m) throw new Error(`sandbox.data: no municipality ${tenant}`);
    return m;
  }

  private school(oid: string): SchoolRecord {
    const s = this.schools.get(oid);
    if (!s) throw new Error(`sandbox.data: no school ${oid}`);
    return s;
  }

  private email(given: string, family: string, domain: string): string {
    const base = `${ascii(given)}.${ascii(family)}`;
    let address = `${base}@${domain}`;
    for (let n = 2; this.emails.has(address); n++) address = `${base}${n}@${domain}`;
    this.emails.add(address);
    return address;
  }

  private addPerson(person: Person): Person {
    if (this.personByOid.has(person.oid)) throw new Error(`sandbox.data: duplicate person ${person.oid}`);
    this.persons.push(person);
    this.personByOid.set(person.oid, person);
    return person;
  }

  private birthDate(year: number, random: Random = this.random): string {
    const month = random.int(1, 12);
    const day = random.int(1, 28);
    return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  }

  private address(tenant: string, lang: SchoolLang, random: Random = this.random): Address {
    const facts = MUNICIPALITY_FACTS[tenant];
    if (!facts) throw new Error(`sandbox.data: no municipality facts for ${tenant}`);
    const street = random.pick(STREETS[lang]);
    const number = random.int(1, 60);
    const flat = random.chance(0.55) ? ` ${random.pick(['A', 'B', 'C', 'D'])} ${random.int(1, 40)}` : '';
    return {
      street: `${street} ${number}${flat}`,
      postalCode: `${facts.postalPrefix}${String(random.int(10, 99))}`,
      city: facts.city[lang],
    };
  }

  private phone(random: Random = this.random): string {
    return `+358 40 000 ${String(random.int(0, 9999)).padStart(4, '0')}`;
  }

  // -------------------------------------------------------------------------------------------------------------
  // Staff

  private addStaff(input: {
    id: string;
    given: string;
    family: string;
    lang: SchoolLang;
    tenant: string;
    schoolOid?: string;
    roles: StaffRole[];
    subjects: SubjectKey[];
    mpassUid?: string;
  }): Staff {
    const municipality = this.municipality(input.tenant);
    const person = this.addPerson({
      oid: testOid(PERSON_OID_PREFIX, this.next.staff++),
      givenName: input.given,
      familyName: input.family,
      lang: input.lang,
      birthDate: this.birthDate(this.random.int(1965, 1996)),
      homeMunicipalityOid: municipality.oid,
      turvakielto: false,
    });
    const staff: Staff = {
      id: input.id,
      personOid: person.oid,
      organisationOid: input.schoolOid ?? municipality.oid,
      ...(input.schoolOid === undefined ? {} : { schoolOid: input.schoolOid }),
      tenant: input.tenant,
      roles: input.roles,
      subjects: input.subjects,
      ...(input.mpassUid === undefined ? {} : { mpassUid: input.mpassUid }),
      email: this.email(input.given, input.family, `${input.tenant}.sandbox.digione.fi`),
    };
    this.staff.push(staff);
    return staff;
  }

  /** The hand-written teachers and the admin persona, with the subjects they teach in the hand-written timetables. */
  addExistingStaff(subjectsOf: (teacherId: string) => SubjectKey[]): void {
    for (const t of TEACHERS) {
      const school = this.school(t.schoolOid);
      const persona = PERSONA_RECORDS.find((p) => p.teacherId === t.id);
      const principal = persona?.roles.some((r) => r.roleCode === '6') ?? false;
      const staff = this.addStaff({
        id: t.id,
        given: t.givenName,
        family: t.familyName,
        lang: school.lang,
        tenant: school.tenant,
        schoolOid: school.oid,
        roles: principal ? ['principal', 'teacher'] : ['teacher'],
        subjects: subjectsOf(t.id),
        ...(persona?.mpassUid === undefined ? {} : { mpassUid: persona.mpassUid }),
      });
      if (persona) this.personaPersonOid.set(persona.username, staff.personOid);
    }
    const admin = PERSONA_RECORDS.find((p) => p.mpassUid === VANTAA_ADMIN_UID);
    if (!admin) throw new Error('sandbox.data: no admin persona');
    const staff = this.addStaff({
      id: 'admin-vantaa',
      given: admin.givenName,
      family: admin.familyName,
      lang: 'fi',
      tenant: admin.tenant,
      roles: ['municipal-admin'],
      subjects: [],
      mpassUid: VANTAA_ADMIN_UID,
    });
    this.personaPersonOid.set(admin.username, staff.personOid);
  }

  /** Adds subjects to a staff member who got more courses than the hand-written timetables give them. */
  addSubjects(staffId: string, subjects: readonly SubjectKey[]): void {
    const staff = this.staff.find((s) => s.id === staffId);
    if (!staff) throw new Error(`sandbox.data: no staff ${staffId}`);
    staff.subjects = [...new Set([...staff.subjects, ...subjects])];
  }

  private newStaffName(lang: SchoolLang): { given: string; family: string } {
    const female = this.random.chance(0.7);
    const names = FIRST_NAMES[lang];
    return { given: this.random.pick(female ? names.women : names.men), family: this.random.pick(FAMILY_NAMES[lang]) };
  }

  private nextStaffId(prefix: string, code: string): string {
    const key = `${prefix}-${code}`;
    const n = (this.staffSerial.get(key) ?? 0) + 1;
    this.staffSerial.set(key, n);
    return `${key}-${String(n).padStart(2, '0')}`;
  }

  /** A generated teacher of a bundle at a school; returns the staff id. */
  newTeacher(plan: SchoolPlan, bundle: Bundle): string {
    const school = this.school(plan.oid);
    const { given, family } = this.newStaffName(plan.lang);
    const subjects = bundle === 'class' ? [] : subjectsOfBundle(bundle, plan);
    const roles: StaffRole[] = bundle === 'OP' ? ['teacher', 'counsellor'] : ['teacher'];
    return this.addStaff({ id: this.nextStaffId('t', school.code), given, family, lang: plan.lang, tenant: school.tenant, schoolOid: school.oid, roles, subjects }).id;
  }

  /** A principal (unless the school has one) and a school secretary. */
  addSchoolOffice(plan: SchoolPlan): void {
    const school = this.school(plan.oid);
    if (!this.staff.some((s) => s.schoolOid === school.oid && s.roles.includes('principal'))) {
      const { given, family } = this.newStaffName(plan.lang);
      this.addStaff({ id: `r-${school.code}`, given, family, lang: plan.lang, tenant: school.tenant, schoolOid: school.oid, roles: ['principal'], subjects: [] });
    }
    const { given, family } = this.newStaffName(plan.lang);
    this.addStaff({ id: `k-${school.code}`, given, family, lang: plan.lang, tenant: school.tenant, schoolOid: school.oid, roles: ['secretary'], subjects: [] });
  }

  // -------------------------------------------------------------------------------------------------------------
  // Families and pupils

  private newHousehold(tenant: string, lang: SchoolLang, turvakielto: boolean, random: Random = this.random): Household {
    const household: Household = { id: `hh-${String(this.next.household++).padStart(4, '0')}`, address: this.address(tenant, lang, random), memberOids: [], turvakielto };
    this.households.push(household);
    return household;
  }

  private joinHousehold(person: Person, household: Household): void {
    person.householdId = household.id;
    person.address = { ...household.address };
    household.memberOids = [...household.memberOids, person.oid];
  }

  private newAdult(family: Family, lang: SchoolLang, female: boolean, surname: string, birthYear: number, opts: { exclude?: readonly string[]; given?: string } = {}): Person {
    const names = FIRST_NAMES[lang];
    let given = opts.given ?? this.random.pick(female ? names.women : names.men);
    while (opts.exclude?.includes(given)) given = this.random.pick(female ? names.women : names.men);
    return this.addPerson({
      oid: testOid(PERSON_OID_PREFIX, this.next.guardian++),
      givenName: given,
      familyName: surname,
      lang,
      birthDate: this.birthDate(birthYear),
      homeMunicipalityOid: this.municipality(family.tenant).oid,
      turvakielto: family.turvakielto,
      email: this.email(given, surname, 'example.com'),
      phone: this.phone(),
    });
  }

  private guardianOf(person: Person, sub?: string): void {
    if (this.guardianOids.has(person.oid)) return;
    this.guardianOids.add(person.oid);
    this.guardians.push({ personOid: person.oid, ...(sub === undefined ? {} : { sub }) });
  }

  /** A new family of a kind, with its guardians and households (children come later). */
  private newFamily(
    tenant: string,
    lang: SchoolLang,
    opts: { kind?: FamilyKind; surname?: string; turvakielto?: boolean; exclude?: readonly string[]; given?: readonly [string, string] } = {},
  ): Family {
    const roll = this.random.next();
    const kind: FamilyKind = opts.kind ?? (roll < 0.55 ? 'together' : roll < 0.77 ? 'split' : roll < 0.96 ? 'single' : 'single-with-grandparent');
    const surname = opts.surname ?? this.random.pick(FAMILY_NAMES[lang]);
    const family: Family = {
      id: `fam-${this.next.family++}`,
      lang,
      tenant,
      surname,
      kind,
      turvakielto: opts.turvakielto ?? false,
      households: [],
      guardians: [],
      children: [],
    };
    const birthYear = this.random.int(1976, 1992);
    const home = this.newHousehold(tenant, lang, family.turvakielto);
    family.households.push(home);
    const firstFemale = this.random.chance(0.6);
    const first = this.newAdult(family, lang, opts.given ? true : firstFemale, surname, birthYear, { ...opts, given: opts.given?.[0] });
    this.joinHousehold(first, home);
    family.guardians.push(first);
    if (kind === 'together' || kind === 'split') {
      // Some two-guardian families are bilingual, and some couples are of the same sex.
      const otherLang: SchoolLang = !opts.given && this.random.chance(0.2) ? (lang === 'fi' ? 'sv' : 'fi') : lang;
      const female = opts.given ? false : this.random.chance(0.08) ? firstFemale : !firstFemale;
      const sameSurname = opts.given !== undefined || (kind === 'together' && this.random.chance(0.75));
      const otherSurname = sameSurname ? surname : this.random.pick(FAMILY_NAMES[otherLang]);
      const second = this.newAdult(family, otherLang, female, otherSurname, birthYear + this.random.int(-4, 4), { ...opts, given: opts.given?.[1] });
      family.guardians.push(second);
      if (kind === 'together') this.joinHousehold(second, home);
      else {
        const away = this.newHousehold(tenant, otherLang, family.turvakielto);
        family.households.push(away);
        this.joinHousehold(second, away);
      }
    }
    if (kind === 'single-with-grandparent') {
      const grandparent = this.newAdult(family, lang, this.random.chance(0.6), this.random.pick(FAMILY_NAMES[lang]), birthYear - this.random.int(24, 30));
      const away = this.newHousehold(tenant, lang, family.turvakielto);
      family.households.push(away);
      this.joinHousehold(grandparent, away);
      family.guardians.push(grandparent);
    }
    for (const g of family.guardians) this.guardianOf(g);
    this.families.push(family);
    return family;
  }

  private relate(guardian: Person, learnerOid: string, rel: Omit<GuardianRelation, 'id' | 'guardianOid' | 'learnerOid'>): void {
    this.relations.push({ id: `gr-${String(this.next.relation++).padStart(5, '0')}`, guardianOid: guardian.oid, learnerOid, ...rel });
  }

  /** Adds a child to a family: a person in the family's home, a learner in the group, guardian relations. */
  private addChild(family: Family, group: Group, schoolLang: SchoolLang, fixed?: LearnerRecord): Learner {
    const female = this.random.chance(0.5);
    const names = FIRST_NAMES[family.lang === 'sv' || schoolLang === 'sv' ? 'sv' : 'fi'];
    const taken = family.children.map((c) => this.personByOid.get(c.oid)?.givenName);
    let given = fixed?.givenName ?? this.random.pick(female ? names.girls : names.boys);
    while (!fixed && taken.includes(given)) given = this.random.pick(female ? names.girls : names.boys);
    const oid = fixed?.oid ?? testOid(PERSON_OID_PREFIX, this.next.learner++);
    const birthYear = 2026 - 6 - group.classLevel;
    const person = this.addPerson({
      oid,
      givenName: given,
      familyName: fixed?.familyName ?? family.surname,
      lang: schoolLang,
      birthDate: this.birthDate(birthYear),
      homeMunicipalityOid: this.municipality(family.tenant).oid,
      turvakielto: family.turvakielto,
    });
    const home = family.households[0];
    if (!home) throw new Error(`sandbox.data: family ${family.id} has no home`);
    this.joinHousehold(person, home);
    const learner: Learner = {
      oid,
      schoolOid: group.schoolOid,
      homeGroupId: group.id,
      classLevel: group.classLevel,
      studyRightOid: testOid(STUDY_RIGHT_OID_PREFIX, 99_000_000_000 + this.next.studyRight++),
      turvakielto: family.turvakielto,
    };
    const persona = PERSONA_RECORDS.find((p) => p.learnerOid === oid);
    if (persona?.mpassUid !== undefined) {
      learner.mpassUid = persona.mpassUid;
      this.personaPersonOid.set(persona.username, oid);
    }
    this.learners.push(learner);
    family.children.push({ oid, classLevel: group.classLevel });
    const alternating = family.kind === 'split' && this.random.chance(0.3);
    family.guardians.forEach((g, i) => {
      const grandparent = family.kind === 'single-with-grandparent' && i === 1;
      this.relate(g, oid, {
        kind: grandparent ? 'oheishuoltaja' : 'huoltaja',
        livesWithLearner: g.householdId === home.id || alternating,
        mayAct: true,
        receivesMessages: true,
      });
    });
    return learner;
  }

  /** The families of the persona pupils, exactly as the personas' mandates describe them. */
  addPersonaFamilies(groupOf: (learner: LearnerRecord) => Group): void {
    const record = (key: string): LearnerRecord => {
      const l = LEARNERS.find((x) => x.oid === key);
      if (!l) throw new Error(`sandbox.data: no persona learner ${key}`);
      return l;
    };
    const [veeti, aino, elias, oona, ella] = LEARNERS.map((l) => record(l.oid));
    if (!veeti || !aino || !elias || !oona || !ella) throw new Error('sandbox.data: persona learners changed');
    const guardianPersona = PERSONA_RECORDS.find((p) => p.username === 'guardian');
    const teacherGuardian = PERSONA_RECORDS.find((p) => p.username === 'teacher-guardian');
    if (!guardianPersona || !teacherGuardian) throw new Error('sandbox.data: guardian personas changed');

    // Testinen: two guardians at one address; Sanna is the `guardian` persona.
    const testinen = this.newFamily('vantaa', 'fi', { kind: 'together', surname: guardianPersona.familyName, given: [guardianPersona.givenName, 'Ville'] });
    const sanna = testinen.guardians[0];
    if (!sanna) throw new Error('sandbox.data: Testinen family');
    this.guardians.forEach((g, i) => {
      if (g.personOid === sanna.oid) this.guardians[i] = { personOid: sanna.oid, sub: guardianPersona.sub };
    });
    this.personaPersonOid.set(guardianPersona.username, sanna.oid);
    this.addChild(testinen, groupOf(veeti), 'fi', veeti);
    this.addChild(testinen, groupOf(aino), 'fi', aino);

    // Kaksinen: a split household. Marja (the teacher-guardian persona, a member of staff) lives with Elias;
    // Mikael lives with Oona. Marja's mandate for Oona is DISALLOWED: she is registered, but may not act for her.
    const marjaOid = this.personaPersonOid.get(teacherGuardian.username);
    const marja = marjaOid === undefined ? undefined : this.personByOid.get(marjaOid);
    if (!marja) throw new Error('sandbox.data: add staff before the persona families');
    const kaksinen: Family = { id: `fam-${this.next.family++}`, lang: 'sv', tenant: 'vantaa', surname: 'Kaksinen', kind: 'split', turvakielto: false, households: [], guardians: [], children: [] };
    const marjaHome = this.newHousehold('vantaa', 'sv', false);
    const mikaelHome = this.newHousehold('vantaa', 'fi', false);
    kaksinen.households.push(marjaHome, mikaelHome);
    this.joinHousehold(marja, marjaHome);
    marja.email ??= this.email(marja.givenName, marja.familyName, 'example.com');
    marja.phone ??= this.phone();
    const mikael = this.newAdult(kaksinen, 'fi', false, 'Kaksinen', 1984, { given: 'Mikael' });
    this.joinHousehold(mikael, mikaelHome);
    kaksinen.guardians.push(marja, mikael);
    this.guardianOf(marja, teacherGuardian.sub);
    this.guardianOf(mikael);
    this.families.push(kaksinen);
    this.addChild(kaksinen, groupOf(elias), 'sv', elias);
    // Oona lives with Mikael: her home is the second household.
    this.addChild({ ...kaksinen, kind: 'together', households: [mikaelHome, marjaHome] }, groupOf(oona), 'fi', oona);
    for (const rel of this.relations) {
      if (rel.learnerOid === oona.oid && rel.guardianOid === marja.oid) {
        rel.mayAct = false;
        rel.receivesMessages = false;
      }
    }

    // Kokeilu: an ordinary generated family in Espoo (not the espoo-teacher persona's).
    const kokeilu = this.newFamily('espoo', 'fi', { kind: 'together', surname: 'Kokeilu', exclude: ['Eeva'] });
    this.addChild(kokeilu, groupOf(ella), 'fi', ella);
  }

  /**
   * Fills a group with pupils up to `size`. Some pupils are siblings of earlier ones (also across schools, and every
   * so often across municipalities); `turvakielto` puts the first new family of the group under a non-disclosure order.
   */
  fillGroup(group: Group, size: number, plan: SchoolPlan, opts: { turvakielto?: boolean; crossMunicipality?: boolean }): void {
    const school = this.school(group.schoolOid);
    let present = this.learners.filter((l) => l.homeGroupId === group.id).length;
    let needsTurvakielto = opts.turvakielto ?? false;
    let needsCross = opts.crossMunicipality ?? false;
    while (present < size) {
      let family: Family | undefined;
      if (needsTurvakielto) {
        family = this.newFamily(school.tenant, plan.lang, { kind: 'together', turvakielto: true });
        needsTurvakielto = false;
      } else if (needsCross) {
        family = this.siblingCandidate(group, (f) => f.tenant !== school.tenant && f.lang === plan.lang);
        needsCross = false;
      } else if (this.random.chance(0.22)) {
        family = this.siblingCandidate(group, (f) => f.tenant === school.tenant && f.lang === plan.lang);
      }
      family ??= this.newFamily(school.tenant, plan.lang);
      this.addChild(family, group, plan.lang);
      present++;
    }
  }

  // -------------------------------------------------------------------------------------------------------------
  // Identity personas (people.ts IDENTITY_PERSONA_RECORDS). These run after every generated person and draw only
  // from the stream they are given, so that no one else's OID, name, address or e-mail moves.

  /**
   * A persona who works at several schools: one person, and a teaching position (staff id
   * `t-<family name>-<school code>`) at each school, all with the persona's MPASSid uid, as the register of a
   * substitute teacher with role values in two schools has them. Subjects come with the courses they cover.
   */
  addPersonaStaff(persona: PersonaRecord, schoolOids: readonly string[], random: Random): Staff[] {
    const { mpassUid } = persona;
    if (mpassUid === undefined) throw new Error(`sandbox.data: staff persona ${persona.username} has no MPASSid uid`);
    const first = this.school(schoolOids[0] ?? '');
    const person = this.addPerson({
      oid: testOid(PERSON_OID_PREFIX, this.next.staff++),
      givenName: persona.givenName,
      familyName: persona.familyName,
      lang: first.lang,
      birthDate: this.birthDate(random.int(1985, 1998), random),
      homeMunicipalityOid: this.municipality(persona.tenant).oid,
      turvakielto: false,
    });
    // One work address for the person, whichever school the message is about.
    const email = this.email(persona.givenName, persona.familyName, `${persona.tenant}.sandbox.digione.fi`);
    const positions = schoolOids.map((oid): Staff => {
      const school = this.school(oid);
      return {
        id: `t-${ascii(persona.familyName)}-${school.code}`,
        personOid: person.oid,
        organisationOid: school.oid,
        schoolOid: school.oid,
        tenant: school.tenant,
        roles: ['teacher'],
        subjects: [],
        mpassUid,
        email,
      };
    });
    this.staff.push(...positions);
    this.personaPersonOid.set(persona.username, person.oid);
    return positions;
  }

  /**
   * A Suomi.fi persona guardian in a household of their own in the persona's tenant, with a Guardian record that
   * carries the persona's `sub`. The relations to the children come with {@link relatePersonaGuardian}.
   */
  addPersonaGuardian(persona: PersonaRecord, random: Random): Person {
    const home = this.newHousehold(persona.tenant, 'fi', false, random);
    const person = this.addPerson({
      oid: testOid(PERSON_OID_PREFIX, this.next.guardian++),
      givenName: persona.givenName,
      familyName: persona.familyName,
      lang: 'fi',
      birthDate: this.birthDate(random.int(1976, 1988), random),
      homeMunicipalityOid: this.municipality(persona.tenant).oid,
      turvakielto: false,
      email: this.email(persona.givenName, persona.familyName, 'example.com'),
      phone: this.phone(random),
    });
    this.joinHousehold(person, home);
    this.guardianOf(person, persona.sub);
    this.personaPersonOid.set(persona.username, person.oid);
    return person;
  }

  /**
   * The persona guardian's mandates as register relations: a guardian (huoltaja) who lives apart from the children;
   * an ALLOWED mandate may act and receives messages, a DISALLOWED one is registered but may not act.
   */
  relatePersonaGuardian(persona: PersonaRecord): void {
    const oid = this.personaPersonOid.get(persona.username);
    const guardian = oid === undefined ? undefined : this.personByOid.get(oid);
    if (!guardian) throw new Error(`sandbox.data: add the guardian ${persona.username} first`);
    for (const mandate of persona.mandates) {
      if (!this.learners.some((l) => l.oid === mandate.learnerOid)) throw new Error(`sandbox.data: no learner ${mandate.learnerOid}`);
      const allowed = mandate.status === 'ALLOWED';
      this.relate(guardian, mandate.learnerOid, { kind: 'huoltaja', livesWithLearner: false, mayAct: allowed, receivesMessages: allowed });
    }
  }

  /** A pupil persona who signs in as a learner the data set already holds. */
  linkPersonaLearner(persona: PersonaRecord): void {
    const learner = this.learners.find((l) => l.oid === persona.learnerOid);
    if (!learner) throw new Error(`sandbox.data: no learner for persona ${persona.username}`);
    this.personaPersonOid.set(persona.username, learner.oid);
  }

  private siblingCandidate(group: Group, fits: (f: Family) => boolean): Family | undefined {
    const candidates = this.families.filter(
      (f) =>
        fits(f) &&
        !f.turvakielto &&
        f.surname !== 'Testinen' &&
        f.surname !== 'Kaksinen' &&
        f.children.length > 0 &&
        f.children.length < 3 &&
        f.children.every((c) => Math.abs(c.classLevel - group.classLevel) >= 1),
    );
    return candidates.length === 0 ? undefined : this.random.pick(candidates);
  }
}
