/**
 * Builds the {@link Dataset} from a seed: schools and groups from plan.ts, then staff and timetables, pupils and
 * families, the school year's records, and activity. Each step draws from its own forked PRNG stream.
 */
import { schoolYearStarting, toIsoDate } from './calendar.ts';
import { CURRICULUM, CURRICULUM_GOALS, SUBJECT_INFOS } from './curriculum.ts';
import type { Dataset } from './dataset.ts';
import { buildMaterials, buildThreads, buildXapi, type ActivityInput } from './gen-activity.ts';
import { addIdentityPersonas, relateIdentityGuardians } from './gen-identity.ts';
import { PeopleBuilder } from './gen-people.ts';
import { Abilities, buildAbsences, buildCoursework, buildStudyRights, buildTerms, type RecordsInput } from './gen-records.ts';
import { buildSchedule } from './gen-schedule.ts';
import type { Course, Group, GroupMembership, Learner, Municipality, School, Staff } from './model.ts';
import { LEARNERS, PERSONA_RECORDS } from './people.ts';
import { MUNICIPALITY_FACTS, SCHOOL_PLANS } from './plan.ts';
import { createRandom } from './random.ts';
import { SCHOOLS } from './schools.ts';
import type { SubjectKey } from './subjects.ts';
import { SANDBOX_TENANTS } from './tenants.ts';
import { templateLessons, TIMETABLES } from './timetable-templates.ts';

/** Groups whose first new family is under a non-disclosure order (turvakielto). */
const NON_DISCLOSURE_GROUPS: ReadonlySet<string> = new Set(['99001-4A', '99102-2A']);
/** Groups with a pupil whose family lives in the other municipality. */
const CROSS_MUNICIPALITY_GROUPS: ReadonlySet<string> = new Set(['99101-7A', '99101-9B', '99102-3A', '99102-5B']);

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

function byKey<T>(items: readonly T[], key: (item: T) => string): Map<string, T> {
  return new Map(items.map((item) => [key(item), item]));
}

