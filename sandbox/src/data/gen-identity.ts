/**
 * Register data of the identity personas (people.ts `IDENTITY_PERSONA_RECORDS`): a substitute teacher in two
 * schools, a guardian with children in two municipalities, and a pupil of the Swedish-language school. They sign in
 * like the contract personas; this step makes the registers know them, so that their dashboards show their own data.
 * The guardian whose only mandate was revoked stays unknown to the register: the platform knows them from their
 * claims alone, and those give them no role. So do personas of platform configuration, such as a tenant's admin.
 *
 * Nothing here changes what a contract persona sees. The substitute covers courses that no contract persona
 * teaches, in groups without a persona pupil. The people are added after every generated person and draw from their
 * own stream, so no one else's OID, name or address moves. The guardian's relations are added after the records and
 * the activity were written: those steps pick guardians from each pupil's list, and a longer list would reshuffle
 * the absences and messages of other families.
 */
import type { PeopleBuilder } from './gen-people.ts';
import type { ScheduleResult } from './gen-schedule.ts';
import { IDENTITY_PERSONA_RECORDS, LEARNERS, PERSONA_RECORDS, TEACHERS, type PersonaRecord } from './people.ts';
import type { Random } from './random.ts';
import { SCHOOL_OID, schoolByOid } from './schools.ts';

/**
 * What the substitute covers, by school: mathematics, physics and chemistry of one upper-grade group each, courses a
 * generated teacher was given. Twelve lessons a week, never two at once.
 */
export const SUBSTITUTE_COVER: Readonly<Record<string, readonly string[]>> = {
  [SCHOOL_OID.testimaki]: ['99001-9B-MA', '99001-9B-FY', '99001-9B-KE'],
  [SCHOOL_OID.testbacken]: ['99002-8A-MA', '99002-8A-FY', '99002-8A-KE'],
};

/** The identity personas the registers know after this step (any others are known from their claims alone). */
export const REGISTERED_IDENTITY_PERSONAS: readonly string[] = ['substitute', 'guardian-two-cities', 'elev'];

function identityPersona(username: string): PersonaRecord {
  const persona = IDENTITY_PERSONA_RECORDS.find((p) => p.username === username);
  if (!persona) throw new Error(`sandbox.data: no identity persona ${username}`);
  return persona;
}

/** Groups of persona pupils and staff ids of hand-written teachers: what the substitute must never take over. */
function protectedByPersonas(): { groups: ReadonlySet<string>; teachers: ReadonlySet<string> } {
  const groups = new Set(LEARNERS.map((l) => `${schoolByOid(l.schoolOid).code}-${l.group}`));
  const teachers = new Set([...TEACHERS.map((t) => t.id), ...PERSONA_RECORDS.flatMap((p) => (p.teacherId === undefined ? [] : [p.teacherId]))]);
  return { groups, teachers };
}

/**
 * The substitute: a position at each school of {@link SUBSTITUTE_COVER}, and its courses (with their weekly
 * lessons) handed over from the generated teacher who had them. Throws when a course is a persona's or in a persona
 * pupil's group, or when two of the substitute's lessons in different schools fall in the same slot.
 */
function addSubstitute(people: PeopleBuilder, schedule: ScheduleResult, random: Random): void {
  const persona = identityPersona('substitute');
  const schoolOids = Object.keys(SUBSTITUTE_COVER);
  const positions = people.addPersonaStaff(persona, schoolOids, random);
  const untouchable = protectedByPersonas();
  const taken = new Map<string, string>();
  for (const position of positions) {
    const courseIds = new Set(SUBSTITUTE_COVER[position.schoolOid ?? ''] ?? []);
    const covered = schedule.courses.filter((c) => courseIds.has(c.id));
    if (covered.length !== courseIds.size) throw new Error(`sandbox.data: the substitute's courses at ${position.schoolOid} changed`);
    for (const course of covered) {
      if (untouchable.groups.has(course.groupId) || untouchable.teachers.has(course.teacherId) || course.schoolOid !== position.schoolOid) {
        throw new Error(`sandbox.data: the substitute may not take over ${course.id}`);
      }
      course.teacherId = position.id;
    }
    for (const slot of schedule.timetable) {
      if (!courseIds.has(slot.courseId)) continue;
      slot.teacherId = position.id;
      const when = `${slot.weekday}/${slot.slot}`;
      const clash = taken.get(when);
      if (clash !== undefined) throw new Error(`sandbox.data: the substitute teaches ${clash} and ${slot.courseId} at ${when}`);
      taken.set(when, slot.courseId);
    }
    people.addSubjects(position.id, covered.map((c) => c.subject));
  }
}

/**
 * The identity personas' people: the substitute with their positions and courses, the two-city guardian (a person,
 * a household and a Guardian record with the persona's `sub`, relations later), and the Swedish-school pupil, who
 * is Elias of the data set. Call after every group is filled, before the records.
 */
export function addIdentityPersonas(people: PeopleBuilder, schedule: ScheduleResult, random: Random): void {
  addSubstitute(people, schedule, random.fork('substitute'));
  people.addPersonaGuardian(identityPersona('guardian-two-cities'), random.fork('guardian-two-cities'));
  people.linkPersonaLearner(identityPersona('elev'));
}

/** The two-city guardian's relations to their children; call after the records and the activity are written. */
export function relateIdentityGuardians(people: PeopleBuilder): void {
  people.relatePersonaGuardian(identityPersona('guardian-two-cities'));
}
