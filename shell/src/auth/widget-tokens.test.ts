import { expect } from '@open-wc/testing';
import { PlatformApiError } from '@digione/sdk';
import type { Answer } from '../testing/fake-platform.js';
import { WidgetTokens, type WidgetTokenRequest } from './widget-tokens.js';

const ENDPOINT = 'http://idp.test:4174/token';
const schedule: WidgetTokenRequest = { widget: 'kajo.schedule', scopes: ['schedule.read'], tenant: 'vantaa', role: 'pupil' };
const messages: WidgetTokenRequest = { widget: 'lumo.messages', scopes: ['messages.read'], tenant: 'vantaa', role: 'pupil' };

/** A token endpoint that issues `w1`, `w2`, … valid for `lifetime` seconds, and the form fields of each request. */
function provider(lifetime = 300, answer?: (form: URLSearchParams) => Answer | undefined) {
  const forms: URLSearchParams[] = [];
  const fetch = async (request: Request): Promise<Response> => {
    const form = new URLSearchParams(await request.clone().text());
    forms.push(form);
    const custom = answer?.(form);
    if (custom === 'network-error') throw new TypeError('Failed to fetch');
    if (custom) return new Response(JSON.stringify(custom.json ?? {}), { status: custom.status ?? 200, headers: { 'Content-Type': 'application/json' } });
    return new Response(JSON.stringify({ access_token: `w${forms.length}`, token_type: 'Bearer', expires_in: lifetime, scope: form.get('scope') }), {
      headers: { 'Content-Type': 'application/json' },
    });
  };
  return { fetch, forms };
}

function tokens(fetch: (request: Request) => Promise<Response>, clock: { now: number }): WidgetTokens {
  return new WidgetTokens({
    subjectToken: async () => 'shell-token',
    tokenEndpoint: async () => ENDPOINT,
    clientId: 'digione-shell',
    fetch,
    now: () => clock.now,
  });
}

describe('widget tokens', () => {
  it('sends a fresh DPoP proof for the token endpoint with each exchange', async () => {
    const proofs: Array<[string, string]> = [];
    const seen: Array<string | null> = [];
    const broker = new WidgetTokens({
      subjectToken: async () => 'shell-token',
      tokenEndpoint: async () => ENDPOINT,
      clientId: 'digione-shell',
      proof: async (method, url) => {
        proofs.push([method, url]);
        return `proof-${proofs.length}`;
      },
      fetch: async (request) => {
        seen.push(request.headers.get('DPoP'));
        return new Response(JSON.stringify({ access_token: `w${seen.length}`, token_type: 'DPoP', expires_in: 300 }), {
          headers: { 'Content-Type': 'application/json' },
        });
      },
      now: () => 0,
    });
    await broker.token(schedule);
    await broker.token(messages);
    expect(proofs).to.deep.equal([['POST', ENDPOINT], ['POST', ENDPOINT]]);
    expect(seen).to.deep.equal(['proof-1', 'proof-2']);
  });

  it('exchanges the shell token for each widget\'s own, naming the widget, its scopes and its dashboard', async () => {
    const idp = provider();
    const broker = tokens(idp.fetch, { now: 0 });
    expect(await broker.token({ ...messages, role: 'guardian', child: '1.2.246.562.98.1' })).to.equal('w1');
    const form = idp.forms[0]!;
    expect(Object.fromEntries(form)).to.deep.equal({
      grant_type: 'urn:ietf:params:oauth:grant-type:token-exchange',
      client_id: 'digione-shell',
      subject_token: 'shell-token',
      subject_token_type: 'urn:ietf:params:oauth:token-type:access_token',
      requested_token_type: 'urn:ietf:params:oauth:token-type:access_token',
      resource: 'urn:digione:platform',
      scope: 'messages.read',
      digione_widget: 'lumo.messages',
      digione_tenant: 'vantaa',
      digione_role: 'guardian',
      digione_learner: '1.2.246.562.98.1',
    });
  });

  it('reuses a widget\'s token until shortly before it expires, shares one exchange between simultaneous calls, and keeps widgets apart', async () => {
    const idp = provider(300);
    const clock = { now: 0 };
    const broker = tokens(idp.fetch, clock);
    const [a, b] = await Promise.all([broker.token(schedule), broker.token(schedule)]);
    expect([a, b]).to.deep.equal(['w1', 'w1']);
    expect(await broker.token(messages)).to.equal('w2');
    clock.now = 200_000;
    expect(await broker.token(schedule)).to.equal('w1');
    // 30 s before the end: renewed on this call, not later.
    clock.now = 271_000;
    expect(await broker.token(schedule)).to.equal('w3');
    expect(idp.forms).to.have.length(3);
  });

  it('drops the tokens of the previous dashboard on a role or child switch, and all of them when cleared', async () => {
    const idp = provider();
    const broker = tokens(idp.fetch, { now: 0 });
    await broker.token(schedule);
    await broker.token(messages);
    expect(broker.size).to.equal(2);
    await broker.token({ ...schedule, role: 'teacher' });
    expect(broker.size).to.equal(1);
    // Back on the pupil's dashboard: a new exchange, not the old token.
    expect(await broker.token(schedule)).to.equal('w4');
    broker.clear();
    expect(broker.size).to.equal(0);
    expect(await broker.token(schedule)).to.equal('w5');
  });

  it('rejects a refusal with a PlatformApiError that carries no token, and asks again on the next call', async () => {
    let refuse = true;
    const idp = provider(300, () =>
      refuse ? { status: 400, json: { error: 'invalid_target', error_description: 'widget kajo.schedule is not approved' } } : undefined,
    );
    const broker = tokens(idp.fetch, { now: 0 });
    let failure: unknown;
    try {
      await broker.token(schedule);
    } catch (error) {
      failure = error;
    }
    expect(failure).to.be.instanceOf(PlatformApiError);
    expect((failure as PlatformApiError).status).to.equal(403);
    expect(String(failure)).to.contain('invalid_target');
    expect(JSON.stringify(failure) + String(failure) + (failure as Error).stack).not.to.contain('shell-token');
    expect(broker.size).to.equal(0);
    refuse = false;
    expect(await broker.token(schedule)).to.equal('w2');
  });
});
