import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { PlatformApiError, WidgetContextError, type Locale, type WidgetContext } from '@digione/sdk';
import {
  BRIDGE_PROTOCOL,
  BRIDGE_VERSION,
  MAX_MESSAGE_BYTES,
  checkConnectMessage,
  contextOverPort,
  envelope,
  type BridgeInit,
  type FramedWidgetContext,
} from '@digione/sdk/bridge';
import { fakeApi, fakeContext } from '@digione/sdk/testing';
import { connectFrame, servePort, MAX_PENDING_CALLS, type FrameHandlers, type PortHost } from './host.js';
import { moveFocusPast } from './focus.js';

const init: BridgeInit = {
  widget: { id: 'vire.materials', instanceId: 'materials', version: '0.1.0' },
  user: { id: 'u1', displayName: 'Aino', activeRole: 'pupil', roles: ['pupil'] },
  tenant: { id: 'vantaa', name: 'Vantaa' },
  locale: 'fi',
  theme: { scheme: 'light', brand: 'Vantaa', tokens: { '--d1-color-brand': '#00508f' } },
  config: { subject: 'MA' },
  size: { tile: 'm', width: 480 },
  events: { publishes: ['materials.opened'], subscribes: ['messages.unread-count'] },
};

interface Pair {
  host: PortHost;
  widget: FramedWidgetContext;
  /** The widget's raw port, for sending what a hostile page would. */
  raw: MessagePort;
  logged: string[];
  frame: { resized: number[]; exits: string[]; keys: string[] };
  answers: unknown[];
}

/** A host serving `context` on one end of a MessageChannel, and a widget context on the other. */
function pair(context: WidgetContext): Pair {
  const channel = new MessageChannel();
  const logged: string[] = [];
  const frame = { resized: [] as number[], exits: [] as string[], keys: [] as string[] };
  const handlers: FrameHandlers = {
    onResize: (height) => frame.resized.push(height),
    onFocusExit: (direction) => frame.exits.push(direction),
    onKey: (key) => frame.keys.push(key),
  };
  const host = servePort(channel.port1, context, handlers, (message) => logged.push(message));
  // A second channel stands in for a hostile page: raw messages to the host, answers recorded.
  const hostile = new MessageChannel();
  const answers: unknown[] = [];
  servePort(hostile.port1, context, handlers, (message) => logged.push(message));
  hostile.port2.onmessage = (event) => answers.push(event.data);
  return { host, widget: contextOverPort(channel.port2, init), raw: hostile.port2, logged, frame, answers };
}

const call = (id: number, method: string, args: unknown[] = []) => envelope('call', { id, method, args });

