import { expect } from '@open-wc/testing';
import { CONTEXT_ERROR, PlatformApiError, WidgetContextError } from './errors.js';
import { TOPIC_PATTERN } from './events.js';
import { XAPI_VERBS } from './telemetry.js';

describe('SDK errors and constants', () => {
  it('gives context errors a stable code that leads the message', () => {
    const error = new WidgetContextError(CONTEXT_ERROR.undeclaredTopic, 'widget acme.x: declare it');
    expect(error.code).to.equal('events.undeclared-topic');
    expect(error.message).to.equal('events.undeclared-topic: widget acme.x: declare it');
    expect(error.name).to.equal('WidgetContextError');
  });

  it('keeps the problem document of a platform API error', () => {
    const problem = { type: 'https://schemas.digione.fi/problems/forbidden', title: 'Forbidden', status: 403, code: 'forbidden' as const };
    const error = new PlatformApiError(403, 'Forbidden', problem);
    expect(error.status).to.equal(403);
    expect(error.type).to.equal(problem.type);
    expect(error.problem).to.equal(problem);
  });

  it('names topics as the manifest schema does', () => {
    for (const topic of ['messages.unread-count', 'a.b', 'schedule.week.changed']) expect(TOPIC_PATTERN.test(topic), topic).to.equal(true);
    for (const topic of ['messages', 'Messages.count', 'a..b', '.a', 'a.b.', 'a b.c']) expect(TOPIC_PATTERN.test(topic), topic).to.equal(false);
  });

  it('maps every short verb name to an ADL verb IRI', () => {
    for (const [name, iri] of Object.entries(XAPI_VERBS)) expect(iri).to.equal(`http://adlnet.gov/expapi/verbs/${name}`);
  });
});