/** Builds the whole data set; the same `seed` and `asOf` always give a deep-equal result. */
export function buildDataset(seed: number, asOf: string): Dataset {
  const random = createRandom(seed);
  const year = schoolYearStarting(2026);

  const municipalities: Municipality[] = SANDBOX_TENANTS.map((t) => {
    const facts = MUNICIPALITY_FACTS[t.id];
    if (!facts) throw new Error(`sandbox.data: no facts for tenant ${t.id}`);
    return { oid: t.providerOid, tenant: t.id, name: { ...t.name }, kuntakoodi: facts.kuntakoodi };
  });
  const schools: School[] = SCHOOLS.map((s) => {
    const plan = SCHOOL_PLANS.find((p) => p.oid === s.oid);
    if (!plan) throw new Error(`sandbox.data: no plan for school ${s.code}`);
    return { ...s, kind: 'perusopetus', classLevels: plan.classLevels, address: { ...plan.address } };
  });
  const schoolByOid = byKey(schools, (s) => s.oid);
  const codeOf = (oid: string): string => schoolByOid.get(oid)?.code ?? '';

  // Staff and timetables.
  const people = new PeopleBuilder(random.fork('people'), municipalities, new Map(SCHOOLS.map((s) => [s.oid, s])));
  const handwrittenSubjects = groupBy(TIMETABLES.flatMap(templateLessons), (l) => l.teacherId);
  people.addExistingStaff((id) => [...new Set((handwrittenSubjects.get(id) ?? []).map((l) => l.subject))]);
  const personaTeachers = new Set(PERSONA_RECORDS.flatMap((p) => (p.teacherId === undefined ? [] : [p.teacherId])));
  const schedule = buildSchedule(SCHOOL_PLANS, {
    random: random.fork('schedule'),
    schoolYear: year.id,
    schoolCode: codeOf,
    newTeacher: (plan, bundle) => people.newTeacher(plan, bundle),
    personaTeachers,
  });
  for (const [teacherId, courses] of groupBy(schedule.courses, (c) => c.teacherId)) {
    people.addSubjects(teacherId, courses.map((c) => c.subject));
  }
  for (const plan of SCHOOL_PLANS) people.addSchoolOffice(plan);

  // Pupils and families: the personas' first, then every group filled up.
  const groupById = byKey(schedule.groups, (g) => g.id);
  people.addPersonaFamilies((l) => {
    const group = groupById.get(`${codeOf(l.schoolOid)}-${l.group}`);
    if (!group) throw new Error(`sandbox.data: no group ${l.group} for ${l.oid}`);
    return group;
  });
  const sizes = random.fork('group-sizes');
  for (const plan of SCHOOL_PLANS) {
    for (const group of schedule.groups.filter((g) => g.schoolOid === plan.oid)) {
      people.fillGroup(group, sizes.int(plan.groupSize[0], plan.groupSize[1]), plan, {
        turvakielto: NON_DISCLOSURE_GROUPS.has(group.id),
        crossMunicipality: CROSS_MUNICIPALITY_GROUPS.has(group.id),
      });
    }
  }
  // The identity personas (substitute, two-city guardian, Swedish-school pupil) last, on their own stream.
  addIdentityPersonas(people, schedule, random.fork('identity-personas'));

  const persons = people.persons;
  const personByOid = byKey(persons, (p) => p.oid);
  const learners = [...people.learners].sort((a, b) => a.oid.localeCompare(b.oid));
  const learnerByOid = byKey(learners, (l) => l.oid);
  const staffById = byKey<Staff>(people.staff, (s) => s.id);
  const staffPersonOid = (id: string): string => {
    const staff = staffById.get(id);
    if (!staff) throw new Error(`sandbox.data: no staff ${id}`);
    return staff.personOid;
  };
  const sortName = (oid: string): string => {
    const p = personByOid.get(oid);
    return p ? `${p.familyName} ${p.givenName} ${oid}` : oid;
  };
  const learnersByGroup = new Map(
    [...groupBy(learners, (l) => l.homeGroupId)].map(([id, list]) => [id, list.map((l) => l.oid).sort((a, b) => sortName(a).localeCompare(sortName(b), 'fi'))]),
  );
  // The guardian relations the records and activity are written from (see gen-identity.ts for the later ones).
  const guardiansOfLearner = groupBy(people.relations, (r) => r.learnerOid);

  const from = toIsoDate(year.first);
  const memberships: GroupMembership[] = [
    ...learners.map((l): GroupMembership => ({ groupId: l.homeGroupId, personOid: l.oid, role: 'learner', from })),
    ...[...groupBy(schedule.courses, (c) => `${c.groupId}|${c.teacherId}`)].map(([key, courses]): GroupMembership => {
      const [groupId = '', teacherId = ''] = key.split('|');
      return { groupId, personOid: staffPersonOid(teacherId), role: 'teacher', subjects: courses.map((c) => c.subject), from };
    }),
  ];

  // The school year's records.
  const subjects = new Map(SUBJECT_INFOS.map((s) => [s.key, s]));
  const terms = buildTerms();
  const abilities = new Abilities(random.fork('abilities'));
  const recordsInput: RecordsInput = {
    random: random.fork('records'),
    asOf,
    schools: schoolByOid,
    municipalities,
    groups: schedule.groups,
    courses: schedule.courses,
    timetable: schedule.timetable,
    learners,
    persons: personByOid,
    learnersByGroup,
    guardiansOfLearner,
    staffPersonOid,
    subjects,
  };
  const coursework = buildCoursework(recordsInput, terms, abilities);
  const absences = buildAbsences(recordsInput, terms);
  const studyRights = buildStudyRights(recordsInput, abilities);

  // Activity.
  const activityInput: ActivityInput = {
    random: random.fork('activity'),
    asOf,
    from,
    schools: schoolByOid,
    groups: schedule.groups,
    courses: schedule.courses,
    learners,
    learnersByGroup,
    guardiansOfLearner,
    givenName: (oid) => personByOid.get(oid)?.givenName ?? '',
    staffPersonOid,
  };
  const threads = buildThreads(activityInput);
  const materials = buildMaterials();
  const xapi = buildXapi(activityInput, materials, (oid, subject: SubjectKey) => abilities.of(oid, subject), new Set(LEARNERS.map((l) => l.oid)));
  relateIdentityGuardians(people);

  const coursesByTeacher = groupBy<Course>(schedule.courses, (c) => c.teacherId);
  const threadsByPerson = new Map<string, (typeof threads)[number][]>();
  for (const thread of threads) {
    for (const oid of thread.participantOids) threadsByPerson.set(oid, [...(threadsByPerson.get(oid) ?? []), thread]);
  }

  return {
    municipalities,
    schools,
    persons,
    households: people.households,
    learners,
    staff: people.staff,
    guardians: people.guardians,
    guardianRelations: people.relations,
    groups: schedule.groups,
    memberships,
    terms,
    subjects: SUBJECT_INFOS,
    curriculum: CURRICULUM,
    curriculumGoals: CURRICULUM_GOALS,
    courses: schedule.courses,
    timetable: schedule.timetable,
    assignments: coursework.assignments,
    submissions: coursework.submissions,
    assessments: coursework.assessments,
    absences,
    studyRights,
    threads,
    materials,
    xapi,

    personByOid,
    learnerByOid: learnerByOid as ReadonlyMap<string, Learner>,
    staffById,
    staffByPerson: groupBy(people.staff, (s) => s.personOid),
    schoolByOid,
    groupById: groupById as ReadonlyMap<string, Group>,
    courseById: byKey(schedule.courses, (c) => c.id),
    studyRightByLearner: byKey(studyRights, (s) => s.learnerOid),
    personaPersonOid: people.personaPersonOid,

    learnersByGroup,
    groupsByTeacher: new Map([...coursesByTeacher].map(([id, courses]) => [id, [...new Set(courses.map((c) => c.groupId))]])),
    coursesByTeacher,
    coursesByGroup: groupBy(schedule.courses, (c) => c.groupId),
    guardiansOfLearner: groupBy(people.relations, (r) => r.learnerOid),
    childrenOfGuardian: groupBy(people.relations, (r) => r.guardianOid),
    schoolOfGroup: new Map(schedule.groups.map((g) => [g.id, g.schoolOid])),
    groupsBySchool: new Map([...groupBy(schedule.groups, (g) => g.schoolOid)].map(([oid, groups]) => [oid, groups.map((g) => g.id)])),
    assessmentsByLearner: groupBy(coursework.assessments, (a) => a.learnerOid),
    absencesByLearner: groupBy(absences, (a) => a.learnerOid),
    submissionsByAssignment: groupBy(coursework.submissions, (s) => s.assignmentId),
    assignmentsByGroup: groupBy(coursework.assignments, (a) => a.groupId),
    xapiByLearner: groupBy(xapi, (x) => x.actor.account.name),
    threadsByPerson,
    nonDisclosure: new Set(persons.filter((p) => p.turvakielto).map((p) => p.oid)),
  };
}
