import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CLAIM } from '@digione/sdk/identity';
import { generateKeyPair, SignJWT } from 'jose';
import type { BulletinResponse, MessagesResponse, ProblemDocument, ScheduleResponse } from '../../../sdk/src/api-types.ts';
import { LEARNER_OID } from '../data/people.ts';
import { SCHOOL_OID } from '../data/schools.ts';
import { SANDBOX_TENANTS } from '../data/tenants.ts';
import { startIdentityProvider, type IdentityProvider } from '../provider/provider.ts';
import { freePort, shellClient, signIn, type TestClient } from '../testing/oidc-client.ts';
import { startPlatformApi, type PlatformApi } from './api.ts';
import type { AuditEntry } from './audit.ts';

const SHELL = 'http://localhost:4173';
const AUDIENCE = 'urn:digione:platform';
// A school week (Monday to Friday) of the 2026–2027 school year; the data follow the calendar, not today's date.
const WEEK = { from: '2026-11-30', to: '2026-12-04' };

let provider: IdentityProvider;
let api: PlatformApi;
let client: TestClient;
let auditDir: string;
let auditPath: string;
const tokens = new Map<string, string>();

before(async () => {
  const [idpPort, apiPort] = [await freePort(), await freePort()];
  const issuer = `http://localhost:${idpPort}`;
  auditDir = await mkdtemp(join(tmpdir(), 'digione-audit-'));
  auditPath = join(auditDir, 'audit.jsonl');
  // The API first: if it cannot start, no provider is left running to keep the test process alive.
  api = await startPlatformApi({ port: apiPort, issuer, audience: AUDIENCE, tenants: SANDBOX_TENANTS, shellOrigin: SHELL, auditLogPath: auditPath });
  provider = await startIdentityProvider({ port: idpPort, issuer, shellOrigin: SHELL });
  client = shellClient(issuer, SHELL);
});

after(async () => {
  await api?.close();
  await provider?.close();
  await rm(auditDir, { recursive: true, force: true });
});

/** A real access token of a persona, from the real provider. */
async function tokenOf(username: string): Promise<string> {
  const cached = tokens.get(username);
  if (cached) return cached;
  const { access_token } = await signIn(client, username);
  tokens.set(username, access_token);
  return access_token;
}

interface Answer<T> {
  status: number;
  headers: Headers;
  body: T;
}

async function get<T>(path: string, username?: string, headers: Record<string, string> = {}): Promise<Answer<T>> {
  const url = new URL(path, api.url);
  const auth: Record<string, string> = username ? await (await client.dpop).headers('GET', url, await tokenOf(username)) : {};
  const response = await fetch(url, { headers: { ...auth, ...headers } });
  const body = (await response.json()) as T;
  return { status: response.status, headers: response.headers, body };
}

function schedulePath(params: Record<string, string>): string {
  return `/v1/schedule?${new URLSearchParams(params).toString()}`;
}

function assertProblem(answer: Answer<unknown>, status: number, type: string): ProblemDocument {
  assert.equal(answer.status, status);
  assert.match(answer.headers.get('content-type') ?? '', /^application\/problem\+json/);
  const doc = answer.body as ProblemDocument;
  assert.equal(doc.status, status);
  assert.equal(doc.type, `https://schemas.digione.fi/problems/${type}`);
  assert.equal(typeof doc.title, 'string');
  return doc;
}

