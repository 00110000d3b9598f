/**
 * Per-widget tokens (issue 5, point 5) in real Chromium on the running platform: every widget's API call carries a
 * token exchanged for that widget alone (its approved scopes, the platform's audience, the shell as actor), never the
 * shell's own; the platform API refuses a call outside the token's scope; no token is reachable from a widget's
 * context; and a tenant's revocation stops new tokens at once.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { decodeJwt, type JWTPayload } from 'jose';
import type { Page, Request } from 'playwright-core';
import { startVendorHost, type StaticHost } from '../../scripts/static-hosts.ts';
import { settledWidgets, signIn, usePlatform } from './harness.ts';
import { fetchWithSessionKey } from './identity-helpers.ts';

const PROBE_PORT = 4293;
const PROBE_ID = 'fixture.scope-probe';

/**
 * A hostile-minded widget with one approved scope (bulletin.read): it calls the API within and outside its scope,
 * shows each outcome, and hands its whole context to the page (as a widget exfiltrating what it holds would).
 */
const PROBE_ENTRY = `
const outcome = (call) => call.then(
  () => 'ok',
  (error) => String(error.status) + ' ' + String(error.problem?.error ?? error.problem?.code ?? ''),
);
const lifecycles = {
  async bootstrap() {},
  async mount({ domElement, context }) {
    globalThis.scopeProbeContext = context;
    const list = document.createElement('ul');
    domElement.append(list);
    const show = (name, text) => {
      const li = document.createElement('li');
      li.dataset.call = name;
      li.textContent = name + ': ' + text;
      list.append(li);
    };
    show('bulletin', await outcome(context.api.GET('/v1/bulletin')));
    show('messages', await outcome(context.api.GET('/v1/messages')));
    show('settings', await outcome(context.settings.set({ seen: true })));
  },
  async unmount({ domElement }) { domElement.replaceChildren(); },
};
export async function init() {}
export async function get() { return () => ({ default: lifecycles }); }
`;

const probeDir = mkdtempSync(join(tmpdir(), 'digione-scope-fixture-'));
mkdirSync(join(probeDir, 'probe'));
writeFileSync(join(probeDir, 'probe', 'remoteEntry.js'), PROBE_ENTRY);

const env = usePlatform([{ tenant: 'vantaa', role: 'pupil', widget: PROBE_ID, instanceId: 'scope-probe', size: 's' }], {
  catalogue: () => [
    {
      id: PROBE_ID,
      version: '1.0.0',
      vendor: { id: 'fixture', name: 'Fixture Oy' },
      title: { fi: 'Oikeuskoetin', sv: 'Behörighetssond', en: 'Scope probe' },
      description: { fi: 'Testipalvelu.', sv: 'Testtjänst.', en: 'A test service.' },
      kind: 'module',
      entry: `http://localhost:${PROBE_PORT}/probe/remoteEntry.js`,
      federation: { name: 'fixture_scope_probe', expose: './widget' },
      sdk: '^0.2.0',
      roles: ['pupil'],
      scopes: ['bulletin.read'],
      locales: ['fi', 'sv', 'en'],
      sizes: ['s', 'm'],
    },
  ],
});

let probeHost: StaticHost;
before(async () => {
  probeHost = await startVendorHost({ port: PROBE_PORT, widgets: { probe: join(probeDir, 'probe') }, allowedOrigins: ['http://localhost:4173'] });
});
after(async () => {
  await probeHost?.close();
});

/** Bearer tokens the page sent, by where they went: the registry (the shell's own) and the API (by widget header). */
interface SeenTokens {
  registry: Set<string>;
  api: Array<{ widget: string; token: string; url: string }>;
  /** The widgets the shell asked the provider for a token for (RFC 8693 exchanges), one entry per request. */
  exchanges: string[];
}

function watchTokens(page: Page): SeenTokens {
  const seen: SeenTokens = { registry: new Set(), api: [], exchanges: [] };
  page.on('request', (request: Request) => {
    const form = new URLSearchParams(request.method() === 'POST' ? (request.postData() ?? '') : '');
    if (new URL(request.url()).origin === env.platform.urls.identity && form.get('grant_type')?.endsWith(':token-exchange')) {
      seen.exchanges.push(form.get('digione_widget') ?? '');
    }
    const token = /^(?:Bearer|DPoP) (.+)$/.exec(request.headers()['authorization'] ?? '')?.[1];
    if (!token) return;
    const url = new URL(request.url());
    if (url.origin === env.platform.urls.registry) seen.registry.add(token);
    if (url.origin === env.platform.urls.api) seen.api.push({ widget: request.headers()['x-digione-widget'] ?? '', token, url: url.pathname });
  });
  return seen;
}

