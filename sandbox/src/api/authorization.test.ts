/**
 * Authorisation per role and relation, with real persona tokens (and, for generated users the provider does not
 * sign in, tokens signed by the harness's test key): every refusal is a 403 problem document and an audit entry
 * with outcome `denied`; a learner under a non-disclosure order stays hidden from everyone not authorised.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CLAIM, type IdentityClaims } from '@digione/sdk/identity';
import { getDataset } from '../data/dataset.ts';
import type { Learner } from '../data/model.ts';
import { LEARNER_OID } from '../data/people.ts';
import { SCHOOL_OID } from '../data/schools.ts';
import { PROVIDER_OID } from '../data/tenants.ts';
import type { AuditEntry } from './audit.ts';
import { startHarness, type Answer, type Harness, type RequestOptions } from './harness.ts';

const data = getDataset();
let h: Harness;
before(async () => {
  h = await startHarness();
});
after(async () => {
  await h.close();
});

const SUB = {
  pupil: 'sandbox-pupil',
  guardian: 'sandbox-guardian',
  teacher: 'sandbox-teacher',
  principal: 'sandbox-principal',
  admin: 'sandbox-admin',
  'teacher-guardian': 'sandbox-teacher-guardian',
  'espoo-teacher': 'sandbox-espoo-teacher',
} as const;

/** Requests `path` and returns the answer with the audit entries it added. */
async function call(path: string, options: RequestOptions): Promise<Answer & { audit: AuditEntry[] }> {
  const before = h.api.audit.length;
  const answer = await h.request(path, options);
  return { ...answer, audit: h.api.audit.slice(before) };
}

/** Asserts a 403 problem document and a `denied` audit entry naming the caller and the route. */
async function assertRefused(path: string, as: keyof typeof SUB, route: string, extra: RequestOptions = {}): Promise<Answer & { audit: AuditEntry[] }> {
  const answer = await call(path, { as, headers: { 'x-digione-widget': 'test.widget' }, ...extra });
  assert.equal(answer.status, 403, `${as} ${path}: ${answer.text.slice(0, 300)}`);
  assert.match(answer.headers.get('content-type') ?? '', /^application\/problem\+json/);
  const body = answer.body as { code: string; type: string };
  assert.equal(body.code, 'forbidden');
  assert.equal(body.type, 'https://schemas.digione.fi/problems/forbidden');
  const entry = answer.audit.at(-1);
  assert.ok(entry, `${as} ${path}: the refusal is audited`);
  assert.equal(entry.outcome, 'denied');
  assert.equal(entry.status, 403);
  assert.equal(entry.who, SUB[as]);
  assert.equal(entry.what.route, route);
  assert.equal(entry.widget, 'test.widget');
  return answer;
}

async function assertAllowed(path: string, as: keyof typeof SUB | `token:${string}`): Promise<Answer & { audit: AuditEntry[] }> {
  const answer = await call(path, { as });
  assert.equal(answer.status, 200, `${as} ${path}: ${answer.text.slice(0, 300)}`);
  return answer;
}

function groupIn(schoolOid: string): string {
  const group = data.groupsBySchool.get(schoolOid)?.[0];
  assert.ok(group, `a group in ${schoolOid}`);
  return group;
}

function learnerNotTaughtBy(staffId: string, schoolOid: string): Learner {
  const taught = new Set(data.groupsByTeacher.get(staffId) ?? []);
  const learner = data.learners.find((l) => l.schoolOid === schoolOid && !taught.has(l.homeGroupId) && !l.turvakielto);
  assert.ok(learner);
  return learner;
}

describe('a pupil', () => {
  it('reads their own data and nobody else\'s', async () => {
    const own = await assertAllowed(`/v1/learners/${LEARNER_OID.veeti}`, 'pupil');
    assert.equal((own.body as { oid: string }).oid, LEARNER_OID.veeti);
    assert.equal(own.audit[0]?.actingFor, undefined);
    await assertRefused(`/v1/learners/${LEARNER_OID.aino}`, 'pupil', '/v1/learners/{oid}');
    await assertRefused(`/v1/assessments?learner=${LEARNER_OID.aino}`, 'pupil', '/v1/assessments');
    await assertRefused(`/v1/study-rights?learner=${LEARNER_OID.aino}`, 'pupil', '/v1/study-rights');
    await assertRefused(`/v1/absences?group=${data.learnerByOid.get(LEARNER_OID.veeti)?.homeGroupId ?? ''}`, 'pupil', '/v1/absences');
  });

  it('sees their classmates\' names but cannot write an absence', async () => {
    const veeti = data.learnerByOid.get(LEARNER_OID.veeti);
    assert.ok(veeti);
    const members = await assertAllowed(`/v1/groups/${veeti.homeGroupId}/members?limit=100`, 'pupil');
    const items = (members.body as { items: Record<string, unknown>[] }).items;
    assert.ok(items.some((m) => m.learnerOid === LEARNER_OID.veeti));
    assert.ok(items.every((m) => !('nonDisclosure' in m) && !('address' in m)));
    await assertRefused('/v1/absences', 'pupil', 'POST /v1/absences', { method: 'POST', body: { learner: LEARNER_OID.veeti, date: '2026-12-01', reason: 'illness' } });
  });
});

