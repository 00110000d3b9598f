import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createRemoteJWKSet, decodeJwt, jwtVerify } from 'jose';
import { DpopKey, freePort, shellClient, signIn, type TestClient } from '../testing/oidc-client.ts';
import { PLATFORM_AUDIENCE, startIdentityProvider, type IdentityProvider } from './provider.ts';
import { ACCESS_TOKEN_TYPE, PREVIEW_CLAIM, PREVIEW_TOKEN_TTL, PREVIEW_WIDGET, TOKEN_EXCHANGE_GRANT, type WidgetApproval, type WidgetApprovalQuery } from './token-exchange.ts';

const SHELL = 'http://localhost:4173';
const TTL = 120;

/** The registry's answers, editable by the tests: (tenant, widget) → approval; absent means not approved. */
const approvals = new Map<string, WidgetApproval>();
const queries: WidgetApprovalQuery[] = [];

let provider: IdentityProvider;
let client: TestClient;
let pupil: string;
let guardian: string;

before(async () => {
  const port = await freePort();
  const issuer = `http://localhost:${port}`;
  provider = await startIdentityProvider({
    port,
    issuer,
    shellOrigin: SHELL,
    widgetTokenTtl: TTL,
    async widgetApprovals(query) {
      queries.push(query);
      return approvals.get(`${query.tenant} ${query.widget}`);
    },
  });
  client = shellClient(issuer, SHELL);
  [pupil, guardian] = await Promise.all([signIn(client, 'pupil'), signIn(client, 'guardian')]).then((sets) => sets.map((s) => s.access_token));
});

after(async () => {
  await provider.close();
});

async function exchange(params: Record<string, string>, proof?: string | null): Promise<{ status: number; body: Record<string, unknown> }> {
  const endpoint = new URL('/token', client.issuer);
  const dpop = proof === undefined ? await (await client.dpop).proof('POST', endpoint) : proof;
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: SHELL, ...(dpop === null ? {} : { dpop }) },
    body: new URLSearchParams({
      client_id: client.clientId,
      grant_type: TOKEN_EXCHANGE_GRANT,
      subject_token_type: ACCESS_TOKEN_TYPE,
      resource: PLATFORM_AUDIENCE,
      ...params,
    }).toString(),
  });
  return { status: response.status, body: { ...((await response.json()) as object) } };
}

