/**
 * The open data model of the sandbox: the entities the platform API serves, as plain typed records.
 *
 * Conventions: ids are strings; people and organisations are keyed by OID (test people in `1.2.246.562.98.*`,
 * test organisations in `1.2.246.562.99.*`, KOSKI study rights in `1.2.246.562.15.*`); dates are ISO 8601
 * (`YYYY-MM-DD` for calendar dates, date-times with an offset). KOSKI-shaped records keep KOSKI's own (Finnish) field
 * names so that they can be compared with the KOSKI API one to one.
 *
 * Fields marked **sensitive** must not leave the API unless the caller is authorised for them; see
 * {@link Person.turvakielto}.
 *
 * @packageDocumentation
 */
import type { LocalizedText } from '../../../sdk/src/api-types.ts';
import type { IsoDate } from './calendar.ts';
import type { SubjectKey } from './subjects.ts';

export type { IsoDate };
/** An ISO 8601 date-time with offset, e.g. `2026-11-30T08:15:00+02:00`. */
export type IsoDateTime = string;
/** The languages schools teach and write in. */
export type SchoolLang = 'fi' | 'sv';

// ---------------------------------------------------------------------------------------------------------------
// Organisations

/** A municipality as education provider (koulutustoimija); one per tenant. */
export interface Municipality {
  oid: string;
  /** The tenant id, e.g. `vantaa`. */
  tenant: string;
  name: LocalizedText;
  /** Statistics Finland municipality code (koodisto `kunta`), e.g. `092` Vantaa, `049` Espoo. */
  kuntakoodi: string;
}

/** A school (oppilaitos). */
export interface School {
  oid: string;
  /** Five-digit school code (oppilaitosnumero), `99xxx` in the sandbox. */
  code: string;
  name: string;
  lang: SchoolLang;
  tenant: string;
  /** OID of the municipality (education provider). */
  providerOid: string;
  /** OID of the school's office (toimipiste), the last field of an MPASSid role value. */
  officeOid: string;
  /** `perusopetus` for basic education (grades 1–9). */
  kind: 'perusopetus';
  /** Class levels the school teaches, e.g. `[1, …, 9]`. */
  classLevels: readonly number[];
  /** The school's public visiting address (not sensitive). */
  address: Address;
}

// ---------------------------------------------------------------------------------------------------------------
// People

/** A postal address. All sandbox addresses are on obviously fictional streets with postal codes `99xxx`. */
export interface Address {
  street: string;
  postalCode: string;
  /** The municipality name in the address's language. */
  city: string;
}

/** A natural person: a pupil, a guardian or a member of staff (one person may be several). */
export interface Person {
  /** Person OID, `1.2.246.562.98.*`. */
  oid: string;
  givenName: string;
  familyName: string;
  /** Mother tongue / language of contact. */
  lang: SchoolLang;
  birthDate: IsoDate;
  /** OID of the home municipality. **Sensitive** when {@link turvakielto} is true. */
  homeMunicipalityOid: string;
  /** The household (shared home address) the person lives in; undefined for staff with no modelled home. */
  householdId?: string;
  /**
   * **Sensitive.** Home address. Undefined for staff; for a person under a non-disclosure order it is present but
   * must be shown only to authorised staff (the API must drop it).
   */
  address?: Address;
  /**
   * Non-disclosure order (turvakielto, Population Information System): the person's address, home municipality and,
   * for a pupil, school and group must never be shown to anyone but authorised staff of the pupil's own school.
   */
  turvakielto: boolean;
  /** Fictional e-mail under `.sandbox` / `example` domains. */
  email?: string;
  /** Fictional phone number in the unused `+358 40 0xx xxxx` style. */
  phone?: string;
}

/** Members living at one address. Split households: a pupil whose guardians live in two households. */
export interface Household {
  id: string;
  /** **Sensitive** when any member has a non-disclosure order ({@link turvakielto}). */
  address: Address;
  memberOids: readonly string[];
  turvakielto: boolean;
}

/** A pupil's enrolment: one per pupil (the sandbox has no pupils in two schools at once). */
export interface Learner {
  /** Person OID, also the national learner number the MPASSid claim carries. */
  oid: string;
  /** **Sensitive** when the person has a non-disclosure order. */
  schoolOid: string;
  /** The class the pupil belongs to (a {@link Group} id). **Sensitive** with a non-disclosure order. */
  homeGroupId: string;
  /** 1–9. */
  classLevel: number;
  /** OID of the pupil's KOSKI study right ({@link StudyRight}). */
  studyRightOid: string;
  /** Mirrors {@link Person.turvakielto} so that access checks need only the learner. */
  turvakielto: boolean;
  /** MPASSid user id (only persona pupils sign in). */
  mpassUid?: string;
}

