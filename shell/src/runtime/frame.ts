import { html, render } from 'lit';
import type { Parcel } from 'single-spa';
import type { Locale, WidgetContext, WidgetLifecycles, WidgetProps } from '@digione/sdk';
import type { WidgetManifest } from '@digione/manifests/types';
import { config } from '../config.js';
import { currentLocale, onLocaleChange, t } from '../locale/locale.js';
import { reportWidgetFailure, type WidgetFailureReport } from '../platform/failures.js';
import { lifecycleError, watchUncaughtErrors, WidgetError, withTimeout, type WidgetErrorCode, type WidgetPhase } from './errors.js';
import { loadWidget } from './loader.js';
import { mountWidgetParcel } from './parcels.js';
import { WidgetScope } from './scope.js';
import { checkSdkRange } from './sdk-range.js';
import { onSchemeChange } from './theme.js';

/**
 * Builds the context of one mount of the widget. Everything the context subscribes must be tracked by `scope`,
 * which the frame ends when that mount ends.
 */
export type ContextFactory = (manifest: WidgetManifest, instanceId: string, scope: WidgetScope) => WidgetContext;

/** How the frame bounds a widget; every member has a default from the shell's configuration. */
export interface FrameOptions {
  /** Fetches the widget's lifecycles (default: the module federation loader); `retry` asks for fresh code. */
  load?: (manifest: WidgetManifest, retry: boolean) => Promise<WidgetLifecycles>;
  /** Sends a failure to the platform's event log (default: `POST /v1/events/widget-failures`); must not throw. */
  report?: (failure: WidgetFailureReport) => void;
  /** How long fetching the widget's code may take, in ms. */
  loadTimeoutMs?: number;
  /** How long one lifecycle call (bootstrap, mount, update, unmount) may take before it is given up, in ms. */
  lifecycleTimeoutMs?: number;
  /** How long a lifecycle may run synchronously (holding the main thread) before the widget counts as blocking. */
  blockedMs?: number;
  /** Uncaught errors of a mounted widget that end it: `count` of them within `windowMs`. */
  renderErrors?: { count: number; windowMs: number };
  /** The tenant whose dashboard holds the frame, named in failure reports (default: the user's first). */
  tenant?: string;
}

type FrameState = 'loading' | 'ready' | 'error';

/** The widget's lifecycles that single-spa calls (`load` is the frame's own). */
type LifecyclePhase = Exclude<WidgetPhase, 'load'>;

/**
 * What the widget's lifecycles did in one mount attempt, as the frame's guards saw it. single-spa never sees a
 * lifecycle fail (a failed parcel would stay registered, with its frame, until the page is left): the guards record
 * the failure here and resolve, and the frame reads it when single-spa's call returns.
 */
interface AttemptRecord {
  readonly number: number;
  /** The first bootstrap, mount or update that threw, rejected or timed out. */
  failure?: { phase: LifecyclePhase; error: WidgetError };
  /** The first lifecycle that held the main thread too long, found after it returned. */
  blockedIn?: LifecyclePhase;
  /** The failure of the widget's unmount (thrown, rejected, timed out), reported when the frame unmounts. */
  unmountFailure?: WidgetError;
  /**
   * Whether the widget's mount was called and its unmount not yet: a failed mount is unmounted too (as single-spa
   * itself does), a failed bootstrap never mounted, and a widget whose update failed is left as it is.
   */
  owesUnmount: boolean;
  /** The frame has ended the attempt: a mount that single-spa still calls afterwards is not passed to the widget. */
  ended: boolean;
  /** The parcel update in flight, which an unmount waits for. */
  updating?: Promise<void>;
}

/** A parcel the frame mounted, with the record of its attempt. */
interface MountedParcel {
  parcel: Parcel;
  record: AttemptRecord;
}