describe('token exchange for a widget (RFC 8693)', () => {
  before(() => {
    approvals.set('vantaa kajo.schedule', { manifestScopes: ['schedule.read', 'bulletin.read', 'absences.write'], policyScopes: ['schedule.read', 'absences.write', 'messages.read'] });
  });

  it('grants only requested ∩ manifest ∩ policy ∩ role, as a short-lived JWT for the platform naming the widget and the shell', async () => {
    const answer = await exchange({
      subject_token: pupil,
      scope: 'schedule.read bulletin.read messages.read absences.write',
      digione_widget: 'kajo.schedule',
      digione_tenant: 'vantaa',
      digione_role: 'pupil',
    });
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    // bulletin.read: not in the policy; messages.read: not in the manifest; absences.write: not for a pupil.
    assert.equal(answer.body.scope, 'schedule.read');
    assert.equal(answer.body.issued_token_type, ACCESS_TOKEN_TYPE);
    // Bound to the shell's DPoP key, as the shell's own token is (RFC 9449).
    assert.equal(answer.body.token_type, 'DPoP');
    assert.equal(answer.body.refresh_token, undefined);
    const token = String(answer.body.access_token);
    const { payload, protectedHeader } = await jwtVerify(token, createRemoteJWKSet(new URL('/jwks', client.issuer)), {
      issuer: client.issuer,
      audience: PLATFORM_AUDIENCE,
      typ: 'at+jwt',
    });
    assert.equal(protectedHeader.alg, 'RS256');
    assert.equal(payload.scope, 'schedule.read');
    assert.equal(payload.sub, decodeJwt(pupil).sub);
    assert.equal(payload.digione_widget, 'kajo.schedule');
    assert.equal(payload.digione_tenant, 'vantaa');
    assert.equal(payload.digione_role, 'pupil');
    assert.deepEqual(payload.act, { sub: 'digione-shell' });
    assert.deepEqual(payload.cnf, { jkt: (await client.dpop).jkt }, 'bound to the key of the shell\'s token');
    assert.equal(payload.client_id, 'digione-shell');
    // The identity claims stay, so that the API applies the same relation rules to the widget's calls.
    assert.equal(typeof payload['urn:oid:1.3.6.1.4.1.16161.1.1.27'], 'string');
    const lifetime = (payload.exp ?? 0) - (payload.iat ?? 0);
    assert.ok(lifetime > 0 && lifetime <= TTL, `lifetime ${lifetime}s`);
    assert.ok((payload.exp ?? 0) <= (decodeJwt(pupil).exp ?? 0), 'never outlives the shell token');
    // The registry is asked as the user, with a short unbound token of the provider's (the shell's own is bound to a
    // key only the shell holds): the same user and claims, no `cnf`, seconds to live.
    const relayed = decodeJwt(queries.at(-1)?.subjectToken ?? '');
    const subject = decodeJwt(pupil);
    assert.equal(relayed.sub, subject.sub, 'the registry is asked as the user');
    assert.deepEqual(relayed['urn:mpass.id:role'], subject['urn:mpass.id:role']);
    assert.equal(relayed.cnf, undefined);
    assert.ok((relayed.exp ?? 0) - (relayed.iat ?? 0) <= 30);
  });

  it('binds a guardian\'s widget token to the child and refuses a child they do not act for', async () => {
    approvals.set('vantaa lumo.messages', { manifestScopes: ['messages.read'], policyScopes: ['messages.read'] });
    const child = (decodeJwt(guardian)['urn:digione:mandates'] as Array<{ principal: string; status: string }> | undefined)
      ?.find((m) => m.status === 'ALLOWED')?.principal;
    assert.ok(child, 'the guardian persona has an ALLOWED mandate');
    const base = { subject_token: guardian, scope: 'messages.read', digione_widget: 'lumo.messages', digione_tenant: 'vantaa', digione_role: 'guardian' };
    const ok = await exchange({ ...base, digione_learner: child });
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
    assert.equal(decodeJwt(String(ok.body.access_token)).digione_learner, child);
    const other = await exchange({ ...base, digione_learner: '1.2.246.562.98.99999999999' });
    assert.equal(other.status, 400);
    assert.equal(other.body.error, 'invalid_grant');
  });

  it('issues a token without scopes to an approved widget that asks for none (its own settings and telemetry)', async () => {
    const answer = await exchange({ subject_token: pupil, digione_widget: 'kajo.schedule', digione_tenant: 'vantaa', digione_role: 'pupil' });
    assert.equal(answer.status, 200);
    assert.equal(answer.body.scope, '');
    assert.equal(decodeJwt(String(answer.body.access_token)).scope, undefined);
  });

  it('refuses with OAuth errors: another resource, an unknown scope, a role the user lacks, a bad or delegated subject token', async () => {
    const base = { subject_token: pupil, scope: 'schedule.read', digione_widget: 'kajo.schedule', digione_tenant: 'vantaa', digione_role: 'pupil' };
    const cases: Array<[Record<string, string>, string]> = [
      [{ ...base, resource: 'https://elsewhere.example' }, 'invalid_target'],
      [{ ...base, scope: 'schedule.read openid' }, 'invalid_scope'],
      [{ ...base, digione_role: 'teacher' }, 'invalid_grant'],
      [{ ...base, digione_tenant: 'espoo' }, 'invalid_grant'],
      [{ ...base, subject_token: `${pupil.slice(0, -4)}AAAA` }, 'invalid_grant'],
      [{ ...base, subject_token_type: 'urn:ietf:params:oauth:token-type:id_token' }, 'invalid_request'],
    ];
    for (const [params, error] of cases) {
      const answer = await exchange(params);
      assert.equal(answer.status, 400, `${JSON.stringify(params)} → ${JSON.stringify(answer.body)}`);
      assert.equal(answer.body.error, error, JSON.stringify(answer.body));
    }
    // A widget's token cannot be traded for another widget's (or a wider) token.
    const first = await exchange(base);
    const again = await exchange({ ...base, subject_token: String(first.body.access_token) });
    assert.equal(again.body.error, 'invalid_grant');
  });

  it('stops issuing tokens once the tenant revokes the approval', async () => {
    approvals.set('vantaa lumo.bulletin', { manifestScopes: ['bulletin.read'], policyScopes: ['bulletin.read'] });
    const base = { subject_token: pupil, scope: 'bulletin.read', digione_widget: 'lumo.bulletin', digione_tenant: 'vantaa', digione_role: 'pupil' };
    assert.equal((await exchange(base)).status, 200);
    approvals.delete('vantaa lumo.bulletin');
    const refused = await exchange(base);
    assert.equal(refused.status, 400);
    assert.equal(refused.body.error, 'invalid_target');
    // A scope withdrawn from the approval disappears from the next token.
    approvals.set('vantaa lumo.bulletin', { manifestScopes: ['bulletin.read'], policyScopes: [] });
    assert.equal((await exchange(base)).body.scope, '');
  });

  it('refuses a widget token at userinfo: it is for the platform API only', async () => {
    const answer = await exchange({ subject_token: pupil, digione_widget: 'kajo.schedule', digione_tenant: 'vantaa', digione_role: 'pupil' });
    const response = await fetch(new URL('/me', client.issuer), { headers: { authorization: `Bearer ${String(answer.body.access_token)}` } });
    assert.equal(response.status, 401);
  });

  it('requires a proof of the key the shell\'s token is bound to, used once', async () => {
    const place = { subject_token: pupil, digione_widget: 'kajo.schedule', digione_tenant: 'vantaa', digione_role: 'pupil' };
    const endpoint = new URL('/token', client.issuer);
    const none = await exchange(place, null);
    assert.equal(none.status, 400);
    assert.equal(none.body.error, 'invalid_dpop_proof');
    assert.match(String(none.body.error_description), /no `DPoP` header/);
    const stranger = await exchange(place, await (await DpopKey.generate()).proof('POST', endpoint));
    assert.equal(stranger.body.error, 'invalid_dpop_proof');
    assert.match(String(stranger.body.error_description), /cnf\.jkt/);
    const proof = await (await client.dpop).proof('POST', endpoint);
    assert.equal((await exchange(place, proof)).status, 200);
    const replayed = await exchange(place, proof);
    assert.equal(replayed.body.error, 'invalid_dpop_proof');
    assert.match(String(replayed.body.error_description), /used before/);
  });
});

