import { expect } from '@open-wc/testing';
import { PlatformApiError } from '@digione/sdk';
import { fakeFetch, problem } from '../testing/fake-platform.js';
import { createPlatformApi } from './api.js';

const BASE = 'http://api.test:4175';

describe('platform API client', () => {
  it('sends the bearer token and the widget id with every call, and serializes typed query parameters', async () => {
    const fake = fakeFetch(() => ({ json: { events: [] } }));
    let tokens = 0;
    const api = createPlatformApi({ widgetId: 'kajo.schedule', baseUrl: BASE, token: async () => `token-${++tokens}`, fetch: fake.fetch });
    const { data } = await api.GET('/v1/schedule', { params: { query: { from: '2026-11-30', to: '2026-12-04' } } });
    expect(data).to.deep.equal({ events: [] });
    await api.GET('/v1/bulletin');
    const [first, second] = fake.received;
    expect(first?.url.href).to.equal(`${BASE}/v1/schedule?from=2026-11-30&to=2026-12-04`);
    expect(first?.headers.get('Authorization')).to.equal('Bearer token-1');
    expect(first?.headers.get('X-DigiOne-Widget')).to.equal('kajo.schedule');
    // The token is asked for on each call, so a renewed one is used at once.
    expect(second?.headers.get('Authorization')).to.equal('Bearer token-2');
  });

  it('rejects an error answer with a PlatformApiError that carries the problem document', async () => {
    const doc = problem(403, 'forbidden', 'Name a child you hold a mandate for.');
    const fake = fakeFetch(() => ({ status: 403, problem: doc }));
    const api = createPlatformApi({ widgetId: 'kajo.schedule', baseUrl: BASE, token: async () => 't', fetch: fake.fetch });
    let failure: unknown;
    try {
      await api.GET('/v1/schedule', { params: { query: { from: '2026-11-30', to: '2026-12-04', learner: '1.2.3' } } });
    } catch (error) {
      failure = error;
    }
    expect(failure).to.be.instanceOf(PlatformApiError);
    const error = failure as PlatformApiError;
    expect(error.status).to.equal(403);
    expect(error.message).to.equal('Name a child you hold a mandate for.');
    expect(error.type).to.equal('https://schemas.digione.fi/problems/forbidden');
    expect(error.problem).to.deep.equal(doc);
  });

  it('rejects with status 0 when the platform cannot be reached', async () => {
    const api = createPlatformApi({ widgetId: 'lumo.bulletin', baseUrl: BASE, token: async () => 't', fetch: fakeFetch(() => 'network-error').fetch });
    let failure: unknown;
    try {
      await api.GET('/v1/bulletin');
    } catch (error) {
      failure = error;
    }
    expect(failure).to.be.instanceOf(PlatformApiError);
    expect((failure as PlatformApiError).status).to.equal(0);
    expect((failure as PlatformApiError).problem).to.equal(undefined);
  });

  it('never sends the token to another origin, whatever path a widget passes', async () => {
    const fake = fakeFetch();
    // The client joins base URL and path as strings: "http://api.test" + ".evil.test/steal" is another host.
    const api = createPlatformApi({ widgetId: 'acme.evil', baseUrl: 'http://api.test', token: async () => 'secret', fetch: fake.fetch });
    let failure: unknown;
    try {
      await (api.GET as (path: string) => Promise<unknown>)('.evil.test/steal');
    } catch (error) {
      failure = error;
    }
    expect(String(failure)).to.contain('is not on the platform API');
    expect(fake.received).to.have.length(0);
  });

  it('gives the widget no way to add middleware or see the token', () => {
    const api = createPlatformApi({ widgetId: 'acme.test', baseUrl: BASE, token: async () => 'secret' });
    expect(Object.keys(api).sort()).to.deep.equal(['DELETE', 'GET', 'PATCH', 'POST', 'PUT']);
    expect(Object.isFrozen(api)).to.equal(true);
  });
});
