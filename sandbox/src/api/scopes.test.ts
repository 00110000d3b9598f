import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { decodeJwt, exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import { LEARNER_OID } from '../data/people.ts';
import { SANDBOX_TENANTS } from '../data/tenants.ts';
import { PLATFORM_AUDIENCE, startIdentityProvider, type IdentityProvider } from '../provider/provider.ts';
import { ACCESS_TOKEN_TYPE, TOKEN_EXCHANGE_GRANT, type WidgetApproval } from '../provider/token-exchange.ts';
import { freePort, shellClient, signIn, type TestClient } from '../testing/oidc-client.ts';
import { OPERATION_SCOPES, OWN_WIDGET, PUBLIC, ROLE_SCOPES, SHELL_ONLY, scopeOf } from './access.ts';
import { startPlatformApi, type PlatformApi } from './api.ts';
import { loadOpenApi, operationsOf, OPENAPI_PATH } from './openapi.ts';

const SHELL = 'http://localhost:4173';
const WEEK = 'from=2026-11-30&to=2026-12-04';

const approvals = new Map<string, WidgetApproval>([
  ['kajo.schedule', { manifestScopes: ['schedule.read'], policyScopes: ['schedule.read'] }],
  ['lumo.bulletin', { manifestScopes: ['bulletin.read'], policyScopes: ['bulletin.read'] }],
]);

let provider: IdentityProvider;
let api: PlatformApi;
let client: TestClient;
let shellToken: string;
let testKey: CryptoKey;
let issuer: string;

before(async () => {
  const [idpPort, apiPort] = [await freePort(), await freePort()];
  issuer = `http://localhost:${idpPort}`;
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  testKey = privateKey;
  api = await startPlatformApi({
    port: apiPort,
    issuer,
    audience: PLATFORM_AUDIENCE,
    tenants: SANDBOX_TENANTS,
    shellOrigin: SHELL,
    extraKeys: { keys: [{ ...(await exportJWK(publicKey)), kid: 'scope-test-key', alg: 'RS256', use: 'sig' }] },
  });
  provider = await startIdentityProvider({
    port: idpPort,
    issuer,
    shellOrigin: SHELL,
    widgetApprovals: async ({ widget }) => approvals.get(widget),
  });
  client = shellClient(issuer, SHELL);
  shellToken = (await signIn(client, 'pupil')).access_token;
});

after(async () => {
  await api?.close();
  await provider?.close();
});

/** A widget's token for a dashboard (default: the pupil's), by token exchange at the real provider. */
async function widgetToken(
  widget: string,
  scope: string,
  place: { subject?: string; role?: string; learner?: string } = {},
): Promise<string> {
  const endpoint = new URL('/token', issuer);
  const response = await fetch(endpoint, {
    method: 'POST',
    // The exchange needs a proof of the key the shell's token is bound to, and binds the widget's token to it.
    headers: { 'content-type': 'application/x-www-form-urlencoded', dpop: await (await client.dpop).proof('POST', endpoint) },
    body: new URLSearchParams({
      client_id: client.clientId,
      grant_type: TOKEN_EXCHANGE_GRANT,
      subject_token: place.subject ?? shellToken,
      subject_token_type: ACCESS_TOKEN_TYPE,
      resource: PLATFORM_AUDIENCE,
      scope,
      digione_widget: widget,
      digione_tenant: 'vantaa',
      digione_role: place.role ?? 'pupil',
      ...(place.learner === undefined ? {} : { digione_learner: place.learner }),
    }),
  });
  const body = (await response.json()) as { access_token?: string };
  assert.equal(response.status, 200, JSON.stringify(body));
  return String(body.access_token);
}

async function call(path: string, token: string, init: RequestInit = {}): Promise<Response> {
  const url = new URL(path, api.url);
  const dpop = await (await client.dpop).headers(init.method ?? 'GET', url, token);
  return fetch(url, { ...init, headers: { ...dpop, ...init.headers } });
}

describe('scope table', () => {
  it('names the scope of every operation of the OpenAPI document, and nothing else', () => {
    const ids = operationsOf(loadOpenApi(OPENAPI_PATH).doc).map((o) => o.operationId);
    assert.deepEqual(ids.filter((id) => !Object.hasOwn(OPERATION_SCOPES, id)), [], 'add these operations to OPERATION_SCOPES in access.ts');
    assert.deepEqual(Object.keys(OPERATION_SCOPES).filter((id) => !ids.includes(id)), [], 'these entries name no operation');
    assert.equal(scopeOf('someFutureOperation'), SHELL_ONLY, 'an unknown operation is closed to widgets');
    const markers = new Set([PUBLIC, OWN_WIDGET, SHELL_ONLY]);
    for (const scopes of Object.values(ROLE_SCOPES)) {
      for (const scope of scopes) assert.ok(Object.values(OPERATION_SCOPES).includes(scope) && !markers.has(scope), scope);
    }
  });
});

describe('widget tokens at the platform API', () => {
  it('lets a widget call what its scope covers, and refuses the rest with 403 insufficient_scope, audited with the widget', async () => {
    const token = await widgetToken('kajo.schedule', 'schedule.read');
    const own = await call(`/v1/schedule?${WEEK}`, token);
    assert.equal(own.status, 200);

    const before = api.audit.length;
    const other = await call('/v1/messages', token, { headers: { 'x-digione-widget': 'lumo.messages' } });
    assert.equal(other.status, 403);
    assert.match(other.headers.get('content-type') ?? '', /^application\/problem\+json/);
    assert.match(other.headers.get('www-authenticate') ?? '', /^Bearer realm="digione", error="insufficient_scope", scope="messages\.read"/);
    const problem = (await other.json()) as Record<string, unknown>;
    assert.equal(problem.status, 403);
    assert.equal(problem.code, 'forbidden');
    assert.equal(problem.error, 'insufficient_scope');
    assert.equal(problem.scope, 'messages.read');
    const entry = api.audit.slice(before).find((e) => e.what.route === '/v1/messages');
    // The widget the token names, not the header it sent.
    assert.deepEqual(entry && { widget: entry.widget, outcome: entry.outcome, status: entry.status, who: entry.who }, {
      widget: 'kajo.schedule',
      outcome: 'denied',
      status: 403,
      who: decodeJwt(shellToken).sub,
    });
  });

  it('lets every widget keep its own settings and telemetry, and nobody else\'s settings', async () => {
    const token = await widgetToken('lumo.bulletin', '');
    const put = await call('/v1/me/widget-settings/lumo.bulletin', token, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ compact: true }),
    });
    assert.ok(put.status < 300, `own settings: ${put.status}`);
    assert.equal((await call('/v1/me/widget-settings/lumo.bulletin', token)).status, 200);
    const foreign = await call('/v1/me/widget-settings/kajo.schedule', token);
    assert.equal(foreign.status, 403);
    assert.match(foreign.headers.get('www-authenticate') ?? '', /error="insufficient_scope"/);
    assert.equal((await call('/v1/bulletin', token)).status, 403, 'bulletin.read was not asked for');
  });

  it('acts only in the role and for the child it was issued for: a teacher-guardian\'s widget on the guardian dashboard is no teacher', async () => {
    const subject = (await signIn(client, 'teacher-guardian')).access_token;
    // With the shell's own token the same person gets the lessons they teach.
    const taught = await call(`/v1/schedule?${WEEK}`, subject);
    assert.equal(taught.status, 200);
    assert.ok(((await taught.json()) as { events: unknown[] }).events.length > 0);
    const child = (decodeJwt(subject)['urn:digione:mandates'] as Array<{ principal: string; status: string }>).find((m) => m.status === 'ALLOWED')!.principal;
    const asGuardian = await widgetToken('kajo.schedule', 'schedule.read', { subject, role: 'guardian', learner: child });
    const noTeaching = await call(`/v1/schedule?${WEEK}`, asGuardian);
    assert.equal(noTeaching.status, 400);
    assert.equal(((await noTeaching.json()) as { code: string }).code, 'learner-required');
    assert.equal((await call(`/v1/schedule?${WEEK}&learner=${child}`, asGuardian)).status, 200);
    const asTeacher = await widgetToken('kajo.schedule', 'schedule.read', { subject, role: 'teacher' });
    assert.equal((await call(`/v1/schedule?${WEEK}&learner=${child}`, asTeacher)).status, 403, 'a teacher does not read a child\'s timetable');
  });

  it('keeps the shell\'s own token working for every operation', async () => {
    assert.equal((await call('/v1/me', shellToken)).status, 200);
    assert.equal((await call('/v1/messages', shellToken)).status, 200);
    assert.equal((await call(`/v1/schedule?${WEEK}`, shellToken)).status, 200);
  });

  it('refuses a token for another audience with 401, audited with the widget it names', async () => {
    const token = await new SignJWT({ digione_widget: 'acme.thief', scope: 'schedule.read', [`urn:oid:1.3.6.1.4.1.16161.1.1.27`]: LEARNER_OID })
      .setProtectedHeader({ alg: 'RS256', typ: 'at+jwt', kid: 'scope-test-key' })
      .setIssuer(issuer)
      .setSubject('sandbox-pupil')
      .setAudience('https://other-service.example')
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(testKey);
    const before = api.audit.length;
    const answer = await call(`/v1/schedule?${WEEK}`, token);
    assert.equal(answer.status, 401);
    assert.match(answer.headers.get('www-authenticate') ?? '', /error="invalid_token"/);
    const entry = api.audit.slice(before).at(-1);
    assert.deepEqual(entry && { widget: entry.widget, status: entry.status, outcome: entry.outcome }, { widget: 'acme.thief', status: 401, outcome: 'denied' });
  });

  it('refuses a delegated token that does not say where it was issued', async () => {
    const token = await new SignJWT({ act: { sub: 'digione-shell' }, scope: 'schedule.read' })
      .setProtectedHeader({ alg: 'RS256', typ: 'at+jwt', kid: 'scope-test-key' })
      .setIssuer(issuer)
      .setSubject('sandbox-pupil')
      .setAudience(PLATFORM_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(testKey);
    assert.equal((await call(`/v1/schedule?${WEEK}`, token)).status, 401);
  });
});
