/**
 * Admin writes over a copy of the repository manifests: drafts, publish, history, rollback, policy and widget
 * approvals, the audit log, school layering, and every refusal. Every answer is checked against
 * openapi/registry-api.yaml, and the last test demands that every documented operation was exercised.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';
import { SignJWT, createLocalJWKSet, exportJWK, generateKeyPair, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { CLAIM } from '@digione/sdk/identity';
import { BASE_FIXTURE, REAL_MANIFESTS, workspace, type Workspace } from '../fixtures/workspace.ts';
import type { Dashboard, ResolvedDashboard, TenantPolicy } from '../types.ts';
import type { ValidationIssue } from '../validate/issues.ts';
import { checkAnswer, documentedOperations, exercised } from './contract.ts';
import type { ProblemDocument } from './problem.ts';
import { startRegistry, type RunningRegistry } from './server.ts';
import type { AuditEntry, VersionInfo } from './storage.ts';

const ISSUER = 'http://localhost:4174';
const AUDIENCE = 'urn:digione:platform';
const VANTAA = '1.2.246.562.99.00000000001';
const SCHOOL = '1.2.246.562.10.00000000011';
const OTHER_SCHOOL = '1.2.246.562.10.00000000012';

type Key = Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];
let signingKey: Key;
let jwks: JWTVerifyGetKey;

const ADMIN: JWTPayload = { sub: 'admin-1', name: 'Aino Admin', [CLAIM.mpassUid]: 'mpass-admin-vantaa' };
const OTHER_ADMIN: JWTPayload = { sub: 'admin-2', name: 'Eero Espoo', [CLAIM.mpassUid]: 'mpass-admin-espoo' };
/** Espoo's second admin (added to the fixture's espoo.json): the one who races Eero for a draft. */
const SECOND_ESPOO_ADMIN: JWTPayload = { sub: 'admin-3', name: 'Saara Sihvo', [CLAIM.mpassUid]: 'mpass-admin-espoo-2' };
const TEACHER: JWTPayload = { sub: 'teacher-1', [CLAIM.role]: [`${VANTAA};00001;7A;role;2;${SCHOOL};`] };
const PUPIL: JWTPayload = { sub: 'pupil-1', [CLAIM.role]: [`${VANTAA};00001;7A;role;1;${SCHOOL};`] };

async function token(claims: JWTPayload): Promise<string> {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'RS256', typ: 'at+jwt', kid: 'test-key' })
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime('10m')
    .sign(signingKey);
}

interface Answer<T> {
  status: number;
  body: T;
}

let registry: RunningRegistry;
let ws: Workspace;

