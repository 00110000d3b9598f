/**
 * Contract tests: every operation of the OpenAPI document, called as a persona who may use it, answers a status
 * the document lists with a body its schema accepts (Ajv, JSON Schema 2020-12 with formats). The list of cases is
 * checked against the document's paths, so that an operation added to the document without a case fails here.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { getDataset } from '../data/dataset.ts';
import { LEARNER_OID } from '../data/people.ts';
import { SCHOOL_OID } from '../data/schools.ts';
import { startHarness, type Answer, type Harness, type RequestOptions } from './harness.ts';
import { createAjv, loadOpenApi, operationsOf, type JsonObject } from './openapi.ts';

const { doc } = loadOpenApi();
const operations = operationsOf(doc);
const data = getDataset();
const ajv = createAjv();
const XAPI = { 'x-experience-api-version': '1.0.3' };
const WEEK = { from: '2026-11-30', to: '2026-12-04' };

let h: Harness;
before(async () => {
  h = await startHarness();
});
after(async () => {
  await h.close();
});

/** A group the `teacher` persona teaches, and one of its assignments. */
function teacherGroup(): string {
  const group = data.groupsByTeacher.get('t-esimerkki')?.[0];
  assert.ok(group, 'the teacher persona teaches a group in the data set');
  return group;
}

interface Case {
  path: string | (() => Promise<string> | string);
  options?: RequestOptions;
  status: number;
}

const CASES: Record<string, Case> = {
  getOpenApiYaml: { path: '/openapi.yaml', status: 200 },
  getOpenApiJson: { path: '/openapi.json', status: 200 },
  getHealth: { path: '/health', status: 200 },
  getMe: { path: '/v1/me', options: { as: 'guardian' }, status: 200 },
  getWidgetSettings: { path: '/v1/me/widget-settings/kajo.schedule', options: { as: 'pupil' }, status: 200 },
  putWidgetSettings: {
    path: '/v1/me/widget-settings/kajo.schedule',
    options: { as: 'pupil', method: 'PUT', body: { view: 'week', showWeekends: false } },
    status: 200,
  },
  listOrganisations: { path: '/v1/organisations', options: { as: 'teacher' }, status: 200 },
  getOrganisation: { path: `/v1/organisations/${SCHOOL_OID.testimaki}`, options: { as: 'teacher' }, status: 200 },
  listSchoolGroups: { path: `/v1/schools/${SCHOOL_OID.testimaki}/groups?limit=5`, options: { as: 'principal' }, status: 200 },
  getGroup: { path: () => `/v1/groups/${teacherGroup()}`, options: { as: 'teacher' }, status: 200 },
  listGroupMembers: { path: () => `/v1/groups/${teacherGroup()}/members`, options: { as: 'teacher' }, status: 200 },
  getLearner: { path: `/v1/learners/${LEARNER_OID.veeti}`, options: { as: 'guardian' }, status: 200 },
  listLearnerGuardians: { path: `/v1/learners/${LEARNER_OID.veeti}/guardians`, options: { as: 'guardian' }, status: 200 },
  getStaffMember: { path: '/v1/staff/t-esimerkki', options: { as: 'pupil' }, status: 200 },
  listTerms: { path: '/v1/terms?from=2026-08-01&to=2027-07-31', options: { as: 'pupil' }, status: 200 },
  listSubjects: { path: '/v1/subjects', options: { as: 'pupil' }, status: 200 },
  getCurriculum: { path: '/v1/curriculum/MA', options: { as: 'teacher' }, status: 200 },
  getSchedule: { path: `/v1/schedule?${new URLSearchParams(WEEK).toString()}`, options: { as: 'pupil' }, status: 200 },
  listAssignments: { path: '/v1/assignments', options: { as: 'pupil' }, status: 200 },
  listSubmissions: {
    path: () => {
      const assignment = data.assignmentsByGroup.get(teacherGroup())?.find((a) => a.teacherId === 't-esimerkki');
      assert.ok(assignment, 'the teacher persona has an assignment');
      return `/v1/assignments/${assignment.id}/submissions`;
    },
    options: { as: 'teacher' },
    status: 200,
  },
  listAssessments: { path: `/v1/assessments?learner=${LEARNER_OID.veeti}`, options: { as: 'guardian' }, status: 200 },
  listAbsences: { path: () => `/v1/absences?group=${teacherGroup()}`, options: { as: 'teacher' }, status: 200 },
  createAbsence: {
    path: '/v1/absences',
    options: { as: 'guardian', method: 'POST', body: { learner: LEARNER_OID.aino, date: '2026-12-01', reason: 'illness', note: 'Kuumetta' } },
    status: 201,
  },
  updateAbsence: {
    path: async () => {
      const learner = data.learnersByGroup.get(teacherGroup())?.[0];
      assert.ok(learner);
      const marked = await h.request<{ id: string }>('/v1/absences', { as: 'teacher', method: 'POST', body: { learner, date: '2026-12-02', fromSlot: 0, toSlot: 1 } });
      assert.equal(marked.status, 201, marked.text);
      return `/v1/absences/${marked.body.id}`;
    },
    options: { as: 'teacher', method: 'PATCH', body: { status: 'cleared', note: 'Oli terveydenhoitajalla.' } },
    status: 200,
  },
  listStudyRights: { path: `/v1/study-rights?learner=${LEARNER_OID.veeti}`, options: { as: 'pupil' }, status: 200 },
  listMessageThreads: { path: '/v1/messages', options: { as: 'pupil' }, status: 200 },
  listBulletin: { path: '/v1/bulletin', options: { as: 'guardian' }, status: 200 },
  getStatements: { path: '/xapi/statements?limit=10', options: { as: 'pupil', headers: XAPI }, status: 200 },
  postStatements: {
    path: '/xapi/statements',
    options: {
      as: 'pupil',
      method: 'POST',
      headers: XAPI,
      body: {
        verb: { id: 'http://adlnet.gov/expapi/verbs/completed', display: { 'en-US': 'completed' } },
        object: { objectType: 'Activity', id: 'https://kajo.example/activities/fractions-1', definition: { name: { fi: 'Murtoluvut 1' } } },
        result: { score: { scaled: 0.8, raw: 8, min: 0, max: 10 }, completion: true, duration: 'PT12M30S' },
        timestamp: '2026-11-27T10:15:00+02:00',
      },
    },
    status: 200,
  },
  reportWidgetFailure: {
    path: '/v1/events/widget-failures',
    options: {
      as: 'pupil',
      method: 'POST',
      body: { widget: 'kajo.schedule', version: '1.0.0', instance: 'schedule', code: 'timeout', phase: 'mount', attempt: 1 },
    },
    status: 202,
  },
  listWidgetFailures: { path: '/v1/events/widget-failures?tenant=vantaa&limit=10', options: { as: 'admin' }, status: 200 },
};

