import type { NotificationKind, WidgetContext } from '@digione/sdk';
import {
  BRIDGE_ERROR,
  BRIDGE_METHODS,
  BRIDGE_PROTOCOL,
  BRIDGE_VERSION,
  BridgeError,
  MAX_MESSAGE_BYTES,
  checkHelloMessage,
  checkWidgetMessage,
  envelope,
  jsonSize,
  toFailure,
  type ApiMethod,
  type BridgeInit,
  type BridgeMethod,
  type BridgeSize,
  type BridgeTheme,
  type HostMessage,
} from '@digione/sdk/bridge';
import type { Locale } from '@digione/sdk';

/** What the host does with the frame's requests that concern the page rather than the context. */
export interface FrameHandlers {
  /** The widget's content height changed (already clamped by the caller). */
  onResize(height: number): void;
  /** Tab left the frame at its last (forward) or first (backward) focusable element. */
  onFocusExit(direction: 'forward' | 'backward'): void;
  /** A key the widget did not handle. */
  onKey(key: 'Escape'): void;
}

/** Reports a message that the bridge ignored or refused; console.warn by default. */
export type BridgeLog = (message: string) => void;

/** At most this many calls of one widget wait for an answer at once; more are refused with `bridge.busy`. */
export const MAX_PENDING_CALLS = 64;

const API_METHODS: ReadonlySet<string> = new Set<ApiMethod>(['GET', 'PUT', 'POST', 'DELETE', 'PATCH']);
/** A path template of the platform API: no other origin, no dot segments, no query in the path. */
const API_PATH = /^\/(?:v1|xapi)(?:\/[A-Za-z0-9_~{}-][A-Za-z0-9._~{}-]*)*$/;
const KINDS: ReadonlySet<string> = new Set<NotificationKind>(['info', 'success', 'warning', 'error']);

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const invalid = (method: string, what: string): BridgeError =>
  new BridgeError(BRIDGE_ERROR.invalidArguments, `${method} needs ${what}`);

type Client = Record<ApiMethod, (path: string, init: object) => Promise<{ data?: unknown; response: Response }>>;

/** One widget's end of the bridge on the host: serves its calls with `context` and pushes changes to it. */
export interface PortHost {
  /** Sends a push (locale, theme, size) to the widget; nothing after {@link PortHost.close}. */
  push(message: HostMessage): void;
  /** Tells the widget goodbye, ends its subscriptions and closes the port; later messages are ignored. */
  close(): void;
  /** Whether the port is still served. */
  readonly open: boolean;
}

/**
 * Serves one widget's port: every message is checked (oversize, malformed and unknown ones are ignored and logged,
 * never thrown), each call is performed with the widget's own {@link WidgetContext} (so its API calls carry that
 * widget's credentials, which never cross the bridge) and answered with a result of the same id.
 */
