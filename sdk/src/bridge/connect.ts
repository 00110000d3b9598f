import type { PlatformApi, WidgetContext, WidgetNotification, WidgetTheme } from '../context.js';
import { CONTEXT_ERROR, PlatformApiError, WidgetContextError } from '../errors.js';
import { TOPIC_PATTERN, type EventSource } from '../events.js';
import type { ProblemDocument } from '../api-types.js';
import type { Locale } from '../locale.js';
import {
  BRIDGE_ERROR,
  BridgeError,
  checkConnectMessage,
  checkHostMessage,
  envelope,
  jsonSize,
  tabbableElements,
  type ApiAnswer,
  type ApiMethod,
  type BridgeFailure,
  type BridgeInit,
  type BridgeMethod,
  type BridgeSize,
  type BridgeTheme,
  type WidgetMessage,
} from './protocol.js';

/**
 * The `WidgetContext` of a widget in a frame, with what only a frame needs: its size on the dashboard and
 * the means to close the bridge.
 */
export interface FramedWidgetContext extends WidgetContext {
  /** The frame's tile size and width; read it again after a change. */
  readonly size: BridgeSize;
  /** Calls `listener` whenever the frame's size changes; returns the function that stops it. */
  onSizeChange(listener: (size: BridgeSize) => void): () => void;
  /** Whether the host still answers; false after the host unmounted the widget or {@link FramedWidgetContext.disconnect}. */
  readonly connected: boolean;
  /** Closes the bridge: later calls reject with `bridge.disconnected`. */
  disconnect(): void;
}

/** Options of {@link connectToHost}. */
export interface ConnectOptions {
  /**
   * The origins of the DigiOne shells this widget agrees to run in, e.g. `['https://digione.vantaa.fi']`. The port
   * is taken only from the parent window at one of these origins. Default: the embedding page's origin as the
   * browser reports it (`location.ancestorOrigins`), else the one the shell names in the frame URL's fragment
   * (`#digione-host=`): list your customers' shells in production.
   */
  readonly hostOrigins?: readonly string[];
  /** How long to wait for the host, in milliseconds (default 10 000). */
  readonly timeoutMs?: number;
  /**
   * Follow the host's theme tokens, size and keyboard rules in this document (default true): the tenant's colours
   * become `--d1-` custom properties of `<html>`, its height is reported as it changes, Tab past the last
   * focusable element returns to the shell, and an unhandled Escape passes up.
   */
  readonly followHost?: boolean;
}

/** The fragment parameter by which the shell names its origin in the frame's URL. */
export const HOST_ORIGIN_PARAM = 'digione-host';