/**
 * How much later than the frame's own lifecycle timeout single-spa's timers for the same call run out. single-spa
 * 6 arms two timers per lifecycle call (a warning and a time-out) and never clears them; they keep the parcel
 * reachable until they fire. The frame's guard always settles within the lifecycle timeout, so these only need to
 * outlast it by the few microtasks that carry the guard's answer back to single-spa.
 */
const SINGLE_SPA_GRACE_MS = 100;

type Settings = Required<Omit<FrameOptions, 'tenant'>> & Pick<FrameOptions, 'tenant'>;

/**
 * The frame around one widget instance. It owns the widget's loading, error and retry states and keeps every
 * failure of the widget inside itself: a missing or broken entry, a lifecycle that throws, hangs or holds the main
 * thread, a taken custom-element tag, and a mounted widget that keeps throwing. Each failure ends in the error state
 * with a localized reason and a retry, is reported once per mount attempt to the platform's event log, and touches
 * nothing outside the frame. The element carries the `data-widget` / `data-state` / `data-error` contract.
 *
 * Every mount attempt has a number: whatever a widget's code does after its attempt has ended (a lifecycle that
 * resolves after its timeout, an error from a widget already ended) cannot change the frame any more.
 */
export class WidgetFrame {
  readonly element: HTMLElement;
  /** Where the current attempt renders; replaced when the attempt ends, so a late widget writes to a detached node. */
  private root: HTMLDivElement;
  private state: FrameState = 'loading';
  private errorCode: WidgetErrorCode | undefined;
  /** The parcel of the current (or last) attempt, until the frame unmounts it. */
  private current: MountedParcel | undefined;
  /** The record of the current attempt. */
  private record: AttemptRecord | undefined;
  /** What the current mount of the widget holds on to; ended with the mount. */
  private scope: WidgetScope | undefined;
  private context: WidgetContext | undefined;
  private readonly stops: Array<() => void> = [];
  private disposed = false;
  /** The number of the current mount attempt. */
  private attempt = 0;
  /** The attempt whose failure was reported last: each attempt reports at most one failure. */
  private reported = 0;
  private stopWatching: (() => void) | undefined;
  private readonly settings: Settings;

  constructor(
    private readonly manifest: WidgetManifest,
    private readonly instanceId: string,
    size: string,
    private readonly createContext: ContextFactory,
    options: FrameOptions = {},
  ) {
    this.settings = {
      load: options.load ?? loadWidget,
      report: options.report ?? reportWidgetFailure,
      loadTimeoutMs: options.loadTimeoutMs ?? config.widgetTimeoutMs,
      lifecycleTimeoutMs: options.lifecycleTimeoutMs ?? config.lifecycleTimeoutMs,
      blockedMs: options.blockedMs ?? config.widgetBlockedMs,
      renderErrors: options.renderErrors ?? { count: 5, windowMs: 10_000 },
      ...(options.tenant === undefined ? {} : { tenant: options.tenant }),
    };
    this.element = document.createElement('section');
    this.element.className = 'widget-frame';
    this.element.dataset.widget = manifest.id;
    this.element.dataset.instance = instanceId;
    this.element.setAttribute('size', size);
    this.root = this.freshRoot();
    this.stops.push(
      onLocaleChange(() => {
        this.paint();
        void this.update();
      }),
      onSchemeChange(() => void this.update()),
    );
    this.paint();
  }

  /** Loads and mounts the widget; never rejects: failures end in the error state. */
  async start(retry = false): Promise<void> {
    const attempt = ++this.attempt;
    this.stopWatching?.();
    // A retry after a failure of a mounted widget: the old mount goes first (its failure is the old attempt's).
    await this.unmountParcel(attempt - 1);
    if (this.stale(attempt)) return;
    const record: AttemptRecord = { number: attempt, owesUnmount: false, ended: false };
    this.record = record;
    this.setState('loading');
    const what = `widget ${this.manifest.id}`;
    let phase: WidgetPhase = 'load';
    try {
      checkSdkRange(this.manifest);
      const lifecycles = await withTimeout(this.settings.load(this.manifest, retry), this.settings.loadTimeoutMs, `${what} loading`);
      if (this.stale(attempt)) return;
      phase = 'mount';
      await this.mount(lifecycles, record);
      if (this.stale(attempt)) return;
      this.checkFailed(record);
      this.setState('ready');
      this.watchErrors(attempt);
    } catch (error) {
      if (this.stale(attempt)) return;
      await this.fail(attempt, phase, error);
    }
  }

