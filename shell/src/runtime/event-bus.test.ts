import { expect, waitUntil } from '@open-wc/testing';
import { CONTEXT_ERROR, WidgetContextError } from '@digione/sdk';
import { EventBus } from './event-bus.js';
import { WidgetScope } from './scope.js';

declare module '@digione/sdk' {
  interface WidgetEventMap {
    'test.count': { count: number; items?: string[] };
    'test.other': { on: boolean };
  }
}

const publisher = { id: 'acme.publisher', events: { publishes: ['test.count'], subscribes: ['test.count'] } };
const listener = { id: 'acme.listener', events: { subscribes: ['test.count'] } };

function codeOf(action: () => unknown): string | undefined {
  try {
    action();
  } catch (error) {
    return error instanceof WidgetContextError ? error.code : String(error);
  }
  return undefined;
}

/** Lets queued deliveries run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('event bus', () => {
  it('delivers a declared topic to subscribers of other instances, as a copy of the payload', async () => {
    const bus = new EventBus();
    const events = bus.forWidget(publisher, 'p1', new WidgetScope());
    const received: Array<{ payload: unknown; from: string }> = [];
    bus.forWidget(listener, 'l1', new WidgetScope()).subscribe('test.count', (payload, source) => {
      received.push({ payload, from: `${source.widgetId}#${source.instanceId}` });
    });
    const payload = { count: 3, items: ['a'] };
    events.publish('test.count', payload);
    payload.items.push('changed after publish');
    await waitUntil(() => received.length === 1);
    expect(received[0]).to.deep.equal({ payload: { count: 3, items: ['a'] }, from: 'acme.publisher#p1' });
  });

  it('refuses topics the manifest does not declare, naming the list to add them to', () => {
    const bus = new EventBus();
    const events = bus.forWidget(listener, 'l1', new WidgetScope());
    expect(codeOf(() => events.publish('test.count', { count: 1 }))).to.equal(CONTEXT_ERROR.undeclaredTopic);
    expect(codeOf(() => events.subscribe('test.other', () => undefined))).to.equal(CONTEXT_ERROR.undeclaredTopic);
    expect(codeOf(() => (events.publish as (t: string, p: unknown) => void)('NotDotted', {}))).to.equal(CONTEXT_ERROR.invalidTopic);
    try {
      events.publish('test.count', { count: 1 });
    } catch (error) {
      expect(String(error)).to.contain('events.undeclared-topic').and.to.contain('acme.listener').and.to.contain('events.publishes');
    }
    expect(bus.subscriptionCount).to.equal(0);
  });

  it('refuses a payload that cannot be structured-cloned, in the publisher', () => {
    const events = new EventBus().forWidget(publisher, 'p1', new WidgetScope());
    const payload = { count: 1, items: [] as string[], callback: () => undefined };
    expect(codeOf(() => events.publish('test.count', payload))).to.equal(CONTEXT_ERROR.payloadNotCloneable);
  });

  it('stops delivering after unsubscribe, even for events already on their way', async () => {
    const bus = new EventBus();
    const events = bus.forWidget(publisher, 'p1', new WidgetScope());
    let calls = 0;
    const stop = bus.forWidget(listener, 'l1', new WidgetScope()).subscribe('test.count', () => calls++);
    events.publish('test.count', { count: 1 });
    stop();
    events.publish('test.count', { count: 2 });
    await settle();
    expect(calls).to.equal(0);
    expect(bus.subscriptionCount).to.equal(0);
  });

  it('keeps instances apart: the publisher does not hear itself, and unmounting one instance ends only its subscriptions', async () => {
    const bus = new EventBus();
    const [scopeA, scopeB] = [new WidgetScope(), new WidgetScope()];
    const a = bus.forWidget(publisher, 'a', scopeA);
    const b = bus.forWidget(publisher, 'b', scopeB);
    const heard = { a: 0, b: 0 };
    a.subscribe('test.count', () => heard.a++);
    b.subscribe('test.count', () => heard.b++);
    a.publish('test.count', { count: 1 });
    await waitUntil(() => heard.b === 1);
    expect(heard.a).to.equal(0);

    scopeB.end();
    expect(bus.subscriptionCount).to.equal(1);
    a.publish('test.count', { count: 2 });
    b.publish('test.count', { count: 3 }); // an unmounted widget's late publish goes nowhere
    await settle();
    expect(heard).to.deep.equal({ a: 0, b: 1 });
    scopeA.end();
    expect(bus.subscriptionCount).to.equal(0);
  });

  it('keeps delivering to others when one subscriber throws', async () => {
    const bus = new EventBus();
    const events = bus.forWidget(publisher, 'p1', new WidgetScope());
    let heard = 0;
    const original = console.error;
    console.error = () => undefined;
    try {
      bus.forWidget(listener, 'l1', new WidgetScope()).subscribe('test.count', () => {
        throw new Error('subscriber bug');
      });
      bus.forWidget(listener, 'l2', new WidgetScope()).subscribe('test.count', () => heard++);
      events.publish('test.count', { count: 1 });
      await waitUntil(() => heard === 1);
    } finally {
      console.error = original;
    }
  });
});
