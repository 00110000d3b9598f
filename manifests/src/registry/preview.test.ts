/**
 * "Preview as" at the registry (docs/decisions/0008-preview-as.md): `GET /v1/dashboard?draft=true` serves the draft,
 * resolved as publishing it would serve it, only to a preview token whose `act` is an admin of that tenant; a preview
 * token reaches nothing else; the preview page's own (key-bound) request is audited.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { calculateJwkThumbprint, createLocalJWKSet, exportJWK, generateKeyPair, SignJWT, type JWK, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { CLAIM } from '@digione/sdk/identity';
import { REAL_MANIFESTS, workspace, type Workspace } from '../fixtures/workspace.ts';
import type { ResolvedDashboard } from '../types.ts';
import { accessTokenHash } from './dpop.ts';
import { startRegistry, type RunningRegistry } from './server.ts';
import type { AuditEntry } from './storage.ts';

const ISSUER = 'http://localhost:4174';
const AUDIENCE = 'urn:digione:platform';
const VANTAA = '1.2.246.562.99.00000000001';
const SCHOOL = '1.2.246.562.10.00000000011';

type Key = Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];
let signingKey: Key;
let jwks: JWTVerifyGetKey;
let registry: RunningRegistry;
let ws: Workspace;
let dpopKey: { privateKey: CryptoKey; jwk: JWK; jkt: string };

const ADMIN: JWTPayload = { sub: 'admin-1', name: 'Aino Admin', [CLAIM.mpassUid]: 'mpass-admin-vantaa' };
const PUPIL: JWTPayload = { sub: 'pupil-1', name: 'Pupu Oppilas', [CLAIM.role]: [`${VANTAA};00001;7A;role;1;${SCHOOL};`] };
/** A preview token as the provider issues it: the persona's claims, the admin in `act`. */
const preview = (act: Record<string, unknown> = { sub: 'admin-1', [CLAIM.mpassUid]: 'mpass-admin-vantaa', name: 'Aino Admin' }): JWTPayload => ({
  ...PUPIL,
  digione_preview: true,
  digione_tenant: 'vantaa',
  digione_role: 'pupil',
  act,
});

async function token(claims: JWTPayload): Promise<string> {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'RS256', typ: 'at+jwt', kid: 'test-key' })
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime('5m')
    .sign(signingKey);
}

/** A GET as `as`; `bound` binds the token to a DPoP key and sends a proof, as the preview page does. */
async function get<T>(path: string, as: JWTPayload, bound = false): Promise<{ status: number; body: T }> {
  const url = registry.url + path;
  const value = await token(bound ? { ...as, cnf: { jkt: dpopKey.jkt } } : as);
  const headers: Record<string, string> = { authorization: `${bound ? 'DPoP' : 'Bearer'} ${value}` };
  if (bound) {
    const htu = url.split('?')[0];
    headers['dpop'] = await new SignJWT({ htm: 'GET', htu, iat: Math.floor(Date.now() / 1000), jti: randomUUID(), ath: accessTokenHash(value) })
      .setProtectedHeader({ alg: 'ES256', typ: 'dpop+jwt', jwk: dpopKey.jwk })
      .sign(dpopKey.privateKey);
  }
  const response = await fetch(url, { headers });
  return { status: response.status, body: (await response.json()) as T };
}