  /** Whether `attempt` has ended (a newer one started, or the frame is gone). */
  private stale(attempt: number): boolean {
    return this.disposed || attempt !== this.attempt;
  }

  /**
   * The widget's lifecycles as single-spa calls them for this attempt: each bounded by the lifecycle timeout, timed
   * for how long it holds the main thread, and its errors named by phase. They never reject: a failure is recorded
   * in `record` and read by the frame, so that single-spa keeps the parcel in a state it can unmount and then
   * forget (see parcels.ts). A fresh object per attempt, so that a retry is a fresh parcel and a late answer of an
   * old attempt goes nowhere.
   */
  private guarded(lifecycles: WidgetLifecycles, record: AttemptRecord): WidgetLifecycles {
    const { lifecycleTimeoutMs, blockedMs } = this.settings;
    const id = this.manifest.id;
    const guard =
      (phase: LifecyclePhase, call: ((props: WidgetProps) => Promise<void>) | undefined) =>
      async (props: WidgetProps): Promise<void> => {
        if (!call) return;
        if (phase === 'mount') {
          // After a failed bootstrap single-spa goes on to mount, as far as it knows the bootstrap succeeded.
          if (record.failure || record.ended) return;
          record.owesUnmount = true;
        } else if (phase === 'unmount') {
          if (!record.owesUnmount) return;
          record.owesUnmount = false;
        } else if (phase === 'update' && record.failure) {
          return;
        }
        // The widget's code runs a microtask later, after withTimeout has armed its timer: a lifecycle that holds
        // the main thread cannot push its own time-out back.
        const run = Promise.resolve().then(() => {
          const started = performance.now();
          try {
            return call.call(lifecycles, props);
          } finally {
            if (performance.now() - started > blockedMs) record.blockedIn ??= phase;
          }
        });
        try {
          await withTimeout(run, lifecycleTimeoutMs, `widget ${id} ${phase}`);
        } catch (error) {
          const failure = lifecycleError(phase, id, error);
          if (phase === 'unmount') {
            record.unmountFailure ??= failure;
          } else {
            record.failure ??= { phase, error: failure };
            // A widget whose update failed is in no known state: the frame removes its DOM rather than call it again.
            if (phase === 'update') record.owesUnmount = false;
          }
        }
      };
    return {
      bootstrap: guard('bootstrap', lifecycles.bootstrap),
      mount: guard('mount', lifecycles.mount),
      unmount: guard('unmount', lifecycles.unmount),
      update: guard('update', lifecycles.update as WidgetLifecycles['update'] | undefined),
    };
  }

  private async mount(lifecycles: WidgetLifecycles, record: AttemptRecord): Promise<void> {
    this.scope?.end();
    const scope = new WidgetScope();
    this.scope = scope;
    const context = this.createContext(this.manifest, this.instanceId, scope);
    this.context = context;
    this.root.replaceChildren();
    // single-spa's own timers only run out after the guard has answered (and say nothing then): short, so that
    // they hold the parcel no longer than needed, and never fatal, since the guard ends a hung lifecycle itself.
    const millis = this.settings.lifecycleTimeoutMs + SINGLE_SPA_GRACE_MS;
    const backstop = { millis, dieOnTimeout: false, warningMillis: millis };
    // `timeouts` is a parcel option single-spa reads but does not declare in its types.
    const parcelConfig = {
      ...this.guarded(lifecycles, record),
      name: `${this.manifest.id}#${this.instanceId}#${record.number}`,
      timeouts: { bootstrap: backstop, mount: backstop, unmount: backstop, unload: backstop, update: backstop },
    };
    // Owned by the shell's application, so that single-spa forgets it after its unmount (see parcels.ts).
    const parcel = mountWidgetParcel(parcelConfig, { domElement: this.root, context });
    this.current = { parcel, record };
    // The guards never reject, so these only reject on single-spa's own errors, which the frame handles (below and
    // in unmountParcel); the page must not see them as unhandled rejections.
    for (const settled of [parcel.loadPromise, parcel.bootstrapPromise, parcel.unmountPromise]) settled.catch(() => undefined);
    await parcel.mountPromise;
  }