function defaultHostOrigins(): string[] {
  const ancestors = typeof location !== 'undefined' ? location.ancestorOrigins : undefined;
  // A frame with referrerpolicy="no-referrer" sees its ancestors' origins masked as "null".
  const parentOrigin = ancestors?.[0];
  if (parentOrigin && parentOrigin !== 'null') return [parentOrigin];
  const named = new URLSearchParams(location.hash.replace(/^#/, '')).get(HOST_ORIGIN_PARAM);
  return named ? [named] : [];
}

/**
 * Connects an `iframe` widget to the DigiOne shell that framed it and resolves with the same `WidgetContext`
 * a `module` widget gets (plus the frame's size). Call it once, as early as you can: the shell hands over the
 * bridge's port once, after the frame has loaded and this function has said hello.
 *
 * The port is taken only from the parent window at an allowed origin; every message from the host is checked.
 * The platform API is called by the shell with its own credentials: no token ever reaches the frame.
 *
 * @throws `BridgeError` `bridge.disconnected` when no host connects within `timeoutMs`.
 * @example
 * ```ts
 * import { connectToHost } from '@digione/sdk/bridge';
 * const context = await connectToHost({ hostOrigins: ['https://digione.vantaa.fi'] });
 * document.querySelector('vire-materials')!.context = context;
 * ```
 */
export function connectToHost(options: ConnectOptions = {}): Promise<FramedWidgetContext> {
  const origins = options.hostOrigins ?? defaultHostOrigins();
  const parent = window.parent;
  return new Promise((resolve, reject) => {
    if (parent === window) {
      reject(new BridgeError(BRIDGE_ERROR.disconnected, 'this page is not in a frame'));
      return;
    }
    const timer = setTimeout(() => {
      window.removeEventListener('message', onMessage);
      reject(new BridgeError(BRIDGE_ERROR.disconnected, `no DigiOne host connected within ${options.timeoutMs ?? 10_000} ms`));
    }, options.timeoutMs ?? 10_000);
    function onMessage(event: MessageEvent): void {
      if (event.source !== parent || !origins.includes(event.origin)) return;
      const checked = checkConnectMessage(event.data);
      const port = event.ports[0];
      if (!checked.ok || !port) {
        console.warn('[digione bridge] ignored a message from the host:', checked.ok ? 'no port' : checked.reason);
        return;
      }
      clearTimeout(timer);
      window.removeEventListener('message', onMessage);
      const context = contextOverPort(port, checked.message.init);
      if (options.followHost !== false) followHost(context, port, checked.message.init.theme);
      resolve(context);
    }
    window.addEventListener('message', onMessage);
    // The hello carries nothing: any origin may see it, and the host answers only its own frame.
    parent.postMessage(envelope('hello', {}), '*');
  });
}

function rebuild(failure: BridgeFailure): Error {
  switch (failure.name) {
    case 'PlatformApiError':
      return new PlatformApiError(failure.status ?? 0, failure.message, failure.problem as ProblemDocument | undefined);
    case 'WidgetContextError':
      return new WidgetContextError((failure.code ?? CONTEXT_ERROR.invalidStatement) as never, failure.message);
    default:
      return new BridgeError((failure.code ?? BRIDGE_ERROR.disconnected) as never, failure.message);
  }
}

const isLocalhost = (url: URL): boolean => url.hostname === 'localhost' || url.hostname === '127.0.0.1';

/**
 * Builds a {@link FramedWidgetContext} over an already connected `port`, from the host's `init` data. The bridge
 * itself uses it; a test or a host other than the shell can use it with one end of a `MessageChannel`.
 */
export function contextOverPort(port: MessagePort, init: BridgeInit): FramedWidgetContext {
  let open = true;
  let nextId = 1;
  let locale: Locale = init.locale;
  let theme: BridgeTheme = init.theme;
  let size: BridgeSize = init.size;
  const pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  const localeListeners = new Set<(locale: Locale) => void>();
  const themeListeners = new Set<(theme: WidgetTheme) => void>();
  const sizeListeners = new Set<(size: BridgeSize) => void>();
  const handlers = new Map<string, Set<(payload: unknown, source: EventSource) => void>>();

  const send = (message: WidgetMessage): void => {
    if (open) port.postMessage(message);
  };
  const call = (method: BridgeMethod, ...args: unknown[]): Promise<unknown> => {
    if (!open) return Promise.reject(new BridgeError(BRIDGE_ERROR.disconnected, `${method}: the bridge is closed`));
    const id = nextId++;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      try {
        port.postMessage(envelope('call', { id, method, args }));
      } catch (error) {
        pending.delete(id);
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
  };
  const close = (): void => {
    if (!open) return;
    open = false;
    port.close();
    for (const { reject } of pending.values()) reject(new BridgeError(BRIDGE_ERROR.disconnected, 'the host closed the bridge'));
    pending.clear();
    handlers.clear();
    localeListeners.clear();
    themeListeners.clear();
    sizeListeners.clear();
  };
  const publicTheme = (): WidgetTheme => Object.freeze({ scheme: theme.scheme, brand: theme.brand });
  const listen = <T>(set: Set<T>, listener: T): (() => void) => {
    set.add(listener);
    return () => void set.delete(listener);
  };

  port.onmessage = (event: MessageEvent) => {
    const checked = checkHostMessage(event.data);
    if (!checked.ok) {
      console.warn('[digione bridge] ignored a message from the host:', checked.reason);
      return;
    }
    const message = checked.message;
    switch (message.type) {
      case 'result': {
        const waiting = pending.get(message.id);
        pending.delete(message.id);
        if (!waiting) return;
        if (message.ok) waiting.resolve(message.value);
        else waiting.reject(rebuild(message.error));
        return;
      }
      case 'locale':
        locale = message.locale;
        for (const listener of [...localeListeners]) listener(locale);
        return;
      case 'theme':
        theme = message.theme;
        for (const listener of [...themeListeners]) listener(publicTheme());
        return;
      case 'size':
        size = message.size;
        for (const listener of [...sizeListeners]) listener(size);
        return;
      case 'event':
        for (const handler of [...(handlers.get(message.topic) ?? [])]) handler(message.payload, message.source);
        return;
      case 'bye':
        close();
        return;
    }
  };

  const declared = (topic: string, list: readonly string[], what: string): void => {
    if (!TOPIC_PATTERN.test(topic)) throw new WidgetContextError(CONTEXT_ERROR.invalidTopic, `"${topic}" is not a dotted topic name`);
    if (!list.includes(topic)) {
      throw new WidgetContextError(CONTEXT_ERROR.undeclaredTopic, `${init.widget.id} does not list "${topic}" in events.${what}`);
    }
  };
  type RequestOptions = { params?: { path?: Record<string, unknown>; query?: Record<string, unknown> }; body?: unknown };
  const request =
    (method: ApiMethod) =>
    async (path: string, { params, body }: RequestOptions = {}) => {
      const answer = (await call('api.request', {
        method,
        path,
        ...(params ? { params: { ...(params.path ? { path: params.path } : {}), ...(params.query ? { query: params.query } : {}) } } : {}),
        ...(body !== undefined ? { body } : {}),
      })) as ApiAnswer;
      const status = answer.status >= 200 && answer.status <= 599 && answer.status !== 204 ? answer.status : 200;
      return { data: answer.data, error: undefined, response: new Response(null, { status }) };
    };
  const api = Object.freeze({
    GET: request('GET'),
    PUT: request('PUT'),
    POST: request('POST'),
    DELETE: request('DELETE'),
    PATCH: request('PATCH'),
  }) as unknown as PlatformApi;
  const warn = (what: string) => (error: unknown) => console.warn(`[digione bridge] ${what} failed:`, error);

  const context: FramedWidgetContext = {
    widget: Object.freeze({ ...init.widget }),
    user: Object.freeze({ ...init.user }),
    tenant: Object.freeze({ ...init.tenant }),
    config: Object.freeze({ ...init.config }),
    get locale() {
      return locale;
    },
    onLocaleChange: (listener) => listen(localeListeners, listener),
    get theme() {
      return publicTheme();
    },
    onThemeChange: (listener) => listen(themeListeners, listener),
    get size() {
      return size;
    },
    onSizeChange: (listener) => listen(sizeListeners, listener),
    get connected() {
      return open;
    },
    disconnect: close,
    api,
    events: Object.freeze({
      publish(topic: string, payload: unknown): void {
        declared(topic, init.events.publishes, 'publishes');
        if (jsonSize(payload) === undefined) {
          throw new WidgetContextError(CONTEXT_ERROR.payloadNotCloneable, `the payload on "${topic}" is not plain JSON of at most 256 KiB`);
        }
        call('events.publish', topic, payload).catch(warn(`publishing on ${topic}`));
      },
      subscribe(topic: string, handler: (payload: unknown, source: EventSource) => void): () => void {
        declared(topic, init.events.subscribes, 'subscribes');
        let set = handlers.get(topic);
        if (!set) {
          set = new Set();
          handlers.set(topic, set);
          call('events.subscribe', topic).catch(warn(`subscribing to ${topic}`));
        }
        set.add(handler);
        return () => {
          const current = handlers.get(topic);
          if (!current?.delete(handler) || current.size > 0) return;
          handlers.delete(topic);
          if (open) call('events.unsubscribe', topic).catch(warn(`unsubscribing from ${topic}`));
        };
      },
    }) as unknown as WidgetContext['events'],
    navigation: Object.freeze({
      openExternal(url: string): void {
        let parsed: URL;
        try {
          parsed = new URL(url);
        } catch {
          throw new WidgetContextError(CONTEXT_ERROR.urlRefused, `"${url}" is not a URL`);
        }
        if (!(parsed.protocol === 'https:' || (parsed.protocol === 'http:' && isLocalhost(parsed)))) {
          throw new WidgetContextError(CONTEXT_ERROR.urlRefused, `only https: links may be opened, not ${parsed.protocol}`);
        }
        call('navigation.openExternal', parsed.href).catch(warn('opening a link'));
      },
      openWidget(widgetId: string): boolean {
        // The host answers asynchronously; a frame cannot wait for it, so an unknown id is only logged by the host.
        call('navigation.openWidget', widgetId).catch(warn(`opening ${widgetId}`));
        return open;
      },
    }),
    notifications: Object.freeze({
      notify(notification: WidgetNotification): void {
        call('notifications.notify', { kind: notification.kind, message: notification.message }).catch(warn('notifying'));
      },
    }),
    settings: Object.freeze({
      get: (() => call('settings.get')) as WidgetContext['settings']['get'],
      async set(value: Readonly<Record<string, unknown>>): Promise<void> {
        await call('settings.set', value);
      },
    }),
    telemetry: Object.freeze({
      async track(statement: unknown): Promise<string> {
        return (await call('telemetry.track', statement)) as string;
      },
    }) as unknown as WidgetContext['telemetry'],
  };
  return Object.freeze(context);
}

const TOKEN_NAME = /^--d1-[a-z0-9-]+$/;
// Colours and plain values only: no url(), no escapes, no expressions that could fetch or inject.
const TOKEN_VALUE = /^[#a-z0-9(),.%\s-]{1,200}$/i;

/**
 * Makes the frame's document follow the host: theme tokens on `<html>`, height reports, Tab out at either end and
 * Escape up. Everything stops when the bridge closes.
 */
function followHost(context: FramedWidgetContext, port: MessagePort, initialTheme: BridgeTheme): void {
  const root = document.documentElement;
  const applyTheme = (theme: BridgeTheme): void => {
    root.dataset['theme'] = theme.scheme;
    root.style.colorScheme = theme.scheme;
    for (const [name, value] of Object.entries(theme.tokens)) {
      if (TOKEN_NAME.test(name) && TOKEN_VALUE.test(value) && !/url\s*\(/i.test(value)) root.style.setProperty(name, value);
    }
  };
  applyTheme(initialTheme);
  // The context hands widgets the scheme and brand only; the tokens come with each theme message.
  port.addEventListener('message', (event: MessageEvent) => {
    const checked = checkHostMessage(event.data);
    if (checked.ok && checked.message.type === 'theme') applyTheme(checked.message.theme);
  });
  root.lang = context.locale;
  context.onLocaleChange((locale) => (root.lang = locale));

  let lastHeight = -1;
  const report = (): void => {
    if (!context.connected) {
      observer.disconnect();
      return;
    }
    const height = Math.ceil(root.getBoundingClientRect().height);
    if (height === lastHeight) return;
    lastHeight = height;
    port.postMessage(envelope('resize', { height }));
  };
  const observer = new ResizeObserver(report);
  observer.observe(root);

  const onKey = (event: KeyboardEvent): void => {
    if (!context.connected) {
      document.removeEventListener('keydown', onKey);
      return;
    }
    if (event.key === 'Escape' && !event.defaultPrevented) {
      port.postMessage(envelope('key', { key: 'Escape' }));
      return;
    }
    if (event.key !== 'Tab' || event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
    const stops = tabbableElements(document);
    const at = event.composedPath()[0];
    const leaving = event.shiftKey ? stops[0] : stops.at(-1);
    if (stops.length === 0 || at === leaving) {
      event.preventDefault();
      port.postMessage(envelope('focus-exit', { direction: event.shiftKey ? 'backward' : 'forward' }));
    }
  };
  document.addEventListener('keydown', onKey);
}
