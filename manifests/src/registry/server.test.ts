import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { SignJWT, createLocalJWKSet, exportJWK, generateKeyPair, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { CLAIM } from '@digione/sdk/identity';
import { REAL_MANIFESTS, workspace } from '../fixtures/workspace.ts';
import type { MeResponse, ResolvedDashboard } from '../types.ts';
import { checkAnswer } from './contract.ts';
import type { ProblemDocument } from './problem.ts';
import { InvalidManifestsError, startRegistry, type RunningRegistry } from './server.ts';

const ISSUER = 'http://localhost:4174';
const AUDIENCE = 'urn:digione:platform';
const SHELL = 'http://localhost:4173';
const VANTAA = '1.2.246.562.99.00000000001';
const ESPOO = '1.2.246.562.99.00000000002';

type Key = Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];
let signingKey: Key;
let foreignKey: Key;
let jwks: JWTVerifyGetKey;

interface TokenOptions {
  key?: Key;
  audience?: string;
  typ?: string;
  /** Seconds since the epoch. */
  exp?: number;
}

async function token(claims: JWTPayload, options: TokenOptions = {}): Promise<string> {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'RS256', typ: options.typ ?? 'at+jwt', kid: 'test-key' })
    .setIssuer(ISSUER)
    .setAudience(options.audience ?? AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(options.exp ?? '10m')
    .sign(options.key ?? signingKey);
}

const mpassRole = (provider: string, code: string, group = '7A'): string =>
  `${provider};00001;${group};role;${code};1.2.246.562.10.00000000011;`;

const PUPIL: JWTPayload = {
  sub: 'pupil-1',
  name: 'Pupu Oppilas',
  [CLAIM.idp]: 'mpassid',
  [CLAIM.mpassUid]: 'mpass-pupil-1',
  [CLAIM.learnerOid]: '1.2.246.562.98.00000000001',
  [CLAIM.role]: [mpassRole(VANTAA, '1')],
};
const GUARDIAN: JWTPayload = {
  sub: 'guardian-1',
  name: 'Huoltaja Henna',
  [CLAIM.idp]: 'suomifi',
  [CLAIM.mandates]: [
    { principal: '1.2.246.562.98.00000000001', name: 'Pupu', status: 'ALLOWED', educationProviderOid: VANTAA },
    { principal: '1.2.246.562.98.00000000002', name: 'Ei', status: 'DISALLOWED', educationProviderOid: ESPOO },
  ],
};
const TEACHER_TWO_TENANTS: JWTPayload = {
  sub: 'teacher-2',
  [CLAIM.mpassUid]: 'mpass-teacher-2',
  [CLAIM.role]: [mpassRole(VANTAA, '2'), mpassRole(ESPOO, '2', '8B')],
};

interface Answer<T> {
  status: number;
  headers: Headers;
  body: T;
}

async function get<T>(registry: RunningRegistry, path: string, headers: Record<string, string> = {}): Promise<Answer<T>> {
  const response = await fetch(registry.url + path, { headers });
  const text = await response.text();
  const body = (text ? JSON.parse(text) : undefined) as T;
  if (response.status !== 404 || !path.startsWith('/v2/')) checkAnswer('GET', path, response.status, body);
  return { status: response.status, headers: response.headers, body };
}
const bearer = async (claims: JWTPayload, options?: TokenOptions): Promise<Record<string, string>> => ({
  authorization: `Bearer ${await token(claims, options)}`,
});

function assertProblem(answer: Answer<unknown>, status: number, code: string, detail?: RegExp): void {
  assert.equal(answer.status, status);
  assert.equal(answer.headers.get('content-type'), 'application/problem+json; charset=utf-8');
  const problem = answer.body as ProblemDocument;
  assert.equal(problem.status, status);
  assert.equal(problem.code, code);
  assert.equal(problem.type, `https://schemas.digione.fi/problems/${code}`);
  assert.equal(typeof problem.title, 'string');
  if (detail) assert.match(problem.detail, detail);
}

before(async () => {
  const pair = await generateKeyPair('RS256');
  signingKey = pair.privateKey;
  foreignKey = (await generateKeyPair('RS256')).privateKey;
  jwks = createLocalJWKSet({ keys: [{ ...(await exportJWK(pair.publicKey)), kid: 'test-key', alg: 'RS256' }] });
});

const options = () => ({ port: 0, dbPath: ':memory:', issuer: ISSUER, audience: AUDIENCE, jwks, corsOrigins: [SHELL] });