  /**
   * After a lifecycle returned: a failure the guard recorded ends the widget, and so does a lifecycle that held the
   * main thread too long (`blocked`).
   */
  private checkFailed(record: AttemptRecord): void {
    if (record.failure) throw record.failure.error;
    const phase = record.blockedIn;
    if (phase) {
      throw new WidgetError(
        'blocked',
        `widget ${this.manifest.id}: ${phase} held the main thread longer than ${this.settings.blockedMs} ms`,
      );
    }
  }

  /** Hands a mounted widget the new locale or theme (single-spa's parcel update); a failure ends it. */
  private async update(): Promise<void> {
    const current = this.current;
    const parcel = current?.parcel;
    const context = this.context;
    if (this.state !== 'ready' || !current || !parcel?.update || !context || parcel.getStatus() !== 'MOUNTED') return;
    const attempt = this.attempt;
    try {
      const updating = parcel.update({ domElement: this.root, context });
      current.record.updating = updating.catch(() => undefined);
      await updating;
      if (this.stale(attempt)) return;
      this.checkFailed(current.record);
    } catch (error) {
      if (this.stale(attempt)) return;
      await this.fail(attempt, 'update', error);
    }
  }

  /**
   * A mounted widget's uncaught errors (renders, timers, handlers: nothing a lifecycle promise reports) are logged;
   * when they keep coming, the widget is ended rather than left flapping.
   */
  private watchErrors(attempt: number): void {
    const { count, windowMs } = this.settings.renderErrors;
    const times: number[] = [];
    const base = new URL('.', this.manifest.entry).href;
    this.stopWatching?.();
    this.stopWatching = watchUncaughtErrors(base, (error) => {
      if (this.stale(attempt) || this.state !== 'ready') return;
      const now = performance.now();
      times.push(now);
      while (times.length > 0 && now - times[0]! > windowMs) times.shift();
      if (times.length < count) return;
      this.stopWatching?.();
      this.stopWatching = undefined;
      const failure = new WidgetError('render-errors', `widget ${this.manifest.id}: ${count} uncaught errors within ${windowMs} ms`, {
        cause: error,
      });
      void this.fail(attempt, 'mount', failure);
    });
  }

  /** Ends the attempt in the error state: reports it once, unmounts whatever is mounted, shows the reason. */
  private async fail(attempt: number, phase: WidgetPhase, error: unknown): Promise<void> {
    const code: WidgetErrorCode = error instanceof WidgetError ? error.code : phase === 'load' ? 'entry-failed' : `${phase}-failed`;
    console.error(`[digione] widget ${this.manifest.id} (${this.instanceId}) failed:`, error);
    this.stopWatching?.();
    this.stopWatching = undefined;
    const record = this.record?.number === attempt ? this.record : undefined;
    this.report(attempt, code, record?.failure?.phase ?? record?.blockedIn ?? phase);
    // Shown at once: a widget whose unmount hangs must not keep its broken content on screen meanwhile.
    this.setState('error', code);
    await this.unmountParcel(attempt);
  }

