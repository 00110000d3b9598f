import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { describe, it } from 'node:test';
import { PERSONAS } from '../index.ts';
import { isSchoolDay, isoWeekday, parseIsoDate } from './calendar.ts';
import { claimsOf } from './claims.ts';
import { bandOf, CURRICULUM_GOALS } from './curriculum.ts';
import { DATASET_AS_OF, DATASET_SEED, getDataset } from './dataset.ts';
import { MATERIALS_BASE, XAPI_LEARNER_HOMEPAGE, XAPI_VERB } from './gen-activity.ts';
import { REGISTERED_IDENTITY_PERSONAS } from './gen-identity.ts';
import { buildDataset } from './generate.ts';
import { LEARNERS, PERSONA_RECORDS, SIGN_IN_PERSONA_RECORDS } from './people.ts';
import { createRandom } from './random.ts';
import { SUBJECTS } from './subjects.ts';

const TEST_PERSON = /^1\.2\.246\.562\.98\.\d{11}$/;
const TEST_ORG = /^1\.2\.246\.562\.99\.\d{11}$/;
const TEST_STUDY_RIGHT = /^1\.2\.246\.562\.15\.\d{11}$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+0[23]:00$/;

const data = getDataset();
const endOfAsOf = Date.parse(`${DATASET_AS_OF}T23:59:59+02:00`);

function date(iso: string): Date {
  const d = parseIsoDate(iso);
  assert.ok(d, iso);
  return d;
}

describe('the PRNG', () => {
  it('gives the same stream for a seed and another for another seed', () => {
    const a = createRandom(42);
    const b = createRandom(42);
    const c = createRandom(43);
    const xs = Array.from({ length: 5 }, () => a.next());
    assert.deepEqual(Array.from({ length: 5 }, () => b.next()), xs);
    assert.notDeepEqual(Array.from({ length: 5 }, () => c.next()), xs);
    assert.ok(xs.every((x) => x >= 0 && x < 1));
    assert.notDeepEqual(createRandom(42).fork('a').next(), createRandom(42).fork('b').next());
  });
});

