/**
 * Generates what happens during the school year up to the data set's day: terms, assignments and submissions,
 * assessments against curriculum goals, absences, and the KOSKI study rights with their year-level records.
 */
import { addDays, helsinkiDateTime, isSchoolDay, isoWeekday, parseIsoDate, schoolYearStarting, toIsoDate } from './calendar.ts';
import { goalsFor } from './curriculum.ts';
import type {
  Absence,
  AbsenceReason,
  AcademicTerm,
  Assessment,
  AssessmentValue,
  Assignment,
  Course,
  Group,
  GuardianRelation,
  KoskiOppiaineenSuoritus,
  KoskiOpiskeluoikeusjakso,
  KoskiVuosiluokanSuoritus,
  Learner,
  Municipality,
  NumericGrade,
  Person,
  School,
  SchoolLang,
  StudyRight,
  SubjectInfo,
  Submission,
  TimetableSlot,
} from './model.ts';
import { LEARNERS } from './people.ts';
import { weeklyHours } from './plan.ts';
import type { Random } from './random.ts';
import { SUBJECTS, type SubjectKey } from './subjects.ts';

/** What the records generator reads from the rest of the data set. */
export interface RecordsInput {
  random: Random;
  asOf: string;
  schools: ReadonlyMap<string, School>;
  municipalities: readonly Municipality[];
  groups: readonly Group[];
  courses: readonly Course[];
  timetable: readonly TimetableSlot[];
  learners: readonly Learner[];
  persons: ReadonlyMap<string, Person>;
  learnersByGroup: ReadonlyMap<string, readonly string[]>;
  guardiansOfLearner: ReadonlyMap<string, readonly GuardianRelation[]>;
  staffPersonOid: (staffId: string) => string;
  subjects: ReadonlyMap<SubjectKey, SubjectInfo>;
}

function iso(date: string): Date {
  const d = parseIsoDate(date);
  if (!d) throw new Error(`sandbox.data: bad date ${date}`);
  return d;
}

function schoolDays(from: Date, to: Date): Date[] {
  const out: Date[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) if (isSchoolDay(d)) out.push(d);
  return out;
}

/** Autumn and spring terms of the school years 2025–2026 and 2026–2027. */
export function buildTerms(): AcademicTerm[] {
  return [2025, 2026].flatMap((start) => {
    const year = schoolYearStarting(start);
    const lastAutumn = schoolDays(iso(`${start}-12-01`), iso(`${start}-12-31`)).at(-1);
    const firstSpring = schoolDays(iso(`${start + 1}-01-01`), iso(`${start + 1}-01-31`))[0];
    if (!lastAutumn || !firstSpring) throw new Error('sandbox.data: calendar has no term boundary');
    return [
      {
        id: `${year.id}-syksy`,
        schoolYear: year.id,
        kind: 'syyslukukausi' as const,
        name: { fi: `Syyslukukausi ${start}`, sv: `Hösttermin ${start}`, en: `Autumn term ${start}` },
        start: toIsoDate(year.first),
        end: toIsoDate(lastAutumn),
      },
      {
        id: `${year.id}-kevat`,
        schoolYear: year.id,
        kind: 'kevatlukukausi' as const,
        name: { fi: `Kevätlukukausi ${start + 1}`, sv: `Vårtermin ${start + 1}`, en: `Spring term ${start + 1}` },
        start: toIsoDate(firstSpring),
        end: toIsoDate(year.last),
      },
    ];
  });
}

const CORE: ReadonlySet<SubjectKey> = new Set<SubjectKey>(['AI-fi', 'AI-sv', 'MA', 'A1-en', 'A1-fi', 'A2-en', 'B1-sv', 'YL', 'BI', 'GE', 'FY', 'KE', 'HI', 'YH']);
const LANGUAGES: ReadonlySet<SubjectKey> = new Set<SubjectKey>(['AI-fi', 'AI-sv', 'A1-en', 'A1-fi', 'A2-en', 'B1-sv']);

type Texts = Record<SchoolLang, string>;

