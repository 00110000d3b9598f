import { html, render } from 'lit';
import { mountRootParcel, type Parcel } from 'single-spa';
import type { Locale, WidgetContext, WidgetLifecycles } from '@digione/sdk';
import type { WidgetManifest } from '@digione/manifests/types';
import { config } from '../config.js';
import { currentLocale, onLocaleChange, t } from '../locale/locale.js';
import { WidgetError, withTimeout, type WidgetErrorCode } from './errors.js';
import { loadWidget } from './loader.js';
import { WidgetScope } from './scope.js';
import { checkSdkRange } from './sdk-range.js';

/**
 * Builds the context of one mount of the widget. Everything the context subscribes must be tracked by `scope`,
 * which the frame ends when that mount ends.
 */
export type ContextFactory = (manifest: WidgetManifest, instanceId: string, scope: WidgetScope) => WidgetContext;

type FrameState = 'loading' | 'ready' | 'error';

/**
 * The frame around one widget instance. It owns the widget's loading, error and retry states and keeps every
 * failure of the widget inside itself. The element carries the `data-widget` / `data-state` / `data-error` contract.
 */
export class WidgetFrame {
  readonly element: HTMLElement;
  private readonly root: HTMLDivElement;
  private state: FrameState = 'loading';
  private errorCode: WidgetErrorCode | undefined;
  private parcel: Parcel | undefined;
  /** What the current mount of the widget holds on to; ended with the mount. */
  private scope: WidgetScope | undefined;
  private readonly stops: Array<() => void> = [];
  private disposed = false;

  constructor(
    private readonly manifest: WidgetManifest,
    private readonly instanceId: string,
    size: string,
    private readonly createContext: ContextFactory,
  ) {
    this.element = document.createElement('section');
    this.element.className = 'widget-frame';
    this.element.dataset.widget = manifest.id;
    this.element.dataset.instance = instanceId;
    this.element.setAttribute('size', size);
    this.root = document.createElement('div');
    this.root.className = 'widget-root';
    this.stops.push(onLocaleChange(() => this.paint()));
    this.paint();
  }

  /** Loads and mounts the widget; never rejects: failures end in the error state. */
  async start(retry = false): Promise<void> {
    this.setState('loading');
    const what = `widget ${this.manifest.id}`;
    try {
      checkSdkRange(this.manifest);
      const lifecycles = await withTimeout(loadWidget(this.manifest, retry), config.widgetTimeoutMs, `${what} loading`);
      if (this.disposed) return;
      await withTimeout(this.mount(lifecycles), config.widgetTimeoutMs, `${what} mounting`);
      if (!this.disposed) this.setState('ready');
    } catch (error) {
      if (this.disposed) return;
      const code = error instanceof WidgetError ? error.code : 'mount-failed';
      console.error(`[digione] ${what} (${this.instanceId}) failed:`, error);
      await this.unmountParcel();
      this.setState('error', code);
    }
  }

  private async mount(lifecycles: WidgetLifecycles): Promise<void> {
    this.scope?.end();
    const scope = new WidgetScope();
    this.scope = scope;
    const context = this.createContext(this.manifest, this.instanceId, scope);
    this.root.replaceChildren();
    // single-spa owns the lifecycle state machine; a fresh object so that a retry is a fresh parcel.
    const parcel = mountRootParcel({ ...lifecycles, name: `${this.manifest.id}#${this.instanceId}` }, {
      domElement: this.root,
      context,
    });
    this.parcel = parcel;
    try {
      await parcel.mountPromise;
    } catch (error) {
      throw error instanceof WidgetError
        ? error
        : new WidgetError('mount-failed', `widget ${this.manifest.id}: mount failed`, { cause: error });
    }
  }

  private async unmountParcel(): Promise<void> {
    const parcel = this.parcel;
    this.parcel = undefined;
    if (!parcel) {
      this.endScope();
      return;
    }
    try {
      if (parcel.getStatus() === 'MOUNTED') await parcel.unmount();
    } catch (error) {
      console.error(`[digione] widget ${this.manifest.id} failed to unmount:`, error);
    }
    // After the widget's own unmount, so that it can still stop its listeners itself; whatever it forgot ends here.
    this.endScope();
    this.root.replaceChildren();
  }

  private endScope(): void {
    this.scope?.end();
    this.scope = undefined;
  }

  /** Unmounts the widget and releases everything the frame subscribed for it. */
  async dispose(): Promise<void> {
    this.disposed = true;
    await this.unmountParcel();
    for (const stop of this.stops.splice(0)) stop();
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