describe('the data set', () => {
  it('is the same on every build, and builds well under a second', (t) => {
    const started = performance.now();
    const again = buildDataset(DATASET_SEED, DATASET_AS_OF);
    const ms = performance.now() - started;
    t.diagnostic(`build took ${ms.toFixed(0)} ms`);
    assert.ok(ms < 2000, `build took ${ms.toFixed(0)} ms`);
    assert.deepEqual(again, data);
    assert.equal(getDataset(), data, 'memoised');
    assert.notDeepEqual(buildDataset(DATASET_SEED + 1, DATASET_AS_OF).persons.map((p) => p.givenName), data.persons.map((p) => p.givenName));
  });

  it('has its fixed counts', () => {
    const counts = Object.fromEntries(
      Object.entries(data).flatMap(([k, v]) => (Array.isArray(v) ? [[k, v.length]] : [])),
    );
    assert.deepEqual(counts, {
      municipalities: 2,
      schools: 4,
      persons: 2233,
      households: 886,
      learners: 887,
      staff: 77,
      guardians: 1271,
      guardianRelations: 1610,
      groups: 48,
      memberships: 1092,
      terms: 4,
      subjects: 23,
      curriculumGoals: 363,
      courses: 585,
      timetable: 1165,
      assignments: 762,
      submissions: 14278,
      assessments: 8469,
      absences: 2752,
      studyRights: 887,
      threads: 124,
      materials: 21,
      xapi: 667,
    });
  });

  it('has at least 400 pupils in classes 1–9 of four schools in two municipalities, one of them Swedish', () => {
    assert.ok(data.learners.length >= 400);
    assert.deepEqual(data.municipalities.map((m) => [m.tenant, m.kuntakoodi]), [['vantaa', '092'], ['espoo', '049']]);
    assert.ok(data.schools.length >= 4);
    assert.ok(data.schools.some((s) => s.lang === 'sv'));
    assert.deepEqual([...new Set(data.groups.map((g) => g.classLevel))].sort(), [1, 2, 3, 4, 5, 6, 7, 8, 9]);
    for (const school of data.schools) {
      assert.ok(data.staff.filter((s) => s.schoolOid === school.oid && s.roles.includes('principal')).length === 1, `one principal at ${school.code}`);
    }
    const principal = data.staffById.get('t-malli');
    assert.deepEqual(principal?.roles, ['principal', 'teacher']);
    assert.equal(principal?.schoolOid, '1.2.246.562.99.00000000011');
  });

  it('names people plausibly and obviously as test data', () => {
    const streets = data.households.map((h) => h.address);
    assert.ok(streets.every((a) => /^99\d{3}$/.test(a.postalCode)));
    assert.ok(streets.every((a) => /(Testi|Koe|Esimerkki|Malli|Kokeilun|Demo|Prov|Test|Exempel)/.test(a.street)), 'fictional streets');
    assert.ok(data.persons.every((p) => p.givenName.length > 1 && p.familyName.length > 1));
    const emails = data.persons.flatMap((p) => (p.email === undefined ? [] : [p.email]));
    assert.ok(emails.every((e) => e.endsWith('@example.com')));
    assert.ok(data.staff.every((s) => s.email.endsWith('.sandbox.digione.fi')));
  });

  it('keys people, schools and study rights by unique OIDs of the test ranges', () => {
    const persons = data.persons.map((p) => p.oid);
    assert.ok(persons.every((oid) => TEST_PERSON.test(oid)));
    const orgs = [...data.municipalities.map((m) => m.oid), ...data.schools.flatMap((s) => [s.oid, s.officeOid])];
    assert.ok(orgs.every((oid) => TEST_ORG.test(oid)));
    const rights = data.studyRights.map((s) => s.oid);
    assert.ok(rights.every((oid) => TEST_STUDY_RIGHT.test(oid)));
    const all = [...persons, ...orgs, ...rights];
    assert.equal(new Set(all).size, all.length);
    assert.equal(new Set(data.schools.map((s) => s.code)).size, data.schools.length);
    assert.equal(new Set(data.staff.map((s) => s.id)).size, data.staff.length);
    for (const ids of [data.groups, data.courses, data.assignments, data.submissions, data.assessments, data.absences, data.threads, data.xapi, data.guardianRelations, data.households]) {
      const list = ids.map((x) => x.id);
      assert.equal(new Set(list).size, list.length);
    }
  });
});

