import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, it } from 'node:test';
import { CLAIM, parseMpassRole, toPlatformUser, type TenantConfig } from '@digione/sdk/identity';
import { PERSONAS } from '../index.ts';
import { bulletinFor } from './bulletin.ts';
import { helsinkiOffset, isSchoolDay, parseIsoDate, schoolYearStarting } from './calendar.ts';
import { claimsOf } from './claims.ts';
import { threadsFor } from './messages.ts';
import { LEARNERS, PERSONA_RECORDS, learnerByOid } from './people.ts';
import { SCHOOLS } from './schools.ts';
import { SUBJECTS } from './subjects.ts';
import { SANDBOX_TENANTS, VANTAA_ADMIN_UID } from './tenants.ts';
import { lessonsBetween, templateLessons, TIMETABLES } from './timetable.ts';

const TEST_ORG = /^1\.2\.246\.562\.99\.\d{11}$/;
const TEST_LEARNER = /^1\.2\.246\.562\.98\.\d{11}$/;

function date(iso: string): Date {
  const d = parseIsoDate(iso);
  assert.ok(d, iso);
  return d;
}

describe('tenants and schools', () => {
  it('are the two test municipalities with their schools', () => {
    assert.deepEqual(
      SANDBOX_TENANTS.map((t) => [t.id, t.providerOid, t.name.fi, t.name.sv, t.name.en]),
      [
        ['vantaa', '1.2.246.562.99.00000000001', 'Vantaa', 'Vanda', 'Vantaa'],
        ['espoo', '1.2.246.562.99.00000000002', 'Espoo', 'Esbo', 'Espoo'],
      ],
    );
    for (const school of SCHOOLS) {
      assert.match(school.code, /^99\d{3}$/);
      assert.match(school.oid, TEST_ORG);
      assert.match(school.officeOid, TEST_ORG);
      assert.equal(SANDBOX_TENANTS.find((t) => t.id === school.tenant)?.providerOid, school.providerOid);
    }
    const vantaa = SCHOOLS.filter((s) => s.tenant === 'vantaa').map((s) => s.lang).sort();
    assert.deepEqual(vantaa, ['fi', 'sv']);
    assert.deepEqual(SCHOOLS.filter((s) => s.tenant === 'espoo').map((s) => s.code), ['99101', '99102']);
    assert.equal(new Set(SCHOOLS.map((s) => s.code)).size, SCHOOLS.length);
  });

  it('agree with manifests/tenants/*.json where those files exist', async (t) => {
    for (const tenant of SANDBOX_TENANTS) {
      const url = new URL(`../../../manifests/tenants/${tenant.id}.json`, import.meta.url);
      let text: string;
      try {
        text = await readFile(url, 'utf8');
      } catch {
        t.diagnostic(`${url.pathname} not written yet`);
        continue;
      }
      const file = JSON.parse(text) as TenantConfig;
      assert.deepEqual(file, tenant, `${tenant.id}: the sandbox default and the manifest file differ`);
      if (tenant.id === 'vantaa') assert.ok(file.admins.includes(VANTAA_ADMIN_UID), 'the admin persona is a Vantaa admin');
    }
  });
});

describe('people', () => {
  it('are the contract personas, password sandbox', () => {
    assert.deepEqual(
      PERSONAS.map((p) => [p.username, p.tenant]),
      [
        ['pupil', 'vantaa'],
        ['guardian', 'vantaa'],
        ['teacher', 'vantaa'],
        ['principal', 'vantaa'],
        ['admin', 'vantaa'],
        ['teacher-guardian', 'vantaa'],
        ['espoo-teacher', 'espoo'],
      ],
    );
    assert.ok(PERSONAS.every((p) => p.password === 'sandbox'));
    assert.equal(new Set(PERSONA_RECORDS.map((p) => p.sub)).size, PERSONA_RECORDS.length);
  });

  it('have learner OIDs in the test range and timetables for their classes', () => {
    for (const learner of LEARNERS) {
      assert.match(learner.oid, TEST_LEARNER);
      assert.ok(TIMETABLES.some((t) => t.schoolOid === learner.schoolOid && t.group === learner.group), learner.oid);
    }
  });

  it('have claims of the MPASSid and Suomi.fi shapes that map to their roles', () => {
    const expected: Record<string, string[]> = {
      pupil: ['pupil'],
      guardian: ['guardian'],
      teacher: ['teacher'],
      principal: ['principal'],
      admin: ['admin'],
      'teacher-guardian': ['guardian', 'teacher'],
      'espoo-teacher': ['teacher'],
    };
    for (const persona of PERSONA_RECORDS) {
      const claims = claimsOf(persona);
      const user = toPlatformUser(claims, SANDBOX_TENANTS);
      assert.deepEqual(user.roleNames, expected[persona.username], persona.username);
      assert.deepEqual(user.tenants, [persona.tenant], persona.username);
      const roles = claims[CLAIM.role];
      for (const value of Array.isArray(roles) ? roles : []) {
        const role = parseMpassRole(value);
        assert.ok(role, value);
        assert.match(role.providerOid, TEST_ORG);
        if (role.schoolOid) {
          const school = SCHOOLS.find((s) => s.oid === role.schoolOid);
          assert.equal(school?.code, role.schoolCode);
          assert.equal(school?.officeOid, role.officeOid);
          const info = claims[CLAIM.schoolInfo];
          assert.ok(Array.isArray(info) && info.includes(`${school.code};${school.name}`) && info.includes(`${school.oid};${school.name}`));
        }
      }
      for (const mandate of claims[CLAIM.mandates] ?? []) {
        assert.match(mandate.principal, TEST_LEARNER);
        assert.ok(learnerByOid(mandate.principal));
      }
      if (persona.idp === 'suomifi') assert.equal(claims[CLAIM.role], undefined);
    }
    const guardian = PERSONA_RECORDS.find((p) => p.username === 'guardian');
    assert.ok(guardian);
    const children = toPlatformUser(claimsOf(guardian), SANDBOX_TENANTS).children;
    const pupilOid = PERSONA_RECORDS.find((p) => p.username === 'pupil')?.learnerOid;
    assert.equal(children.length, 2);
    assert.ok(children.some((c) => c.learnerOid === pupilOid), 'one child is the pupil persona');
  });
});

