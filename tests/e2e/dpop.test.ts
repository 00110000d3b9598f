/**
 * Sender-constrained tokens (DPoP, RFC 9449) end to end: the shell's tokens, and the widgets' exchanged for them, are
 * bound to a key the browser holds and cannot export. Copied off the device (here: read out of IndexedDB into this
 * process), neither the access token nor the refresh token is any use.
 */
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { decodeJwt } from 'jose';
import type { Page, Request } from 'playwright-core';
import { DpopKey } from '../../sandbox/src/testing/oidc-client.ts';
import { settledWidgets, signIn, usePlatform } from './harness.ts';
import { dpopKeyStored, storedUser } from './identity-helpers.ts';

const env = usePlatform();

/** One request the page sent to the registry or the API, with the headers that authorised it. */
interface Sent {
  url: string;
  method: string;
  authorization: string;
  dpop: string | undefined;
}

function watchAuthorised(page: Page, origins: () => string[]): Sent[] {
  const sent: Sent[] = [];
  page.on('request', (request: Request) => {
    const headers = request.headers();
    if (!headers['authorization'] || !origins().includes(new URL(request.url()).origin)) return;
    sent.push({ url: request.url(), method: request.method(), authorization: headers['authorization'], dpop: headers['dpop'] });
  });
  return sent;
}

describe('DPoP: tokens bound to the browser\'s key', () => {
  let page: Page;
  let sent: Sent[];
  let tokens: { access_token: string; refresh_token?: string };

  before(async () => {
    const context = await env.browser.newContext({ locale: 'en-GB' });
    page = await context.newPage();
    sent = watchAuthorised(page, () => [env.platform.urls.registry, env.platform.urls.api]);
    await signIn(page, env.platform.urls.shell, 'pupil');
    const states = await settledWidgets(page, await page.locator('[data-widget]').count());
    assert.ok(Object.keys(states).length > 0);
    assert.deepEqual(Object.entries(states).filter(([, state]) => state !== 'ready'), [], 'every widget is ready');
    const user = await storedUser(page);
    assert.ok(user?.refresh_token);
    tokens = user;
  });

  test('the shell sends every token as DPoP with a proof, and its tokens and the widgets\' are bound to one key', async () => {
    assert.ok(sent.some((s) => s.url.startsWith(env.platform.urls.registry)), 'the registry was called');
    assert.ok(sent.some((s) => s.url.startsWith(env.platform.urls.api)), 'the API was called');
    for (const s of sent) {
      assert.match(s.authorization, /^DPoP ey/, s.url);
      assert.ok(s.dpop, `${s.url} carries a proof`);
    }
    const jkt = (decodeJwt(tokens.access_token).cnf as { jkt?: string } | undefined)?.jkt;
    assert.ok(jkt, 'the shell\'s access token is bound (cnf.jkt)');
    for (const s of sent) assert.deepEqual(decodeJwt(s.authorization.slice(5)).cnf, { jkt }, s.url);
    assert.equal(await dpopKeyStored(page), true);
  });

  test('the access token taken off the device is refused by the API and the registry, as Bearer and with another key', async () => {
    const api = `${env.platform.urls.api}/v1/me`;
    const registry = `${env.platform.urls.registry}/v1/me`;
    const stranger = await DpopKey.generate();
    for (const url of [api, registry]) {
      const bearer = await fetch(url, { headers: { authorization: `Bearer ${tokens.access_token}` } });
      assert.equal(bearer.status, 401, `${url} as Bearer`);
      assert.match(bearer.headers.get('www-authenticate') ?? '', /^DPoP .*error="invalid_token"/, url);
      const own = await fetch(url, { headers: await stranger.headers('GET', url, tokens.access_token) });
      assert.equal(own.status, 401, `${url} with a proof of another key`);
      assert.match(own.headers.get('www-authenticate') ?? '', /error="invalid_dpop_proof"/, url);
      assert.match(((await own.json()) as { detail?: string }).detail ?? '', /cnf\.jkt/, url);
    }
  });

  test('a captured request replayed with its proof is refused', async () => {
    const captured = sent.find((s) => s.method === 'GET' && s.url.startsWith(env.platform.urls.api) && s.dpop);
    assert.ok(captured?.dpop);
    const replay = await fetch(captured.url, { headers: { authorization: captured.authorization, dpop: captured.dpop } });
    assert.equal(replay.status, 401);
    assert.match(((await replay.json()) as { detail?: string }).detail ?? '', /used before/);
    // A proof is for one URL: the same proof for another resource fails too.
    const elsewhere = await fetch(`${env.platform.urls.api}/v1/me`, { headers: { authorization: captured.authorization, dpop: captured.dpop } });
    assert.equal(elsewhere.status, 401);
  });

  test('the refresh token taken off the device is refused, and the browser keeps its session', async () => {
    const endpoint = `${env.platform.urls.identity}/token`;
    const refresh = async (dpop?: string) => {
      const response = await fetch(endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...(dpop ? { dpop } : {}) },
        body: new URLSearchParams({ client_id: 'digione-shell', grant_type: 'refresh_token', refresh_token: tokens.refresh_token ?? '' }),
      });
      return { status: response.status, body: (await response.json()) as { error?: string; access_token?: string } };
    };
    const bare = await refresh();
    assert.equal(bare.status, 400);
    assert.equal(bare.body.error, 'invalid_grant');
    const foreign = await refresh(await (await DpopKey.generate()).proof('POST', endpoint));
    assert.equal(foreign.status, 400);
    assert.equal(foreign.body.error, 'invalid_grant');
    assert.equal(foreign.body.access_token, undefined);
    // The refused attempts consumed nothing: the page still reads its dashboard after a reload.
    await page.reload();
    await page.locator('.dashboard-title').getByText(/Pupil – Vantaa/).waitFor();
    const states = await settledWidgets(page, await page.locator('[data-widget]').count());
    assert.deepEqual(Object.entries(states).filter(([, state]) => state !== 'ready'), []);
  });

  test('signing out deletes the key with the session', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByText('You have signed out.').waitFor();
    assert.equal(await dpopKeyStored(page), false);
    assert.equal(await storedUser(page), null);
  });
});
