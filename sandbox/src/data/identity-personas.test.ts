/**
 * The identity personas' register data (gen-identity.ts): the substitute teacher in two schools and the guardian
 * with children in two municipalities are in the registers, and the platform API, with their real tokens from the
 * provider's sign-in, answers them with their own data, and refuses them everyone else's.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { MessageThread, ScheduleEvent } from '../../../sdk/src/api-types.ts';
import { startHarness, type Harness } from '../api/harness.ts';
import { getDataset } from './dataset.ts';
import { SUBSTITUTE_COVER } from './gen-identity.ts';
import { LEARNER_OID, personaByUsername } from './people.ts';
import { SCHOOL_OID } from './schools.ts';

const data = getDataset();
/** A school week of the data set (Monday 23 – Friday 27 November 2026). */
const WEEK = 'from=2026-11-23&to=2026-11-27';

let h: Harness;
before(async () => {
  h = await startHarness();
});
after(async () => {
  await h.close();
});

async function get<T>(path: string, as: string): Promise<T> {
  const answer = await h.request<T>(path, { as });
  assert.equal(answer.status, 200, `${as} ${path}: ${answer.text}`);
  return answer.body;
}

async function status(path: string, as: string): Promise<number> {
  return (await h.request(path, { as })).status;
}

const nameOf = (oid: string): string => {
  const person = data.personByOid.get(oid);
  return `${person?.givenName} ${person?.familyName}`;
};

/** The names of the teachers of a group's courses. */
function teachersOf(groupId: string): Set<string> {
  return new Set((data.coursesByGroup.get(groupId) ?? []).map((c) => nameOf(data.staffById.get(c.teacherId)?.personOid ?? '')));
}

describe('the substitute teacher', () => {
  const personOid = data.personaPersonOid.get('substitute') ?? '';
  const positions = data.staffByPerson.get(personOid) ?? [];

  it('is one person with a teaching position, under their MPASSid uid, in each of their two schools', () => {
    assert.equal(nameOf(personOid), 'Ville Sijainen');
    assert.deepEqual(positions.map((s) => s.schoolOid), [SCHOOL_OID.testimaki, SCHOOL_OID.testbacken]);
    for (const staff of positions) {
      assert.equal(staff.mpassUid, personaByUsername('substitute')?.mpassUid);
      assert.deepEqual(staff.roles, ['teacher']);
      assert.deepEqual(
        (data.coursesByTeacher.get(staff.id) ?? []).map((c) => c.id),
        SUBSTITUTE_COVER[staff.schoolOid ?? ''],
        `${staff.id} teaches what they cover`,
      );
    }
  });

  it('covers no persona pupil\'s group, and is never in two schools at once', () => {
    const personaGroups = new Set([...Object.values(LEARNER_OID)].map((oid) => data.learnerByOid.get(oid)?.homeGroupId));
    const slots = data.timetable.filter((s) => positions.some((p) => p.id === s.teacherId));
    assert.equal(slots.length, 12, 'twelve lessons a week');
    assert.ok(slots.every((s) => !personaGroups.has(s.groupId)));
    const times = slots.map((s) => `${s.weekday}/${s.slot}`);
    assert.equal(new Set(times).size, times.length, times.join(' '));
  });

  it('reads their lessons in both schools, their own inbox and both schools\' bulletins', async () => {
    const { events } = await get<{ events: ScheduleEvent[] }>(`/v1/schedule?${WEEK}`, 'substitute');
    assert.equal(events.length, 12);
    assert.ok(events.every((e) => e.teacher === 'Ville Sijainen'));
    const rooms = (schoolOid: string): Set<string> =>
      new Set(data.timetable.filter((s) => data.schoolOfGroup.get(s.groupId) === schoolOid).map((s) => s.room));
    const testimaki = events.filter((e) => e.group === '9B' && rooms(SCHOOL_OID.testimaki).has(e.room));
    const testbacken = events.filter((e) => e.group === '8A' && rooms(SCHOOL_OID.testbacken).has(e.room));
    assert.equal(testimaki.length, 7, 'seven lessons of 9B at Testimäki');
    assert.equal(testbacken.length, 5, 'five lessons of 8A at Testbacken');
    assert.deepEqual([...new Set(events.map((e) => e.subject.code))].sort(), ['FY', 'KE', 'MA']);

    const { threads } = await get<{ threads: MessageThread[] }>('/v1/messages', 'substitute');
    assert.deepEqual(threads.map((t) => t.id), ['msg-sub-1', 'msg-sub-2', 'msg-sub-3']);
    const { items } = await get<{ items: { school: string }[] }>('/v1/bulletin', 'substitute');
    assert.deepEqual([...new Set(items.map((i) => i.school))].sort(), ['Testbackens svenska skola', 'Testimäen yhtenäiskoulu']);
  });

  it('reads the pupils of the groups they cover, in either school, and no one else', async () => {
    const [ninthB] = data.learnersByGroup.get('99001-9B') ?? [];
    const [eighthA] = data.learnersByGroup.get('99002-8A') ?? [];
    const [ninthA] = data.learnersByGroup.get('99001-9A') ?? [];
    assert.ok(ninthB && eighthA && ninthA);
    assert.equal(await status(`/v1/learners/${ninthB}`, 'substitute'), 200);
    assert.equal(await status(`/v1/learners/${eighthA}`, 'substitute'), 200);
    assert.equal(await status(`/v1/learners/${ninthA}`, 'substitute'), 403, 'a group they do not teach');
    assert.equal(await status(`/v1/learners/${LEARNER_OID.elias}`, 'substitute'), 403, 'another group of Testbacken');
    assert.equal(await status(`/v1/learners/${LEARNER_OID.ella}`, 'substitute'), 403, 'another municipality');
  });
});