describe('registry over the repository manifests', () => {
  let registry: RunningRegistry;
  before(async () => {
    registry = await startRegistry({ ...options(), manifestsDir: REAL_MANIFESTS });
  });
  after(() => registry.close());

  test('/health answers without a token', async () => {
    const answer = await get<{ status: string }>(registry, '/health');
    assert.equal(answer.status, 200);
    assert.deepEqual(answer.body, { status: 'ok' });
  });

  test('/v1/content-sources answers without a token with the approved widget origins', async () => {
    const answer = await get<{ script: string[]; frame: string[]; integrity: Record<string, string> }>(registry, '/v1/content-sources');
    assert.equal(answer.status, 200);
    assert.ok(answer.body.script.includes('http://localhost:4201'), 'Kajo runs in the page');
    assert.ok(answer.body.script.includes('http://localhost:4202'), 'Lumo runs in the page');
    assert.ok(!answer.body.script.includes('http://localhost:4173'), 'the shell is not a widget origin');
    const again = await get(registry, '/v1/content-sources', { 'If-None-Match': answer.headers.get('etag') ?? '' });
    assert.equal(again.status, 304);
  });

  test('/v1/me maps a pupil token to the pupil role in vantaa', async () => {
    const answer = await get<MeResponse>(registry, '/v1/me', await bearer(PUPIL));
    assert.equal(answer.status, 200);
    assert.deepEqual(answer.body.user.roleNames, ['pupil']);
    assert.deepEqual(answer.body.user.tenants, ['vantaa']);
    assert.equal(answer.body.user.learnerOid, '1.2.246.562.98.00000000001');
    assert.deepEqual(
      answer.body.tenants.map(({ id, name }) => ({ id, name })),
      [{ id: 'vantaa', name: { fi: 'Vantaa', sv: 'Vanda', en: 'Vantaa' } }],
    );
    // The theme of the tenant's policy comes along, for the shell to apply before the dashboard shows.
    assert.equal(answer.body.tenants[0]?.theme?.colours.primary, '#a4231c');
  });

  test('/v1/me maps a guardian token to the guardian role with only the allowed child', async () => {
    const answer = await get<MeResponse>(registry, '/v1/me', await bearer(GUARDIAN));
    assert.equal(answer.status, 200);
    assert.deepEqual(answer.body.user.roleNames, ['guardian']);
    assert.equal(answer.body.user.idp, 'suomifi');
    assert.deepEqual(answer.body.user.children, [{ learnerOid: '1.2.246.562.98.00000000001', name: 'Pupu', tenant: 'vantaa' }]);
  });

  test('a claim of the wrong shape is dropped rather than trusted', async () => {
    const answer = await get<MeResponse>(registry, '/v1/me', await bearer({ ...GUARDIAN, [CLAIM.mandates]: { principal: 'x' } }));
    assert.equal(answer.status, 200);
    assert.deepEqual(answer.body.user.roleNames, []);
  });

  test('the dashboard of the own role, with an ETag that answers 304 when unchanged', async () => {
    const headers = await bearer(PUPIL);
    const answer = await get<ResolvedDashboard>(registry, '/v1/dashboard?role=pupil', headers);
    assert.equal(answer.status, 200);
    assert.equal(answer.body.tenant, 'vantaa');
    assert.equal(answer.body.role, 'pupil');
    assert.equal(answer.body.version, 1);
    assert.deepEqual(
      answer.body.layout.map((i) => [i.instanceId, i.widget, i.size]),
      [
        ['schedule', 'kajo.schedule', 'l'],
        ['messages', 'lumo.messages', 'm'],
        ['bulletin', 'lumo.bulletin', 'm'],
        ['calendar', 'tanne.calendar', 'm'],
        ['materials', 'vire.materials', 'm'],
      ],
    );
    assert.deepEqual(answer.body.layout[0]?.config, {});
    assert.deepEqual(Object.keys(answer.body.widgets).sort(), ['kajo.schedule', 'lumo.bulletin', 'lumo.messages', 'tanne.calendar', 'vire.materials']);
    assert.deepEqual(answer.body.widgets['kajo.schedule']?.federation, { name: 'kajo_schedule', expose: './widget' });
    assert.equal(answer.headers.get('cache-control'), 'private, no-cache');
    const etag = answer.headers.get('etag');
    assert.match(etag ?? '', /^"[A-Za-z0-9_-]{43}"$/);

    const again = await get<undefined>(registry, '/v1/dashboard?role=pupil&tenant=vantaa', { ...headers, 'if-none-match': etag ?? '' });
    assert.equal(again.status, 304);
    assert.equal(again.body, undefined);
    assert.equal(again.headers.get('etag'), etag);

    const stale = await get<ResolvedDashboard>(registry, '/v1/dashboard?role=pupil', { ...headers, 'if-none-match': '"other"' });
    assert.equal(stale.status, 200);
  });

  test('a dashboard of a role the user does not hold is 403', async () => {
    const answer = await get<ProblemDocument>(registry, '/v1/dashboard?role=teacher', await bearer(PUPIL));
    assertProblem(answer, 403, 'forbidden', /role `teacher`/);
  });

  test('a dashboard of another tenant is 403', async () => {
    const answer = await get<ProblemDocument>(registry, '/v1/dashboard?role=pupil&tenant=espoo', await bearer(PUPIL));
    assertProblem(answer, 403, 'forbidden', /tenant `espoo`/);
  });

  test('a user with the role in two tenants must name one', async () => {
    const headers = await bearer(TEACHER_TWO_TENANTS);
    const ambiguous = await get<ProblemDocument>(registry, '/v1/dashboard?role=teacher', headers);
    assertProblem(ambiguous, 400, 'ambiguous-tenant', /vantaa, espoo/);
    assert.deepEqual(ambiguous.body['choices'], ['vantaa', 'espoo']);
    const espoo = await get<ResolvedDashboard>(registry, '/v1/dashboard?role=teacher&tenant=espoo', headers);
    assert.equal(espoo.status, 200);
    assert.deepEqual(espoo.body.layout.map((i) => i.widget), ['kajo.schedule', 'lumo.messages', 'vire.materials']);
    // Espoo approves Vire's materials only as a link: the registry serves a tile to Vire's own page, not its frame.
    const materials = espoo.body.widgets['vire.materials'];
    assert.equal(materials?.kind, 'link');
    assert.equal(materials?.entry, 'https://vire.example/materials');
  });

  test('a missing or unknown role is 400', async () => {
    const headers = await bearer(PUPIL);
    assertProblem(await get(registry, '/v1/dashboard', headers), 400, 'bad-request', /query parameter `role` is required/);
    assertProblem(await get(registry, '/v1/dashboard?role=pupl', headers), 400, 'bad-request', /did you mean `pupil`/);
  });

  test('no, malformed, foreign-signed, expired, wrong-audience and wrong-type tokens are 401 problems', async () => {
    const none = await get(registry, '/v1/dashboard?role=pupil');
    assertProblem(none, 401, 'unauthorized', /Authorization: Bearer/);
    assert.equal(none.headers.get('www-authenticate'), 'Bearer realm="digione"');
    assertProblem(await get(registry, '/v1/me', { authorization: 'Basic cHVwaWw6c2FuZGJveA==' }), 401, 'unauthorized');
    assertProblem(await get(registry, '/v1/me', { authorization: 'Bearer not-a-jwt' }), 401, 'unauthorized');
    const foreign = await get(registry, '/v1/me', await bearer(PUPIL, { key: foreignKey }));
    assertProblem(foreign, 401, 'unauthorized', /signature/);
    assert.match(foreign.headers.get('www-authenticate') ?? '', /error="invalid_token"/);
    const expired = await bearer(PUPIL, { exp: Math.floor(Date.now() / 1000) - 60 });
    assertProblem(await get(registry, '/v1/dashboard?role=pupil', expired), 401, 'unauthorized', /expired/);
    assertProblem(await get(registry, '/v1/me', await bearer(PUPIL, { audience: 'digione-shell' })), 401, 'unauthorized', /`aud`/);
    assertProblem(await get(registry, '/v1/me', await bearer(PUPIL, { typ: 'JWT' })), 401, 'unauthorized', /`typ`/);
  });

  test('/v1/catalogue lists every widget, cacheable', async () => {
    const answer = await get<{ widgets: { id: string }[] }>(registry, '/v1/catalogue', await bearer(GUARDIAN));
    assert.equal(answer.status, 200);
    assert.deepEqual(answer.body.widgets.map((w) => w.id), [
      'aika.term-countdown',
      'kajo.schedule',
      'lumo.bulletin',
      'lumo.messages',
      'reissu.permissions',
      'tanne.calendar',
      'vire.materials',
    ]);
    assert.ok(answer.headers.get('etag'));
    assertProblem(await get(registry, '/v1/catalogue'), 401, 'unauthorized');
  });

  test('an unknown path is a 404 problem', async () => {
    assertProblem(await get(registry, '/v2/nothing'), 404, 'not-found');
  });

  test('CORS lets the shell send Authorization and If-None-Match and read ETag; other origins get nothing', async () => {
    const preflight = await fetch(`${registry.url}/v1/dashboard?role=pupil`, {
      method: 'OPTIONS',
      headers: { origin: SHELL, 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization,if-none-match' },
    });
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers.get('access-control-allow-origin'), SHELL);
    assert.match(preflight.headers.get('access-control-allow-headers') ?? '', /Authorization/);
    assert.match(preflight.headers.get('access-control-allow-headers') ?? '', /If-None-Match/);
    const answer = await fetch(`${registry.url}/v1/dashboard?role=pupil`, { headers: { origin: SHELL, ...(await bearer(PUPIL)) } });
    assert.equal(answer.headers.get('access-control-allow-origin'), SHELL);
    assert.match(answer.headers.get('access-control-expose-headers') ?? '', /ETag/);
    const denied = await fetch(`${registry.url}/v1/me`, { headers: { origin: 'https://evil.example' } });
    assert.equal(denied.headers.get('access-control-allow-origin'), null);
  });
});