describe('timetables', () => {
  it('never put a teacher or a room in two places at once', () => {
    const teachers = new Map<string, string>();
    const rooms = new Map<string, string>();
    for (const timetable of TIMETABLES) {
      for (const lesson of templateLessons(timetable)) {
        const when = `${lesson.weekday}/${lesson.slot}`;
        const what = `${timetable.group} ${lesson.subject}`;
        const teacherKey = `${lesson.teacherId}@${when}`;
        assert.equal(teachers.get(teacherKey), undefined, `${teacherKey}: ${what}`);
        teachers.set(teacherKey, what);
        const roomKey = `${timetable.schoolOid}:${lesson.room}@${when}`;
        assert.equal(rooms.get(roomKey), undefined, `${roomKey}: ${what}`);
        rooms.set(roomKey, what);
      }
    }
  });

  it('use KOSKI subject codes with names in fi, sv and en', () => {
    for (const [key, subject] of Object.entries(SUBJECTS)) {
      // A local optional subject has the school's own code; the others are koskioppiaineetyleissivistava codes.
      assert.match(subject.code, key.startsWith('VAL-') ? /^[A-Z]{3}$/ : /^[A-Z][A-Z0-9]$/);
      assert.ok(subject.name.fi && subject.name.sv && subject.name.en);
    }
  });

  it('are the same on every call, for any range', () => {
    const filter = { kind: 'group', schoolOid: '1.2.246.562.99.00000000011', group: '7A' } as const;
    const a = lessonsBetween(date('2026-08-01'), date('2027-07-31'), filter);
    const b = lessonsBetween(date('2026-08-01'), date('2027-07-31'), filter);
    assert.deepEqual(a, b);
    assert.equal(new Set(a.map((e) => e.id)).size, a.length, 'ids are unique');
    const schoolDays = new Set(a.map((e) => e.start.slice(0, 10))).size;
    assert.ok(schoolDays > 180 && schoolDays < 195, `${schoolDays} school days`);
    assert.deepEqual(lessonsBetween(date('2031-03-03'), date('2031-03-03'), filter).length, 6, 'a Monday years ahead');
  });
});

describe('calendar', () => {
  it('follows the Finnish school year with its breaks and holidays', () => {
    const year = schoolYearStarting(2026);
    assert.equal(year.id, '2026-2027');
    assert.equal(year.first.toISOString().slice(0, 10), '2026-08-06');
    assert.equal(year.last.toISOString().slice(0, 10), '2027-06-05');
    const off = ['2026-08-05', '2026-10-12', '2026-10-16', '2026-12-22', '2027-01-06', '2027-02-22', '2027-03-26', '2027-03-29', '2027-05-06', '2027-06-07'];
    for (const d of off) assert.equal(isSchoolDay(date(d)), false, d);
    const on = ['2026-08-06', '2026-10-19', '2026-12-21', '2027-01-07', '2027-03-25', '2027-03-30', '2027-06-04'];
    for (const d of on) assert.equal(isSchoolDay(date(d)), true, d);
  });

  it('parses only real dates and knows Helsinki summer time', () => {
    assert.equal(parseIsoDate('2025-02-29'), undefined);
    assert.ok(parseIsoDate('2028-02-29'));
    assert.equal(parseIsoDate('2026-1-5'), undefined);
    assert.equal(helsinkiOffset(date('2027-03-26')), '+02:00');
    assert.equal(helsinkiOffset(date('2027-03-29')), '+03:00');
    assert.equal(helsinkiOffset(date('2026-10-26')), '+02:00');
  });
});

describe('messages and bulletins', () => {
  it('are fixed for a given clock and written in the school\'s language', () => {
    const now = new Date('2026-11-30T10:00:00Z');
    assert.deepEqual(threadsFor('sandbox-pupil', undefined, now), threadsFor('sandbox-pupil', undefined, now));
    const items = bulletinFor(SCHOOLS.map((s) => s.oid), now);
    for (const item of items) {
      assert.equal(item.lang, SCHOOLS.find((s) => s.name === item.school)?.lang);
      assert.ok(Date.parse(item.publishedAt) < now.getTime());
    }
    assert.ok(SCHOOLS.every((s) => items.some((i) => i.school === s.name)), 'every school has announcements');
    for (const persona of PERSONA_RECORDS) {
      assert.ok(threadsFor(persona.sub, undefined, now).length > 0, persona.username);
    }
  });
});
