/**
 * The wire format between the DigiOne shell and an `iframe` widget: a versioned envelope around every message,
 * the messages each side may send, and the checks both sides run on everything they receive. Nothing here trusts
 * the other side: a message that fails a check is ignored (and logged), never thrown.
 *
 * @packageDocumentation
 */
import type { ColorScheme, WidgetIdentity, WidgetTenant, WidgetUser } from '../context.js';
import type { EventSource } from '../events.js';
import { isLocale, type Locale } from '../locale.js';

/** The envelope's `protocol` member: tells the bridge's messages apart from anything else posted to a window. */
export const BRIDGE_PROTOCOL = 'digione.bridge';

/** The protocol version both sides speak; a message of another version is ignored. */
export const BRIDGE_VERSION = 1;

/** The largest message (as JSON text) either side accepts; larger ones are ignored, or refused when they are calls. */
export const MAX_MESSAGE_BYTES = 256 * 1024;

/** The frame's height stays within these bounds (CSS pixels), whatever the widget asks for. */
export const FRAME_HEIGHT = { min: 48, max: 4000 } as const;

/** The dashboard tile sizes, as in the manifest's `sizes`. */
export type TileSize = 's' | 'm' | 'l';

/** The theme as pushed into a frame: the scheme, the tenant's brand name and the tenant's `--d1-` colour tokens. */
export interface BridgeTheme {
  /** The colour scheme in force. */
  readonly scheme: ColorScheme;
  /** The tenant's brand name in the active locale. */
  readonly brand: string;
  /** `--d1-…` custom property → value, for the frame's root; colours only, never URLs. */
  readonly tokens: Readonly<Record<string, string>>;
}

/** The space the frame has on the dashboard. */
export interface BridgeSize {
  /** The tile size of this placement. */
  readonly tile: TileSize;
  /** The frame's width in CSS pixels. */
  readonly width: number;
}

/** Everything the widget's context starts from, handed over with the port. */
export interface BridgeInit {
  /** Which widget and placement this is. */
  readonly widget: WidgetIdentity;
  /** The person and role. */
  readonly user: WidgetUser;
  /** The municipality. */
  readonly tenant: WidgetTenant;
  /** The active locale. */
  readonly locale: Locale;
  /** The theme. */
  readonly theme: BridgeTheme;
  /** The placement's configuration. */
  readonly config: Readonly<Record<string, unknown>>;
  /** The frame's size. */
  readonly size: BridgeSize;
  /** The topics the manifest declares, so that the widget's side refuses others at once, as in the page. */
  readonly events: { readonly publishes: readonly string[]; readonly subscribes: readonly string[] };
}

/** The operations a widget may ask the host for, each the same as the `WidgetContext` member it names. */
export const BRIDGE_METHODS = [
  'api.request',
  'settings.get',
  'settings.set',
  'telemetry.track',
  'events.publish',
  'events.subscribe',
  'events.unsubscribe',
  'navigation.openExternal',
  'navigation.openWidget',
  'notifications.notify',
] as const;

/** One of the {@link BRIDGE_METHODS}. */
export type BridgeMethod = (typeof BRIDGE_METHODS)[number];

/** The HTTP methods of the platform API client. */
export type ApiMethod = 'GET' | 'PUT' | 'POST' | 'DELETE' | 'PATCH';

/** A platform API call as it crosses the bridge: the host performs it with its own client and credentials. */
export interface ApiRequest {
  /** The HTTP method. */
  readonly method: ApiMethod;
  /** The path template of the OpenAPI document, e.g. `/v1/learners/{oid}`. */
  readonly path: string;
  /** Path and query parameters, as openapi-fetch takes them. */
  readonly params?: { readonly path?: Readonly<Record<string, unknown>>; readonly query?: Readonly<Record<string, unknown>> };
  /** The JSON body. */
  readonly body?: unknown;
}

/** The answer to an {@link ApiRequest}: the status and the parsed body. */
export interface ApiAnswer {
  /** The HTTP status (2xx; errors come back as a {@link BridgeFailure}). */
  readonly status: number;
  /** The parsed JSON body, or undefined when the answer had none. */
  readonly data: unknown;
}

/** Why a call failed, as data: the widget's side turns it back into the error the page would have thrown. */
export interface BridgeFailure {
  /** `PlatformApiError`, `WidgetContextError` or `BridgeError`. */
  readonly name: 'PlatformApiError' | 'WidgetContextError' | 'BridgeError';
  /** The error's message. */
  readonly message: string;
  /** The stable code of a `WidgetContextError` or `BridgeError`. */
  readonly code?: string;
  /** The HTTP status of a `PlatformApiError`. */
  readonly status?: number;
  /** The problem document of a `PlatformApiError`. */
  readonly problem?: unknown;
}