describe('a guardian', () => {
  it('reads their ALLOWED children, acting for them (audited with actingFor)', async () => {
    for (const child of [LEARNER_OID.veeti, LEARNER_OID.aino]) {
      const answer = await assertAllowed(`/v1/assessments?learner=${child}`, 'guardian');
      assert.equal(answer.audit[0]?.actingFor, child);
      assert.equal(answer.audit[0]?.outcome, 'allowed');
    }
  });

  it('is refused another family\'s child, in the tenant and across it', async () => {
    await assertRefused(`/v1/learners/${LEARNER_OID.elias}`, 'guardian', '/v1/learners/{oid}');
    await assertRefused(`/v1/study-rights?learner=${LEARNER_OID.ella}`, 'guardian', '/v1/study-rights');
    const refused = await assertRefused(`/v1/learners/${LEARNER_OID.oona}/guardians`, 'guardian', '/v1/learners/{oid}/guardians');
    assert.equal(refused.audit.at(-1)?.subject, LEARNER_OID.oona);
  });

  it('is refused a child whose mandate is DISALLOWED (teacher-guardian and Oona)', async () => {
    await assertRefused(`/v1/learners/${LEARNER_OID.oona}`, 'teacher-guardian', '/v1/learners/{oid}');
    await assertRefused(`/v1/absences?learner=${LEARNER_OID.oona}`, 'teacher-guardian', '/v1/absences');
    await assertRefused('/v1/absences', 'teacher-guardian', 'POST /v1/absences', { method: 'POST', body: { learner: LEARNER_OID.oona, date: '2026-12-01', reason: 'illness' } });
    await assertAllowed(`/v1/learners/${LEARNER_OID.elias}`, 'teacher-guardian');
  });

  it('must name the child on lists of learner records', async () => {
    const answer = await call('/v1/assessments', { as: 'guardian' });
    assert.equal(answer.status, 400);
    assert.equal((answer.body as { code: string }).code, 'learner-required');
  });

  it('sees the other guardian\'s address only when it is their own (split household)', async () => {
    const marja = data.personaPersonOid.get('teacher-guardian');
    const relations = await assertAllowed(`/v1/learners/${LEARNER_OID.elias}/guardians`, 'teacher-guardian');
    const items = (relations.body as { items: { guardian: { oid: string }; address?: unknown; livesWithLearner: boolean }[] }).items;
    assert.equal(items.length, 2);
    const own = items.find((r) => r.guardian.oid === marja);
    const other = items.find((r) => r.guardian.oid !== marja);
    assert.ok(own?.address, 'her own address');
    assert.ok(other, 'the other guardian is listed');
    assert.equal(other.address, undefined, 'the other household\'s address is hidden');
    const mikael = data.personByOid.get(other.guardian.oid);
    assert.ok(mikael?.address && !relations.text.includes(mikael.address.street));

    const together = await assertAllowed(`/v1/learners/${LEARNER_OID.veeti}/guardians`, 'guardian');
    const both = (together.body as { items: { address?: unknown }[] }).items;
    assert.equal(both.length, 2);
    assert.ok(both.every((r) => r.address), 'one household: both addresses are her own');
  });
});