describe('families', () => {
  const relationsOf = (oid: string) => data.guardiansOfLearner.get(oid) ?? [];

  it('give every pupil a guardian who may act for them', () => {
    for (const learner of data.learners) {
      const relations = relationsOf(learner.oid);
      assert.ok(relations.some((r) => r.kind === 'huoltaja' && r.mayAct), learner.oid);
      for (const r of relations) assert.ok(data.personByOid.get(r.guardianOid), r.id);
      assert.ok(data.guardians.some((g) => g.personOid === relations[0]?.guardianOid));
    }
  });

  it('include one- and two-guardian homes, split homes, and guardians with children in two schools and two municipalities', () => {
    const addressOf = (oid: string) => JSON.stringify(data.personByOid.get(oid)?.address);
    let together = 0;
    let split = 0;
    let single = 0;
    for (const learner of data.learners) {
      const guardians = relationsOf(learner.oid).filter((r) => r.kind === 'huoltaja');
      if (guardians.length === 1) single++;
      if (guardians.length === 2) {
        const [a, b] = guardians;
        if (a && b && addressOf(a.guardianOid) === addressOf(b.guardianOid)) together++;
        else split++;
      }
    }
    assert.ok(together > 100 && split > 50 && single > 50, `${together} together, ${split} split, ${single} single`);
    assert.ok(data.guardianRelations.some((r) => r.kind === 'oheishuoltaja'));
    const schoolsOf = (guardian: string) => new Set((data.childrenOfGuardian.get(guardian) ?? []).map((r) => data.learnerByOid.get(r.learnerOid)?.schoolOid));
    const tenantsOf = (guardian: string) => new Set([...schoolsOf(guardian)].map((oid) => data.schoolByOid.get(oid ?? '')?.tenant));
    const guardians = [...data.childrenOfGuardian.keys()];
    assert.ok(guardians.filter((g) => schoolsOf(g).size > 1).length >= 3, 'children in two schools');
    const crossing = guardians.filter((g) => tenantsOf(g).size > 1);
    assert.ok(crossing.length >= 2, 'children in two municipalities');
  });

  it('put at least one pupil under a non-disclosure order, with the household and guardians marked', () => {
    const protectedLearners = data.learners.filter((l) => l.turvakielto);
    assert.ok(protectedLearners.length >= 1);
    for (const learner of protectedLearners) {
      const person = data.personByOid.get(learner.oid);
      assert.equal(person?.turvakielto, true);
      assert.ok(data.nonDisclosure.has(learner.oid));
      assert.equal(data.households.find((h) => h.id === person?.householdId)?.turvakielto, true);
      for (const r of relationsOf(learner.oid)) assert.ok(data.nonDisclosure.has(r.guardianOid), 'guardians too');
      assert.equal(data.xapiByLearner.get(learner.oid), undefined, 'no xAPI trail names their course');
    }
    assert.ok(data.persons.filter((p) => !p.turvakielto).length > 2000, 'the order is the exception');
  });
});

describe('groups and timetables', () => {
  it('give every group a class teacher, pupils and courses with teachers', () => {
    for (const group of data.groups) {
      assert.ok(data.staffById.get(group.classTeacherId), `${group.id} class teacher`);
      const pupils = data.learnersByGroup.get(group.id) ?? [];
      assert.ok(pupils.length >= 10, `${group.id} has ${pupils.length} pupils`);
      const courses = data.coursesByGroup.get(group.id) ?? [];
      assert.ok(courses.length >= 9, group.id);
      for (const course of courses) assert.ok(data.staffById.get(course.teacherId)?.roles.includes('teacher'), course.id);
      assert.equal(data.schoolOfGroup.get(group.id), group.schoolOid);
    }
    for (const learner of data.learners) {
      assert.equal(data.memberships.filter((m) => m.personOid === learner.oid && m.role === 'learner').length, 1);
    }
  });

  it('never put a group, a teacher or a room in two places at once, and teach each course its weekly hours', () => {
    const seen = new Map<string, string>();
    for (const slot of data.timetable) {
      const when = `${slot.weekday}/${slot.slot}`;
      const school = data.schoolOfGroup.get(slot.groupId);
      for (const key of [`g:${slot.groupId}@${when}`, `t:${slot.teacherId}@${when}`, `r:${school}:${slot.room}@${when}`]) {
        assert.equal(seen.get(key), undefined, `${key}: ${slot.courseId} and ${seen.get(key)}`);
        seen.set(key, slot.courseId);
      }
      assert.ok(slot.weekday >= 1 && slot.weekday <= 5 && slot.slot >= 0 && slot.slot < 7);
      assert.equal(data.courseById.get(slot.courseId)?.teacherId, slot.teacherId);
    }
    for (const course of data.courses) {
      assert.equal(data.timetable.filter((s) => s.courseId === course.id).length, course.weeklyLessons, course.id);
    }
  });

  it('keep teaching loads realistic', () => {
    const loads = [...data.coursesByTeacher.values()].map((courses) => courses.reduce((n, c) => n + c.weeklyLessons, 0));
    assert.ok(loads.every((n) => n <= 28), `at most 28 lessons a week: ${Math.max(...loads)}`);
    const generated = [...data.coursesByTeacher].filter(([id]) => /^t-99\d{3}-/.test(id)).map(([, c]) => c.reduce((n, x) => n + x.weeklyLessons, 0));
    const mean = generated.reduce((a, b) => a + b, 0) / generated.length;
    assert.ok(mean >= 16, `generated teachers teach ${mean.toFixed(1)} lessons a week on average`);
  });
});