const TITLES: Readonly<Record<Assignment['kind'], readonly Texts[]>> = {
  homework: [
    { fi: 'Kotitehtävät, luku {n}', sv: 'Hemuppgifter, kapitel {n}' },
    { fi: 'Harjoitustehtävät {n}', sv: 'Övningsuppgifter {n}' },
  ],
  test: [
    { fi: 'Koe: luvut {n}–{m}', sv: 'Prov: kapitel {n}–{m}' },
    { fi: 'Sanakoe, kappale {n}', sv: 'Glosförhör, kapitel {n}' },
  ],
  project: [
    { fi: 'Projektityö', sv: 'Projektarbete' },
    { fi: 'Työn dokumentointi ja itsearviointi', sv: 'Dokumentation av arbetet och självvärdering' },
  ],
  essay: [
    { fi: 'Kirjoitelma', sv: 'Uppsats' },
    { fi: 'Lukupäiväkirja', sv: 'Läsdagbok' },
  ],
};

const INSTRUCTIONS: Readonly<Record<Assignment['kind'], Texts>> = {
  homework: { fi: 'Tee tehtävät vihkoon tai oppimisympäristöön. ({subject})', sv: 'Gör uppgifterna i häftet eller i lärmiljön. ({subject})' },
  test: { fi: 'Koe pidetään oppitunnilla. Kertaa kirjan tehtävät. ({subject})', sv: 'Provet hålls under lektionen. Repetera uppgifterna i boken. ({subject})' },
  project: { fi: 'Työskentele parin kanssa ja palauta työ oppimisympäristöön. ({subject})', sv: 'Arbeta i par och lämna in arbetet i lärmiljön. ({subject})' },
  essay: { fi: 'Kirjoita noin 150–250 sanaa ja palauta teksti oppimisympäristöön. ({subject})', sv: 'Skriv cirka 150–250 ord och lämna in texten i lärmiljön. ({subject})' },
};

const VERBAL: Readonly<Record<'good' | 'ok' | 'practice', Texts>> = {
  good: {
    fi: '{name} työskentelee innokkaasti ja saavuttaa tavoitteet erinomaisesti. Hienoa!',
    sv: '{name} arbetar ivrigt och når målen utmärkt. Fint!',
  },
  ok: {
    fi: '{name} osaa keskeiset asiat hyvin ja harjoittelee vielä tarkkuutta.',
    sv: '{name} kan det centrala bra och övar ännu på noggrannheten.',
  },
  practice: {
    fi: '{name} tarvitsee vielä harjoitusta. Kerrataan yhdessä ja kotona.',
    sv: '{name} behöver ännu mer övning. Vi repeterar tillsammans och hemma.',
  },
};

const FEEDBACK: Readonly<Record<'good' | 'ok' | 'practice', Texts>> = {
  good: { fi: 'Erinomaista työtä!', sv: 'Utmärkt arbete!' },
  ok: { fi: 'Hyvä, tarkista vielä laskujen välivaiheet.', sv: 'Bra, kontrollera ännu mellanstegen.' },
  practice: { fi: 'Kertaa aihe ja kysy tarvittaessa apua.', sv: 'Repetera ämnet och fråga om hjälp vid behov.' },
};

function band(fraction: number): 'good' | 'ok' | 'practice' {
  return fraction >= 0.8 ? 'good' : fraction >= 0.5 ? 'ok' : 'practice';
}

function fill(text: string, values: Record<string, string>): string {
  return text.replace(/\{(\w+)\}/g, (_, k: string) => values[k] ?? `{${k}}`);
}

/** A pupil's level in a subject, about 4–10, stable for the pupil. */
export class Abilities {
  private readonly base = new Map<string, number>();
  private readonly bias = new Map<string, number>();
  constructor(private readonly random: Random) {}

  of(learnerOid: string, subject: SubjectKey): number {
    let base = this.base.get(learnerOid);
    if (base === undefined) {
      base = 8 + (this.random.next() + this.random.next() + this.random.next() - 1.5) * 2.2;
      this.base.set(learnerOid, base);
    }
    const key = `${learnerOid}/${subject}`;
    let bias = this.bias.get(key);
    if (bias === undefined) {
      bias = (this.random.next() - 0.5) * 1.6;
      this.bias.set(key, bias);
    }
    return base + bias;
  }
}

function numeric(value: number): NumericGrade {
  return Math.min(10, Math.max(4, Math.round(value))) as NumericGrade;
}