describe('a teacher', () => {
  it('reads the learners of the groups they teach', async () => {
    const group = data.groupsByTeacher.get('t-esimerkki')?.[0];
    assert.ok(group);
    const learner = data.learnersByGroup.get(group)?.[0];
    assert.ok(learner);
    const answer = await assertAllowed(`/v1/learners/${learner}`, 'teacher');
    assert.equal(answer.audit[0]?.subject, learner);
    assert.equal(answer.audit[0]?.actingFor, undefined);
    await assertAllowed(`/v1/absences?group=${group}`, 'teacher');
    await assertAllowed(`/v1/groups/${group}/members`, 'teacher');
  });

  it('is refused learners of groups they do not teach, and another school\'s groups', async () => {
    const other = learnerNotTaughtBy('t-esimerkki', SCHOOL_OID.testimaki);
    await assertRefused(`/v1/learners/${other.oid}`, 'teacher', '/v1/learners/{oid}');
    await assertRefused(`/v1/groups/${other.homeGroupId}/members`, 'teacher', '/v1/groups/{id}/members');
    await assertRefused(`/v1/groups/${groupIn(SCHOOL_OID.testbacken)}`, 'teacher', '/v1/groups/{id}');
    await assertRefused(`/v1/groups/${groupIn(SCHOOL_OID.testbacken)}/members`, 'teacher', '/v1/groups/{id}/members');
    await assertRefused(`/v1/assessments?group=${groupIn(SCHOOL_OID.testbacken)}`, 'teacher', '/v1/assessments');
  });

  it('of another tenant reads nothing of Vantaa\'s', async () => {
    await assertRefused(`/v1/learners/${LEARNER_OID.veeti}`, 'espoo-teacher', '/v1/learners/{oid}');
    await assertRefused(`/v1/organisations/${SCHOOL_OID.testimaki}`, 'espoo-teacher', '/v1/organisations/{oid}');
    await assertRefused(`/v1/schools/${SCHOOL_OID.testimaki}/groups`, 'espoo-teacher', '/v1/schools/{oid}/groups');
    await assertRefused(`/v1/groups/${groupIn(SCHOOL_OID.testimaki)}`, 'espoo-teacher', '/v1/groups/{id}');
    await assertRefused('/v1/staff/t-esimerkki', 'espoo-teacher', '/v1/staff/{oid}');
    await assertRefused(`/v1/assessments?learner=${LEARNER_OID.veeti}`, 'espoo-teacher', '/v1/assessments');
    const orgs = await assertAllowed('/v1/organisations', 'espoo-teacher');
    assert.ok((orgs.body as { items: { tenant: string }[] }).items.every((o) => o.tenant === 'espoo'));
  });
});

describe('a principal', () => {
  it('reads every learner of their school', async () => {
    const other = learnerNotTaughtBy('t-malli', SCHOOL_OID.testimaki);
    await assertAllowed(`/v1/learners/${other.oid}`, 'principal');
    await assertAllowed(`/v1/absences?group=${other.homeGroupId}`, 'principal');
    const all = await assertAllowed('/v1/absences?limit=100', 'principal');
    const school = new Set(data.learners.filter((l) => l.schoolOid === SCHOOL_OID.testimaki).map((l) => l.oid));
    assert.ok((all.body as { items: { learnerOid: string }[] }).items.every((a) => school.has(a.learnerOid)));
  });

  it('is refused another school\'s learners and groups', async () => {
    await assertRefused(`/v1/learners/${LEARNER_OID.elias}`, 'principal', '/v1/learners/{oid}');
    await assertRefused(`/v1/groups/${groupIn(SCHOOL_OID.testbacken)}/members`, 'principal', '/v1/groups/{id}/members');
    await assertRefused(`/v1/learners/${LEARNER_OID.ella}`, 'principal', '/v1/learners/{oid}');
  });
});

describe('an admin', () => {
  it('reads the tenant\'s organisational data', async () => {
    await assertAllowed(`/v1/schools/${SCHOOL_OID.testbacken}/groups`, 'admin');
    await assertAllowed(`/v1/groups/${groupIn(SCHOOL_OID.testimaki)}`, 'admin');
    await assertAllowed(`/v1/organisations/${PROVIDER_OID.vantaa}`, 'admin');
  });

  it('reads no learner\'s personal data, and nothing of another tenant', async () => {
    await assertRefused(`/v1/learners/${LEARNER_OID.veeti}`, 'admin', '/v1/learners/{oid}');
    await assertRefused(`/v1/groups/${groupIn(SCHOOL_OID.testimaki)}/members`, 'admin', '/v1/groups/{id}/members');
    await assertRefused('/v1/assessments', 'admin', '/v1/assessments');
    await assertRefused('/xapi/statements', 'admin', '/xapi/statements', { headers: { 'x-digione-widget': 'test.widget', 'x-experience-api-version': '1.0.3' } });
    await assertRefused(`/v1/organisations/${PROVIDER_OID.espoo}`, 'admin', '/v1/organisations/{oid}');
    await assertRefused(`/v1/schools/${SCHOOL_OID.kokeilulaakso}/groups`, 'admin', '/v1/schools/{oid}/groups');
  });
});