describe('assessment', () => {
  it('fits every value to its scale: verbal in grades 1–3, S/H for pass/fail subjects, 4–10 otherwise', () => {
    const goals = new Map(CURRICULUM_GOALS.map((g) => [g.id, g]));
    for (const a of data.assessments) {
      const course = data.courseById.get(a.courseId);
      const group = data.groupById.get(course?.groupId ?? '');
      const info = data.subjects.find((s) => s.key === a.subject);
      assert.ok(course && group && info, a.id);
      if (group.classLevel <= 3) assert.equal(a.value.scale, 'verbal', a.id);
      else if (info.passFail) assert.equal(a.value.scale, 'pass-fail', a.id);
      else assert.equal(a.value.scale, 'numeric', a.id);
      if (a.value.scale === 'numeric') assert.ok(Number.isInteger(a.value.grade) && a.value.grade >= 4 && a.value.grade <= 10, a.id);
      if (a.value.scale === 'pass-fail') assert.ok(a.value.grade === 'S' || a.value.grade === 'H', a.id);
      if (a.value.scale === 'verbal') assert.ok(a.value.text.length > 20, a.id);
      assert.ok(a.curriculumGoalIds.length > 0, a.id);
      for (const id of a.curriculumGoalIds) {
        const goal = goals.get(id);
        assert.equal(goal?.subjectCode, SUBJECTS[a.subject].code, id);
        assert.equal(goal?.band, bandOf(group.classLevel), id);
      }
      assert.ok(Date.parse(`${a.date}T00:00:00Z`) <= endOfAsOf, a.id);
      assert.equal(data.studyRightByLearner.has(a.learnerOid), true);
    }
    const scales = new Set(data.assessments.map((a) => a.value.scale));
    assert.deepEqual([...scales].sort(), ['numeric', 'pass-fail', 'verbal']);
  });

  it('links submissions to pupils of the assignment\'s group, and nothing is submitted after the data set\'s day', () => {
    for (const s of data.submissions) {
      const assignment = data.assignments.find((a) => a.id === s.assignmentId);
      assert.ok(assignment, s.id);
      assert.equal(data.learnerByOid.get(s.learnerOid)?.homeGroupId, assignment.groupId);
      if (s.submittedAt !== undefined) assert.ok(Date.parse(s.submittedAt) <= endOfAsOf, s.id);
      if (s.status === 'returned') assert.ok(s.points !== undefined && s.points <= assignment.maxPoints, s.id);
    }
    assert.deepEqual([...new Set(data.submissions.map((s) => s.status))].sort(), ['late', 'missing', 'open', 'returned', 'submitted']);
  });
});

describe('absences', () => {
  it('fall on school days of the autumn term up to the data set\'s day, on lessons the group has', () => {
    for (const a of data.absences) {
      const day = date(a.date);
      assert.ok(isSchoolDay(day) && a.date <= DATASET_AS_OF && a.date >= '2026-08-06', a.id);
      const learner = data.learnerByOid.get(a.learnerOid);
      assert.ok(learner, a.id);
      if (a.fromSlot !== undefined) {
        const slots = data.timetable.filter((s) => s.groupId === learner.homeGroupId && s.weekday === isoWeekday(day)).map((s) => s.slot);
        for (let slot = a.fromSlot; slot <= (a.toSlot ?? a.fromSlot); slot++) assert.ok(slots.includes(slot), `${a.id} slot ${slot}`);
      }
      assert.match(a.reportedAt, ISO_DATE_TIME);
      if (a.status === 'unexplained') assert.equal(a.resolvedBy, undefined, a.id);
      if (a.status === 'cleared') assert.ok(a.resolvedBy && a.source === 'teacher-mark', a.id);
      if (a.source === 'guardian-report') {
        const relation = data.guardiansOfLearner.get(a.learnerOid)?.find((r) => r.guardianOid === a.reportedBy);
        assert.ok(relation?.mayAct, `${a.id}: reported by a guardian who may act`);
      } else {
        assert.ok(data.staffByPerson.get(a.reportedBy)?.some((s) => s.roles.includes('teacher')), a.id);
      }
    }
    const kinds = new Set(data.absences.map((a) => `${a.source}/${a.status}`));
    assert.deepEqual([...kinds].sort(), ['guardian-report/explained', 'teacher-mark/cleared', 'teacher-mark/explained', 'teacher-mark/unexplained']);
  });
});