describe('authentication', () => {
  it('answers 401 with a problem document when there is no token', async () => {
    const answer = await get<ProblemDocument>(schedulePath(WEEK));
    assertProblem(answer, 401, 'unauthorized');
    assert.match(answer.headers.get('www-authenticate') ?? '', /^Bearer/);
  });

  it('answers 401 to a token signed by someone else, even with the right claims', async () => {
    const { privateKey } = await generateKeyPair('RS256');
    const real = await tokenOf('pupil');
    const [, payload = ''] = real.split('.');
    const claims: Record<string, unknown> = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    const forged = await new SignJWT(claims).setProtectedHeader({ alg: 'RS256', typ: 'at+jwt', kid: 'forged' }).sign(privateKey);
    const response = await fetch(new URL(schedulePath(WEEK), api.url), { headers: { authorization: `Bearer ${forged}` } });
    assert.equal(response.status, 401);
    assert.equal(((await response.json()) as ProblemDocument).type, 'https://schemas.digione.fi/problems/unauthorized');
  });

  it('answers 401 to the id_token (wrong audience and type)', async () => {
    const { id_token } = await signIn(client, 'pupil');
    assert.ok(id_token);
    const response = await fetch(new URL(schedulePath(WEEK), api.url), { headers: { authorization: `Bearer ${id_token}` } });
    assert.equal(response.status, 401);
  });

  it('answers 503, not 401, when the identity provider\'s keys cannot be read', async () => {
    const [deadIssuerPort, port] = [await freePort(), await freePort()];
    const orphan = await startPlatformApi({
      port,
      issuer: `http://localhost:${deadIssuerPort}`,
      audience: AUDIENCE,
      tenants: SANDBOX_TENANTS,
      shellOrigin: SHELL,
    });
    try {
      const response = await fetch(new URL(schedulePath(WEEK), orphan.url), { headers: { authorization: `Bearer ${await tokenOf('pupil')}` } });
      assert.equal(response.status, 503);
      assert.equal(((await response.json()) as ProblemDocument).type, 'https://schemas.digione.fi/problems/identity-unavailable');
      assert.deepEqual(orphan.audit, []);
    } finally {
      await orphan.close();
    }
  });

  it('answers /health without a token', async () => {
    const answer = await get<{ status: string }>('/health');
    assert.equal(answer.status, 200);
  });
});