export function servePort(
  port: MessagePort,
  context: WidgetContext,
  handlers: FrameHandlers,
  log: BridgeLog = (message) => console.warn(`[digione] bridge ${context.widget.id}: ${message}`),
): PortHost {
  let open = true;
  let pending = 0;
  const subscriptions = new Map<string, () => void>();
  const post = (message: HostMessage): void => {
    if (open) port.postMessage(message);
  };

  const perform = async (method: BridgeMethod, args: readonly unknown[]): Promise<unknown> => {
    const [first, second] = args;
    switch (method) {
      case 'api.request': {
        if (!isRecord(first) || typeof first['method'] !== 'string' || !API_METHODS.has(first['method'])) {
          throw invalid(method, 'a request with method GET, PUT, POST, DELETE or PATCH');
        }
        const path = first['path'];
        if (typeof path !== 'string' || !API_PATH.test(path)) throw invalid(method, 'a platform API path such as /v1/schedule');
        const params = first['params'];
        if (params !== undefined && !isRecord(params)) throw invalid(method, 'params as an object');
        const client = context.api as unknown as Client;
        const { data, response } = await client[first['method'] as ApiMethod](path, {
          params: params ?? {},
          ...(first['body'] !== undefined ? { body: first['body'] } : {}),
        });
        return { status: response.status, data };
      }
      case 'settings.get':
        return context.settings.get();
      case 'settings.set':
        if (!isRecord(first)) throw invalid(method, 'an object');
        return context.settings.set(first);
      case 'telemetry.track':
        if (!isRecord(first)) throw invalid(method, 'a statement');
        return context.telemetry.track(first as never);
      case 'events.publish':
        if (typeof first !== 'string') throw invalid(method, 'a topic');
        context.events.publish(first as never, second as never);
        return undefined;
      case 'events.subscribe': {
        if (typeof first !== 'string') throw invalid(method, 'a topic');
        if (!subscriptions.has(first)) {
          const stop = context.events.subscribe(first as never, (payload: unknown, source) =>
            post(envelope('event', { topic: first, payload, source: { widgetId: source.widgetId, instanceId: source.instanceId } })),
          );
          subscriptions.set(first, stop);
        }
        return undefined;
      }
      case 'events.unsubscribe':
        if (typeof first !== 'string') throw invalid(method, 'a topic');
        subscriptions.get(first)?.();
        subscriptions.delete(first);
        return undefined;
      case 'navigation.openExternal':
        if (typeof first !== 'string') throw invalid(method, 'a URL');
        context.navigation.openExternal(first);
        return undefined;
      case 'navigation.openWidget':
        if (typeof first !== 'string') throw invalid(method, 'a widget id');
        return context.navigation.openWidget(first);
      case 'notifications.notify':
        if (!isRecord(first) || !KINDS.has(first['kind'] as string) || typeof first['message'] !== 'string') {
          throw invalid(method, 'a kind (info, success, warning, error) and a message');
        }
        context.notifications.notify({ kind: first['kind'] as NotificationKind, message: first['message'] });
        return undefined;
    }
  };

  const answer = (id: number, result: Promise<unknown>): void => {
    pending++;
    result.then(
      (value) => post(envelope('result', { id, ok: true as const, value })),
      (error: unknown) => post(envelope('result', { id, ok: false as const, error: toFailure(error) })),
    ).finally(() => pending--);
  };

  port.onmessage = (event: MessageEvent) => {
    if (!open) return;
    const data: unknown = event.data;
    const checked = checkWidgetMessage(data);
    if (!checked.ok) {
      log(`ignored a message: ${checked.reason}`);
      // A well-formed call that is only too large (or not JSON) still gets its answer, so that its promise ends.
      if (isRecord(data) && data['protocol'] === BRIDGE_PROTOCOL && data['v'] === BRIDGE_VERSION && data['type'] === 'call') {
        const id = data['id'];
        if (Number.isSafeInteger(id) && jsonSize(data) === undefined) {
          const error = new BridgeError(BRIDGE_ERROR.tooLarge, `the call is not plain JSON or is larger than ${MAX_MESSAGE_BYTES} bytes`);
          post(envelope('result', { id: id as number, ok: false as const, error: toFailure(error) }));
        }
      }
      return;
    }
    const message = checked.message;
    switch (message.type) {
      case 'call': {
        const { id, method, args } = message;
        if (!(BRIDGE_METHODS as readonly string[]).includes(method)) {
          log(`refused unknown method "${String(method)}"`);
          answer(id, Promise.reject(new BridgeError(BRIDGE_ERROR.unknownMethod, `unknown method "${String(method)}"`)));
          return;
        }
        if (pending >= MAX_PENDING_CALLS) {
          answer(id, Promise.reject(new BridgeError(BRIDGE_ERROR.busy, `more than ${MAX_PENDING_CALLS} calls are waiting`)));
          return;
        }
        // perform() may throw synchronously (a context method refusing its arguments): that too becomes a result.
        answer(id, Promise.resolve().then(() => perform(method, args)));
        return;
      }
      case 'resize':
        handlers.onResize(message.height);
        return;
      case 'focus-exit':
        handlers.onFocusExit(message.direction);
        return;
      case 'key':
        handlers.onKey(message.key);
        return;
    }
  };

  return {
    push: post,
    get open() {
      return open;
    },
    close() {
      if (!open) return;
      post(envelope('bye', {}));
      open = false;
      for (const stop of subscriptions.values()) stop();
      subscriptions.clear();
      port.onmessage = null;
      port.close();
    },
  };
}