/** Stable codes of the bridge's own failures. */
export const BRIDGE_ERROR = {
  /** The bridge is closed: the widget was unmounted, or never connected. */
  disconnected: 'bridge.disconnected',
  /** The host does not know the method. */
  unknownMethod: 'bridge.unknown-method',
  /** The call's arguments have the wrong shape. */
  invalidArguments: 'bridge.invalid-arguments',
  /** The call is larger than {@link MAX_MESSAGE_BYTES}. */
  tooLarge: 'bridge.too-large',
  /** Too many calls are waiting for an answer. */
  busy: 'bridge.busy',
} as const;

/** One of the {@link BRIDGE_ERROR} codes. */
export type BridgeErrorCode = (typeof BRIDGE_ERROR)[keyof typeof BRIDGE_ERROR];

/** A failure of the bridge itself (not of the platform behind it). */
export class BridgeError extends Error {
  /** Stable code, one of {@link BRIDGE_ERROR}. */
  readonly code: BridgeErrorCode;
  /** Creates the error; the message is prefixed with the code. */
  constructor(code: BridgeErrorCode, message: string) {
    super(`${code}: ${message}`);
    this.name = 'BridgeError';
    this.code = code;
  }
}

/** The members every message carries. */
export interface Envelope<T extends string> {
  /** Always {@link BRIDGE_PROTOCOL}. */
  readonly protocol: typeof BRIDGE_PROTOCOL;
  /** Always {@link BRIDGE_VERSION}. */
  readonly v: typeof BRIDGE_VERSION;
  /** What the message is. */
  readonly type: T;
}

/** Frame → parent window: the widget is listening for its port (posted when it calls `connectToHost`). */
export type HelloMessage = Envelope<'hello'>;

/** Parent → frame window, once, with the port transferred: the context's starting data. */
export interface ConnectMessage extends Envelope<'connect'> {
  /** The context's starting data. */
  readonly init: BridgeInit;
}

/** Widget → host: call a context method; the host answers with a {@link ResultMessage} of the same id. */
export interface CallMessage extends Envelope<'call'> {
  /** Unique among this widget's calls. */
  readonly id: number;
  /** The method. */
  readonly method: BridgeMethod;
  /** Its arguments. */
  readonly args: readonly unknown[];
}

/** Widget → host: the frame's content height changed. */
export interface ResizeMessage extends Envelope<'resize'> {
  /** The content's height in CSS pixels. */
  readonly height: number;
}

/** Widget → host: Tab (or Shift+Tab) left the frame's last (first) focusable element. */
export interface FocusExitMessage extends Envelope<'focus-exit'> {
  /** `forward` for Tab, `backward` for Shift+Tab. */
  readonly direction: 'forward' | 'backward';
}

/** Widget → host: a key the widget did not handle, for the shell to act on (Escape closes the shell's popups). */
export interface KeyMessage extends Envelope<'key'> {
  /** The key; only `Escape` passes up. */
  readonly key: 'Escape';
}

/** Every message a widget may send over its port. */
export type WidgetMessage = CallMessage | ResizeMessage | FocusExitMessage | KeyMessage;

/** Host → widget: the answer to a call. */
export type ResultMessage =
  | (Envelope<'result'> & { readonly id: number; readonly ok: true; readonly value: unknown })
  | (Envelope<'result'> & { readonly id: number; readonly ok: false; readonly error: BridgeFailure });

/** Host → widget: the user switched language. */
export interface LocaleMessage extends Envelope<'locale'> {
  /** The new locale. */
  readonly locale: Locale;
}

/** Host → widget: the theme changed. */
export interface ThemeMessage extends Envelope<'theme'> {
  /** The new theme. */
  readonly theme: BridgeTheme;
}

/** Host → widget: the frame's size changed. */
export interface SizeMessage extends Envelope<'size'> {
  /** The new size. */
  readonly size: BridgeSize;
}

/** Host → widget: an event on a topic the widget subscribed to. */
export interface EventMessage extends Envelope<'event'> {
  /** The topic. */
  readonly topic: string;
  /** The payload. */
  readonly payload: unknown;
  /** Who published it. */
  readonly source: EventSource;
}

/** Host → widget: the host closed the bridge; every later call fails with `bridge.disconnected`. */
export type ByeMessage = Envelope<'bye'>;

/** Every message the host may send over the port. */
export type HostMessage = ResultMessage | LocaleMessage | ThemeMessage | SizeMessage | EventMessage | ByeMessage;

/** The outcome of checking a received message: the message, or why it was ignored. */
export type Checked<T> = { readonly ok: true; readonly message: T } | { readonly ok: false; readonly reason: string };

/** Wraps `body` in the envelope. */
export function envelope<T extends string, B extends object>(type: T, body: B): Envelope<T> & B {
  return { protocol: BRIDGE_PROTOCOL, v: BRIDGE_VERSION, type, ...body };
}