/**
 * Calls the platform from the page's own origin with a token, as a script that stole one would: tokens are bound to
 * the session's DPoP key, which such a script can use (not read) to sign the proof.
 */
function callFromPage(page: Page, url: string, token: string, init: { method?: string; body?: string } = {}) {
  return fetchWithSessionKey(page, url, token, init);
}

describe('per-widget tokens', () => {
  let page: Page;
  let seen: SeenTokens;
  const probe = () => page.locator(`[data-widget="${PROBE_ID}"]`);

  before(async () => {
    const context = await env.browser.newContext({ locale: 'en-GB' });
    page = await context.newPage();
    seen = watchTokens(page);
    await signIn(page, env.platform.urls.shell, 'pupil');
    await probe().and(page.locator('[data-state="ready"]')).waitFor();
    await probe().locator('li[data-call="settings"]').waitFor();
    // The reference widgets' first calls too, so that every widget's token has been seen.
    await settledWidgets(page, await page.locator('[data-widget]').count());
  });

  test("a widget's calls within its approved scope work, a call outside it is refused with 403 insufficient_scope", async () => {
    assert.equal(await probe().locator('li[data-call="bulletin"]').textContent(), 'bulletin: ok');
    assert.equal(await probe().locator('li[data-call="messages"]').textContent(), 'messages: 403 insufficient_scope');
    // Its own settings need no scope, and stay its own.
    assert.equal(await probe().locator('li[data-call="settings"]').textContent(), 'settings: ok');
    // The messages widget beside it, with messages.read approved, reads them.
    assert.equal(await page.locator('[data-widget="lumo.messages"]').getAttribute('data-state'), 'ready');
  });

  test("every API call carries its widget's exchanged token, never the shell's", async () => {
    assert.ok(seen.registry.size > 0, 'the shell called the registry with its own token');
    assert.ok(seen.api.length > 0);
    for (const { widget, token, url } of seen.api) {
      assert.ok(!seen.registry.has(token), `${url} of ${widget} carried the shell's token`);
      const claims: JWTPayload = decodeJwt(token);
      assert.equal(claims.digione_widget, widget, url);
      assert.equal(claims.aud, 'urn:digione:platform');
      assert.deepEqual(claims.act, { sub: 'digione-shell' });
      assert.equal(claims.digione_role, 'pupil');
      assert.equal(claims.digione_tenant, 'vantaa');
      assert.ok((claims.exp ?? 0) - (claims.iat ?? 0) <= 300);
    }
    const probeToken = seen.api.find((s) => s.widget === PROBE_ID)?.token;
    assert.equal(probeToken && decodeJwt(probeToken).scope, 'bulletin.read');
    const schedule = seen.api.find((s) => s.widget === 'kajo.schedule')?.token;
    assert.equal(schedule && decodeJwt(schedule).scope, 'schedule.read');
    // One exchange per widget for the whole dashboard load, however many calls it made: the token is reused.
    const widgets = new Set(seen.api.map((s) => s.widget));
    assert.equal(new Set(seen.exchanges).size, seen.exchanges.length, `exchanges: ${seen.exchanges.join(', ')}`);
    for (const widget of widgets) assert.ok(seen.exchanges.includes(widget), `${widget} called without an exchange`);
    assert.ok(seen.api.length > widgets.size, 'some widget called more than once');
  });

  test('a widget token used from the page reaches only its scope, and never the registry', async () => {
    const api = env.platform.urls.api;
    const token = seen.api.find((s) => s.widget === 'kajo.schedule')?.token;
    assert.ok(token);
    const own = await callFromPage(page, `${api}/v1/schedule?from=2026-11-30&to=2026-12-04`, token);
    assert.equal(own.status, 200);
    for (const path of ['/v1/messages', '/v1/bulletin', '/v1/me/widget-settings/lumo.messages']) {
      const refused = await callFromPage(page, `${api}${path}`, token);
      assert.equal(refused.status, 403, path);
      assert.equal(refused.body.error, 'insufficient_scope', path);
    }
    const shellOnly = await callFromPage(page, `${api}/v1/events/widget-failures`, token, {
      method: 'POST',
      body: JSON.stringify({ widget: 'lumo.messages', code: 'mount-failed' }),
    });
    assert.equal(shellOnly.status, 403, 'a widget cannot report (or forge) failures in the event log');
    const registry = await callFromPage(page, `${env.platform.urls.registry}/v1/me`, token);
    assert.equal(registry.status, 401);
  });

  test("the widget's context holds no token: not in its properties, prototypes, closures' source or answers", async () => {
    const tokens = [...seen.registry, ...seen.api.map((s) => s.token)];
    const found = await page.evaluate((needles) => {
      const jwt = /eyJ[\w-]+\.eyJ[\w-]+\.[\w-]+/;
      const seenObjects = new Set<unknown>();
      const queue: Array<[unknown, string]> = [[(globalThis as Record<string, unknown>).scopeProbeContext, 'context']];
      let visited = 0;
      while (queue.length > 0) {
        const [value, path] = queue.shift()!;
        if (typeof value === 'string') {
          if (needles.some((n) => value.includes(n)) || jwt.test(value)) return path;
          continue;
        }
        if ((typeof value !== 'object' && typeof value !== 'function') || value === null || seenObjects.has(value)) continue;
        seenObjects.add(value);
        visited += 1;
        if (value instanceof Node || value === window) continue;
        if (typeof value === 'function') queue.push([Function.prototype.toString.call(value), `${path}()`]);
        for (const key of Reflect.ownKeys(value)) {
          const descriptor = Reflect.getOwnPropertyDescriptor(value, key);
          let child: unknown = descriptor?.value;
          if (descriptor?.get) {
            try {
              child = Reflect.get(value, key);
            } catch {
              continue;
            }
          }
          queue.push([child, `${path}.${String(key)}`]);
        }
        queue.push([Object.getPrototypeOf(value), `${path}.__proto__`]);
      }
      return visited > 20 ? undefined : `only ${visited} objects searched`;
    }, tokens);
    assert.equal(found, undefined);
  });

  test("revoking the widget's approval stops new tokens for it at once", async () => {
    const admin = await env.browser.newContext({ locale: 'en-GB' });
    const adminPage = await admin.newPage();
    const adminSeen = watchTokens(adminPage);
    await signIn(adminPage, env.platform.urls.shell, 'admin');
    const adminToken = [...adminSeen.registry].find((t) => decodeJwt(t).act === undefined);
    assert.ok(adminToken);
    const registry = env.platform.urls.registry;
    const policy = await callFromPage(adminPage, `${registry}/v1/admin/tenants/vantaa/policy`, adminToken);
    assert.equal(policy.status, 200);
    const revoked = await callFromPage(
      adminPage,
      `${registry}/v1/admin/tenants/vantaa/policy/widgets/${PROBE_ID}?expectedVersion=${String(policy.body.version)}`,
      adminToken,
      { method: 'DELETE' },
    );
    assert.ok(revoked.status < 300, `revocation answered ${revoked.status}`);
    await admin.close();

    // The pupil's page, still showing the widget, asks for a new token for it: the provider refuses.
    // (The registry also saw the widget token the test above sent it: take the shell's own.)
    const shellToken = [...seen.registry].find((t) => decodeJwt(t).act === undefined)!;
    // With a DPoP proof of the session's key, which the exchange requires (RFC 9449).
    const answer = await fetchWithSessionKey(page, `${env.platform.urls.identity}/token`, null, {
      method: 'POST',
      form: {
        grant_type: 'urn:ietf:params:oauth:grant-type:token-exchange',
        client_id: 'digione-shell',
        subject_token: shellToken,
        subject_token_type: 'urn:ietf:params:oauth:token-type:access_token',
        resource: 'urn:digione:platform',
        scope: 'bulletin.read',
        digione_widget: PROBE_ID,
        digione_tenant: 'vantaa',
        digione_role: 'pupil',
      },
    });
    assert.equal(answer.status, 400);
    assert.equal(answer.body.error, 'invalid_target', JSON.stringify(answer.body));
    // The other widgets still get theirs: the shell keeps working after a reload, without the revoked widget.
    await page.reload();
    await page.locator('[data-widget="kajo.schedule"]').waitFor();
    await settledWidgets(page, await page.locator('[data-widget]').count());
    assert.equal(await probe().count(), 0);
    assert.equal(await page.locator('[data-widget="kajo.schedule"]').getAttribute('data-state'), 'ready');
  });
});