describe('the guardian with children in two municipalities', () => {
  const personOid = data.personaPersonOid.get('guardian-two-cities') ?? '';

  it('is a registered guardian of exactly Oona (Vantaa) and Ella (Espoo), who may act for both', () => {
    assert.equal(nameOf(personOid), 'Mikko Kaupunki');
    assert.deepEqual(data.guardians.find((g) => g.personOid === personOid), { personOid, sub: 'sandbox-guardian-two-cities' });
    const relations = data.childrenOfGuardian.get(personOid) ?? [];
    assert.deepEqual(relations.map((r) => [r.learnerOid, r.kind, r.mayAct]), [
      [LEARNER_OID.oona, 'huoltaja', true],
      [LEARNER_OID.ella, 'huoltaja', true],
    ]);
    const tenants = relations.map((r) => data.schoolByOid.get(data.learnerByOid.get(r.learnerOid)?.schoolOid ?? '')?.tenant);
    assert.deepEqual(tenants, ['vantaa', 'espoo']);
  });

  it('reads each child\'s own schedule and messages, and no other child at all', async () => {
    const me = await get<{ personOid?: string }>('/v1/me', 'guardian-two-cities');
    assert.equal(me.personOid, personOid, 'the API knows the guardian from the register');
    const children = [
      { oid: LEARNER_OID.oona, group: '3B', groupId: '99001-3B', threads: ['msg-gtc-1', 'msg-gtc-2'] },
      { oid: LEARNER_OID.ella, group: '7C', groupId: '99101-7C', threads: ['msg-gtc-3', 'msg-gtc-4'] },
    ];
    for (const child of children) {
      const { events } = await get<{ events: ScheduleEvent[] }>(`/v1/schedule?${WEEK}&learner=${child.oid}`, 'guardian-two-cities');
      assert.ok(events.length >= 20, `${child.group}: ${events.length} lessons`);
      assert.ok(events.every((e) => e.group === child.group && teachersOf(child.groupId).has(e.teacher)), child.group);
      const { threads } = await get<{ threads: MessageThread[] }>(`/v1/messages?learner=${child.oid}`, 'guardian-two-cities');
      assert.deepEqual(threads.map((t) => t.id), child.threads);
      assert.equal(await status(`/v1/learners/${child.oid}`, 'guardian-two-cities'), 200);
      assert.equal(await status(`/v1/assignments?learner=${child.oid}`, 'guardian-two-cities'), 200);
    }
    for (const other of [LEARNER_OID.veeti, LEARNER_OID.aino, LEARNER_OID.elias]) {
      assert.equal(await status(`/v1/learners/${other}`, 'guardian-two-cities'), 403, other);
      assert.equal(await status(`/v1/schedule?${WEEK}&learner=${other}`, 'guardian-two-cities'), 403, other);
    }
  });
});