/** What a member of staff does; maps to MPASSid role codes 2 teacher, 3 staff, 4 secretary, 6 principal. */
export type StaffRole = 'teacher' | 'principal' | 'secretary' | 'counsellor' | 'special-needs-teacher' | 'municipal-admin';

/** A staff member's position at one organisation. */
export interface Staff {
  /** Stable staff id, e.g. `t-esimerkki` (timetables name teachers by it). */
  id: string;
  personOid: string;
  /** The school, or for municipal staff the municipality. */
  organisationOid: string;
  /** Undefined for municipal staff. */
  schoolOid?: string;
  tenant: string;
  roles: readonly StaffRole[];
  /** Subjects the person teaches (empty for non-teaching staff). */
  subjects: readonly SubjectKey[];
  mpassUid?: string;
  /** Work e-mail. */
  email: string;
}

/** Kinds of guardianship (huoltajuus). */
export type GuardianKind = 'huoltaja' | 'oheishuoltaja';

/** A person who is guardian of a learner (separate from the Suomi.fi mandate which grants acting for the child). */
export interface Guardian {
  personOid: string;
  /** The Suomi.fi subject of a persona guardian; generated guardians do not sign in. */
  sub?: string;
}

/** Guardianship of one guardian over one learner. */
export interface GuardianRelation {
  id: string;
  guardianOid: string;
  learnerOid: string;
  kind: GuardianKind;
  /** Whether the child lives in the guardian's household; false on one side of a split household. */
  livesWithLearner: boolean;
  /**
   * Whether the guardian may act for the child in the platform (Suomi.fi mandate ALLOWED). False models a
   * guardian with restricted rights; the API must refuse them.
   */
  mayAct: boolean;
  /** Receives school messages about the child. */
  receivesMessages: boolean;
}

// ---------------------------------------------------------------------------------------------------------------
// Groups, terms, subjects and curriculum

/** A teaching group; in basic education the class (`7A`). */
export interface Group {
  /** `<schoolCode>-<name>`, e.g. `99001-7A`. */
  id: string;
  schoolOid: string;
  /** Unique within the school. */
  name: string;
  kind: 'class';
  classLevel: number;
  homeRoom: string;
  /** Staff id of the class teacher (luokanopettaja/luokanvalvoja). */
  classTeacherId: string;
  /** e.g. `2026-2027`. */
  schoolYear: string;
}

/** Membership of a person in a group: pupils as `learner`, course teachers as `teacher`. */
export interface GroupMembership {
  groupId: string;
  personOid: string;
  role: 'learner' | 'teacher';
  /** For a teacher: the subjects they teach the group. */
  subjects?: readonly SubjectKey[];
  from: IsoDate;
  to?: IsoDate;
}

/** A school term. */
export interface AcademicTerm {
  /** e.g. `2026-2027-syksy`. */
  id: string;
  schoolYear: string;
  kind: 'syyslukukausi' | 'kevatlukukausi';
  name: LocalizedText;
  start: IsoDate;
  end: IsoDate;
}

/** A KOSKI code value (koodi), e.g. `{ koodiarvo: 'MA', koodistoUri: 'koskioppiaineetyleissivistava' }`. */
export interface Koodi {
  koodiarvo: string;
  koodistoUri: string;
  nimi?: LocalizedText;
}

/** A subject of the test data. Keys are sandbox-internal ({@link SubjectKey}); `code` is the KOSKI code. */
export interface SubjectInfo {
  key: SubjectKey;
  /** `koskioppiaineetyleissivistava` code, e.g. `MA`, `AI`, `A1`. */
  code: string;
  name: LocalizedText;
  /** For languages: koodisto `kielivalikoima` (`EN`, `SV`, `FI`); for AI: `oppiaineaidinkielijakirjallisuus`. */
  kieli?: Koodi;
  /** Assessed pass/fail (S/H) in grades 4–9 rather than 4–10: student counselling and optional subjects. */
  passFail: boolean;
}

/** A national curriculum (ePerusteet peruste). */
export interface Curriculum {
  /** ePerusteet id of the peruste. */
  ePerusteetId: string;
  /** Diary number, e.g. `104/011/2014`. */
  diaarinumero: string;
  name: LocalizedText;
}

/** A learning goal of a subject in a grade band (ePerusteet `tavoitteet`, codes `T1`…`Tn`). */
export interface CurriculumGoal {
  /** `<subjectCode>-<band>-<goal>`, e.g. `MA-7-9-T3`. */
  id: string;
  ePerusteetId: string;
  /** ePerusteet id of the subject (oppiaine) in the peruste. */
  oppiaineId: string;
  subjectCode: string;
  /** Vuosiluokkakokonaisuus: `1-2`, `3-6` or `7-9`. */
  band: '1-2' | '3-6' | '7-9';
  /** `T1`…`Tn`. */
  code: string;
  text: LocalizedText;
}