describe('GET /v1/schedule', () => {
  it('gives the pupil their own class lessons', async () => {
    const answer = await get<ScheduleResponse>(schedulePath(WEEK), 'pupil');
    assert.equal(answer.status, 200);
    const { events } = answer.body;
    assert.equal(events.length, 27, '27 lessons in 7A\'s week');
    assert.ok(events.every((e) => e.group === '7A'));
    assert.deepEqual(events[0], {
      id: 'lesson-99001-7A-2026-11-30-1',
      start: '2026-11-30T08:15:00+02:00',
      end: '2026-11-30T09:00:00+02:00',
      subject: { code: 'AI', name: { fi: 'Suomen kieli ja kirjallisuus', sv: 'Finska och litteratur', en: 'Finnish language and literature' } },
      group: '7A',
      room: 'A204',
      teacher: 'Antti Mallinen',
    });
    const own = await get<ScheduleResponse>(schedulePath({ ...WEEK, learner: LEARNER_OID.veeti }), 'pupil');
    assert.deepEqual(own.body, answer.body, 'naming oneself is the same');
  });

  it('refuses the pupil another learner\'s schedule', async () => {
    const answer = await get<ProblemDocument>(schedulePath({ ...WEEK, learner: LEARNER_OID.aino }), 'pupil');
    assertProblem(answer, 403, 'forbidden');
  });

  it('gives the guardian an ALLOWED child\'s schedule and 403 for any other learner', async () => {
    const veeti = await get<ScheduleResponse>(schedulePath({ ...WEEK, learner: LEARNER_OID.veeti }), 'guardian');
    assert.equal(veeti.status, 200);
    assert.ok(veeti.body.events.length > 0 && veeti.body.events.every((e) => e.group === '7A'));
    const aino = await get<ScheduleResponse>(schedulePath({ ...WEEK, learner: LEARNER_OID.aino }), 'guardian');
    assert.ok(aino.body.events.length > 0 && aino.body.events.every((e) => e.group === '3B'));
    for (const other of [LEARNER_OID.elias, LEARNER_OID.ella, '1.2.246.562.98.99999999999']) {
      assertProblem(await get(schedulePath({ ...WEEK, learner: other }), 'guardian'), 403, 'forbidden');
    }
  });

  it('asks the guardian to name the child', async () => {
    assertProblem(await get(schedulePath(WEEK), 'guardian'), 400, 'learner-required');
  });

  it('gives the teacher-guardian the child with the ALLOWED mandate only, and their own teaching', async () => {
    const elias = await get<ScheduleResponse>(schedulePath({ ...WEEK, learner: LEARNER_OID.elias }), 'teacher-guardian');
    assert.equal(elias.status, 200);
    assert.ok(elias.body.events.every((e) => e.group === '5A'));
    assert.equal(elias.body.events[0]?.subject.name.sv, 'Svenska och litteratur');
    assertProblem(await get(schedulePath({ ...WEEK, learner: LEARNER_OID.oona }), 'teacher-guardian'), 403, 'forbidden');
    const teaching = await get<ScheduleResponse>(schedulePath(WEEK), 'teacher-guardian');
    assert.ok(teaching.body.events.length > 0);
    assert.ok(teaching.body.events.every((e) => e.teacher === 'Marja Kaksinen' && e.subject.code === 'B1'));
  });

  it('gives the teacher only the lessons they teach, and no pupil\'s schedule', async () => {
    const answer = await get<ScheduleResponse>(schedulePath(WEEK), 'teacher');
    const { events } = answer.body;
    assert.equal(events.length, 12);
    assert.ok(events.every((e) => e.teacher === 'Leena Esimerkki'));
    assert.deepEqual([...new Set(events.map((e) => e.group))].sort(), ['7A', '8B', '9A']);
    for (let i = 1; i < events.length; i++) {
      assert.ok((events[i - 1]?.end ?? '') <= (events[i]?.start ?? ''), 'no two lessons at once');
    }
    assertProblem(await get(schedulePath({ ...WEEK, learner: LEARNER_OID.veeti }), 'teacher'), 403, 'forbidden');
  });

  it('gives a teacher of another tenant nothing from Vantaa', async () => {
    const own = await get<ScheduleResponse>(schedulePath(WEEK), 'espoo-teacher');
    assert.equal(own.status, 200);
    assert.ok(own.body.events.length > 0);
    assert.ok(own.body.events.every((e) => ['7C', '8A'].includes(e.group) && e.teacher === 'Eeva Kokeilu'));
    for (const learner of [LEARNER_OID.veeti, LEARNER_OID.aino, LEARNER_OID.elias]) {
      assertProblem(await get(schedulePath({ ...WEEK, learner }), 'espoo-teacher'), 403, 'forbidden');
    }
    assertProblem(await get(`/v1/messages?learner=${LEARNER_OID.veeti}`, 'espoo-teacher'), 403, 'forbidden');
    const bulletin = await get<BulletinResponse>('/v1/bulletin', 'espoo-teacher');
    assert.deepEqual([...new Set(bulletin.body.items.map((i) => i.school))], ['Kokeilulaakson koulu']);
  });

  it('gives the principal their own history lessons and the admin an empty timetable', async () => {
    const principal = await get<ScheduleResponse>(schedulePath(WEEK), 'principal');
    assert.ok(principal.body.events.length > 0 && principal.body.events.every((e) => e.subject.code === 'HI' && e.group === '9A'));
    const admin = await get<ScheduleResponse>(schedulePath(WEEK), 'admin');
    assert.deepEqual(admin.body, { events: [] });
  });

  it('narrows a teacher in two schools to the named school, and never widens anyone\'s', async () => {
    const both = (await get<ScheduleResponse>(schedulePath(WEEK), 'substitute')).body.events;
    assert.deepEqual([...new Set(both.map((e) => e.group))].sort(), ['8A', '9B']);
    const testimaki = await get<ScheduleResponse>(schedulePath({ ...WEEK, school: SCHOOL_OID.testimaki }), 'substitute');
    const testbacken = await get<ScheduleResponse>(schedulePath({ ...WEEK, school: SCHOOL_OID.testbacken }), 'substitute');
    assert.ok(testimaki.body.events.length > 0 && testimaki.body.events.every((e) => e.id.startsWith('lesson-99001-9B-')));
    assert.ok(testbacken.body.events.length > 0 && testbacken.body.events.every((e) => e.id.startsWith('lesson-99002-8A-')));
    assert.equal(testimaki.body.events.length + testbacken.body.events.length, both.length, 'the two schools make the whole');
    // A school where the caller does not work is refused, not answered empty.
    assertProblem(await get(schedulePath({ ...WEEK, school: SCHOOL_OID.testbacken }), 'teacher'), 403, 'forbidden');
    // A pupil's class is at one school: the own school changes nothing, another gives nothing.
    const pupil = await get<ScheduleResponse>(schedulePath(WEEK), 'pupil');
    assert.deepEqual((await get<ScheduleResponse>(schedulePath({ ...WEEK, school: SCHOOL_OID.testimaki }), 'pupil')).body, pupil.body);
    assert.deepEqual((await get<ScheduleResponse>(schedulePath({ ...WEEK, school: SCHOOL_OID.testbacken }), 'pupil')).body, { events: [] });
  });

  it('has no lessons on holidays and in summer, and any range of the year works', async () => {
    const christmas = await get<ScheduleResponse>(schedulePath({ from: '2026-12-21', to: '2027-01-08' }), 'pupil');
    assert.deepEqual(
      [...new Set(christmas.body.events.map((e) => e.start.slice(0, 10)))],
      ['2026-12-21', '2027-01-07', '2027-01-08'],
    );
    const summer = await get<ScheduleResponse>(schedulePath({ from: '2027-06-07', to: '2027-08-04' }), 'pupil');
    assert.deepEqual(summer.body.events, []);
    const september = await get<ScheduleResponse>(schedulePath({ from: '2026-09-07', to: '2026-09-07' }), 'pupil');
    assert.equal(september.body.events[0]?.start, '2026-09-07T08:15:00+03:00', 'summer time in September');
  });

  it('answers 400 problem documents for bad dates and parameters, never 500', async () => {
    const bad: Record<string, string>[] = [
      { from: '2026-02-30', to: '2026-03-01' },
      { from: '30.11.2026', to: '2026-12-04' },
      { from: 'yesterday', to: 'today' },
      { from: '2026-12-04', to: '2026-11-30' },
      { from: '2026-11-30' },
      { from: '2020-01-01', to: '2026-01-01' },
      { ...WEEK, learner: '1.2.246.562.98.1;DROP' },
      { ...WEEK, learner: 'x'.repeat(100) },
    ];
    for (const params of bad) {
      const doc = assertProblem(await get(schedulePath(params), 'pupil'), 400, 'bad-request');
      assert.ok(doc.detail, `a detail for ${JSON.stringify(params)}`);
    }
    assertProblem(await get('/v1/schedule?from=2026-11-30&from=2026-12-01&to=2026-12-04', 'pupil'), 400, 'bad-request');
    assertProblem(await get('/v1/schedule?from=%E0%A4%A&to=2026-12-04', 'pupil'), 400, 'bad-request');
  });
});