/** The value of an assessment on the right scale for the class level and subject. */
export function assessmentValue(level: number, info: SubjectInfo, fraction: number, verbal: () => string): AssessmentValue {
  if (level <= 3) return { scale: 'verbal', text: verbal() };
  if (info.passFail) return { scale: 'pass-fail', grade: fraction >= 0.3 ? 'S' : 'H' };
  return { scale: 'numeric', grade: numeric(4 + fraction * 6.4) };
}

export interface CourseworkResult {
  assignments: Assignment[];
  submissions: Submission[];
  assessments: Assessment[];
}

/** Assignments per course in the autumn term, each pupil's submission, and assessments of the returned ones. */
export function buildCoursework(input: RecordsInput, terms: readonly AcademicTerm[], abilities: Abilities): CourseworkResult {
  const random = input.random.fork('coursework');
  const asOf = iso(input.asOf);
  const autumn = terms.find((t) => t.id === '2026-2027-syksy');
  if (!autumn) throw new Error('sandbox.data: no autumn term 2026');
  const days = schoolDays(iso(autumn.start), iso(autumn.end));
  const groups = new Map(input.groups.map((g) => [g.id, g]));
  const assignments: Assignment[] = [];
  const submissions: Submission[] = [];
  const assessments: Assessment[] = [];

  for (const course of input.courses) {
    const group = groups.get(course.groupId);
    const school = input.schools.get(course.schoolOid);
    const info = input.subjects.get(course.subject);
    if (!group || !school || !info) throw new Error(`sandbox.data: course ${course.id} dangles`);
    const level = group.classLevel;
    const count = level <= 2 ? (['AI-fi', 'AI-sv', 'MA', 'YL'].includes(course.subject) ? 1 : 0) : CORE.has(course.subject) ? 2 : course.subject === 'LI' ? 0 : 1;
    const goals = goalsFor(course.subject, level);
    const subjectName = SUBJECTS[course.subject].name[school.lang];
    for (let j = 0; j < count; j++) {
      // The assessed work comes first; the last of two is homework due around the data set's day (some still open).
      const kind: Assignment['kind'] =
        j === 1 ? 'homework' : LANGUAGES.has(course.subject) && random.chance(0.4) ? 'essay' : CORE.has(course.subject) ? 'test' : 'project';
      const position = count === 1 ? 0.55 : j === 0 ? 0.4 : 0.86;
      const at = Math.min(days.length - 12, Math.max(5, Math.floor(position * days.length) + random.int(-8, 6)));
      const assigned = days[at];
      const due = days[at + random.int(4, 10)];
      if (!assigned || !due) continue;
      const title = random.pick(TITLES[kind])[school.lang];
      const n = random.int(1, 4);
      const id = `asg-${course.id}-${j + 1}`;
      const goalIds = random.shuffle(goals).slice(0, Math.min(goals.length, random.int(1, 3))).map((g) => g.id).sort();
      const maxPoints = kind === 'test' ? 30 : kind === 'homework' ? 10 : 20;
      assignments.push({
        id,
        kind,
        courseId: course.id,
        groupId: course.groupId,
        teacherId: course.teacherId,
        title: fill(title, { n: String(n), m: String(n + 1) }),
        instructions: fill(INSTRUCTIONS[kind][school.lang], { subject: subjectName }),
        lang: school.lang,
        assignedAt: helsinkiDateTime(assigned, '09:00'),
        dueAt: helsinkiDateTime(due, '20:00'),
        curriculumGoalIds: goalIds,
        maxPoints,
      });
      const returnedOn = addDays(due, random.int(2, 6));
      const returned = returnedOn <= asOf;
      for (const learnerOid of input.learnersByGroup.get(course.groupId) ?? []) {
        const sub = `${id}-${learnerOid.slice(-5)}`;
        const ability = abilities.of(learnerOid, course.subject);
        const fraction = Math.min(1, Math.max(0.05, (ability - 4 + (random.next() - 0.5) * 1.5) / 6));
        const points = Math.round(fraction * maxPoints);
        const fb = FEEDBACK[band(fraction)][school.lang];
        if (due > asOf) {
          const early = random.chance(0.35) && assigned <= asOf;
          submissions.push(early ? { id: sub, assignmentId: id, learnerOid, status: 'submitted', submittedAt: helsinkiDateTime(asOf, '18:30') } : { id: sub, assignmentId: id, learnerOid, status: 'open' });
          continue;
        }
        const roll = random.next();
        if (roll < 0.07) {
          submissions.push({ id: sub, assignmentId: id, learnerOid, status: 'missing' });
          continue;
        }
        const lateOn = addDays(due, random.int(1, 2));
        const late = roll < 0.14 && lateOn <= asOf;
        const submittedAt = late ? helsinkiDateTime(lateOn, '17:45') : helsinkiDateTime(due, `1${random.int(4, 9)}:${random.pick(['05', '20', '35', '50'])}`);
        if (!returned) {
          submissions.push({ id: sub, assignmentId: id, learnerOid, status: late ? 'late' : 'submitted', submittedAt });
          continue;
        }
        submissions.push({ id: sub, assignmentId: id, learnerOid, status: 'returned', submittedAt, points, feedback: fb });
        if (kind === 'homework') continue;
        const value = assessmentValue(level, info, fraction, () => fill(VERBAL[band(fraction)][school.lang], { name: input.persons.get(learnerOid)?.givenName ?? '' }));
        assessments.push({
          id: `as-${sub}`,
          learnerOid,
          courseId: course.id,
          subject: course.subject,
          teacherId: course.teacherId,
          termId: autumn.id,
          kind: 'formative',
          date: toIsoDate(returnedOn),
          assignmentId: id,
          value,
          ...(value.scale !== 'verbal' && random.chance(0.3) ? { comment: fb } : {}),
          curriculumGoalIds: goalIds,
        });
      }
    }
  }
  return { assignments, submissions, assessments };
}