describe('preview tokens ("Preview as", docs/decisions/0008-preview-as.md)', () => {
  let admin: string;
  let teacher: string;
  let espooAdmin: string;
  before(async () => {
    [admin, teacher, espooAdmin] = await Promise.all([signIn(client, 'admin'), signIn(client, 'teacher'), signIn(client, 'espoo-admin')]).then((sets) =>
      sets.map((s) => s.access_token),
    );
  });
  const previewOf = (subject: string, persona: string, role = 'pupil', tenant = 'vantaa') =>
    exchange({ subject_token: subject, digione_widget: PREVIEW_WIDGET, digione_tenant: tenant, digione_role: role, digione_preview: persona });

  it('gives an admin a short, key-bound, read-only token of the tenant\'s preview persona with the admin in `act`, and records it', async () => {
    const before = provider.previews.length;
    const answer = await previewOf(admin, 'sandbox-pupil');
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    assert.equal(answer.body.token_type, 'DPoP');
    assert.equal(answer.body.refresh_token, undefined, 'no refresh token: a preview ends with its token');
    const payload = decodeJwt(String(answer.body.access_token));
    assert.equal(payload.sub, 'sandbox-pupil');
    assert.equal(payload.given_name, 'Veeti', 'the persona\'s own identity claims, so the API answers with the pupil\'s data');
    assert.equal(payload[PREVIEW_CLAIM], true);
    assert.deepEqual(payload.act, { sub: decodeJwt(admin).sub, 'urn:mpass.id:uid': decodeJwt(admin)['urn:mpass.id:uid'], name: 'Jari Kokeilija' });
    assert.equal(payload.digione_role, 'pupil');
    assert.equal(payload.digione_tenant, 'vantaa');
    assert.deepEqual(payload.cnf, { jkt: (await client.dpop).jkt }, 'bound to the admin\'s DPoP key');
    assert.ok((payload.exp ?? 0) - (payload.iat ?? 0) <= PREVIEW_TOKEN_TTL);
    assert.equal(provider.previews.length, before + 1);
    assert.deepEqual({ ...provider.previews.at(-1), when: undefined }, { when: undefined, admin: 'sandbox-admin', persona: 'sandbox-pupil', tenant: 'vantaa', role: 'pupil' });
  });

  it('refuses a non-admin, a real (non-preview) person, another tenant\'s persona or admin, and a persona of another role', async () => {
    const before = provider.previews.length;
    const cases: Array<[string, string, string, string]> = [
      [teacher, 'sandbox-pupil', 'pupil', 'vantaa'],
      [admin, 'sandbox-teacher-guardian', 'teacher', 'vantaa'],
      [admin, 'sandbox-espoo-teacher', 'teacher', 'espoo'],
      [admin, 'sandbox-espoo-teacher', 'teacher', 'vantaa'],
      [espooAdmin, 'sandbox-pupil', 'pupil', 'vantaa'],
      [admin, 'sandbox-teacher', 'pupil', 'vantaa'],
      [admin, 'sandbox-admin', 'admin', 'vantaa'],
    ];
    for (const [subject, persona, role, tenant] of cases) {
      const answer = await previewOf(subject, persona, role, tenant);
      assert.equal(answer.status, 400, `${persona} as ${role} in ${tenant} → ${JSON.stringify(answer.body)}`);
      assert.equal(answer.body.error, 'invalid_grant');
    }
    assert.equal(provider.previews.length, before, 'nothing issued, nothing recorded');
  });

  it('lists the tenant\'s preview personas (test accounts only) for the admin\'s picker', async () => {
    const list = async (tenant: string) => {
      const response = await fetch(new URL(`/preview-personas?tenant=${tenant}`, client.issuer), { headers: { origin: SHELL } });
      assert.equal(response.headers.get('access-control-allow-origin'), SHELL);
      return ((await response.json()) as { personas: Array<{ sub: string; roles: string[] }> }).personas;
    };
    const vantaa = await list('vantaa');
    assert.deepEqual(vantaa.map((p) => p.sub).sort(), ['sandbox-guardian', 'sandbox-principal', 'sandbox-pupil', 'sandbox-teacher']);
    assert.deepEqual(vantaa.find((p) => p.sub === 'sandbox-pupil')?.roles, ['pupil']);
    assert.deepEqual((await list('espoo')).map((p) => p.sub), ['sandbox-espoo-teacher']);
  });

  it('exchanges a preview token only for widgets of the previewed draft, which stay preview and read-only', async () => {
    approvals.set('vantaa kajo.schedule', { manifestScopes: ['schedule.read'], policyScopes: ['schedule.read'] });
    const preview = String((await previewOf(admin, 'sandbox-pupil')).body.access_token);
    const answer = await exchange({ subject_token: preview, scope: 'schedule.read', digione_widget: 'kajo.schedule', digione_tenant: 'vantaa', digione_role: 'pupil' });
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    assert.equal(queries.at(-1)?.preview, true, 'the registry is asked about the draft');
    const payload = decodeJwt(String(answer.body.access_token));
    assert.equal(payload.sub, 'sandbox-pupil');
    assert.equal(payload[PREVIEW_CLAIM], true);
    assert.deepEqual((payload.act as { act?: { sub?: string } }).act?.sub, 'sandbox-admin');
    const elsewhere = await exchange({ subject_token: preview, digione_widget: 'kajo.schedule', digione_tenant: 'vantaa', digione_role: 'teacher' });
    assert.equal(elsewhere.body.error, 'invalid_grant');
    const nested = await exchange({ subject_token: preview, digione_widget: PREVIEW_WIDGET, digione_tenant: 'vantaa', digione_role: 'pupil', digione_preview: 'sandbox-pupil' });
    assert.equal(nested.body.error, 'invalid_grant');
  });
});