describe('KOSKI study rights', () => {
  it('have the perusopetus shape: tila history and year-level records up to the current class', () => {
    for (const right of data.studyRights) {
      const learner = data.learnerByOid.get(right.learnerOid);
      const school = data.schoolByOid.get(learner?.schoolOid ?? '');
      assert.ok(learner && school, right.oid);
      assert.equal(learner.studyRightOid, right.oid);
      assert.deepEqual(right.tyyppi, { koodiarvo: 'perusopetus', koodistoUri: 'opiskeluoikeudentyyppi' });
      assert.equal(right.oppilaitos.oid, school.oid);
      assert.equal(right.koulutustoimija.oid, school.providerOid);
      assert.match(right.alkamispäivä, ISO_DATE);
      const jaksot = right.tila.opiskeluoikeusjaksot;
      assert.equal(jaksot[0]?.alku, right.alkamispäivä);
      assert.ok(jaksot.every((j, i) => j.tila.koodistoUri === 'koskiopiskeluoikeudentila' && (i === 0 || (jaksot[i - 1]?.alku ?? '') < j.alku)));
      assert.equal(jaksot.at(-1)?.tila.koodiarvo, 'lasna');
      const current = right.suoritukset.at(-1);
      assert.equal(current?.luokka, data.groupById.get(learner.homeGroupId)?.name);
      assert.equal(current?.vahvistus, undefined, 'the current year is not verified yet');
      assert.equal(current?.koulutusmoduuli.tunniste.koodiarvo, String(learner.classLevel));
      for (const s of right.suoritukset.slice(0, -1)) {
        assert.ok(s.vahvistus && s.vahvistus.myöntäjäOrganisaatio.oid === school.oid, right.oid);
        assert.equal(s.tyyppi.koodiarvo, 'perusopetuksenvuosiluokka');
        assert.equal(s.koulutusmoduuli.perusteenDiaarinumero, '104/011/2014');
      }
      const lastYear = right.suoritukset.at(-2);
      if (lastYear && Number(lastYear.koulutusmoduuli.tunniste.koodiarvo) === learner.classLevel - 1) {
        assert.ok(lastYear.osasuoritukset && lastYear.osasuoritukset.length >= 9, right.oid);
        for (const o of lastYear.osasuoritukset) {
          const arvosana = o.arviointi?.[0]?.arvosana;
          assert.equal(arvosana?.koodistoUri, 'arviointiasteikkoyleissivistava');
          assert.match(arvosana?.koodiarvo ?? '', /^(4|5|6|7|8|9|10|S|H)$/);
        }
      }
    }
    assert.ok(data.studyRights.some((r) => r.tila.opiskeluoikeusjaksot.some((j) => j.tila.koodiarvo === 'valiaikaisestikeskeytynyt')));
  });
});