// ---------------------------------------------------------------------------------------------------------------
// Teaching and schedule

/** A subject taught to a group by a teacher: the unit assignments, assessments and lessons hang on. */
export interface Course {
  /** `<groupId>-<subjectKey>`, e.g. `99001-7A-MA`. */
  id: string;
  groupId: string;
  schoolOid: string;
  subject: SubjectKey;
  teacherId: string;
  /** Lessons per week. */
  weeklyLessons: number;
}

/** One lesson of a group's weekly timetable (the schedule repeats every school week). */
export interface TimetableSlot {
  courseId: string;
  groupId: string;
  /** ISO weekday 1–5. */
  weekday: number;
  /** Index into the school day's slots (see `SLOTS` in timetable.ts). */
  slot: number;
  room: string;
  teacherId: string;
}

/** A dated lesson, as `lessonsOf` returns it. */
export interface Lesson {
  /** `lesson-<schoolCode>-<group>-<date>-<slot+1>`, stable. */
  id: string;
  courseId: string;
  groupId: string;
  date: IsoDate;
  /** 0-based slot index. */
  slot: number;
  start: IsoDateTime;
  end: IsoDateTime;
  room: string;
  teacherId: string;
}

// ---------------------------------------------------------------------------------------------------------------
// Assignments and assessment

export interface Assignment {
  id: string;
  /** `homework` is marked with points only; the other kinds are assessed ({@link Assessment.assignmentId}). */
  kind: 'homework' | 'test' | 'project' | 'essay';
  courseId: string;
  groupId: string;
  teacherId: string;
  title: string;
  instructions: string;
  /** Written in the school's language. */
  lang: SchoolLang;
  assignedAt: IsoDateTime;
  dueAt: IsoDateTime;
  curriculumGoalIds: readonly string[];
  maxPoints: number;
}

export interface Submission {
  id: string;
  assignmentId: string;
  learnerOid: string;
  /** `missing`: due date passed without a submission; `open`: not yet due, not submitted. */
  status: 'submitted' | 'late' | 'missing' | 'returned' | 'open';
  submittedAt?: IsoDateTime;
  points?: number;
  feedback?: string;
}

/** Numeric grades of basic education. */
export type NumericGrade = 4 | 5 | 6 | 7 | 8 | 9 | 10;

/**
 * The value of an assessment, by scale (KOSKI `arviointiasteikkoyleissivistava`): numeric 4–10, pass/fail `S`
 * (hyväksytty) / `H` (hylätty), or verbal (sanallinen arviointi, grades 1–3 and formative feedback).
 */
export type AssessmentValue =
  | { scale: 'numeric'; grade: NumericGrade }
  | { scale: 'pass-fail'; grade: 'S' | 'H' }
  | { scale: 'verbal'; text: string };

/** One assessment of one learner in one course. */
export interface Assessment {
  id: string;
  learnerOid: string;
  courseId: string;
  subject: SubjectKey;
  /** Staff id of the assessor. */
  teacherId: string;
  termId: string;
  /**
   * `formative`: during a term, against curriculum goals; `term`: end-of-term (väliarviointi);
   * `year`: end-of-year report (lukuvuositodistus), which KOSKI also holds.
   */
  kind: 'formative' | 'term' | 'year';
  date: IsoDate;
  /** The assignment (test, project, essay) the assessment is of, if any. */
  assignmentId?: string;
  value: AssessmentValue;
  /** Free verbal feedback beside a numeric or S/H value (optional). */
  comment?: string;
  curriculumGoalIds: readonly string[];
}

// ---------------------------------------------------------------------------------------------------------------
// Absences

export type AbsenceReason = 'illness' | 'medical-appointment' | 'family-reason' | 'permitted-leave' | 'school-event' | 'unexplained';

/**
 * An absence from lessons on one day. Guardian reports come explained; a teacher's mark starts `unexplained` until a
 * guardian explains it or the teacher clears it.
 */
export interface Absence {
  id: string;
  learnerOid: string;
  date: IsoDate;
  /** 0-based slots, inclusive; the whole school day when both are undefined. */
  fromSlot?: number;
  toSlot?: number;
  source: 'guardian-report' | 'teacher-mark';
  reason: AbsenceReason;
  status: 'explained' | 'unexplained' | 'cleared';
  /** Person OID of the reporter (guardian or teacher). */
  reportedBy: string;
  reportedAt: IsoDateTime;
  /** Person OID of whoever explained or cleared a teacher's mark. */
  resolvedBy?: string;
  resolvedAt?: IsoDateTime;
  /** The guardian's or teacher's note, in the school's language. */
  note?: string;
}