describe('registry start and stored dashboards', () => {
  const cleanups: (() => Promise<void>)[] = [];
  after(() => Promise.all(cleanups.map((c) => c())));

  test('refuses to start on invalid manifests, naming file and field', async () => {
    const ws = await workspace(REAL_MANIFESTS);
    cleanups.push(ws.remove);
    await ws.edit('catalogue/lumo.bulletin.json', (d) => (d['sizes'] = ['xl']));
    await assert.rejects(startRegistry({ ...options(), manifestsDir: ws.dir }), (error: unknown) => {
      assert.ok(error instanceof InvalidManifestsError);
      assert.match(error.message, /catalogue\/lumo\.bulletin\.json \/sizes\/0: must be one of `s`, `m`, `l`; got `xl`/);
      return true;
    });
  });

  test('a widget whose manifest no longer lists the role is left out of a stored dashboard', async () => {
    const ws = await workspace(REAL_MANIFESTS);
    const dbDir = await mkdtemp(path.join(tmpdir(), 'digione-registry-test-'));
    cleanups.push(ws.remove, () => rm(dbDir, { recursive: true, force: true }));
    const dbPath = path.join(dbDir, 'registry.sqlite');
    const teacher = await bearer({ sub: 'teacher-1', [CLAIM.role]: [mpassRole(VANTAA, '2')] });

    const first = await startRegistry({ ...options(), manifestsDir: ws.dir, dbPath });
    const before = await get<ResolvedDashboard>(first, '/v1/dashboard?role=teacher', teacher);
    await first.close();
    assert.deepEqual(before.body.layout.map((i) => i.widget), [
      'kajo.schedule',
      'lumo.messages',
      'lumo.bulletin',
      'tanne.calendar',
      'vire.materials',
      'aika.term-countdown',
    ]);

    // The vendor drops teachers; the published teacher dashboards stay in the database only.
    await ws.edit('catalogue/kajo.schedule.json', (d) => (d['roles'] = ['pupil', 'guardian']));
    await rm(ws.path('dashboards/vantaa/teacher.json'));
    await rm(ws.path('dashboards/espoo/teacher.json'));
    const second = await startRegistry({ ...options(), manifestsDir: ws.dir, dbPath });
    cleanups.push(() => second.close());
    const afterDrop = await get<ResolvedDashboard>(second, '/v1/dashboard?role=teacher', teacher);
    assert.equal(afterDrop.status, 200);
    assert.deepEqual(afterDrop.body.layout.map((i) => i.widget), ['lumo.messages', 'lumo.bulletin', 'tanne.calendar', 'vire.materials', 'aika.term-countdown']);
    assert.deepEqual(Object.keys(afterDrop.body.widgets).sort(), [
      'aika.term-countdown',
      'lumo.bulletin',
      'lumo.messages',
      'tanne.calendar',
      'vire.materials',
    ]);
    assert.notEqual(afterDrop.headers.get('etag'), before.headers.get('etag'));
  });

  test('a published dashboard version cannot change content under the same number', async () => {
    const ws = await workspace(REAL_MANIFESTS);
    const dbDir = await mkdtemp(path.join(tmpdir(), 'digione-registry-test-'));
    cleanups.push(ws.remove, () => rm(dbDir, { recursive: true, force: true }));
    const dbPath = path.join(dbDir, 'registry.sqlite');
    await (await startRegistry({ ...options(), manifestsDir: ws.dir, dbPath })).close();
    await ws.edit('dashboards/vantaa/admin.json', (d) => ((d['layout'] as Record<string, unknown>[])[0]!['size'] = 'm'));
    await assert.rejects(startRegistry({ ...options(), manifestsDir: ws.dir, dbPath }), /admin\.json \/version: version 1 is already published/);
    await ws.edit('dashboards/vantaa/admin.json', (d) => (d['version'] = 2));
    const registry = await startRegistry({ ...options(), manifestsDir: ws.dir, dbPath });
    cleanups.push(() => registry.close());
    const admin = await bearer({ sub: 'admin-1', [CLAIM.mpassUid]: 'mpass-admin-vantaa' });
    const answer = await get<ResolvedDashboard>(registry, '/v1/dashboard?role=admin', admin);
    assert.equal(answer.body.version, 2);
    assert.equal(answer.body.layout[0]?.size, 'm');
  });
});
