/**
 * Bad input of every kind gets a 4xx problem document, never a 500; the xAPI store refuses malformed statements
 * with the reason; widget settings round-trip and are capped at 8 KiB.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { LEARNER_OID } from '../data/people.ts';
import { SCHOOL_OID } from '../data/schools.ts';
import { startHarness, type Answer, type Harness, type RequestOptions } from './harness.ts';
import { createAjv, inline, loadOpenApi, operationsOf, type JsonObject } from './openapi.ts';

const { doc } = loadOpenApi();
const operations = operationsOf(doc);
const validateProblem = createAjv().compile(inline({ $ref: '#/components/schemas/Problem' }, doc) as JsonObject);
const XAPI = { 'x-experience-api-version': '1.0.3' };
const STATEMENT = {
  verb: { id: 'http://adlnet.gov/expapi/verbs/answered', display: { 'fi-FI': 'vastasi' } },
  object: { id: 'https://materials.example/tehtava/7', definition: { name: { fi: 'Tehtävä 7' } } },
  result: { score: { scaled: 0.5 }, success: true },
};

let h: Harness;
before(async () => {
  h = await startHarness();
});
after(async () => {
  await h.close();
});

function assertProblem(answer: Answer, status: number, label: string): { code: string; detail?: string } {
  assert.equal(answer.status, status, `${label}: ${answer.text.slice(0, 300)}`);
  assert.match(answer.headers.get('content-type') ?? '', /^application\/problem\+json/, label);
  assert.ok(validateProblem(answer.body), `${label}: ${JSON.stringify(validateProblem.errors)}`);
  return answer.body as { code: string; detail?: string };
}

describe('bad input', () => {
  const INJECTIONS = ["' OR 1=1 --", '<script>alert(1)</script>', '../../etc/passwd', '%00', '${jndi:ldap://x}', 'x'.repeat(5000)];

  it('refuses wrong types, huge pages, unknown parameters and injection strings in queries with 400', async () => {
    const paths = [
      '/v1/organisations?limit=100000',
      '/v1/organisations?limit=0',
      '/v1/organisations?limit=-1',
      '/v1/organisations?limit=ten',
      '/v1/organisations?limit=1.5',
      '/v1/organisations?kind=planet',
      '/v1/organisations?cursor=not-ours',
      '/v1/organisations?cursor=bzo5OTk5OTk5OTk5',
      '/v1/organisations?sort=name',
      '/v1/organisations?limit=10&limit=20',
      '/v1/subjects?debug=true',
      '/v1/bulletin?x=1',
      '/v1/terms?from=2026-13-01',
      '/v1/terms?from=2027-01-01&to=2026-01-01',
      '/v1/assessments?learner=1.2.3&term=',
      ...INJECTIONS.flatMap((s) => [
        `/v1/assessments?subject=${encodeURIComponent(s)}`,
        `/v1/assessments?learner=${encodeURIComponent(s)}`,
        `/v1/absences?group=${encodeURIComponent(s)}`,
        `/v1/schedule?from=2026-11-30&to=2026-12-04&learner=${encodeURIComponent(s)}`,
      ]),
    ];
    for (const path of paths) {
      const body = assertProblem(await h.request(path, { as: 'teacher' }), 400, path);
      assert.equal(body.code, 'bad-request', path);
      assert.ok(body.detail, `${path} says why`);
    }
    const unknown = assertProblem(await h.request('/v1/subjects?debug=true', { as: 'teacher' }), 400, 'unknown');
    assert.match(unknown.detail ?? '', /debug/, 'names the unknown parameter');
  });

  it('refuses malformed path parameters with 400 or 404, never 500', async () => {
    for (const s of INJECTIONS) {
      for (const path of [`/v1/learners/${encodeURIComponent(s)}`, `/v1/groups/${encodeURIComponent(s)}/members`, `/v1/curriculum/${encodeURIComponent(s)}`, `/v1/staff/${encodeURIComponent(s)}`]) {
        const answer = await h.request(path, { as: 'teacher' });
        assert.ok(answer.status === 400 || answer.status === 404, `${path}: ${answer.status}`);
        assertProblem(answer, answer.status, path);
      }
    }
  });

  it('refuses bad bodies: invalid JSON, wrong content type, unknown members, wrong types, huge strings', async () => {
    const post = (body: unknown, headers: Record<string, string> = {}): Promise<Answer> =>
      h.request('/v1/absences', { as: 'guardian', method: 'POST', body, headers });
    assertProblem(await post('{"learner": '), 400, 'invalid JSON');
    assertProblem(await post('', { 'content-type': 'application/json' }), 400, 'empty JSON');
    assertProblem(await post('learner=1', { 'content-type': 'application/x-www-form-urlencoded' }), 415, 'form body');
    assertProblem(await post('<absence/>', { 'content-type': 'text/xml' }), 415, 'xml body');
    const valid = { learner: LEARNER_OID.aino, date: '2026-12-01', reason: 'illness' };
    const bad: [unknown, string][] = [
      [{ ...valid, admin: true }, 'unknown member'],
      [{ ...valid, date: 20261201 }, 'number date'],
      [{ ...valid, date: '2026-02-30' }, 'no such day'],
      [{ ...valid, reason: 'holiday' }, 'unknown reason'],
      [{ ...valid, fromSlot: '1' }, 'string slot'],
      [{ ...valid, fromSlot: 3, toSlot: 1 }, 'slots backwards'],
      [{ ...valid, note: 'x'.repeat(501) }, 'long note'],
      [{ ...valid, learner: "' OR 1=1 --" }, 'injection'],
      [{ ...valid, reason: 'unexplained' }, 'guardian report without a reason'],
      [[valid], 'array'],
      [null, 'null'],
      ['"text"', 'string'],
    ];
    for (const [body, label] of bad) {
      const answer = await post(body);
      assertProblem(answer, 400, label);
    }
    const proto = await post('{"learner":"1.2.246.562.98.00000000002","date":"2026-12-01","reason":"illness","__proto__":{"x":1}}');
    assertProblem(proto, 400, 'prototype poisoning');
    const patch = await h.request('/v1/absences/nope', { as: 'teacher', method: 'PATCH', body: {} });
    assertProblem(patch, 400, 'empty patch');
  });

  it('answers garbage in every parameter of every operation, never with a 500, refusals as problem documents', async () => {
    const garbage = [...INJECTIONS, '-1', '1e309', 'true', '[]', '{"a":1}', '\u202e', 'ä'.repeat(300)];
    let calls = 0;
    let refused = 0;
    for (const op of operations.filter((o) => o.secured)) {
      const headers = { 'x-experience-api-version': '1.0.3' };
      for (const value of garbage) {
        const path = op.path.replace(/\{[^}]+\}/g, encodeURIComponent(value));
        const queries = op.parameters.filter((p) => p.in === 'query').map((p) => `${p.name}=${encodeURIComponent(value)}`);
        for (const query of [...(op.path.includes('{') ? [''] : []), ...queries, 'unknown=1']) {
          const body = op.method === 'get' ? undefined : { garbage: value };
          const answer = await h.request(`${path}${query ? `?${query}` : ''}`, { as: 'principal', method: op.method.toUpperCase(), headers, ...(body === undefined ? {} : { body }) });
          calls++;
          // Some "garbage" is a valid value (`term=1e309` is a possible id): then an answer, else a 4xx problem.
          assert.ok(answer.status < 500, `${op.method.toUpperCase()} ${path}?${query}: ${answer.status} ${answer.text.slice(0, 200)}`);
          assert.ok(op.responses[String(answer.status)], `${op.operationId}: ${answer.status} is not in the document (${path}?${query})`);
          if (answer.status >= 400) {
            refused++;
            assertProblem(answer, answer.status, `${op.operationId} ${query}`);
          }
        }
      }
    }
    assert.ok(calls > 500);
    assert.ok(refused / calls > 0.9, `${refused} of ${calls} refused`);
  });

  it('refuses a token in the wrong place or of the wrong shape with 401', async () => {
    for (const authorization of ['Bearer', 'Bearer <script>', 'Basic dXNlcjpzYW5kYm94', `Bearer ${'a'.repeat(5000)}`, 'Bearer a.b.c']) {
      assertProblem(await h.request('/v1/me', { headers: { authorization } }), 401, authorization.slice(0, 20));
    }
  });
});

describe('xAPI statements', () => {
  const post = (body: unknown, options: RequestOptions = {}): Promise<Answer> =>
    h.request('/xapi/statements', { as: 'pupil', method: 'POST', body, headers: XAPI, ...options });

  it('requires the X-Experience-API-Version header', async () => {
    const answer = await post(STATEMENT, { headers: {} });
    const missing = assertProblem(answer, 400, 'no version');
    assert.match(missing.detail ?? '', /x-experience-api-version/i);
    assert.equal(answer.headers.get('x-experience-api-version'), '1.0.3', 'errors name the version too');
    assertProblem(await post(STATEMENT, { headers: { 'x-experience-api-version': '0.95' } }), 400, 'old version');
    assertProblem(await h.request('/xapi/statements', { as: 'pupil' }), 400, 'GET without version');
  });

  it('rejects malformed statements with 400 and the reason', async () => {
    const cases: [unknown, RegExp][] = [
      [{ object: STATEMENT.object }, /verb/],
      [{ verb: STATEMENT.verb }, /object/],
      [{ ...STATEMENT, verb: { id: 'answered' } }, /verb\/id.*iri/],
      [{ ...STATEMENT, object: { id: 'not an iri' } }, /object/],
      [{ ...STATEMENT, result: { score: { scaled: 1.5 } } }, /scaled.*<= 1/],
      [{ ...STATEMENT, result: { score: { scaled: -2 } } }, /scaled.*>= -1/],
      [{ ...STATEMENT, result: { score: { raw: 11, min: 0, max: 10 } } }, /raw must not exceed max/],
      [{ ...STATEMENT, timestamp: 'yesterday' }, /timestamp.*date-time/],
      [{ ...STATEMENT, id: 'not-a-uuid' }, /id.*uuid/],
      [{ ...STATEMENT, stored: '2026-11-27T10:00:00Z' }, /stored/],
      [{ ...STATEMENT, authority: { mbox: 'mailto:a@b.fi' } }, /authority/],
      [{ ...STATEMENT, actor: { name: 'nobody' } }, /actor/],
      [{ ...STATEMENT, verb: { id: 'http://x.example/v', display: 'done' } }, /display/],
      [{ ...STATEMENT, result: { duration: '12 minutes' } }, /duration/],
      [[], /fewer than 1|must NOT have fewer/],
      [[STATEMENT, { ...STATEMENT, verb: {} }], /1\/verb/],
    ];
    for (const [body, reason] of cases) {
      const problem = assertProblem(await post(body), 400, JSON.stringify(body).slice(0, 80));
      assert.match(problem.detail ?? '', reason, `${JSON.stringify(body).slice(0, 80)} → ${problem.detail ?? ''}`);
    }
  });

  it('refuses another actor than the caller, and non-pupils', async () => {
    const other = { ...STATEMENT, actor: { objectType: 'Agent', account: { homePage: 'https://digione.sandbox/learners', name: LEARNER_OID.aino } } };
    assertProblem(await post(other), 403, 'other actor');
    assertProblem(await post(STATEMENT, { as: 'teacher' }), 403, 'teacher');
    assertProblem(await post(STATEMENT, { as: 'guardian' }), 403, 'guardian');
  });

  it('stores valid statements (one or a batch), fills actor, id, stored and authority, and reads them back', async () => {
    const id = '2f6c9f8e-6d1e-4a5b-9c1d-0e3f4a5b6c7d';
    const one = await post({ ...STATEMENT, id }, { headers: { ...XAPI, 'x-digione-widget': 'kajo.schedule' } });
    assert.equal(one.status, 200, one.text);
    assert.deepEqual(one.body, [id]);
    assert.equal(one.headers.get('x-experience-api-version'), '1.0.3');
    const again = await post({ ...STATEMENT, id });
    assert.equal(again.status, 200, 'the same statement again is accepted');
    assertProblem(await post({ ...STATEMENT, id, result: { score: { scaled: 0.9 } } }), 409, 'other statement, same id');

    const own = { objectType: 'Agent', account: { homePage: 'https://digione.sandbox/learners', name: LEARNER_OID.veeti } };
    const batch = await post([{ ...STATEMENT, actor: own }, { ...STATEMENT, verb: { id: 'http://adlnet.gov/expapi/verbs/experienced' } }]);
    assert.equal(batch.status, 200, batch.text);
    assert.equal((batch.body as string[]).length, 2);

    const agent = encodeURIComponent(JSON.stringify(own));
    const read = await h.request<{ statements: Record<string, unknown>[] }>(`/xapi/statements?agent=${agent}&verb=${encodeURIComponent(STATEMENT.verb.id)}&limit=100`, { as: 'pupil', headers: XAPI });
    assert.equal(read.status, 200, read.text);
    const stored = read.body.statements.find((s) => s.id === id);
    assert.ok(stored, 'the statement is readable back');
    assert.deepEqual(stored.actor, own);
    assert.deepEqual(stored.authority, { objectType: 'Agent', account: { homePage: 'https://digione.sandbox/clients', name: 'kajo.schedule' } });
    assert.equal(typeof stored.stored, 'string');
    assert.equal(stored.version, '1.0.3');

    const guardian = await h.request<{ statements: { id: string }[] }>(`/xapi/statements?agent=${agent}&limit=100`, { as: 'guardian', headers: XAPI });
    assert.equal(guardian.status, 200);
    assert.ok(guardian.body.statements.some((s) => s.id === id), 'a guardian reads the child\'s activity');
    assertProblem(await h.request(`/xapi/statements?agent=${encodeURIComponent('{not json')}`, { as: 'pupil', headers: XAPI }), 400, 'agent not JSON');
    assertProblem(await h.request('/xapi/statements?verb=not%20an%20iri', { as: 'pupil', headers: XAPI }), 400, 'verb not IRI');
    assertProblem(await h.request('/xapi/statements?since=tomorrow', { as: 'pupil', headers: XAPI }), 400, 'since not date-time');
  });

  it('pages with xAPI\'s `more`', async () => {
    const first = await h.request<{ statements: unknown[]; more?: string }>('/xapi/statements?limit=1', { as: 'pupil', headers: XAPI });
    assert.equal(first.status, 200);
    assert.equal(first.body.statements.length, 1);
    assert.ok(first.body.more, 'there is more than one statement');
    const second = await h.request<{ statements: unknown[] }>(first.body.more, { as: 'pupil', headers: XAPI });
    assert.equal(second.status, 200);
    assert.notDeepEqual(second.body.statements, first.body.statements);
  });
});

describe('widget settings', () => {
  it('round-trip per user and widget', async () => {
    const settings = { view: 'week', favourites: ['MA', 'FY'], nested: { a: 1 } };
    const put = await h.request('/v1/me/widget-settings/lumo.messages', { as: 'teacher', method: 'PUT', body: settings });
    assert.equal(put.status, 200, put.text);
    const got = await h.request('/v1/me/widget-settings/lumo.messages', { as: 'teacher' });
    assert.deepEqual(got.body, settings);
    const otherUser = await h.request('/v1/me/widget-settings/lumo.messages', { as: 'principal' });
    assert.deepEqual(otherUser.body, {});
    const otherWidget = await h.request('/v1/me/widget-settings/kajo.schedule', { as: 'teacher' });
    assert.deepEqual(otherWidget.body, {});
  });

  it('refuses more than 8 KiB with 413, and anything but an object with 400', async () => {
    const big = { blob: 'x'.repeat(9000) };
    const refused = assertProblem(await h.request('/v1/me/widget-settings/lumo.messages', { as: 'teacher', method: 'PUT', body: big }), 413, 'too large');
    assert.equal(refused.code, 'payload-too-large');
    for (const body of ['[1,2]', '"text"', '42', 'null']) {
      assertProblem(await h.request('/v1/me/widget-settings/lumo.messages', { as: 'teacher', method: 'PUT', body }), 400, body);
    }
    assertProblem(await h.request('/v1/me/widget-settings/Not..A..Widget', { as: 'teacher' }), 400, 'bad widget id');
  });
});

describe('schedule compatibility', () => {
  it('answers the whole range without limit and pages with it', async () => {
    const whole = await h.request<{ events: { id: string }[]; nextCursor?: string }>('/v1/schedule?from=2026-11-30&to=2026-12-11', { as: 'pupil' });
    assert.equal(whole.status, 200);
    assert.equal(whole.body.nextCursor, undefined);
    const ids: string[] = [];
    let cursor: string | undefined;
    do {
      const page: Answer<{ events: { id: string }[]; nextCursor?: string }> = await h.request(
        `/v1/schedule?from=2026-11-30&to=2026-12-11&limit=20${cursor ? `&cursor=${cursor}` : ''}`,
        { as: 'pupil' },
      );
      assert.equal(page.status, 200);
      ids.push(...page.body.events.map((e) => e.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    assert.deepEqual(ids, whole.body.events.map((e) => e.id));
  });

  it('still refuses what it refused', async () => {
    assertProblem(await h.request(`/v1/schools/${SCHOOL_OID.testimaki}/groups?limit=101`, { as: 'principal' }), 400, 'limit 101');
  });
});
