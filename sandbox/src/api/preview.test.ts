/**
 * "Preview as" at the platform API (docs/decisions/0008-preview-as.md): a preview token, and a widget's token
 * exchanged for one, read the preview persona's data and change nothing (403 on every write), and the audit names
 * the admin who previewed.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { decodeJwt } from 'jose';
import type { IdentityClaims } from '@digione/sdk/identity';
import { LEARNER_OID } from '../data/people.ts';
import { startHarness, type Harness } from './harness.ts';

let h: Harness;
before(async () => {
  h = await startHarness();
});
after(async () => {
  await h.close();
});

/** A token as the provider's preview exchange issues it: the persona's claims, the admin in `act`. */
async function previewToken(username: string, role: string, extra: Record<string, unknown> = {}): Promise<string> {
  const { iss: _iss, aud: _aud, exp: _exp, iat: _iat, jti: _jti, cnf: _cnf, client_id: _client, scope: _scope, ...claims } = decodeJwt(await h.tokenOf(username));
  return h.signedToken({
    ...claims,
    digione_preview: true,
    digione_tenant: 'vantaa',
    digione_role: role,
    act: { sub: 'sandbox-admin', 'urn:mpass.id:uid': 'mpass-admin-vantaa', name: 'Jari Kokeilija' },
    ...extra,
  } as unknown as IdentityClaims);
}

const absence = { learner: LEARNER_OID.veeti, date: '2026-12-01', reason: 'illness' };

describe('preview tokens at the platform API', () => {
  it('reads the persona\'s own data, audited with the previewing admin', async () => {
    const token = await previewToken('pupil', 'pupil');
    const before = h.api.audit.length;
    const me = await h.request<{ id: string; displayName: string }>('/v1/me', { as: `token:${token}` });
    assert.equal(me.status, 200, me.text);
    assert.equal(me.body.id, 'sandbox-pupil');
    assert.equal(me.body.displayName, 'Veeti Testinen');
    const schedule = await h.request('/v1/schedule?from=2026-11-30&to=2026-12-04', { as: `token:${token}` });
    assert.equal(schedule.status, 200, schedule.text);
    const entries = h.api.audit.slice(before);
    assert.ok(entries.length > 0);
    for (const entry of entries) {
      assert.equal(entry.who, 'sandbox-pupil');
      assert.equal(entry.previewedBy, 'sandbox-admin');
    }
  });

  it('refuses every write with 403, from the preview token and from a widget token exchanged for it', async () => {
    const guardian = await previewToken('guardian', 'guardian');
    const widget = await previewToken('guardian', 'guardian', {
      digione_widget: 'kajo.absences',
      scope: 'absences.write',
      act: { sub: 'digione-shell', act: { sub: 'sandbox-admin', 'urn:mpass.id:uid': 'mpass-admin-vantaa' } },
    });
    // The real guardian may report the absence: only the preview is refused.
    const real = await h.request('/v1/absences', { as: 'guardian', method: 'POST', body: { ...absence, date: '2026-12-02' } });
    assert.ok(real.status < 300, real.text);
    for (const token of [guardian, widget]) {
      const before = h.api.audit.length;
      const write = await h.request<{ detail: string }>('/v1/absences', { as: `token:${token}`, method: 'POST', body: absence });
      assert.equal(write.status, 403, write.text);
      assert.match(write.body.detail, /read-only/);
      const [entry] = h.api.audit.slice(before);
      assert.equal(entry?.outcome, 'denied');
      assert.equal(entry?.previewedBy, 'sandbox-admin');
    }
  });

  it('refuses a token claiming to be a preview without naming the admin', async () => {
    const token = await previewToken('pupil', 'pupil', { act: { sub: 'sandbox-admin' } });
    assert.equal((await h.request('/v1/me', { as: `token:${token}` })).status, 401);
  });
});