  private report(attempt: number, code: WidgetErrorCode, phase: WidgetPhase): void {
    if (this.reported === attempt) return;
    this.reported = attempt;
    try {
      this.settings.report({
        widget: this.manifest.id,
        version: this.manifest.version,
        instance: this.instanceId,
        code,
        phase,
        attempt,
        ...(this.settings.tenant === undefined ? {} : { tenant: this.settings.tenant }),
      });
    } catch (error) {
      console.warn('[digione] reporting a widget failure failed:', error);
    }
  }

  /**
   * Unmounts the widget's parcel, so that single-spa forgets it. A widget whose unmount throws or hangs is reported
   * (`unmount-failed`, `timeout`) and left behind: its DOM is removed and its context ended anyway, so the frame is
   * never stuck. A parcel still bootstrapping, mounting or updating is unmounted as soon as that ends (the guards
   * bound each within the lifecycle timeout), without the frame waiting for it.
   */
  private async unmountParcel(attempt = this.attempt): Promise<void> {
    const current = this.current;
    this.current = undefined;
    this.context = undefined;
    if (current) {
      current.record.ended = true;
      const released = this.releaseParcel(current, attempt);
      if (current.parcel.getStatus() === 'MOUNTED') await released;
    }
    // After the widget's own unmount, so that it can still stop its listeners itself; whatever it forgot ends here.
    this.scope?.end();
    this.scope = undefined;
    this.root.replaceChildren();
    // Whatever the ended widget still does (a hung lifecycle that answers late, a timer) lands outside the page.
    this.root = this.freshRoot();
    this.paint();
  }

  /** Waits for the parcel's lifecycles in flight, unmounts it, and reports a failure of the widget's unmount. */
  private async releaseParcel({ parcel, record }: MountedParcel, attempt: number): Promise<void> {
    try {
      await parcel.mountPromise;
      await record.updating;
      if (parcel.getStatus() === 'MOUNTED') await parcel.unmount();
    } catch (error) {
      // Not the widget's doing (its lifecycles never reject): single-spa refused, e.g. the shell's application
      // unmounted the parcel first as it unmounted itself.
      console.warn(`[digione] widget ${this.manifest.id}: single-spa did not unmount its parcel:`, error);
    }
    const failure = record.unmountFailure;
    if (failure) {
      console.error(`[digione] widget ${this.manifest.id} failed to unmount:`, failure);
      this.report(attempt, failure.code, 'unmount');
    }
  }

  private freshRoot(): HTMLDivElement {
    const root = document.createElement('div');
    root.className = 'widget-root';
    return root;
  }

  /** Unmounts the widget and releases everything the frame subscribed for it; resolves even if the widget hangs. */
  async dispose(): Promise<void> {
    const attempt = this.attempt;
    this.disposed = true;
    this.stopWatching?.();
    this.stopWatching = undefined;
    for (const stop of this.stops.splice(0)) stop();
    await this.unmountParcel(attempt);
    this.element.remove();
  }

  private setState(state: FrameState, code?: WidgetErrorCode): void {
    this.state = state;
    this.errorCode = code;
    this.paint();
  }

  private title(locale: Locale): string {
    return this.manifest.title[locale];
  }

  private paint(): void {
    const locale = currentLocale();
    const title = this.title(locale);
    this.element.dataset.state = this.state;
    // The card's heading lives in its shadow root, out of reach of aria-labelledby.
    this.element.setAttribute('aria-label', title);
    if (this.errorCode) this.element.dataset.error = this.errorCode;
    else delete this.element.dataset.error;
    this.element.setAttribute('aria-busy', String(this.state === 'loading'));
    const message =
      this.state === 'error' && this.errorCode
        ? `${t('widget.error', { title })} ${t(`widget.reasons.${this.errorCode}`)}`
        : '';
    render(
      html`<d1-card
        .heading=${title}
        .state=${this.state}
        .errorMessage=${message}
        @d1-retry=${() => void this.start(true)}
        >${this.root}</d1-card
      >`,
      this.element,
    );
  }
}