/** One call, as `as`, its answer checked against the OpenAPI document. */
async function call<T = unknown>(method: string, path: string, as: JWTPayload | undefined, body?: unknown): Promise<Answer<T>> {
  const headers: Record<string, string> = {};
  if (as) headers['authorization'] = `Bearer ${await token(as)}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(registry.url + path, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
  const text = await response.text();
  const parsed = (text ? JSON.parse(text) : undefined) as T;
  checkAnswer(method, path, response.status, parsed);
  return { status: response.status, body: parsed };
}

function assertProblem(answer: Answer<unknown>, status: number, code: string, detail?: RegExp): ProblemDocument {
  const problem = answer.body as ProblemDocument;
  assert.equal(answer.status, status, JSON.stringify(answer.body));
  assert.equal(problem.code, code);
  if (detail) assert.match(problem.detail, detail);
  return problem;
}

const DRAFT = '/v1/admin/tenants/vantaa/dashboards/pupil/draft';
const PUBLISH = '/v1/admin/tenants/vantaa/dashboards/pupil/publish';
const VERSIONS = '/v1/admin/tenants/vantaa/dashboards/pupil/versions';
const ROLLBACK = '/v1/admin/tenants/vantaa/dashboards/pupil/rollback';
const POLICY = '/v1/admin/tenants/vantaa/policy';

const pupilLayout = (): Dashboard['layout'] => [
  { instanceId: 'bulletin', widget: 'lumo.bulletin', size: 'l' },
  { instanceId: 'schedule', widget: 'kajo.schedule', size: 'm' },
];

before(async () => {
  const pair = await generateKeyPair('RS256');
  signingKey = pair.privateKey;
  jwks = createLocalJWKSet({ keys: [{ ...(await exportJWK(pair.publicKey)), kid: 'test-key', alg: 'RS256' }] });
  ws = await workspace(REAL_MANIFESTS);
  // A widget in the catalogue that no tenant has approved yet (https entry, so it carries its integrity hash).
  const clock = JSON.parse(await readFile(`${BASE_FIXTURE}catalogue/acme.clock.json`, 'utf8')) as Record<string, unknown>;
  await ws.write('catalogue/acme.clock.json', JSON.stringify({ ...clock, roles: ['pupil', 'teacher'], scopes: ['clock.read'] }));
  await ws.edit('tenants/espoo.json', (espoo) => {
    espoo['admins'] = [...(espoo['admins'] as string[]), 'mpass-admin-espoo-2'];
  });
  registry = await startRegistry({ port: 0, dbPath: ':memory:', issuer: ISSUER, audience: AUDIENCE, jwks, corsOrigins: [], manifestsDir: ws.dir });
});
after(async () => {
  await registry?.close();
  await ws?.remove();
});

describe('who may write', () => {
  test('a teacher, a pupil and another tenant\'s admin get 403 on every admin operation; no token gets 401', async () => {
    const writes: [string, string, unknown?][] = [
      ['GET', DRAFT],
      ['PUT', DRAFT, { layout: pupilLayout() }],
      ['DELETE', DRAFT],
      ['POST', PUBLISH, { expectedVersion: 1 }],
      ['GET', VERSIONS],
      ['GET', `${VERSIONS}/1`],
      ['POST', ROLLBACK, { toVersion: 1, expectedVersion: 1 }],
      ['GET', POLICY],
      ['PUT', POLICY, { version: 2 }],
      ['GET', `${POLICY}/versions`],
      ['PUT', `${POLICY}/widgets/acme.clock`, { versions: '^1.0.0', scopes: [], integration: 'module', expectedVersion: 1 }],
      ['DELETE', `${POLICY}/widgets/lumo.bulletin?expectedVersion=1`],
      ['GET', '/v1/admin/audit?tenant=vantaa'],
    ];
    for (const who of [TEACHER, PUPIL, OTHER_ADMIN]) {
      for (const [method, path, body] of writes) {
        assertProblem(await call(method, path, who, body), 403, 'forbidden', /only an admin of tenant `vantaa`/);
      }
    }
    assertProblem(await call('PUT', DRAFT, undefined, { layout: [] }), 401, 'unauthorized');
    const audit = await call<{ entries: AuditEntry[] }>('GET', '/v1/admin/audit?tenant=vantaa', ADMIN);
    assert.deepEqual(audit.body.entries, [], 'refused writes change nothing and record nothing');
  });

  test('malformed requests are 400 from the OpenAPI document\'s schemas', async () => {
    assertProblem(await call('POST', PUBLISH, ADMIN, { expectedVersion: 'one' }), 400, 'bad-request', /body \/expectedVersion must be an integer/);
    assertProblem(await call('POST', PUBLISH, ADMIN, {}), 400, 'bad-request', /body \/expectedVersion is required/);
    assertProblem(await call('GET', `${DRAFT}?shcool=1.2.3`, ADMIN), 400, 'bad-request', /query parameter `shcool` is unknown \(did you mean `school`\?\)/);
    assertProblem(await call('GET', '/v1/admin/tenants/vantaa/dashboards/pupl/draft', ADMIN), 400, 'bad-request', /did you mean `pupil`/);
  });
});

describe('drafts, publish, history and rollback', () => {
  test('an invalid draft is refused with every issue, as the CLI names them', async () => {
    const answer = await call('PUT', DRAFT, ADMIN, {
      layout: [
        { instanceId: 'schedule', widget: 'kajo.schedule', size: 'l', colour: 'red' },
        { instanceId: 'messages', widget: 'lumo.messages', size: 'xl' },
      ],
    });
    const problem = assertProblem(answer, 422, 'invalid-document', /2 errors/);
    assert.deepEqual(problem['issues'] as ValidationIssue[], [
      {
        file: 'dashboards/vantaa/pupil.json',
        pointer: '/layout/0/colour',
        code: 'schema',
        reason: 'unknown property `colour`',
        hint: 'allowed here: `instanceId`, `widget`, `size`, `config`',
      },
      {
        file: 'dashboards/vantaa/pupil.json',
        pointer: '/layout/1/size',
        code: 'schema',
        reason: 'must be one of `s`, `m`, `l`; got `xl`',
        hint: 'did you mean `l`?',
      },
    ]);
    const unknown = await call('PUT', DRAFT, ADMIN, { layout: [{ instanceId: 'schedule', widget: 'kajo.shedule', size: 'l' }] });
    assert.deepEqual(assertProblem(unknown, 422, 'invalid-document')['issues'], [
      {
        file: 'dashboards/vantaa/pupil.json',
        pointer: '/layout/0/widget',
        code: 'unknown-widget',
        reason: 'no widget `kajo.shedule` in the catalogue',
        hint: 'did you mean `kajo.schedule`?',
      },
    ]);
    assertProblem(await call('GET', DRAFT, ADMIN), 404, 'not-found');
  });

  test('a draft with a widget the tenant has not approved, or for another tenant, is refused', async () => {
    const unapproved = await call('PUT', DRAFT, ADMIN, { layout: [{ instanceId: 'clock', widget: 'acme.clock', size: 's' }] });
    assert.deepEqual(assertProblem(unapproved, 422, 'invalid-document')['issues'], [
      {
        file: 'dashboards/vantaa/pupil.json',
        pointer: '/layout/0/widget',
        code: 'widget-not-approved',
        reason: "widget `acme.clock` is not approved by tenant `vantaa`'s policy",
        hint: 'approve it in policies/vantaa.json, or remove it from the dashboard',
      },
    ]);
    const elsewhere = await call('PUT', DRAFT, ADMIN, { tenant: 'espoo', layout: pupilLayout() });
    assert.deepEqual(
      (assertProblem(elsewhere, 422, 'invalid-document')['issues'] as ValidationIssue[]).map((i) => [i.pointer, i.code]),
      [['/tenant', 'misplaced']],
    );
  });

  test('draft, publish with a stale version (409), publish, history; the draft is gone after publishing', async () => {
    const put = await call<{ dashboard: Dashboard; updatedBy: string }>('PUT', DRAFT, ADMIN, { layout: pupilLayout() });
    assert.equal(put.status, 200);
    assert.equal(put.body.updatedBy, 'admin-1');
    assert.deepEqual(put.body.dashboard, { tenant: 'vantaa', role: 'pupil', version: 2, layout: pupilLayout() });
    assert.deepEqual((await call<{ dashboard: Dashboard }>('GET', DRAFT, ADMIN)).body.dashboard.layout, pupilLayout());

    const stale = assertProblem(await call('POST', PUBLISH, ADMIN, { expectedVersion: 0 }), 409, 'conflict', /version 1 is the latest/);
    assert.equal(stale['latestVersion'], 1);

    const published = await call<VersionInfo & { dashboard: Dashboard }>('POST', PUBLISH, ADMIN, { expectedVersion: 1 });
    assert.equal(published.status, 201);
    assert.equal(published.body.version, 2);
    assert.equal(published.body.publishedBy, 'admin-1');
    assertProblem(await call('GET', DRAFT, ADMIN), 404, 'not-found');
    assertProblem(await call('POST', PUBLISH, ADMIN, { expectedVersion: 2 }), 404, 'not-found', /no draft/);

    const history = await call<{ versions: VersionInfo[] }>('GET', VERSIONS, ADMIN);
    assert.deepEqual(history.body.versions.map((v) => [v.version, v.publishedBy]), [
      [1, 'manifests'],
      [2, 'admin-1'],
    ]);
    const pupil = await call<ResolvedDashboard>('GET', '/v1/dashboard?role=pupil', PUPIL);
    assert.deepEqual(pupil.body.layout.map((i) => [i.instanceId, i.size]), [
      ['bulletin', 'l'],
      ['schedule', 'm'],
    ]);
    assert.equal(pupil.body.version, 2);
  });

  test('a rollback publishes a new version whose layout is exactly the earlier one; stale or unknown versions are refused', async () => {
    const v1 = (await call<Dashboard>('GET', `${VERSIONS}/1`, ADMIN)).body;
    assertProblem(await call('POST', ROLLBACK, ADMIN, { toVersion: 1, expectedVersion: 1 }), 409, 'conflict');
    assertProblem(await call('POST', ROLLBACK, ADMIN, { toVersion: 9, expectedVersion: 2 }), 404, 'not-found', /no version 9/);
    const rolled = await call<VersionInfo & { dashboard: Dashboard }>('POST', ROLLBACK, ADMIN, { toVersion: 1, expectedVersion: 2 });
    assert.equal(rolled.status, 201);
    assert.equal(rolled.body.version, 3);
    const v3 = (await call<Dashboard>('GET', `${VERSIONS}/3`, ADMIN)).body;
    assert.deepEqual({ ...v3, version: 1 }, v1);
    assertProblem(await call('GET', `${VERSIONS}/4`, ADMIN), 404, 'not-found');
    const pupil = await call<ResolvedDashboard>('GET', '/v1/dashboard?role=pupil', PUPIL);
    assert.deepEqual(pupil.body.layout.map((i) => i.instanceId), ['schedule', 'messages', 'bulletin', 'calendar', 'materials']);
    assert.equal(pupil.body.version, 3);
  });

  test('a draft can be discarded once', async () => {
    assert.equal((await call('PUT', DRAFT, ADMIN, { layout: [] })).status, 200);
    assert.equal((await call('DELETE', DRAFT, ADMIN)).status, 204);
    assertProblem(await call('DELETE', DRAFT, ADMIN), 404, 'not-found');
  });
});

describe('two admins editing one draft', () => {
  const ESPOO_DRAFT = '/v1/admin/tenants/espoo/dashboards/teacher/draft';
  interface StoredDraft {
    dashboard: Dashboard;
    updatedBy: string;
    revision: number;
  }
  const revisionPath = (revision: number) => `${ESPOO_DRAFT}?expectedRevision=${revision}`;

  test('a save naming a revision someone else has saved over is 409 with who saved it; nothing is overwritten or audited', async () => {
    const layout = (await call<Dashboard>('GET', '/v1/admin/tenants/espoo/dashboards/teacher/versions/1', OTHER_ADMIN)).body.layout;
    const first = await call<StoredDraft>('PUT', revisionPath(0), OTHER_ADMIN, { layout });
    assert.equal(first.status, 200);
    assert.ok(first.body.revision > 0);
    const loaded = await fetch(registry.url + ESPOO_DRAFT, { headers: { authorization: `Bearer ${await token(SECOND_ESPOO_ADMIN)}` } });
    assert.equal(loaded.headers.get('etag'), `"draft-${first.body.revision}"`);

    // Both admins loaded revision N; Saara saves first, then Eero's save (naming N) is refused.
    const saara = await call<StoredDraft>('PUT', revisionPath(first.body.revision), SECOND_ESPOO_ADMIN, { layout: layout.slice(1) });
    assert.equal(saara.status, 200);
    assert.notEqual(saara.body.revision, first.body.revision);
    const eero = assertProblem(await call('PUT', revisionPath(first.body.revision), OTHER_ADMIN, { layout: [] }), 409, 'conflict', /another admin/);
    assert.equal(eero['latestRevision'], saara.body.revision);
    assert.equal(eero['updatedBy'], 'admin-3');
    const stored = await call<StoredDraft>('GET', ESPOO_DRAFT, OTHER_ADMIN);
    assert.deepEqual(stored.body.dashboard.layout, layout.slice(1), "Saara's draft is intact");
    const audit = await call<{ entries: AuditEntry[] }>('GET', '/v1/admin/audit?tenant=espoo&action=dashboard.draft.put', OTHER_ADMIN);
    assert.deepEqual(audit.body.entries.map((e) => e.user), ['admin-3', 'admin-2']);

    // Creating a draft that already exists (revision 0) is refused too; after a discard, the old revision is.
    assertProblem(await call('PUT', revisionPath(0), OTHER_ADMIN, { layout }), 409, 'conflict');
    assert.equal((await call('DELETE', ESPOO_DRAFT, SECOND_ESPOO_ADMIN)).status, 204);
    const gone = assertProblem(await call('PUT', revisionPath(saara.body.revision), OTHER_ADMIN, { layout }), 409, 'conflict', /discarded/);
    assert.equal(gone['latestRevision'], 0);
  });

  test('of two saves sent at the same moment naming the same revision, exactly one is stored', async () => {
    const base = await call<StoredDraft>('GET', ESPOO_DRAFT, OTHER_ADMIN);
    const revision = base.status === 200 ? base.body.revision : 0;
    const answers = await Promise.all([
      call<StoredDraft>('PUT', revisionPath(revision), OTHER_ADMIN, { layout: [] }),
      call<StoredDraft>('PUT', revisionPath(revision), SECOND_ESPOO_ADMIN, { layout: [] }),
    ]);
    assert.deepEqual(answers.map((a) => a.status).sort(), [200, 409]);
    const winner = answers.find((a) => a.status === 200);
    assert.equal((await call<StoredDraft>('GET', ESPOO_DRAFT, OTHER_ADMIN)).body.updatedBy, winner?.body.updatedBy);
    assert.equal((await call('DELETE', ESPOO_DRAFT, OTHER_ADMIN)).status, 204);
  });
});

describe('policy and approvals', () => {
  test('GET policy; PUT a new version; stale versions are 409, invalid ones 422 with pointer and reason', async () => {
    const current = (await call<TenantPolicy>('GET', POLICY, ADMIN)).body;
    assert.equal(current.version, 1);
    assert.deepEqual(Object.keys(current.widgets).sort(), [
      'aika.term-countdown',
      'kajo.schedule',
      'lumo.bulletin',
      'lumo.messages',
      'reissu.permissions',
      'tanne.calendar',
      'vire.materials',
    ]);

    assertProblem(await call('PUT', POLICY, ADMIN, { ...current }), 409, 'conflict', /version 1 is the latest/);
    const invalid = await call('PUT', POLICY, ADMIN, {
      ...current,
      version: 2,
      theme: { ...current.theme, colours: { primary: 'blue', onPrimary: '#ffffff' } },
      widgets: { ...current.widgets, 'lumo.messages': { versions: '^0.1.0', scopes: ['messages.write'], integration: 'module' } },
    });
    assert.deepEqual(
      (assertProblem(invalid, 422, 'invalid-document')['issues'] as ValidationIssue[]).map((i) => [i.pointer, i.code, i.reason]),
      [
        ['/theme/colours/primary', 'schema', 'must be a colour as #rrggbb, e.g. #0b5394; got `blue`'],
      ],
    );
    const undeclared = await call('PUT', POLICY, ADMIN, {
      ...current,
      version: 2,
      widgets: { ...current.widgets, 'lumo.messages': { versions: '^0.1.0', scopes: ['messages.write'], integration: 'module' } },
    });
    assert.deepEqual(
      (assertProblem(undeclared, 422, 'invalid-document')['issues'] as ValidationIssue[]).map((i) => [i.pointer, i.code, i.reason]),
      [['/widgets/lumo.messages/scopes/0', 'scope-not-declared', 'widget `lumo.messages` does not ask for scope `messages.write`; its manifest lists `messages.read`']],
    );

    // Granting messages no scope: its manifest is served without messages.read.
    const narrowed = await call<VersionInfo & { policy: TenantPolicy }>('PUT', POLICY, ADMIN, {
      ...current,
      version: 2,
      widgets: { ...current.widgets, 'lumo.messages': { versions: '^0.1.0', scopes: [], integration: 'module' } },
    });
    assert.equal(narrowed.status, 200);
    assert.equal(narrowed.body.version, 2);
    const pupil = await call<ResolvedDashboard>('GET', '/v1/dashboard?role=pupil', PUPIL);
    assert.deepEqual(pupil.body.widgets['lumo.messages']?.scopes, []);
    assert.deepEqual(pupil.body.widgets['kajo.schedule']?.scopes, ['schedule.read']);
  });

  test('approve a widget with a range and scopes, place it, then revoke it: the resolved dashboard drops it', async () => {
    assertProblem(
      await call('PUT', `${POLICY}/widgets/acme.clock`, ADMIN, { versions: '^1.0.0', scopes: ['clock.read'], integration: 'module', expectedVersion: 1 }),
      409,
      'conflict',
    );
    const outOfRange = await call('PUT', `${POLICY}/widgets/acme.clock`, ADMIN, { versions: '^2.0.0', scopes: ['clock.read'], integration: 'module', expectedVersion: 2 });
    assert.equal(outOfRange.status, 200, 'approving a future range is allowed');
    const draft = await call('PUT', DRAFT, ADMIN, { layout: [...pupilLayout(), { instanceId: 'clock', widget: 'acme.clock', size: 's' }] });
    assert.deepEqual(
      (assertProblem(draft, 422, 'invalid-document')['issues'] as ValidationIssue[]).map((i) => [i.pointer, i.code, i.reason]),
      [['/layout/2/widget', 'version-not-approved', 'tenant `vantaa` approves `acme.clock` versions `^2.0.0`; the catalogue has 1.0.0']],
    );
    const approved = await call<{ version: number; policy: TenantPolicy }>('PUT', `${POLICY}/widgets/acme.clock`, ADMIN, {
      versions: '1.0.0',
      scopes: ['clock.read'],
      integration: 'module',
      expectedVersion: 3,
    });
    assert.equal(approved.body.version, 4);
    assert.deepEqual(approved.body.policy.widgets['acme.clock'], { versions: '1.0.0', scopes: ['clock.read'], integration: 'module' });
    assert.equal((await call('PUT', DRAFT, ADMIN, { layout: [...pupilLayout(), { instanceId: 'clock', widget: 'acme.clock', size: 's' }] })).status, 200);
    assert.equal((await call('POST', PUBLISH, ADMIN, { expectedVersion: 3 })).status, 201);
    let pupil = await call<ResolvedDashboard>('GET', '/v1/dashboard?role=pupil', PUPIL);
    assert.deepEqual(pupil.body.layout.map((i) => i.widget), ['lumo.bulletin', 'kajo.schedule', 'acme.clock']);
    assert.deepEqual(pupil.body.widgets['acme.clock']?.scopes, ['clock.read']);

    assertProblem(await call('DELETE', `${POLICY}/widgets/acme.clock?expectedVersion=3`, ADMIN), 409, 'conflict');
    const revoked = await call<{ version: number; policy: TenantPolicy }>('DELETE', `${POLICY}/widgets/acme.clock?expectedVersion=4`, ADMIN);
    assert.equal(revoked.status, 200);
    assert.equal(revoked.body.policy.widgets['acme.clock'], undefined);
    assertProblem(await call('DELETE', `${POLICY}/widgets/acme.clock?expectedVersion=5`, ADMIN), 404, 'not-found');
    pupil = await call<ResolvedDashboard>('GET', '/v1/dashboard?role=pupil', PUPIL);
    assert.deepEqual(pupil.body.layout.map((i) => i.widget), ['lumo.bulletin', 'kajo.schedule']);
    assert.equal(pupil.body.widgets['acme.clock'], undefined);

    const history = await call<{ versions: VersionInfo[] }>('GET', `${POLICY}/versions`, ADMIN);
    assert.deepEqual(history.body.versions.map((v) => v.version), [1, 2, 3, 4, 5]);
  });
});

describe('school dashboards', () => {
  test('a school refines the tenant dashboard for its pupils; another school is 403', async () => {
    const school = `?school=${SCHOOL}`;
    const removal = await call('PUT', `/v1/admin/tenants/vantaa/dashboards/pupil/draft`, ADMIN, { layout: [{ instanceId: 'nothing', remove: true }] });
    assert.deepEqual(
      (assertProblem(removal, 422, 'invalid-document')['issues'] as ValidationIssue[]).map((i) => [i.pointer, i.code]),
      [['/layout/0/remove', 'removal-without-school']],
    );
    const unknown = await call('PUT', `${DRAFT}${school}`, ADMIN, { layout: [{ instanceId: 'nothing', remove: true }] });
    assert.deepEqual(
      (assertProblem(unknown, 422, 'invalid-document')['issues'] as ValidationIssue[]).map((i) => [i.file, i.pointer, i.code]),
      [[`dashboards/vantaa/${SCHOOL}/pupil.json`, '/layout/0/instanceId', 'unknown-instance']],
    );
    const put = await call<{ dashboard: Dashboard }>('PUT', `${DRAFT}${school}`, ADMIN, {
      layout: [
        { instanceId: 'news', widget: 'lumo.bulletin', size: 'm' },
        { instanceId: 'bulletin', widget: 'lumo.bulletin', size: 's' },
        { instanceId: 'schedule', remove: true },
      ],
    });
    assert.equal(put.status, 200, JSON.stringify(put.body));
    assert.equal(put.body.dashboard.school, SCHOOL);
    assert.equal((await call('POST', `${PUBLISH}${school}`, ADMIN, { expectedVersion: 0 })).status, 201);
    const history = await call<{ versions: VersionInfo[] }>('GET', `${VERSIONS}${school}`, ADMIN);
    assert.deepEqual(history.body.versions.map((v) => v.version), [1]);

    const pupil = await call<ResolvedDashboard>('GET', '/v1/dashboard?role=pupil', PUPIL);
    assert.equal(pupil.body.school, SCHOOL);
    assert.equal(pupil.body.schoolVersion, 1);
    // Tenant v4: bulletin l, schedule m, clock s (revoked, so never served). The school resizes bulletin in place,
    // removes schedule and appends news.
    assert.deepEqual(pupil.body.layout.map((i) => [i.instanceId, i.size]), [
      ['bulletin', 's'],
      ['news', 'm'],
    ]);
    const named = await call<ResolvedDashboard>('GET', `/v1/dashboard?role=pupil&school=${SCHOOL}`, PUPIL);
    assert.deepEqual(named.body, pupil.body);
    assertProblem(await call('GET', `/v1/dashboard?role=pupil&school=${OTHER_SCHOOL}`, PUPIL), 403, 'forbidden', /not a pupil at school/);
  });
});

describe('audit log', () => {
  test('every write is recorded with who, what, before, after and when; filters narrow it; refusals recorded nothing', async () => {
    const all = await call<{ entries: AuditEntry[] }>('GET', '/v1/admin/audit?tenant=vantaa', ADMIN);
    assert.equal(all.status, 200);
    const actions = all.body.entries.map((e) => e.action).reverse();
    assert.deepEqual(actions, [
      'dashboard.draft.put',
      'dashboard.publish',
      'dashboard.rollback',
      'dashboard.draft.put',
      'dashboard.draft.delete',
      'policy.put',
      'policy.widget.put',
      'policy.widget.put',
      'dashboard.draft.put',
      'dashboard.publish',
      'policy.widget.delete',
      'dashboard.draft.put',
      'dashboard.publish',
    ]);
    for (const entry of all.body.entries) {
      assert.equal(entry.user, 'admin-1');
      assert.equal(entry.userName, 'Aino Admin');
      assert.equal(entry.tenant, 'vantaa');
      assert.ok(Date.parse(entry.at) > Date.now() - 60_000);
    }
    const rollback = all.body.entries.find((e) => e.action === 'dashboard.rollback');
    assert.equal((rollback?.before as Dashboard).version, 2);
    assert.equal((rollback?.after as Dashboard).version, 3);
    assert.deepEqual((rollback?.after as Dashboard).layout, (await call<Dashboard>('GET', `${VERSIONS}/1`, ADMIN)).body.layout);
    assert.equal(rollback?.target, 'dashboards/pupil');
    const revoke = all.body.entries.find((e) => e.action === 'policy.widget.delete');
    assert.ok((revoke?.before as TenantPolicy).widgets['acme.clock']);
    assert.equal((revoke?.after as TenantPolicy).widgets['acme.clock'], undefined);
    assert.deepEqual(revoke?.widgets, ['acme.clock']);

    const clock = await call<{ entries: AuditEntry[] }>('GET', '/v1/admin/audit?tenant=vantaa&widget=acme.clock', ADMIN);
    assert.deepEqual(clock.body.entries.map((e) => e.action).reverse(), [
      'policy.widget.put',
      'policy.widget.put',
      'dashboard.draft.put',
      'dashboard.publish',
      'policy.widget.delete',
    ]);
    const publishes = await call<{ entries: AuditEntry[] }>('GET', '/v1/admin/audit?tenant=vantaa&action=dashboard.publish', ADMIN);
    assert.equal(publishes.body.entries.length, 3);
    const nobody = await call<{ entries: AuditEntry[] }>('GET', '/v1/admin/audit?tenant=vantaa&user=admin-2', ADMIN);
    assert.deepEqual(nobody.body.entries, []);
    const future = await call<{ entries: AuditEntry[] }>('GET', `/v1/admin/audit?tenant=vantaa&from=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`, ADMIN);
    assert.deepEqual(future.body.entries, []);
    const past = await call<{ entries: AuditEntry[] }>('GET', `/v1/admin/audit?tenant=vantaa&to=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`, ADMIN);
    assert.equal(past.body.entries.length, all.body.entries.length);
    assertProblem(await call('GET', '/v1/admin/audit?tenant=espoo', ADMIN), 403, 'forbidden');
    assertProblem(await call('GET', '/v1/admin/audit', ADMIN), 400, 'bad-request', /`tenant` is required/);
  });
});

describe('the OpenAPI contract', () => {
  test('every documented operation was called and answered as documented', async () => {
    for (const path of ['/health', '/v1/me', '/v1/catalogue', '/v1/content-sources']) assert.equal((await call('GET', path, ADMIN)).status, 200);
    const missing = documentedOperations().filter((id) => !exercised.has(id));
    assert.deepEqual(missing, []);
  });
});