/** What {@link connectFrame} needs. */
export interface ConnectFrameOptions {
  /** The frame's window: a hello is accepted only from it, and the connect message goes only to it. */
  frameWindow: () => MessageEventSource | null;
  /** Posts the connect message (default: the frame window's postMessage); tests capture it here. */
  post?: (message: unknown, targetOrigin: string, transfer: Transferable[]) => void;
  /** The origin of the widget's entry: the hello must come from it and the port is posted only to it. */
  origin: string;
  /** The widget's context, built by the shell for this placement. */
  context: WidgetContext;
  /** The context's starting data, computed at connection time (locale, theme and size as they are then). */
  init: () => BridgeInit;
  /** Page-level requests of the widget. */
  handlers: FrameHandlers;
  /** Where window messages arrive (default: this window). */
  messages?: Pick<Window, 'addEventListener' | 'removeEventListener'>;
  /** Where ignored messages are reported. */
  log?: BridgeLog;
}

/** The host's side of one frame's bridge, from the handshake on. */
export interface FrameBridge {
  /** Resolves once the widget is connected. */
  readonly connected: Promise<void>;
  /** Tells the bridge the frame has fired `load`: the port is handed over after both load and the widget's hello. */
  loaded(): void;
  /** Pushes the new locale. */
  pushLocale(locale: Locale): void;
  /** Pushes the new theme. */
  pushTheme(theme: BridgeTheme): void;
  /** Pushes the new size. */
  pushSize(size: BridgeSize): void;
  /** Ends the handshake or the connection. */
  close(): void;
}

/**
 * The handshake: the widget's page says hello to its parent when it calls `connectToHost`; once the frame has
 * loaded and said hello, the host hands it one end of a fresh `MessageChannel`, once, posted with the entry's
 * origin as targetOrigin (so no other page that the frame may have navigated to receives it). Hellos from another
 * window or origin, and any after the first, are ignored. Everything afterwards goes over the port.
 */
export function connectFrame(options: ConnectFrameOptions): FrameBridge {
  const { frameWindow, origin, context, handlers } = options;
  const post =
    options.post ??
    ((message: unknown, targetOrigin: string, transfer: Transferable[]) =>
      (frameWindow() as Window | null)?.postMessage(message, targetOrigin, transfer));
  const messages = options.messages ?? window;
  const log = options.log ?? ((message: string) => console.warn(`[digione] bridge ${context.widget.id}: ${message}`));
  let isLoaded = false;
  let helloSeen = false;
  let host: PortHost | undefined;
  let closed = false;
  let settle: () => void = () => undefined;
  const connected = new Promise<void>((resolve) => (settle = resolve));

  const handOver = (): void => {
    if (closed || host || !isLoaded || !helloSeen) return;
    messages.removeEventListener('message', onMessage as EventListener);
    const channel = new MessageChannel();
    host = servePort(channel.port1, context, handlers, log);
    post(envelope('connect', { init: options.init() }), origin, [channel.port2]);
    settle();
  };
  function onMessage(event: MessageEvent): void {
    const data: unknown = event.data;
    const ours = isRecord(data) && data['protocol'] === BRIDGE_PROTOCOL;
    if (event.source === null || event.source !== frameWindow()) {
      if (ours) log('ignored a bridge message from another window');
      return;
    }
    if (event.origin !== origin) {
      log(`ignored a message from ${event.origin}: the widget's origin is ${origin}`);
      return;
    }
    const checked = checkHelloMessage(data);
    if (!checked.ok) {
      log(`ignored a message: ${checked.reason}`);
      return;
    }
    helloSeen = true;
    handOver();
  }
  messages.addEventListener('message', onMessage as EventListener);

  return {
    connected,
    loaded() {
      isLoaded = true;
      handOver();
    },
    pushLocale: (locale) => host?.push(envelope('locale', { locale })),
    pushTheme: (theme) => host?.push(envelope('theme', { theme })),
    pushSize: (size) => host?.push(envelope('size', { size })),
    close() {
      closed = true;
      messages.removeEventListener('message', onMessage as EventListener);
      host?.close();
    },
  };
}