describe('a learner under a non-disclosure order (turvakielto)', () => {
  // The protected pupil of the teacher persona's groups if there is one, else of their school.
  const taught = new Set(data.groupsByTeacher.get('t-esimerkki') ?? []);
  const candidates = data.learners.filter((l) => l.turvakielto && l.schoolOid === SCHOOL_OID.testimaki);
  const protectedLearner = candidates.find((l) => taught.has(l.homeGroupId)) ?? candidates[0];

  /** A token of a generated guardian of a classmate (the provider signs in only personas). */
  async function classmateGuardianToken(learner: Learner): Promise<string> {
    const classmate = (data.learnersByGroup.get(learner.homeGroupId) ?? []).find((oid) => !data.nonDisclosure.has(oid));
    assert.ok(classmate);
    const person = data.personByOid.get(classmate);
    const claims: IdentityClaims = {
      sub: 'test-guardian-of-classmate',
      name: 'Testi Huoltaja',
      [CLAIM.idp]: 'suomifi',
      [CLAIM.mandates]: [{ principal: classmate, name: `${person?.givenName ?? ''} ${person?.familyName ?? ''}`, status: 'ALLOWED', educationProviderOid: PROVIDER_OID.vantaa }],
    };
    return h.signedToken(claims);
  }

  it('exists in the data set', () => {
    assert.ok(protectedLearner, 'a protected pupil in Testimäen yhtenäiskoulu');
    assert.ok(data.personByOid.get(protectedLearner.oid)?.address, 'with an address to hide');
  });

  it('has address and school shown to authorised staff of their own school', async () => {
    assert.ok(protectedLearner);
    const principal = await assertAllowed(`/v1/learners/${protectedLearner.oid}`, 'principal');
    const body = principal.body as { address?: unknown; school?: { oid: string }; nonDisclosure: boolean };
    assert.equal(body.nonDisclosure, true);
    assert.ok(body.address);
    assert.equal(body.school?.oid, SCHOOL_OID.testimaki);
    if (taught.has(protectedLearner.homeGroupId)) {
      const teacher = await assertAllowed(`/v1/learners/${protectedLearner.oid}`, 'teacher');
      assert.ok((teacher.body as { address?: unknown }).address);
      const members = await assertAllowed(`/v1/groups/${protectedLearner.homeGroupId}/members?limit=100`, 'teacher');
      const entry = (members.body as { items: { learnerOid: string; nonDisclosure?: boolean }[] }).items.find((m) => m.learnerOid === protectedLearner.oid);
      assert.equal(entry?.nonDisclosure, true, 'staff are told the pupil is protected');
    }
  });

  it('is absent for a guardian of another child and for teachers of other schools', async () => {
    assert.ok(protectedLearner);
    const person = data.personByOid.get(protectedLearner.oid);
    assert.ok(person?.address);
    const school = data.schoolByOid.get(protectedLearner.schoolOid);
    assert.ok(school);
    // A refusal repeats the path the caller sent (`instance`), so only a list may not name the learner at all.
    const hidden = (answer: Answer, listed: boolean): void => {
      assert.ok(!answer.text.includes(person.address?.street ?? '\u0000'), 'no address');
      assert.ok(!answer.text.includes(school.address.street), 'no school address');
      if (!listed) assert.ok(!answer.text.includes(protectedLearner.oid), 'not listed at all');
    };
    for (const as of ['guardian', 'espoo-teacher'] as const) hidden(await assertRefused(`/v1/learners/${protectedLearner.oid}`, as, '/v1/learners/{oid}'), true);
    const token = await classmateGuardianToken(protectedLearner);
    const direct = await call(`/v1/learners/${protectedLearner.oid}`, { as: `token:${token}` });
    assert.equal(direct.status, 403);
    hidden(direct, true);
    const members = await call(`/v1/groups/${protectedLearner.homeGroupId}/members?limit=100`, { as: `token:${token}` });
    assert.equal(members.status, 200, members.text);
    hidden(members, false);
    assert.ok(!members.text.includes(school.name) && !members.text.includes(school.address.street));
  });
});