const GUARDIAN_REASONS: readonly { reason: AbsenceReason; weight: number; note: Texts }[] = [
  { reason: 'illness', weight: 6, note: { fi: 'Sairastaa flunssaa.', sv: 'Är förkyld.' } },
  { reason: 'medical-appointment', weight: 2, note: { fi: 'Hammaslääkäri.', sv: 'Tandläkarbesök.' } },
  { reason: 'family-reason', weight: 1, note: { fi: 'Perheen meno.', sv: 'Familjeärende.' } },
  { reason: 'permitted-leave', weight: 1, note: { fi: 'Loma-anomus hyväksytty.', sv: 'Ledighetsansökan beviljad.' } },
];

function weighted<T extends { weight: number }>(random: Random, items: readonly T[]): T {
  const total = items.reduce((n, i) => n + i.weight, 0);
  let r = random.next() * total;
  for (const item of items) {
    r -= item.weight;
    if (r < 0) return item;
  }
  return items[items.length - 1] as T;
}

/** Absences from the start of the school year to the data set's day. */
export function buildAbsences(input: RecordsInput, terms: readonly AcademicTerm[]): Absence[] {
  const random = input.random.fork('absences');
  const asOf = iso(input.asOf);
  const autumn = terms.find((t) => t.id === '2026-2027-syksy');
  if (!autumn) throw new Error('sandbox.data: no autumn term 2026');
  const days = schoolDays(iso(autumn.start), asOf);
  const slotsByGroupDay = new Map<string, TimetableSlot[]>();
  for (const slot of input.timetable) {
    const key = `${slot.groupId}@${slot.weekday}`;
    slotsByGroupDay.set(key, [...(slotsByGroupDay.get(key) ?? []), slot]);
  }
  const groups = new Map(input.groups.map((g) => [g.id, g]));
  const personaLearners = new Set(LEARNERS.map((l) => l.oid));
  const absences: Absence[] = [];
  for (const learner of input.learners) {
    const group = groups.get(learner.homeGroupId);
    const school = input.schools.get(learner.schoolOid);
    if (!group || !school) throw new Error(`sandbox.data: learner ${learner.oid} dangles`);
    const relations = input.guardiansOfLearner.get(learner.oid) ?? [];
    const reporter = relations.find((r) => r.mayAct && r.livesWithLearner) ?? relations.find((r) => r.mayAct);
    // The persona pupils always have a few, so that their views are not empty.
    const episodes = random.chance(0.05) ? random.int(8, 12) : random.int(personaLearners.has(learner.oid) ? 2 : 0, 4);
    const used = new Set<string>();
    let n = 0;
    const push = (a: Omit<Absence, 'id' | 'learnerOid'>): void => {
      if (used.has(`${a.date}/${a.fromSlot ?? 'day'}`)) return;
      used.add(`${a.date}/${a.fromSlot ?? 'day'}`);
      absences.push({ id: `abs-${learner.oid.slice(-5)}-${++n}`, learnerOid: learner.oid, ...a });
    };
    for (let e = 0; e < episodes; e++) {
      const dayIndex = random.int(0, days.length - 1);
      const day = days[dayIndex];
      if (!day) continue;
      const date = toIsoDate(day);
      const weekday = isoWeekday(day);
      const lessons = (slotsByGroupDay.get(`${group.id}@${weekday}`) ?? []).sort((a, b) => a.slot - b.slot);
      if (lessons.length === 0) continue;
      if (reporter && random.chance(0.6)) {
        const { reason, note } = weighted(random, GUARDIAN_REASONS);
        if (reason === 'illness') {
          const length = random.int(1, 3);
          for (let i = 0; i < length; i++) {
            const d = days[dayIndex + i];
            if (!d) break;
            push({ date: toIsoDate(d), source: 'guardian-report', reason, status: 'explained', reportedBy: reporter.guardianOid, reportedAt: helsinkiDateTime(d, `07:${random.int(10, 55)}`), note: note[school.lang] });
          }
        } else if (reason === 'medical-appointment') {
          const at = random.int(0, Math.max(0, lessons.length - 2));
          const first = lessons[at];
          if (!first) continue;
          const next = lessons[at + 1];
          const toSlot = next !== undefined && next.slot === first.slot + 1 ? next.slot : first.slot;
          push({
            date, fromSlot: first.slot, toSlot, source: 'guardian-report', reason, status: 'explained',
            reportedBy: reporter.guardianOid, reportedAt: helsinkiDateTime(addDays(day, -random.int(1, 3)), '20:15'), note: note[school.lang],
          });
        } else {
          const classTeacher = input.staffPersonOid(group.classTeacherId);
          push({
            date, source: 'guardian-report', reason, status: 'explained', reportedBy: reporter.guardianOid,
            reportedAt: helsinkiDateTime(addDays(day, -random.int(7, 14)), '19:30'),
            ...(reason === 'permitted-leave' ? { resolvedBy: classTeacher, resolvedAt: helsinkiDateTime(addDays(day, -random.int(2, 6)), '15:10') } : {}),
            note: note[school.lang],
          });
        }
        continue;
      }
      // A teacher marks the pupil absent from one lesson; the mark is later explained, cleared, or stays open.
      const lesson = random.pick(lessons);
      const teacher = input.staffPersonOid(lesson.teacherId);
      const recent = days.length - dayIndex <= 3;
      const outcome = recent ? random.next() * 0.4 : random.next();
      const base = { date, fromSlot: lesson.slot, toSlot: lesson.slot, source: 'teacher-mark' as const, reportedBy: teacher, reportedAt: helsinkiDateTime(day, '15:00') };
      if (outcome < 0.35 && reporter) {
        const resolved = addDays(day, random.int(1, 3));
        push({ ...base, reason: random.chance(0.6) ? 'illness' : 'medical-appointment', status: 'explained', resolvedBy: reporter.guardianOid, resolvedAt: helsinkiDateTime(resolved <= asOf ? resolved : asOf, '08:05'), note: school.lang === 'fi' ? 'Huoltajan selvitys.' : 'Vårdnadshavarens förklaring.' });
      } else if (outcome < 0.55) {
        push({ ...base, reason: 'school-event', status: 'cleared', resolvedBy: teacher, resolvedAt: helsinkiDateTime(day, '16:20'), note: school.lang === 'fi' ? 'Oppilas oli koulun tapahtumassa.' : 'Eleven deltog i skolans evenemang.' });
      } else {
        push({ ...base, reason: 'unexplained', status: 'unexplained' });
      }
    }
  }
  return absences;
}