describe('the iframe bridge protocol', () => {
  it('performs API calls with the host context and returns only status and data', async () => {
    const { api, calls } = fakeApi(({ path }) => (path === '/v1/subjects' ? { items: [{ code: 'MA' }] } : {}));
    const { widget } = pair(fakeContext({ api }));
    const { data, response } = await widget.api.GET('/v1/subjects', { params: { query: { limit: 5 } } });
    expect(data).to.deep.equal({ items: [{ code: 'MA' }] });
    expect(response.status).to.equal(200);
    expect(calls).to.have.length(1);
    expect(calls[0]?.method).to.equal('GET');
    expect(calls[0]?.path).to.equal('/v1/subjects');
    expect(calls[0]?.init).to.deep.equal({ params: { query: { limit: 5 } } });
  });

  it('turns the host’s errors back into the errors a page widget gets', async () => {
    const problem = { type: 'about:blank', title: 'Forbidden', status: 403, code: 'forbidden' } as never;
    const { api } = fakeApi(() => {
      throw new PlatformApiError(403, 'Forbidden', problem);
    });
    const settings = {
      get: async () => undefined,
      set: async () => {
        throw new WidgetContextError('settings.invalid-value', 'too large');
      },
    };
    const { widget } = pair(fakeContext({ api, settings }));
    const apiError = await widget.api.GET('/v1/subjects').then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(apiError).to.be.instanceOf(PlatformApiError);
    expect((apiError as PlatformApiError).status).to.equal(403);
    expect((apiError as PlatformApiError).problem?.code).to.equal('forbidden');
    const settingsError = await widget.settings.set({ a: 1 }).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(settingsError).to.be.instanceOf(WidgetContextError);
    expect((settingsError as WidgetContextError).code).to.equal('settings.invalid-value');
  });

  it('refuses API paths off the platform API, with no call made', async () => {
    const { api, calls } = fakeApi();
    const { raw, answers } = pair(fakeContext({ api }));
    raw.postMessage(call(1, 'api.request', [{ method: 'GET', path: 'https://evil.example/v1/x' }]));
    raw.postMessage(call(2, 'api.request', [{ method: 'GET', path: '/v1/../admin' }]));
    raw.postMessage(call(3, 'api.request', [{ method: 'TRACE', path: '/v1/subjects' }]));
    await waitUntil(() => answers.length === 3);
    expect(answers.map((a) => (a as { error: { code: string } }).error.code)).to.deep.equal([
      'bridge.invalid-arguments',
      'bridge.invalid-arguments',
      'bridge.invalid-arguments',
    ]);
    expect(calls).to.have.length(0);
  });

  it('pushes locale, theme and size to the widget', async () => {
    const { host, widget } = pair(fakeContext());
    const locales: Locale[] = [];
    const schemes: string[] = [];
    const widths: number[] = [];
    widget.onLocaleChange((locale) => locales.push(locale));
    widget.onThemeChange((theme) => schemes.push(theme.scheme));
    widget.onSizeChange((size) => widths.push(size.width));
    expect(widget.locale).to.equal('fi');
    host.push(envelope('locale', { locale: 'sv' as const }));
    host.push(envelope('theme', { theme: { scheme: 'dark' as const, brand: 'Vanda', tokens: {} } }));
    host.push(envelope('size', { size: { tile: 'l' as const, width: 900 } }));
    await waitUntil(() => widths.length === 1);
    expect(locales).to.deep.equal(['sv']);
    expect(widget.locale).to.equal('sv');
    expect(schemes).to.deep.equal(['dark']);
    expect(widget.theme).to.deep.equal({ scheme: 'dark', brand: 'Vanda' });
    expect(widget.size).to.deep.equal({ tile: 'l', width: 900 });
  });

  it('subscribes on the host once per topic, delivers events, and unsubscribes with the last handler', async () => {
    const handlers = new Map<string, (payload: unknown, source: { widgetId: string; instanceId: string }) => void>();
    let stopped = 0;
    const events = {
      publish: () => undefined,
      subscribe: (topic: string, handler: (payload: unknown, source: { widgetId: string; instanceId: string }) => void) => {
        handlers.set(topic, handler);
        return () => void stopped++;
      },
    } as unknown as WidgetContext['events'];
    const { widget } = pair(fakeContext({ events }));
    const received: unknown[] = [];
    const stopA = widget.events.subscribe('messages.unread-count' as never, (payload) => received.push(payload));
    const stopB = widget.events.subscribe('messages.unread-count' as never, () => undefined);
    await waitUntil(() => handlers.has('messages.unread-count'));
    handlers.get('messages.unread-count')?.({ count: 3 }, { widgetId: 'lumo.messages', instanceId: 'm' });
    await waitUntil(() => received.length === 1);
    expect(received).to.deep.equal([{ count: 3 }]);
    stopA();
    stopB();
    await waitUntil(() => stopped === 1);
    expect(() => widget.events.subscribe('kajo.other' as never, () => undefined)).to.throw('events.undeclared-topic');
    expect(() => widget.events.publish('materials.opened' as never, { at: () => 1 } as never)).to.throw('events.payload-not-cloneable');
  });

  it('ignores and logs malformed messages and unknown types, never throwing into the host', async () => {
    const settings = { get: async () => ({ touched: true }), set: async () => undefined };
    let touched = 0;
    const { raw, logged, answers, frame } = pair(
      fakeContext({
        settings: {
          ...settings,
          get: async () => {
            touched++;
            return undefined;
          },
        },
      }),
    );
    const malformed: unknown[] = [
      'hello',
      null,
      [1, 2],
      { protocol: 'other', v: 1, type: 'call' },
      { protocol: BRIDGE_PROTOCOL, v: BRIDGE_VERSION + 1, type: 'call', id: 1, method: 'settings.get', args: [] },
      { protocol: BRIDGE_PROTOCOL, v: BRIDGE_VERSION, type: 'teleport' },
      { protocol: BRIDGE_PROTOCOL, v: BRIDGE_VERSION, type: 'call', method: 'settings.get', args: [] },
      { protocol: BRIDGE_PROTOCOL, v: BRIDGE_VERSION, type: 'call', id: 2, method: 'settings.get', args: 'no' },
      { protocol: BRIDGE_PROTOCOL, v: BRIDGE_VERSION, type: 'resize', height: -5 },
      { protocol: BRIDGE_PROTOCOL, v: BRIDGE_VERSION, type: 'key', key: 'Enter' },
      { protocol: BRIDGE_PROTOCOL, v: BRIDGE_VERSION, type: 'focus-exit', direction: 'up' },
      { ...envelope('resize', { height: 10 }), extra: new Map() },
    ];
    for (const message of malformed) raw.postMessage(message);
    // A valid message after all of them shows that the host is still serving.
    raw.postMessage(envelope('resize', { height: 321 }));
    await waitUntil(() => frame.resized.length === 1);
    expect(frame.resized).to.deep.equal([321]);
    expect(frame.keys).to.deep.equal([]);
    expect(frame.exits).to.deep.equal([]);
    expect(logged).to.have.length(malformed.length);
    expect(touched).to.equal(0);
    expect(answers).to.deep.equal([]);
  });

  it('answers an unknown method with bridge.unknown-method', async () => {
    const { raw, answers, logged } = pair(fakeContext());
    raw.postMessage(call(7, 'tokens.steal'));
    await waitUntil(() => answers.length === 1);
    expect(answers[0]).to.deep.include({ type: 'result', id: 7, ok: false });
    expect((answers[0] as { error: { code: string } }).error.code).to.equal('bridge.unknown-method');
    expect(logged.some((line) => line.includes('tokens.steal'))).to.equal(true);
  });

  it('refuses oversize payloads without performing them', async () => {
    let stored = 0;
    const { raw, answers } = pair(
      fakeContext({
        settings: {
          get: async () => undefined,
          set: async () => {
            stored++;
          },
        },
      }),
    );
    raw.postMessage(call(9, 'settings.set', [{ blob: 'x'.repeat(MAX_MESSAGE_BYTES) }]));
    await waitUntil(() => answers.length === 1);
    expect((answers[0] as { id: number; error: { code: string } }).id).to.equal(9);
    expect((answers[0] as { error: { code: string } }).error.code).to.equal('bridge.too-large');
    expect(stored).to.equal(0);
  });

  it(`refuses more than ${MAX_PENDING_CALLS} calls waiting at once`, async () => {
    const { raw, answers } = pair(fakeContext({ settings: { get: () => new Promise(() => undefined), set: async () => undefined } }));
    for (let id = 1; id <= MAX_PENDING_CALLS + 1; id++) raw.postMessage(call(id, 'settings.get'));
    await waitUntil(() => answers.length === 1);
    expect(answers[0]).to.deep.include({ id: MAX_PENDING_CALLS + 1, ok: false });
  });

  it('rejects calls after disconnect and serves nothing more', async () => {
    let asked = 0;
    const never = new Promise<undefined>(() => undefined);
    const { host, widget } = pair(
      fakeContext({
        settings: {
          get: () => {
            asked++;
            return asked === 1 ? never : Promise.resolve(undefined);
          },
          set: async () => undefined,
        },
      }),
    );
    const waiting = widget.settings.get().then(
      () => 'resolved',
      (error: Error) => error.message,
    );
    await waitUntil(() => asked === 1);
    host.close();
    expect(await waiting).to.match(/^bridge\.disconnected/);
    expect(widget.connected).to.equal(false);
    const later = await widget.settings.get().then(
      () => 'resolved',
      (error: Error) => error.message,
    );
    expect(later).to.match(/^bridge\.disconnected/);
    expect(asked).to.equal(1);
    expect(host.open).to.equal(false);
  });

  it('checks the init data of a connect message', () => {
    expect(checkConnectMessage(envelope('connect', { init })).ok).to.equal(true);
    expect(checkConnectMessage(envelope('connect', { init: { ...init, locale: 'de' } })).ok).to.equal(false);
    expect(checkConnectMessage(envelope('hello', {})).ok).to.equal(false);
  });
});