describe('GET /v1/messages', () => {
  it('gives each person their own threads, newest first', async () => {
    const pupil = await get<MessagesResponse>('/v1/messages', 'pupil');
    assert.equal(pupil.status, 200);
    assert.equal(pupil.body.threads.length, 3);
    const times = pupil.body.threads.map((t) => t.lastMessageAt);
    assert.deepEqual(times, [...times].sort().reverse());
    const teacher = await get<MessagesResponse>('/v1/messages', 'teacher');
    assert.ok(teacher.body.threads.some((t) => t.from === 'Sanna Testinen'));
    assert.ok(!teacher.body.threads.some((t) => pupil.body.threads.some((p) => p.id === t.id)));
  });

  it('gives a guardian the threads about the child they act for', async () => {
    const veeti = await get<MessagesResponse>(`/v1/messages?learner=${LEARNER_OID.veeti}`, 'guardian');
    assert.deepEqual(veeti.body.threads.map((t) => t.id), ['msg-guardian-1', 'msg-guardian-2']);
    const elias = await get<MessagesResponse>(`/v1/messages?learner=${LEARNER_OID.elias}`, 'teacher-guardian');
    assert.ok(elias.body.threads.length > 0 && elias.body.threads.every((t) => t.id.startsWith('msg-tg-')));
    assertProblem(await get(`/v1/messages?learner=${LEARNER_OID.elias}`, 'guardian'), 403, 'forbidden');
  });
});