describe('absences', () => {
  it('a guardian reports, a teacher marks and clears, a guardian explains a mark; each only for their own', async () => {
    const reported = await call('/v1/absences', { as: 'guardian', method: 'POST', body: { learner: LEARNER_OID.veeti, date: '2026-12-03', reason: 'medical-appointment', fromSlot: 2, toSlot: 3 } });
    assert.equal(reported.status, 201, reported.text);
    const report = reported.body as { id: string; status: string; source: string };
    assert.deepEqual([report.status, report.source], ['explained', 'guardian-report']);
    assert.equal(reported.headers.get('location'), `/v1/absences/${report.id}`);
    assert.equal(reported.audit[0]?.actingFor, LEARNER_OID.veeti);
    assert.equal(reported.audit[0]?.what.route, 'POST /v1/absences');
    const listed = await assertAllowed(`/v1/absences?learner=${LEARNER_OID.veeti}&from=2026-12-03&to=2026-12-03`, 'teacher');
    assert.ok((listed.body as { items: { id: string }[] }).items.some((a) => a.id === report.id), 'the teacher of 7A sees the report');

    const marked = await call('/v1/absences', { as: 'teacher', method: 'POST', body: { learner: LEARNER_OID.veeti, date: '2026-12-04', fromSlot: 0, toSlot: 0 } });
    assert.equal(marked.status, 201, marked.text);
    const mark = marked.body as { id: string; status: string; reason: string };
    assert.deepEqual([mark.status, mark.reason], ['unexplained', 'unexplained']);
    const statusByGuardian = await call(`/v1/absences/${mark.id}`, { as: 'guardian', method: 'PATCH', body: { status: 'cleared' } });
    assert.equal(statusByGuardian.status, 403, 'only staff set the status');
    const explained = await call(`/v1/absences/${mark.id}`, { as: 'guardian', method: 'PATCH', body: { reason: 'illness', note: 'Oli kipeänä.' } });
    assert.equal(explained.status, 200, explained.text);
    assert.equal((explained.body as { status: string }).status, 'explained');
    const cleared = await call(`/v1/absences/${mark.id}`, { as: 'teacher', method: 'PATCH', body: { status: 'cleared' } });
    assert.equal((cleared.body as { status: string }).status, 'cleared');

    await assertRefused(`/v1/absences/${mark.id}`, 'pupil', 'PATCH /v1/absences/{id}', { method: 'PATCH', body: { reason: 'illness' } });
    await assertRefused(`/v1/absences/${mark.id}`, 'espoo-teacher', 'PATCH /v1/absences/{id}', { method: 'PATCH', body: { status: 'cleared' } });
    await assertRefused('/v1/absences', 'teacher', 'POST /v1/absences', { method: 'POST', body: { learner: LEARNER_OID.elias, date: '2026-12-04' } });
  });
});

describe('nobody crosses tenants', () => {
  it('refuses a token whose roles are in one tenant for another tenant\'s school, learner and statements', async () => {
    await assertRefused(`/v1/organisations/${SCHOOL_OID.kokeilulaakso}`, 'teacher', '/v1/organisations/{oid}');
    await assertRefused(`/v1/schools/${SCHOOL_OID.kokeilulaakso}/groups`, 'principal', '/v1/schools/{oid}/groups');
    await assertRefused(`/v1/groups/${groupIn(SCHOOL_OID.kokeilulaakso)}/members`, 'teacher', '/v1/groups/{id}/members');
    await assertRefused(`/v1/learners/${LEARNER_OID.ella}`, 'teacher-guardian', '/v1/learners/{oid}');
    const agent = JSON.stringify({ objectType: 'Agent', account: { homePage: 'https://digione.sandbox/learners', name: LEARNER_OID.ella } });
    await assertRefused(`/xapi/statements?agent=${encodeURIComponent(agent)}`, 'teacher', '/xapi/statements', { headers: { 'x-digione-widget': 'test.widget', 'x-experience-api-version': '1.0.3' } });
  });

  it('writes every entry to the audit file as well', async () => {
    await h.api.flushAudit();
    const { readFile } = await import('node:fs/promises');
    const lines = (await readFile(h.auditPath, 'utf8')).trim().split('\n');
    assert.equal(lines.length, h.api.audit.length);
    assert.ok(h.api.audit.some((e) => e.outcome === 'denied') && h.api.audit.some((e) => e.outcome === 'allowed'));
  });
});