/** Checks an answer against the document: a listed status, the documented media type, a body the schema accepts. */
function assertConforms(operationId: string, answer: Answer): void {
  const op = operations.find((o) => o.operationId === operationId);
  assert.ok(op);
  const response = op.responses[String(answer.status)];
  assert.ok(response, `${operationId}: status ${answer.status} is not in the document (${answer.text.slice(0, 300)})`);
  const types = Object.keys(response.content);
  if (types.length === 0) {
    assert.equal(answer.text, '', `${operationId} ${answer.status} has no body`);
    return;
  }
  const contentType = answer.headers.get('content-type') ?? '';
  const type = types.find((t) => contentType.startsWith(t));
  assert.ok(type, `${operationId}: content-type ${contentType} is not one of ${types.join(', ')}`);
  const schema = response.content[type];
  if (!schema) return;
  const body = type.includes('json') ? answer.body : answer.text;
  const validate = ajv.compile(schema as JsonObject);
  assert.ok(validate(body), `${operationId} ${answer.status}: ${JSON.stringify(validate.errors?.slice(0, 3))}\n${answer.text.slice(0, 500)}`);
}

describe('contract: every operation answers as the OpenAPI document says', () => {
  it('has a case for every operation of the document, and none besides', () => {
    assert.deepEqual(Object.keys(CASES).sort(), operations.map((o) => o.operationId).sort());
  });

  for (const op of operations) {
    it(`${op.method.toUpperCase()} ${op.path} (${op.operationId})`, async () => {
      const c = CASES[op.operationId];
      assert.ok(c, `no contract case for ${op.operationId}`);
      const path = typeof c.path === 'string' ? c.path : await c.path();
      const answer = await h.request(path, { ...c.options, method: op.method.toUpperCase() });
      assert.equal(answer.status, c.status, answer.text.slice(0, 500));
      assertConforms(op.operationId, answer);
      if (op.method === 'get' && answer.status === 200) {
        const etag = answer.headers.get('etag');
        assert.ok(etag, `${op.operationId} answers an ETag`);
        const again = await h.request(path, { ...c.options, headers: { ...c.options?.headers, 'if-none-match': etag } });
        assert.equal(again.status, 304, `${op.operationId}: If-None-Match with the same ETag gives 304`);
        assertConforms(op.operationId, again);
      }
      if (op.secured) {
        const anonymous = await h.request(path, { method: op.method.toUpperCase(), ...(c.options?.body === undefined ? {} : { body: c.options.body }), ...(c.options?.headers ? { headers: c.options.headers } : {}) });
        assert.equal(anonymous.status, 401);
        assertConforms(op.operationId, anonymous);
      }
    });
  }

  it('pages lists with limit and an opaque cursor until nextCursor is absent', async () => {
    const seen: string[] = [];
    let path: string | undefined = `/v1/schools/${SCHOOL_OID.testimaki}/groups?limit=4`;
    for (let pages = 0; path && pages < 20; pages++) {
      const answer: Answer<{ items: { id: string }[]; nextCursor?: string }> = await h.request(path, { as: 'principal' });
      assert.equal(answer.status, 200);
      assertConforms('listSchoolGroups', answer);
      assert.ok(answer.body.items.length <= 4);
      seen.push(...answer.body.items.map((g) => g.id));
      path = answer.body.nextCursor ? `/v1/schools/${SCHOOL_OID.testimaki}/groups?limit=4&cursor=${answer.body.nextCursor}` : undefined;
    }
    const all = data.groupsBySchool.get(SCHOOL_OID.testimaki) ?? [];
    assert.equal(seen.length, all.length);
    assert.deepEqual([...seen].sort(), [...all].sort());
  });

  it('serves the document itself, as YAML and as JSON, without a token', async () => {
    const json = await h.request<JsonObject>('/openapi.json');
    assert.deepEqual(json.body, doc);
    const yaml = await h.request('/openapi.yaml');
    assert.match(yaml.headers.get('content-type') ?? '', /^application\/yaml/);
    assert.match(yaml.text, /^openapi: 3\.1\.0/m);
  });
});