describe('GET /v1/bulletin', () => {
  it('lists the announcements of the caller\'s schools or the children\'s, in the school\'s language', async () => {
    const guardian = await get<BulletinResponse>('/v1/bulletin', 'guardian');
    assert.deepEqual([...new Set(guardian.body.items.map((i) => i.school))], ['Testimäen yhtenäiskoulu']);
    const teacherGuardian = await get<BulletinResponse>('/v1/bulletin', 'teacher-guardian');
    const swedish = teacherGuardian.body.items.filter((i) => i.school === 'Testbackens svenska skola');
    assert.ok(swedish.length > 0 && swedish.every((i) => i.lang === 'sv'));
    const admin = await get<BulletinResponse>('/v1/bulletin', 'admin');
    assert.deepEqual([...new Set(admin.body.items.map((i) => i.school))].sort(), ['Testbackens svenska skola', 'Testimäen yhtenäiskoulu']);
  });
});

describe('CORS', () => {
  it('lets the shell call with Authorization and X-DigiOne-Widget, and no other origin', async () => {
    const preflight = await fetch(new URL('/v1/schedule', api.url), {
      method: 'OPTIONS',
      headers: { origin: SHELL, 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization,x-digione-widget' },
    });
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers.get('access-control-allow-origin'), SHELL);
    const allowed = (preflight.headers.get('access-control-allow-headers') ?? '').toLowerCase();
    assert.match(allowed, /authorization/);
    assert.match(allowed, /x-digione-widget/);
    const real = await get('/v1/bulletin', 'pupil', { origin: SHELL });
    assert.equal(real.headers.get('access-control-allow-origin'), SHELL);
    const evil = await get('/v1/bulletin', 'pupil', { origin: 'http://evil.example' });
    assert.equal(evil.headers.get('access-control-allow-origin'), null);
  });
});

describe('errors', () => {
  it('answers unknown routes with a 404 problem document', async () => {
    assertProblem(await get('/v1/grades', 'pupil'), 404, 'not-found');
  });
});

describe('audit log', () => {
  it('records who read what for whom through which widget, in memory and as JSON lines', async () => {
    const before = api.audit.length;
    await get(schedulePath({ ...WEEK, learner: LEARNER_OID.aino }), 'guardian', { 'x-digione-widget': 'kajo.schedule' });
    await get(`/v1/messages?learner=${LEARNER_OID.elias}`, 'guardian', { 'x-digione-widget': 'lumo.messages' });
    await get(schedulePath(WEEK));
    const added = api.audit.slice(before);
    assert.equal(added.length, 2, 'a read and a refused attempt; nothing for the anonymous call');
    const [read, refused] = added;
    assert.equal(read?.who, 'sandbox-guardian');
    assert.equal(read?.actingFor, LEARNER_OID.aino);
    assert.deepEqual(read?.what, { route: '/v1/schedule', params: { ...WEEK, learner: LEARNER_OID.aino } });
    assert.equal(read?.widget, 'kajo.schedule');
    assert.equal(read?.outcome, 'allowed');
    assert.ok(!Number.isNaN(Date.parse(read?.when ?? '')));
    assert.equal(refused?.outcome, 'denied');
    assert.equal(refused?.status, 403);
    assert.equal(refused?.widget, 'lumo.messages');

    await api.flushAudit();
    const lines = (await readFile(auditPath, 'utf8')).trim().split('\n');
    const written: AuditEntry[] = lines.map((l) => JSON.parse(l) as AuditEntry);
    assert.deepEqual(written, api.audit, 'the file holds every entry, in order');
  });

  it('records the pupil\'s own reads without actingFor', async () => {
    const before = api.audit.length;
    await get('/v1/messages', 'pupil');
    const entry = api.audit[before];
    assert.equal(entry?.who, 'sandbox-pupil');
    assert.equal(entry?.actingFor, undefined);
    assert.equal(entry?.widget, undefined);
  });
});

describe('claims the API trusts', () => {
  it('come from the token: the guardian token carries the mandates', async () => {
    const [, payload = ''] = (await tokenOf('guardian')).split('.');
    const claims: Record<string, unknown> = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    assert.ok(Array.isArray(claims[CLAIM.mandates]));
  });
});
