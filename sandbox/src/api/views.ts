/**
 * The API's views of the data set's records: model → the shapes of the OpenAPI document, with what a caller may
 * not see (turvakielto, other households' addresses) left out here, in one place.
 */
import type { Dataset } from '../data/dataset.ts';
import type {
  Absence,
  Address,
  Assessment,
  Assignment,
  Group,
  GuardianRelation,
  Learner,
  Municipality,
  Person,
  School,
  Staff,
  SubjectInfo,
  Submission,
} from '../data/model.ts';
import { SUBJECTS } from '../data/subjects.ts';
import { groupsOfLearner, type LearnerRelation } from './access.ts';

const displayName = (p: { givenName: string; familyName: string }): string => `${p.givenName} ${p.familyName}`;

/** Drops `undefined` members so that answers carry no `"x": undefined` and match `additionalProperties`-free schemas. */
function defined<T extends Record<string, unknown>>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

function address(a: Address | undefined): Address | undefined {
  return a === undefined ? undefined : { street: a.street, postalCode: a.postalCode, city: a.city };
}

export function municipalityView(m: Municipality): Record<string, unknown> {
  return { oid: m.oid, kind: 'municipality', name: m.name.fi, names: m.name, tenant: m.tenant, municipalityCode: m.kuntakoodi };
}

export function schoolView(s: School): Record<string, unknown> {
  return {
    oid: s.oid,
    kind: 'school',
    name: s.name,
    tenant: s.tenant,
    schoolCode: s.code,
    parentOid: s.providerOid,
    officeOid: s.officeOid,
    language: s.lang,
    classLevels: [...s.classLevels],
    address: address(s.address),
  };
}

function personName(data: Dataset, oid: string): string {
  const person = data.personByOid.get(oid);
  return person ? displayName(person) : oid;
}

function staffName(data: Dataset, staffId: string): string | undefined {
  const staff = data.staffById.get(staffId);
  return staff === undefined ? undefined : personName(data, staff.personOid);
}

/** The code of a sandbox subject key. */
export function subjectCode(key: string): string {
  return (SUBJECTS as Record<string, { code: string } | undefined>)[key]?.code ?? key;
}

export function groupView(data: Dataset, g: Group): Record<string, unknown> {
  const teachers = new Map<string, { id: string; displayName: string; subjects: string[] }>();
  for (const course of data.coursesByGroup.get(g.id) ?? []) {
    const name = staffName(data, course.teacherId) ?? course.teacherId;
    const entry = teachers.get(course.teacherId) ?? { id: course.teacherId, displayName: name, subjects: [] };
    const code = subjectCode(course.subject);
    if (!entry.subjects.includes(code)) entry.subjects.push(code);
    teachers.set(course.teacherId, entry);
  }
  return defined({
    id: g.id,
    name: g.name,
    kind: g.kind,
    schoolOid: g.schoolOid,
    classLevel: g.classLevel,
    schoolYear: g.schoolYear,
    homeRoom: g.homeRoom,
    classTeacher: staffName(data, g.classTeacherId),
    memberCount: data.learnersByGroup.get(g.id)?.length ?? 0,
    teachers: [...teachers.values()],
  });
}

/**
 * A learner as `relation` may see them. Every relation that reaches this view is authorised for the learner
 * (self, guardian, teaching staff, principal), so the non-disclosure order hides nothing here; views for others
 * ({@link memberView}) never carry the protected fields at all.
 */
export function learnerView(data: Dataset, learner: Learner, relation: LearnerRelation): Record<string, unknown> {
  const person = data.personByOid.get(learner.oid);
  const school = data.schoolByOid.get(learner.schoolOid);
  const authorised = relation === 'self' || relation === 'guardian' || relation === 'teacher' || relation === 'principal';
  const protectedFields = authorised
    ? {
        school: school === undefined ? undefined : { oid: school.oid, name: school.name, schoolCode: school.code },
        groups: groupsOfLearner(data, learner).flatMap((id) => {
          const group = data.groupById.get(id);
          return group === undefined ? [] : [{ id: group.id, name: group.name }];
        }),
        homeMunicipalityOid: person?.homeMunicipalityOid,
        address: address(person?.address),
      }
    : {};
  return defined({
    oid: learner.oid,
    givenName: person?.givenName ?? '',
    familyName: person?.familyName ?? '',
    displayName: person === undefined ? learner.oid : displayName(person),
    classLevel: learner.classLevel,
    language: person?.lang,
    nonDisclosure: learner.turvakielto,
    ...protectedFields,
  });
}

/** A member of a group: names only, plus the non-disclosure flag for staff who need to know it. */
export function memberView(data: Dataset, learnerOid: string, since: string | undefined, forStaff: boolean): Record<string, unknown> {
  const person = data.personByOid.get(learnerOid);
  return defined({
    learnerOid,
    givenName: person?.givenName ?? '',
    familyName: person?.familyName ?? '',
    displayName: person === undefined ? learnerOid : displayName(person),
    since,
    nonDisclosure: forStaff ? data.nonDisclosure.has(learnerOid) : undefined,
  });
}