describe('the bridge handshake', () => {
  const origin = 'http://localhost:4203';
  async function frameWindow(): Promise<Window> {
    const frame = await fixture<HTMLIFrameElement>(html`<iframe title="stand-in"></iframe>`);
    return frame.contentWindow!;
  }
  function start(source: Window) {
    const messages = new EventTarget();
    const posted: Array<{ message: unknown; targetOrigin: string; transfer: Transferable[] }> = [];
    const logged: string[] = [];
    const bridge = connectFrame({
      frameWindow: () => source,
      post: (message, targetOrigin, transfer) => posted.push({ message, targetOrigin, transfer }),
      origin,
      context: fakeContext(),
      init: () => init,
      handlers: { onResize: () => undefined, onFocusExit: () => undefined, onKey: () => undefined },
      messages: messages as unknown as Window,
      log: (message) => logged.push(message),
    });
    const hello = (from: { origin: string; source: MessageEventSource | null }, data: unknown = envelope('hello', {})) =>
      messages.dispatchEvent(new MessageEvent('message', { data, ...from }));
    return { bridge, posted, logged, hello };
  }

  it('hands the port over once, to the entry origin, after load and hello from the frame itself', async () => {
    const source = await frameWindow();
    const { bridge, posted, logged, hello } = start(source);
    hello({ origin: 'http://evil.example', source }); // spoofed origin
    hello({ origin, source: window }); // right origin, wrong window
    hello({ origin, source }, { protocol: BRIDGE_PROTOCOL, v: BRIDGE_VERSION, type: 'connect' }); // not a hello
    expect(logged).to.have.length(3);
    bridge.loaded();
    expect(posted).to.have.length(0);
    hello({ origin, source });
    expect(posted).to.have.length(1);
    expect(posted[0]?.targetOrigin).to.equal(origin);
    expect(posted[0]?.transfer).to.have.length(1);
    expect(posted[0]?.transfer[0]).to.be.instanceOf(MessagePort);
    expect(checkConnectMessage(posted[0]?.message).ok).to.equal(true);
    await bridge.connected;
    hello({ origin, source });
    bridge.loaded();
    expect(posted).to.have.length(1);
    bridge.close();
  });

  it('waits for load when the hello comes first, and never connects after close', async () => {
    const source = await frameWindow();
    const first = start(source);
    first.hello({ origin, source });
    expect(first.posted).to.have.length(0);
    first.bridge.loaded();
    expect(first.posted).to.have.length(1);
    first.bridge.close();

    const second = start(source);
    second.bridge.close();
    second.hello({ origin, source });
    second.bridge.loaded();
    expect(second.posted).to.have.length(0);
  });
});

describe('keyboard passing', () => {
  it('moves focus from a frame to the next or previous focusable element of the page', async () => {
    const page = await fixture<HTMLDivElement>(
      html`<div><button id="before">before</button><iframe title="widget"></iframe><button id="after">after</button></div>`,
    );
    const frame = page.querySelector('iframe')!;
    moveFocusPast(frame, 'forward');
    expect(document.activeElement?.id).to.equal('after');
    moveFocusPast(frame, 'backward');
    expect(document.activeElement?.id).to.equal('before');
  });
});