type Plain = Record<string, unknown>;

function isPlainObject(value: unknown): value is Plain {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * The size of `value` as JSON text, or undefined when it is not plain JSON (functions, class instances, typed
 * arrays, cycles, non-finite numbers, nesting deeper than 64) or is larger than `limit`. Structured clone lets far
 * more through a port than the protocol allows.
 */
export function jsonSize(value: unknown, limit = MAX_MESSAGE_BYTES): number | undefined {
  const seen = new Set<object>();
  const plain = (v: unknown, depth: number): boolean => {
    if (v === null || typeof v === 'string' || typeof v === 'boolean') return true;
    if (typeof v === 'number') return Number.isFinite(v);
    if (v === undefined) return depth > 0;
    if (depth > 64 || typeof v !== 'object' || seen.has(v)) return false;
    seen.add(v);
    const ok = Array.isArray(v)
      ? v.every((item) => plain(item, depth + 1))
      : isPlainObject(v) && Object.values(v).every((item) => plain(item, depth + 1));
    seen.delete(v);
    return ok;
  };
  if (!plain(value, 0)) return undefined;
  const size = JSON.stringify(value).length;
  return size > limit ? undefined : size;
}

function checkEnvelope(data: unknown): Checked<Plain & { type: string }> {
  if (!isPlainObject(data)) return { ok: false, reason: 'not an object' };
  if (data['protocol'] !== BRIDGE_PROTOCOL) return { ok: false, reason: 'not a DigiOne bridge message' };
  if (data['v'] !== BRIDGE_VERSION) return { ok: false, reason: `protocol version ${String(data['v'])} is not ${BRIDGE_VERSION}` };
  if (typeof data['type'] !== 'string') return { ok: false, reason: 'no message type' };
  return { ok: true, message: data as Plain & { type: string } };
}

const isFiniteNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

/** Checks a message received by the host over a widget's port; oversize, malformed and unknown ones are refused. */
export function checkWidgetMessage(data: unknown): Checked<WidgetMessage> {
  if (jsonSize(data) === undefined) return { ok: false, reason: `not plain JSON, or larger than ${MAX_MESSAGE_BYTES} bytes` };
  const checked = checkEnvelope(data);
  if (!checked.ok) return checked;
  const m = checked.message;
  switch (m.type) {
    case 'call':
      if (!Number.isSafeInteger(m['id']) || (m['id'] as number) < 0) return { ok: false, reason: 'a call needs a whole-number id' };
      if (typeof m['method'] !== 'string') return { ok: false, reason: 'a call needs a method' };
      if (!Array.isArray(m['args'])) return { ok: false, reason: 'a call needs an args array' };
      return { ok: true, message: m as unknown as CallMessage };
    case 'resize':
      return isFiniteNumber(m['height']) && m['height'] >= 0
        ? { ok: true, message: m as unknown as ResizeMessage }
        : { ok: false, reason: 'resize needs a height ≥ 0' };
    case 'focus-exit':
      return m['direction'] === 'forward' || m['direction'] === 'backward'
        ? { ok: true, message: m as unknown as FocusExitMessage }
        : { ok: false, reason: 'focus-exit needs a direction, forward or backward' };
    case 'key':
      return m['key'] === 'Escape' ? { ok: true, message: m as unknown as KeyMessage } : { ok: false, reason: 'only Escape passes up' };
    default:
      return { ok: false, reason: `unknown message type "${m.type}"` };
  }
}

function isTheme(value: unknown): value is BridgeTheme {
  return (
    isPlainObject(value) &&
    (value['scheme'] === 'light' || value['scheme'] === 'dark') &&
    typeof value['brand'] === 'string' &&
    isPlainObject(value['tokens']) &&
    Object.values(value['tokens']).every((token) => typeof token === 'string')
  );
}

function isSize(value: unknown): value is BridgeSize {
  return isPlainObject(value) && ['s', 'm', 'l'].includes(value['tile'] as string) && isFiniteNumber(value['width']);
}

/** Checks the init data of a `connect` message. */
export function isBridgeInit(value: unknown): value is BridgeInit {
  if (!isPlainObject(value)) return false;
  const { widget, user, tenant, config, events } = value;
  return (
    isPlainObject(widget) &&
    typeof widget['id'] === 'string' &&
    typeof widget['instanceId'] === 'string' &&
    isPlainObject(user) &&
    typeof user['id'] === 'string' &&
    isPlainObject(tenant) &&
    typeof tenant['id'] === 'string' &&
    isLocale(value['locale']) &&
    isTheme(value['theme']) &&
    isPlainObject(config) &&
    isSize(value['size']) &&
    isPlainObject(events) &&
    Array.isArray(events['publishes']) &&
    Array.isArray(events['subscribes'])
  );
}

/** Checks a window message received by the frame: only a `connect` with valid init data passes. */
export function checkConnectMessage(data: unknown): Checked<ConnectMessage> {
  const checked = checkEnvelope(data);
  if (!checked.ok) return checked;
  if (checked.message.type !== 'connect') return { ok: false, reason: `unexpected message type "${checked.message.type}"` };
  if (!isBridgeInit(checked.message['init'])) return { ok: false, reason: 'connect without valid init data' };
  return { ok: true, message: checked.message as unknown as ConnectMessage };
}

/** Checks a window message received by the host from a frame: only `hello` passes. */
export function checkHelloMessage(data: unknown): Checked<HelloMessage> {
  const checked = checkEnvelope(data);
  if (!checked.ok) return checked;
  return checked.message.type === 'hello'
    ? { ok: true, message: checked.message as unknown as HelloMessage }
    : { ok: false, reason: `unexpected message type "${checked.message.type}"` };
}

/** Checks a message received by the widget over its port. */
export function checkHostMessage(data: unknown): Checked<HostMessage> {
  const checked = checkEnvelope(data);
  if (!checked.ok) return checked;
  const m = checked.message;
  switch (m.type) {
    case 'result': {
      if (!Number.isSafeInteger(m['id'])) return { ok: false, reason: 'a result needs an id' };
      if (m['ok'] === true) return { ok: true, message: m as unknown as ResultMessage };
      const error = m['error'];
      if (m['ok'] === false && isPlainObject(error) && typeof error['name'] === 'string' && typeof error['message'] === 'string') {
        return { ok: true, message: m as unknown as ResultMessage };
      }
      return { ok: false, reason: 'a result needs ok and a value or an error' };
    }
    case 'locale':
      return isLocale(m['locale']) ? { ok: true, message: m as unknown as LocaleMessage } : { ok: false, reason: 'unknown locale' };
    case 'theme':
      return isTheme(m['theme']) ? { ok: true, message: m as unknown as ThemeMessage } : { ok: false, reason: 'malformed theme' };
    case 'size':
      return isSize(m['size']) ? { ok: true, message: m as unknown as SizeMessage } : { ok: false, reason: 'malformed size' };
    case 'event':
      return typeof m['topic'] === 'string' && isPlainObject(m['source'])
        ? { ok: true, message: m as unknown as EventMessage }
        : { ok: false, reason: 'malformed event' };
    case 'bye':
      return { ok: true, message: m as unknown as ByeMessage };
    default:
      return { ok: false, reason: `unknown message type "${m.type}"` };
  }
}

/** Turns any thrown value into a {@link BridgeFailure} that can cross the bridge. */
export function toFailure(error: unknown): BridgeFailure {
  if (error instanceof Error) {
    const { name, message } = error;
    const fields = error as Error & { code?: unknown; status?: unknown; problem?: unknown };
    if (name === 'PlatformApiError') {
      return {
        name,
        message,
        ...(typeof fields.status === 'number' ? { status: fields.status } : {}),
        ...(fields.problem !== undefined && jsonSize(fields.problem) !== undefined ? { problem: fields.problem } : {}),
      };
    }
    if ((name === 'WidgetContextError' || name === 'BridgeError') && typeof fields.code === 'string') {
      // The code prefix is added again when the error is rebuilt.
      return { name, message: message.replace(`${fields.code}: `, ''), code: fields.code };
    }
    return { name: 'BridgeError', message };
  }
  return { name: 'BridgeError', message: String(error) };
}

/**
 * The focusable elements of `root` in sequential focus order as far as a widget or the shell needs it (elements
 * with a positive tabindex are taken in document order), descending into open shadow roots and slots. Frames are
 * included: they are where focus enters a widget.
 */
export function tabbableElements(root: Document | ShadowRoot | Element): HTMLElement[] {
  const found: HTMLElement[] = [];
  const visit = (node: Element): void => {
    if (node instanceof HTMLElement) {
      if (node.hidden || node.inert) return;
      if (node.tabIndex >= 0 && !(node as HTMLElement & { disabled?: boolean }).disabled && isRendered(node)) {
        found.push(node);
      }
    }
    const children: Element[] =
      node instanceof HTMLSlotElement ? node.assignedElements({ flatten: true }) : [...(node.shadowRoot ?? node).children];
    for (const child of children) visit(child);
  };
  const start = root instanceof Document ? root.documentElement : root;
  if (start instanceof ShadowRoot) for (const child of start.children) visit(child);
  else visit(start);
  return found;
}

function isRendered(element: HTMLElement): boolean {
  // A host with delegatesFocus is not itself a stop: its shadow root's elements are.
  if (element.shadowRoot?.delegatesFocus) return false;
  return element.getClientRects().length > 0;
}