// ---------------------------------------------------------------------------------------------------------------
// KOSKI study rights and achievements

/** `arvosana` of an oppiaine: a koodi of `arviointiasteikkoyleissivistava` (`4`…`10`, `S`, `H`, `O`). */
export interface KoskiArviointi {
  arvosana: Koodi;
  hyväksytty: boolean;
  päivä?: IsoDate;
  /** Verbal assessment (sanallinen arviointi), in the school's language. */
  kuvaus?: Partial<LocalizedText>;
}

/** KOSKI `PerusopetuksenOppiaineenSuoritus` (simplified: the fields the platform uses). */
export interface KoskiOppiaineenSuoritus {
  koulutusmoduuli: {
    tunniste: Koodi;
    pakollinen: boolean;
    kieli?: Koodi;
  };
  arviointi?: readonly KoskiArviointi[];
  tyyppi: Koodi;
}

/** KOSKI `PerusopetuksenVuosiluokanSuoritus`. */
export interface KoskiVuosiluokanSuoritus {
  koulutusmoduuli: { tunniste: Koodi; perusteenDiaarinumero: string };
  luokka: string;
  alkamispäivä: IsoDate;
  toimipiste: { oid: string };
  suorituskieli: Koodi;
  /** Present once the year is completed and the certificate signed. */
  vahvistus?: { päivä: IsoDate; paikkakunta: Koodi; myöntäjäOrganisaatio: { oid: string } };
  /** The last completed year carries its subjects and grades; earlier years only the verified level. */
  osasuoritukset?: readonly KoskiOppiaineenSuoritus[];
  tyyppi: Koodi;
}

/** KOSKI `Opiskeluoikeusjakso`: the study right's state from a date on. */
export interface KoskiOpiskeluoikeusjakso {
  alku: IsoDate;
  /** koodisto `koskiopiskeluoikeudentila`: `lasna`, `valmistunut`, `eronnut`, `valiaikaisestikeskeytynyt`. */
  tila: Koodi;
}

/** KOSKI `PerusopetuksenOpiskeluoikeus` (opiskeluoikeus of type `perusopetus`). */
export interface StudyRight {
  /** `1.2.246.562.15.*`. */
  oid: string;
  learnerOid: string;
  tyyppi: Koodi;
  oppilaitos: { oid: string };
  koulutustoimija: { oid: string };
  alkamispäivä: IsoDate;
  tila: { opiskeluoikeusjaksot: readonly KoskiOpiskeluoikeusjakso[] };
  suoritukset: readonly KoskiVuosiluokanSuoritus[];
}

// ---------------------------------------------------------------------------------------------------------------
// Messages

export interface Message {
  id: string;
  /** Person OID of the sender. */
  senderOid: string;
  sentAt: IsoDateTime;
  body: string;
}

/** A message thread between staff and guardians or pupils, in the school's language. */
export interface MessageThread {
  id: string;
  /**
   * `direct`: everyone sees the participants. `group`: a bulk message to a group's guardians; a recipient sees only
   * the sender, never the other participants (the list would disclose pupils under a non-disclosure order).
   */
  kind: 'direct' | 'group';
  schoolOid: string;
  lang: SchoolLang;
  subject: string;
  /** Person OIDs of everyone who sees the thread. */
  participantOids: readonly string[];
  /** The pupil the thread is about (guardian threads). */
  aboutLearnerOid?: string;
  /** Oldest first. */
  messages: readonly Message[];
}

// ---------------------------------------------------------------------------------------------------------------
// Learning materials and xAPI

/** A digital learning material whose activity the xAPI store records. */
export interface LearningMaterial {
  /** Activity IRI under `https://materials.sandbox.digione.fi/`. */
  id: string;
  subject: SubjectKey;
  classLevels: readonly number[];
  name: LocalizedText;
  /** xAPI activity type IRI. */
  type: string;
}

/** An xAPI 1.0.3 statement (the subset the sandbox writes). */
export interface XapiStatement {
  /** UUID, deterministic. */
  id: string;
  actor: {
    objectType: 'Agent';
    /** `homePage` https://digione.sandbox/learners, `name` the learner OID. */
    account: { homePage: string; name: string };
  };
  verb: { id: string; display: Record<string, string> };
  object: {
    objectType: 'Activity';
    id: string;
    definition: { name: Record<string, string>; type: string };
  };
  result?: {
    score?: { scaled: number; raw?: number; min?: number; max?: number };
    success?: boolean;
    completion?: boolean;
    /** ISO 8601 duration, e.g. `PT12M30S`. */
    duration?: string;
  };
  context?: {
    platform: string;
    language: string;
    contextActivities?: { grouping?: readonly { id: string; objectType: 'Activity' }[] };
    extensions?: Record<string, string>;
  };
  timestamp: IsoDateTime;
}
