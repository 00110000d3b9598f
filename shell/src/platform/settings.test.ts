import { expect } from '@open-wc/testing';
import { CONTEXT_ERROR, PlatformApiError, WidgetContextError } from '@digione/sdk';
import { fakeFetch, problem } from '../testing/fake-platform.js';
import { createPlatformApi } from './api.js';
import { createWidgetSettings, MAX_SETTINGS_BYTES } from './settings.js';

const BASE = 'http://api.test';

/** A fake settings store keyed by the path, as the platform keeps one document per user and widget. */
function store() {
  const saved = new Map<string, unknown>();
  const fake = fakeFetch((request) => {
    if (request.method === 'PUT') {
      saved.set(request.url.pathname, request.body);
      return { json: request.body };
    }
    return { json: saved.get(request.url.pathname) ?? {} };
  });
  const settingsOf = (widgetId: string) =>
    createWidgetSettings(createPlatformApi({ widgetId, baseUrl: BASE, token: async () => 't', fetch: fake.fetch }), widgetId);
  return { fake, settingsOf };
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

describe('widget settings', () => {
  it('reads nothing before anything is stored, then what was stored, per widget', async () => {
    const { fake, settingsOf } = store();
    const schedule = settingsOf('kajo.schedule');
    expect(await schedule.get()).to.equal(undefined);
    await schedule.set({ week: 'following' });
    expect(await schedule.get<{ week: string }>()).to.deep.equal({ week: 'following' });
    expect(await settingsOf('lumo.messages').get()).to.equal(undefined);

    const put = fake.received.find((r) => r.method === 'PUT');
    expect(put?.url.pathname).to.equal('/v1/me/widget-settings/kajo.schedule');
    expect(put?.headers.get('Content-Type')).to.equal('application/json');
    expect(put?.headers.get('X-DigiOne-Widget')).to.equal('kajo.schedule');
    expect(put?.body).to.deep.equal({ week: 'following' });
  });

  it('refuses what is not a JSON object or is over the platform limit, without calling the platform', async () => {
    const { fake, settingsOf } = store();
    const settings = settingsOf('kajo.schedule');
    for (const value of [[1, 2], null, 'text', { big: 'x'.repeat(MAX_SETTINGS_BYTES) }]) {
      const error = await rejection(settings.set(value as Record<string, unknown>));
      expect(error).to.be.instanceOf(WidgetContextError);
      expect((error as WidgetContextError).code).to.equal(CONTEXT_ERROR.invalidSettings);
    }
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(((await rejection(settings.set(cyclic))) as WidgetContextError).code).to.equal(CONTEXT_ERROR.invalidSettings);
    expect(fake.received).to.have.length(0);
  });

  it('passes the platform refusal on as a PlatformApiError', async () => {
    const fake = fakeFetch(() => ({ status: 413, problem: problem(413, 'payload-too-large', 'At most 8 KiB.') }));
    const settings = createWidgetSettings(createPlatformApi({ widgetId: 'kajo.schedule', baseUrl: BASE, token: async () => 't', fetch: fake.fetch }), 'kajo.schedule');
    const error = await rejection(settings.set({ a: 1 }));
    expect(error).to.be.instanceOf(PlatformApiError);
    expect((error as PlatformApiError).status).to.equal(413);
  });
});