async function put(path: string, as: JWTPayload, body: unknown): Promise<string> {
  const response = await fetch(registry.url + path, {
    method: 'PUT',
    headers: { authorization: `Bearer ${await token(as)}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return `${response.status} ${await response.text()}`;
}

const widgetsOf = (dashboard: ResolvedDashboard): string[] => dashboard.layout.map((i) => i.widget).sort();

before(async () => {
  const pair = await generateKeyPair('RS256');
  signingKey = pair.privateKey;
  jwks = createLocalJWKSet({ keys: [{ ...(await exportJWK(pair.publicKey)), kid: 'test-key', alg: 'RS256' }] });
  const dpop = await generateKeyPair('ES256', { extractable: true });
  const jwk = await exportJWK(dpop.publicKey);
  dpopKey = { privateKey: dpop.privateKey, jwk, jkt: await calculateJwkThumbprint(jwk) };
  ws = await workspace(REAL_MANIFESTS);
  registry = await startRegistry({ port: 0, dbPath: ':memory:', issuer: ISSUER, audience: AUDIENCE, jwks, corsOrigins: [], manifestsDir: ws.dir });
});
after(async () => {
  await registry?.close();
  await ws?.remove();
});

describe('the draft dashboard for "Preview as"', () => {
  test('a preview token of the tenant\'s admin gets the draft resolved; the published one stays for everyone else', async () => {
    const published = await get<ResolvedDashboard>('/v1/dashboard?role=pupil&tenant=vantaa', PUPIL);
    assert.equal(published.status, 200);
    const layout = published.body.layout.filter((i) => i.widget !== 'lumo.bulletin').map(({ instanceId, widget, size }) => ({ instanceId, widget, size }));
    assert.notEqual(layout.length, published.body.layout.length, 'the published pupil dashboard has the bulletin');
    assert.match(await put('/v1/admin/tenants/vantaa/dashboards/pupil/draft', ADMIN, { layout }), /^200 /);

    const draft = await get<ResolvedDashboard>('/v1/dashboard?role=pupil&tenant=vantaa&draft=true', preview(), true);
    assert.equal(draft.status, 200, JSON.stringify(draft.body));
    assert.deepEqual(widgetsOf(draft.body), layout.map((i) => i.widget).sort());
    // Resolved as publishing would serve it: manifests with the approved scopes only.
    assert.ok(Object.keys(draft.body.widgets).every((id) => layout.some((i) => i.widget === id)));

    const still = await get<ResolvedDashboard>('/v1/dashboard?role=pupil&tenant=vantaa', PUPIL);
    assert.deepEqual(widgetsOf(still.body), widgetsOf(published.body), 'the pupil still sees the published dashboard');

    const me = await get<{ user: { id: string } }>('/v1/me', preview());
    assert.equal(me.body.user.id, 'pupil-1', 'the preview page knows whom it previews');
    const audit = await get<{ entries: AuditEntry[] }>('/v1/admin/audit?tenant=vantaa&action=dashboard.preview', ADMIN);
    assert.equal(audit.status, 200);
    assert.equal(audit.body.entries.length, 1, 'the preview page\'s request is audited once');
    const [entry] = audit.body.entries;
    assert.equal(entry?.user, 'admin-1');
    assert.equal(entry?.userName, 'Aino Admin');
    assert.deepEqual(entry?.after, { persona: 'pupil-1', personaName: 'Pupu Oppilas' });
  });

  test('refuses the draft to anyone but a preview token of an admin of that tenant, and a preview token anything else', async () => {
    const draft = '/v1/dashboard?role=pupil&tenant=vantaa&draft=true';
    const refusals: Array<[string, JWTPayload, number]> = [
      [draft, PUPIL, 403],
      [draft, ADMIN, 403],
      // An `act` that is not an admin of vantaa (the provider would never issue it; the registry checks anyway).
      [draft, preview({ sub: 'admin-2', [CLAIM.mpassUid]: 'mpass-admin-espoo', name: 'Eero' }), 403],
      ['/v1/dashboard?role=teacher&tenant=vantaa&draft=true', preview(), 403],
      ['/v1/catalogue', preview(), 401],
      ['/v1/admin/tenants/vantaa/dashboards/pupil/draft', preview(), 401],
      // A widget's token from a preview reads nothing at the registry.
      [draft, { ...preview(), digione_widget: 'kajo.schedule' }, 401],
    ];
    for (const [path, as, status] of refusals) {
      const answer = await get<{ code?: string }>(path, as);
      assert.equal(answer.status, status, `${path} as ${JSON.stringify(as)} → ${JSON.stringify(answer.body)}`);
    }
  });
});