describe('messages and xAPI', () => {
  it('write threads in the school\'s language, before the data set\'s day ends', () => {
    for (const thread of data.threads) {
      assert.equal(thread.lang, data.schoolByOid.get(thread.schoolOid)?.lang);
      assert.ok(thread.messages.length > 0);
      for (const m of thread.messages) {
        assert.ok(thread.participantOids.includes(m.senderOid), m.id);
        assert.ok(Date.parse(m.sentAt) <= endOfAsOf, m.id);
      }
    }
    assert.ok(data.threads.some((t) => t.lang === 'sv') && data.threads.some((t) => t.kind === 'group'));
  });

  it('record learners\' activity as xAPI statements with learner accounts and scaled scores', () => {
    assert.ok(data.xapi.length >= 200);
    const verbs = new Set<string>(Object.values(XAPI_VERB));
    for (const s of data.xapi) {
      assert.equal(s.actor.account.homePage, XAPI_LEARNER_HOMEPAGE);
      assert.ok(data.learnerByOid.has(s.actor.account.name));
      assert.ok(verbs.has(s.verb.id), s.verb.id);
      assert.ok(s.object.id.startsWith(`${MATERIALS_BASE}/`));
      assert.match(s.id, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      const scaled = s.result?.score?.scaled;
      if (scaled !== undefined) assert.ok(scaled >= 0 && scaled <= 1);
      assert.ok(Date.parse(s.timestamp) <= endOfAsOf);
    }
    assert.ok(data.xapi.some((s) => s.result?.score !== undefined));
    assert.ok(data.xapiByLearner.get(LEARNERS[0]?.oid ?? '')?.length, 'the pupil persona has activity');
  });
});

describe('personas', () => {
  it('keep exactly their claims, records and summaries', async () => {
    const snapshot = JSON.parse(await readFile(new URL('./personas.snapshot.json', import.meta.url), 'utf8')) as {
      claims: Record<string, unknown>;
      records: unknown;
      personas: unknown;
    };
    const json = (value: unknown): unknown => JSON.parse(JSON.stringify(value));
    assert.deepEqual(json(Object.fromEntries(PERSONA_RECORDS.map((p) => [p.username, claimsOf(p)]))), snapshot.claims);
    assert.deepEqual(json(PERSONA_RECORDS), snapshot.records);
    assert.deepEqual(json(PERSONAS), snapshot.personas);
  });

  it('live inside the data set with their names, schools, groups and mandates', () => {
    // The contract personas, and the identity personas that gen-identity.ts puts in the registers.
    const registered = SIGN_IN_PERSONA_RECORDS.filter((p) => PERSONA_RECORDS.includes(p) || REGISTERED_IDENTITY_PERSONAS.includes(p.username));
    assert.deepEqual([...data.personaPersonOid.keys()].sort(), registered.map((p) => p.username).sort());
    for (const persona of registered) {
      const person = data.personByOid.get(data.personaPersonOid.get(persona.username) ?? '');
      assert.equal(`${person?.givenName} ${person?.familyName}`, `${persona.givenName} ${persona.familyName}`, persona.username);
      if (persona.teacherId !== undefined) {
        assert.equal(data.staffById.get(persona.teacherId)?.personOid, person?.oid);
        const taught = [...new Set((data.coursesByTeacher.get(persona.teacherId) ?? []).map((c) => data.groupById.get(c.groupId)?.name))].sort();
        const claimed = persona.roles.filter((r) => r.roleCode === '2').map((r) => r.group).sort();
        if (claimed.length > 0) assert.deepEqual(taught, claimed, `${persona.username} teaches exactly the groups of the claims`);
      }
      for (const mandate of persona.mandates) {
        const relation = data.guardiansOfLearner.get(mandate.learnerOid)?.find((r) => r.guardianOid === person?.oid);
        assert.equal(relation?.mayAct, mandate.status === 'ALLOWED', `${persona.username} → ${mandate.learnerOid}`);
      }
    }
    for (const record of LEARNERS) {
      const learner = data.learnerByOid.get(record.oid);
      assert.equal(learner?.schoolOid, record.schoolOid);
      assert.equal(data.groupById.get(learner?.homeGroupId ?? '')?.name, record.group);
      assert.equal(String(learner?.classLevel), record.classLevel);
    }
  });
});
