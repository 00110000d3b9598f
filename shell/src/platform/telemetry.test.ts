import { expect } from '@open-wc/testing';
import { CONTEXT_ERROR, PlatformApiError, WidgetContextError, type XapiStatementInput } from '@digione/sdk';
import { fakeFetch, problem } from '../testing/fake-platform.js';
import { createPlatformApi } from './api.js';
import { buildStatement, createWidgetTelemetry, WIDGET_EXTENSION } from './telemetry.js';

const origin = { widgetId: 'lumo.bulletin', widgetVersion: '0.1.0', locale: 'sv' as const };

function telemetryWith(fake: ReturnType<typeof fakeFetch>) {
  return createWidgetTelemetry(createPlatformApi({ widgetId: 'lumo.bulletin', baseUrl: 'http://api.test', token: async () => 't', fetch: fake.fetch }), () => origin);
}

describe('xAPI telemetry', () => {
  it('POSTs an xAPI 1.0.3 statement without an actor, with the version header, and resolves with the stored id', async () => {
    const fake = fakeFetch(() => ({ json: ['4f0b3f7e-6c1f-4d7e-9d4b-8f1f1f1f1f1f'] }));
    const id = await telemetryWith(fake).track({
      verb: 'experienced',
      object: { id: 'urn:lumo:bulletin:item:42', name: { fi: 'Retkipäivä' } },
      result: { completion: true },
    });
    expect(id).to.equal('4f0b3f7e-6c1f-4d7e-9d4b-8f1f1f1f1f1f');
    const [request] = fake.received;
    expect(request?.method).to.equal('POST');
    expect(request?.url.pathname).to.equal('/xapi/statements');
    expect(request?.headers.get('X-Experience-API-Version')).to.equal('1.0.3');
    expect(request?.headers.get('X-DigiOne-Widget')).to.equal('lumo.bulletin');
    const statement = request?.body as XapiStatementInput;
    expect(statement).not.to.have.property('actor');
    expect(statement.verb).to.deep.equal({ id: 'http://adlnet.gov/expapi/verbs/experienced', display: { 'en-US': 'experienced' } });
    expect(statement.object).to.deep.equal({ objectType: 'Activity', id: 'urn:lumo:bulletin:item:42', definition: { name: { fi: 'Retkipäivä' } } });
    expect(statement.result).to.deep.equal({ completion: true });
    expect(statement.context?.language).to.equal('sv');
    expect(statement.context?.extensions?.[WIDGET_EXTENSION]).to.deep.equal({ id: 'lumo.bulletin', version: '0.1.0' });
    expect(statement.id).to.match(/^[0-9a-f-]{36}$/);
    expect(Number.isNaN(Date.parse(statement.timestamp ?? ''))).to.equal(false);
  });

  it('takes any verb given as an absolute IRI', () => {
    const statement = buildStatement({ verb: 'https://w3id.org/xapi/video/verbs/paused', object: { id: 'https://kajo.example/v/1' } }, origin);
    expect(statement.verb).to.deep.equal({ id: 'https://w3id.org/xapi/video/verbs/paused' });
  });

  it('refuses an unknown short verb or a relative activity id before sending anything', async () => {
    const fake = fakeFetch();
    for (const tracked of [
      { verb: 'liked', object: { id: 'urn:x:1' } },
      { verb: 'completed', object: { id: 'lesson-1' } },
      { verb: 'completed', object: { id: 'urn:x:1', type: 'lesson' } },
    ]) {
      let failure: unknown;
      try {
        await telemetryWith(fake).track(tracked);
      } catch (error) {
        failure = error;
      }
      expect(failure).to.be.instanceOf(WidgetContextError);
      expect((failure as WidgetContextError).code).to.equal(CONTEXT_ERROR.invalidStatement);
    }
    expect(fake.received).to.have.length(0);
  });

  it('rejects with the store refusal', async () => {
    const fake = fakeFetch(() => ({ status: 403, problem: problem(403, 'forbidden', 'Only pupils record statements.') }));
    let failure: unknown;
    try {
      await telemetryWith(fake).track({ verb: 'experienced', object: { id: 'urn:x:1' } });
    } catch (error) {
      failure = error;
    }
    expect((failure as PlatformApiError).status).to.equal(403);
  });
});