const koodi = (koodiarvo: string, koodistoUri: string): { koodiarvo: string; koodistoUri: string } => ({ koodiarvo, koodistoUri });

/** The KOSKI study right (perusopetus) of every learner with its year-level records. */
export function buildStudyRights(input: RecordsInput, abilities: Abilities): StudyRight[] {
  const random = input.random.fork('koski');
  const groups = new Map(input.groups.map((g) => [g.id, g]));
  return input.learners.map((learner): StudyRight => {
    const group = groups.get(learner.homeGroupId);
    const school = input.schools.get(learner.schoolOid);
    if (!group || !school) throw new Error(`sandbox.data: learner ${learner.oid} dangles`);
    const municipality = input.municipalities.find((m) => m.oid === school.providerOid);
    if (!municipality) throw new Error(`sandbox.data: school ${school.code} has no municipality`);
    const letter = group.name.replace(/^\d+/, '');
    const level = learner.classLevel;
    const roll = random.next();
    const movedIn = level >= 2 && roll < 0.04 ? random.int(2, level) : 1;
    const paused = level >= 3 && roll >= 0.04 && roll < 0.07 ? random.int(2, level - 1) : undefined;
    const startOf = (k: number): Date => schoolYearStarting(2026 - (level - k)).first;
    const alku = movedIn > 1 ? toIsoDate(addDays(startOf(movedIn), 150)) : toIsoDate(startOf(1));
    const jaksot: KoskiOpiskeluoikeusjakso[] = [{ alku, tila: koodi('lasna', 'koskiopiskeluoikeudentila') }];
    if (paused !== undefined) {
      const y = 2026 - (level - paused);
      jaksot.push({ alku: `${y + 1}-01-08`, tila: koodi('valiaikaisestikeskeytynyt', 'koskiopiskeluoikeudentila') });
      jaksot.push({ alku: toIsoDate(schoolYearStarting(y + 1).first), tila: koodi('lasna', 'koskiopiskeluoikeudentila') });
    }
    const suoritukset: KoskiVuosiluokanSuoritus[] = [];
    for (let k = movedIn; k <= level; k++) {
      const year = schoolYearStarting(2026 - (level - k));
      const done = k < level;
      const osasuoritukset: KoskiOppiaineenSuoritus[] | undefined =
        k === level - 1
          ? (Object.keys(weeklyHours(k, school.lang)) as SubjectKey[]).map((subject) => {
              const info = input.subjects.get(subject);
              if (!info) throw new Error(`sandbox.data: no subject ${subject}`);
              const fraction = Math.min(1, Math.max(0.05, (abilities.of(learner.oid, subject) - 4) / 6));
              const value = assessmentValue(k, info, fraction, () => fill(VERBAL[band(fraction)][school.lang], { name: input.persons.get(learner.oid)?.givenName ?? '' }));
              const arvosana = value.scale === 'verbal' ? 'S' : String(value.grade);
              const local = subject === 'VAL-ohj';
              return {
                koulutusmoduuli: {
                  tunniste: { ...koodi(info.code, local ? 'paikallinen' : 'koskioppiaineetyleissivistava'), ...(local ? { nimi: { ...info.name } } : {}) },
                  pakollinen: !local,
                  ...(info.kieli === undefined ? {} : { kieli: { ...info.kieli } }),
                },
                arviointi: [
                  {
                    arvosana: koodi(arvosana, 'arviointiasteikkoyleissivistava'),
                    hyväksytty: arvosana !== 'H' && arvosana !== '4',
                    päivä: toIsoDate(year.last),
                    ...(value.scale === 'verbal' ? { kuvaus: { [school.lang]: value.text } } : {}),
                  },
                ],
                tyyppi: koodi('perusopetuksenoppiaine', 'suorituksentyyppi'),
              };
            })
          : undefined;
      suoritukset.push({
        koulutusmoduuli: { tunniste: koodi(String(k), 'perusopetuksenluokkaaste'), perusteenDiaarinumero: '104/011/2014' },
        luokka: `${k}${letter}`,
        alkamispäivä: k === movedIn && movedIn > 1 ? alku : toIsoDate(year.first),
        toimipiste: { oid: school.oid },
        suorituskieli: koodi(school.lang.toUpperCase(), 'kieli'),
        ...(done ? { vahvistus: { päivä: toIsoDate(year.last), paikkakunta: koodi(municipality.kuntakoodi, 'kunta'), myöntäjäOrganisaatio: { oid: school.oid } } } : {}),
        ...(osasuoritukset ? { osasuoritukset } : {}),
        tyyppi: koodi('perusopetuksenvuosiluokka', 'suorituksentyyppi'),
      });
    }
    return {
      oid: learner.studyRightOid,
      learnerOid: learner.oid,
      tyyppi: koodi('perusopetus', 'opiskeluoikeudentyyppi'),
      oppilaitos: { oid: school.oid },
      koulutustoimija: { oid: school.providerOid },
      alkamispäivä: alku,
      tila: { opiskeluoikeusjaksot: jaksot },
      suoritukset,
    };
  });
}
