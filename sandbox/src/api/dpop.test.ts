/**
 * The platform API with sender-constrained tokens (RFC 9449): the provider's tokens are bound to the client's DPoP
 * key, and the API takes them only with a fresh proof of that key; each refusal is audited like other refused tokens.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DpopKey } from '../testing/oidc-client.ts';
import { startHarness, type Harness } from './harness.ts';

let h: Harness;
before(async () => {
  h = await startHarness();
});
after(async () => {
  await h.close();
});

describe('DPoP-bound tokens at the platform API', () => {
  it('answers the holder of the key, and refuses the token as Bearer or with another key, auditing each refusal', async () => {
    const token = await h.tokenOf('pupil');
    assert.equal((await h.request('/v1/me', { as: 'pupil' })).status, 200, 'with a proof of the bound key');

    const url = new URL('/v1/me', h.api.url);
    const before = h.api.audit.length;
    const bearer = await fetch(url, { headers: { authorization: `Bearer ${token}`, 'x-digione-widget': 'kajo.schedule' } });
    assert.equal(bearer.status, 401);
    assert.match(bearer.headers.get('www-authenticate') ?? '', /^DPoP realm="digione", error="invalid_token"/);
    assert.match(((await bearer.json()) as { detail: string }).detail, /bound to a key/);

    const stranger = await DpopKey.generate();
    const foreign = await fetch(url, { headers: await stranger.headers('GET', url, token) });
    assert.equal(foreign.status, 401);
    assert.match(foreign.headers.get('www-authenticate') ?? '', /error="invalid_dpop_proof"/);

    const refusals = h.api.audit.slice(before);
    assert.equal(refusals.length, 2, JSON.stringify(refusals));
    for (const entry of refusals) {
      assert.equal(entry.outcome, 'denied');
      assert.equal(entry.status, 401);
      assert.equal(entry.who, 'sandbox-pupil');
      assert.equal(entry.what.route, '/v1/me');
    }
    assert.equal(refusals[0]?.widget, 'kajo.schedule', 'the widget the caller named');
  });

  it('lets the CORS preflight of the shell through with a DPoP header, and exposes WWW-Authenticate', async () => {
    const preflight = await fetch(new URL('/v1/me', h.api.url), {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost:4173', 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization,dpop' },
    });
    assert.ok(preflight.status < 300);
    assert.match(preflight.headers.get('access-control-allow-headers') ?? '', /DPoP/i);
    const answer = await h.request('/v1/me', { as: 'pupil', headers: { origin: 'http://localhost:4173' } });
    assert.match(answer.headers.get('access-control-expose-headers') ?? '', /WWW-Authenticate/i);
  });
});