function sameAddress(a: Address | undefined, b: Address | undefined): boolean {
  return a !== undefined && b !== undefined && a.street === b.street && a.postalCode === b.postalCode && a.city === b.city;
}

/**
 * A guardian relation. Staff who may read the learner see every address; anyone else (a guardian, the pupil)
 * sees an address only when it is their own, so that a split household's other home stays hidden.
 */
export function guardianView(data: Dataset, relation: GuardianRelation, viewer: { staff: boolean; ownAddress?: Address }): Record<string, unknown> {
  const person: Person | undefined = data.personByOid.get(relation.guardianOid);
  const home = person?.address;
  const showAddress = viewer.staff || sameAddress(home, viewer.ownAddress);
  return defined({
    id: relation.id,
    learnerOid: relation.learnerOid,
    guardian: {
      oid: relation.guardianOid,
      givenName: person?.givenName ?? '',
      familyName: person?.familyName ?? '',
      displayName: person === undefined ? relation.guardianOid : displayName(person),
    },
    kind: relation.kind,
    livesWithLearner: relation.livesWithLearner,
    mayAct: relation.mayAct,
    receivesMessages: relation.receivesMessages,
    address: showAddress ? address(home) : undefined,
    email: viewer.staff || showAddress ? person?.email : undefined,
    phone: viewer.staff || showAddress ? person?.phone : undefined,
  });
}

export function staffView(data: Dataset, positions: readonly Staff[]): Record<string, unknown> {
  const [first] = positions;
  if (!first) throw new Error('staffView: no positions');
  const person = data.personByOid.get(first.personOid);
  const subjects = [...new Set(positions.flatMap((p) => p.subjects.map(subjectCode)))];
  return defined({
    id: first.id,
    personOid: first.personOid,
    givenName: person?.givenName ?? '',
    familyName: person?.familyName ?? '',
    displayName: person === undefined ? first.id : displayName(person),
    tenant: first.tenant,
    positions: positions.map((p) => defined({ organisationOid: p.organisationOid, schoolOid: p.schoolOid, roles: [...p.roles] })),
    subjects,
    email: first.email,
  });
}

export function subjectView(s: SubjectInfo): Record<string, unknown> {
  return defined({ code: s.code, codeList: 'koskioppiaineetyleissivistava', name: s.name, language: s.kieli, passFail: s.passFail });
}

export function assignmentView(data: Dataset, a: Assignment): Record<string, unknown> {
  const course = data.courseById.get(a.courseId);
  return defined({
    id: a.id,
    courseId: a.courseId,
    groupId: a.groupId,
    group: data.groupById.get(a.groupId)?.name ?? a.groupId,
    subject: course === undefined ? undefined : subjectCode(course.subject),
    title: a.title,
    instructions: a.instructions,
    lang: a.lang,
    assignedAt: a.assignedAt,
    dueAt: a.dueAt,
    teacher: staffName(data, a.teacherId),
    maxPoints: a.maxPoints,
    curriculumGoals: [...a.curriculumGoalIds],
  });
}

export function submissionView(data: Dataset, s: Submission): Record<string, unknown> {
  return defined({
    id: s.id,
    assignmentId: s.assignmentId,
    learnerOid: s.learnerOid,
    learnerName: personName(data, s.learnerOid),
    status: s.status,
    submittedAt: s.submittedAt,
    points: s.points,
    feedback: s.feedback,
  });
}

export function assessmentView(data: Dataset, a: Assessment): Record<string, unknown> {
  const course = data.courseById.get(a.courseId);
  const subject = (SUBJECTS as Record<string, { code: string; name: Record<'fi' | 'sv' | 'en', string> } | undefined>)[a.subject];
  const value = a.value;
  return defined({
    id: a.id,
    learnerOid: a.learnerOid,
    subject: subject?.code ?? a.subject,
    subjectName: subject?.name,
    courseId: a.courseId,
    groupId: course?.groupId,
    termId: a.termId,
    kind: a.kind,
    scale: value.scale,
    grade: value.scale === 'verbal' ? undefined : String(value.grade),
    verbal: value.scale === 'verbal' ? value.text : a.comment,
    date: a.date,
    assessor: staffName(data, a.teacherId),
    curriculumGoals: [...a.curriculumGoalIds],
  });
}

export function absenceView(a: Absence): Record<string, unknown> {
  return defined({
    id: a.id,
    learnerOid: a.learnerOid,
    date: a.date,
    fromSlot: a.fromSlot,
    toSlot: a.toSlot,
    source: a.source,
    reason: a.reason,
    status: a.status,
    reportedAt: a.reportedAt,
    resolvedAt: a.resolvedAt,
    note: a.note,
  });
}
