import { expect, waitUntil } from '@open-wc/testing';
import { mountRootParcel, type Parcel } from 'single-spa';
import '@digione/design-system';
import type { WidgetContext, WidgetLifecycles, WidgetProps } from '@digione/sdk';
import type { WidgetManifest } from '@digione/manifests/types';
import { initLocale, setLocale } from '../locale/locale.js';
import type { WidgetFailureReport } from '../platform/failures.js';
import { diagnoseEntryFailure, isTagCollision } from './errors.js';
import { WidgetFrame, type FrameOptions } from './frame.js';
import { ownWidgetParcels } from './parcels.js';
import type { WidgetScope } from './scope.js';

const manifest = {
  id: 'acme.test',
  version: '1.0.0',
  kind: 'module',
  entry: 'http://localhost:4290/acme/remoteEntry.js',
  federation: { name: 'acme_test', expose: './widget' },
  sdk: '^0.2.0',
  title: { fi: 'Testi', sv: 'Test', en: 'Test' },
} as unknown as WidgetManifest;

/** Healthy lifecycles that render a paragraph; `overrides` break some of them. */
function lifecycles(overrides: Partial<Record<keyof WidgetLifecycles, (props: WidgetProps) => Promise<void>>> = {}): WidgetLifecycles {
  return {
    bootstrap: async () => undefined,
    mount: async ({ domElement, context }) => {
      domElement.append(Object.assign(document.createElement('p'), { textContent: `hello ${context.locale}` }));
    },
    update: async ({ domElement, context }) => {
      const p = domElement.querySelector('p');
      if (p) p.textContent = `hello ${context.locale}`;
    },
    unmount: async ({ domElement }) => domElement.replaceChildren(),
    ...overrides,
  };
}

interface Harness {
  frame: WidgetFrame;
  reports: WidgetFailureReport[];
  scopes: WidgetScope[];
  loads: number;
}

function frameOf(widget: WidgetLifecycles, options: FrameOptions = {}): Harness {
  const harness = { reports: [], scopes: [], loads: 0 } as unknown as Harness;
  harness.frame = new WidgetFrame(
    manifest,
    'one',
    'm',
    (_m, instanceId, scope) => {
      harness.scopes.push(scope);
      return { widget: { id: manifest.id, instanceId, version: '1.0.0' }, get locale() { return document.documentElement.lang; } } as unknown as WidgetContext;
    },
    {
      load: async () => {
        harness.loads += 1;
        return widget;
      },
      report: (failure) => harness.reports.push(failure),
      lifecycleTimeoutMs: 300,
      blockedMs: 100,
      ...options,
    },
  );
  document.body.append(harness.frame.element);
  return harness;
}

const state = (frame: WidgetFrame): string | undefined => frame.element.dataset.state;
const error = (frame: WidgetFrame): string | undefined => frame.element.dataset.error;

describe('WidgetFrame containment', () => {
  before(async () => {
    await initLocale();
    await setLocale('en');
  });
  afterEach(() => {
    document.querySelectorAll('.widget-frame').forEach((el) => el.remove());
  });

  it('mounts a healthy widget and hands it the new locale through update', async () => {
    const { frame, reports } = frameOf(lifecycles());
    await frame.start();
    expect(state(frame)).to.equal('ready');
    expect(frame.element.querySelector('p')?.textContent).to.equal('hello en');
    await setLocale('fi');
    await waitUntil(() => frame.element.querySelector('p')?.textContent === 'hello fi');
    await setLocale('en');
    expect(reports).to.deep.equal([]);
    await frame.dispose();
  });

  const throwing: Array<[keyof WidgetLifecycles, string]> = [
    ['bootstrap', 'bootstrap-failed'],
    ['mount', 'mount-failed'],
  ];
  for (const [phase, code] of throwing) {
    it(`ends a widget whose ${phase} throws as ${code}, reported once, with the reason shown`, async () => {
      const { frame, reports } = frameOf(lifecycles({ [phase]: async () => Promise.reject(new Error('boom')) }));
      await frame.start();
      expect(state(frame)).to.equal('error');
      expect(error(frame)).to.equal(code);
      expect(reports).to.have.length(1);
      expect(reports[0]).to.include({ widget: 'acme.test', code, phase, attempt: 1 });
      const card = frame.element.querySelector('d1-card') as HTMLElement & { errorMessage: string };
      expect(card.errorMessage).to.contain('Test could not be shown.');
      await frame.dispose();
    });
  }

  it('ends a widget whose update throws when the locale changes, and unmounts it', async () => {
    let unmounted = 0;
    const { frame, reports } = frameOf(
      lifecycles({
        update: async () => {
          throw new Error('update boom');
        },
        unmount: async ({ domElement }) => {
          unmounted += 1;
          domElement.replaceChildren();
        },
      }),
    );
    await frame.start();
    expect(state(frame)).to.equal('ready');
    await setLocale('sv');
    await waitUntil(() => state(frame) === 'error');
    expect(error(frame)).to.equal('update-failed');
    expect(reports.map((r) => r.code)).to.deep.equal(['update-failed']);
    await setLocale('en');
    expect(unmounted).to.equal(0, 'single-spa leaves a parcel whose update failed broken: the frame removes its DOM itself');
    expect(frame.element.querySelector('.widget-root')?.childElementCount ?? 0).to.equal(0);
    await frame.dispose();
  });

  it('gives up a mount that never settles, and its late answer does not flip the state', async () => {
    let resolveLate: () => void = () => undefined;
    const { frame, reports } = frameOf(
      lifecycles({ mount: () => new Promise<void>((resolve) => (resolveLate = resolve)) }),
    );
    await frame.start();
    expect(state(frame)).to.equal('error');
    expect(error(frame)).to.equal('timeout');
    resolveLate();
    await new Promise((resolve) => requestAnimationFrame(resolve));
    await Promise.resolve();
    expect(state(frame)).to.equal('error');
    expect(reports.map((r) => r.code)).to.deep.equal(['timeout']);
    await frame.dispose();
  });

  it('ends a widget whose mount holds the main thread as blocked', async () => {
    const { frame, reports } = frameOf(
      lifecycles({
        mount: ({ domElement }) => {
          const until = performance.now() + 250;
          while (performance.now() < until) {
            // holding the main thread, as a runaway loop would
          }
          domElement.append(document.createElement('p'));
          return Promise.resolve();
        },
      }),
    );
    await frame.start();
    expect(error(frame)).to.equal('blocked');
    expect(reports.map((r) => r.code)).to.deep.equal(['blocked']);
    await frame.dispose();
  });

  it('names a taken custom-element tag as tag-collision', async () => {
    customElements.define('acme-taken', class extends HTMLElement {});
    const { frame } = frameOf(
      lifecycles({
        bootstrap: async () => customElements.define('acme-taken', class extends HTMLElement {}),
      }),
    );
    await frame.start();
    expect(error(frame)).to.equal('tag-collision');
    await frame.dispose();
  });

  it('disposes even when unmount throws or hangs, reporting it and ending the scope', async () => {
    for (const [unmount, code] of [
      [async () => Promise.reject(new Error('unmount boom')), 'unmount-failed'],
      [() => new Promise<void>(() => undefined), 'timeout'],
    ] as const) {
      const { frame, reports, scopes } = frameOf(lifecycles({ unmount }));
      await frame.start();
      expect(state(frame)).to.equal('ready');
      await frame.dispose();
      expect(frame.element.isConnected).to.equal(false);
      expect(scopes[0]?.alive).to.equal(false);
      expect(reports).to.have.length(1);
      expect(reports[0]).to.include({ code, phase: 'unmount' });
    }
  });

  it('retries with fresh code and reports the retry as a new attempt', async () => {
    let fail = true;
    const { frame, reports } = frameOf(
      lifecycles({
        mount: async ({ domElement }) => {
          if (fail) throw new Error('first time');
          domElement.append(document.createElement('p'));
        },
      }),
    );
    await frame.start();
    expect(error(frame)).to.equal('mount-failed');
    fail = false;
    await frame.start(true);
    expect(state(frame)).to.equal('ready');
    expect(error(frame)).to.equal(undefined);
    expect(reports.map((r) => r.attempt)).to.deep.equal([1]);
    await frame.dispose();
  });
});

describe('WidgetFrame releases failing widgets', () => {
  /**
   * single-spa forgets an owned parcel after a successful unmount only (status NOT_MOUNTED); a parcel left in
   * SKIP_BECAUSE_BROKEN stays registered with its frame. The owner here is single-spa's root, watched.
   */
  let parcels: Parcel[];
  let release: () => void;
  beforeEach(() => {
    parcels = [];
    release = ownWidgetParcels((config, props) => {
      const parcel = mountRootParcel(config, props);
      parcels.push(parcel);
      return parcel;
    });
  });
  afterEach(() => {
    release();
    document.querySelectorAll('.widget-frame').forEach((el) => el.remove());
  });
  before(async () => {
    await initLocale();
    await setLocale('en');
  });

  const statuses = (): string[] => parcels.map((parcel) => parcel.getStatus());

  /** Lifecycles that count the widget's mounts and unmounts, with `overrides` breaking some. */
  function counted(overrides: Partial<Record<keyof WidgetLifecycles, (props: WidgetProps) => Promise<void>>> = {}) {
    const calls = { mount: 0, unmount: 0 };
    const base = lifecycles(overrides);
    const widget: WidgetLifecycles = {
      ...base,
      mount: async (props) => {
        calls.mount += 1;
        await base.mount(props);
      },
      unmount: async (props) => {
        calls.unmount += 1;
        await base.unmount(props);
      },
    };
    return { calls, widget };
  }

  const boom = async (): Promise<void> => Promise.reject(new Error('boom'));

  it('a failed bootstrap: the error state as before, the widget never mounted, the parcel unmounted', async () => {
    const { calls, widget } = counted({ bootstrap: boom });
    const { frame, reports } = frameOf(widget);
    await frame.start();
    expect(error(frame)).to.equal('bootstrap-failed');
    expect(reports.map((r) => [r.code, r.phase])).to.deep.equal([['bootstrap-failed', 'bootstrap']]);
    expect(calls).to.deep.equal({ mount: 0, unmount: 0 });
    expect(statuses()).to.deep.equal(['NOT_MOUNTED']);
    await frame.dispose();
  });

  it('a failed or hung mount: the widget is unmounted, then the parcel, and each retry is released too', async () => {
    for (const [mount, code] of [
      [boom, 'mount-failed'],
      [() => new Promise<void>(() => undefined), 'timeout'],
    ] as const) {
      parcels.length = 0;
      const { calls, widget } = counted({ mount });
      const { frame, reports } = frameOf(widget);
      await frame.start();
      expect(error(frame)).to.equal(code);
      await frame.start(true);
      await frame.start(true);
      expect(error(frame)).to.equal(code);
      expect(reports.map((r) => [r.code, r.phase, r.attempt])).to.deep.equal([1, 2, 3].map((n) => [code, 'mount', n]));
      expect(calls).to.deep.equal({ mount: 3, unmount: 3 });
      expect(statuses()).to.deep.equal(['NOT_MOUNTED', 'NOT_MOUNTED', 'NOT_MOUNTED']);
      await frame.dispose();
    }
  });

  it('a failed update or unmount: the parcel is unmounted all the same', async () => {
    const update = counted({ update: boom });
    const updating = frameOf(update.widget);
    await updating.frame.start();
    await setLocale('sv');
    await waitUntil(() => state(updating.frame) === 'error');
    await setLocale('en');
    expect(error(updating.frame)).to.equal('update-failed');
    await waitUntil(() => statuses()[0] === 'NOT_MOUNTED');
    expect(update.calls).to.deep.equal({ mount: 1, unmount: 0 });
    await updating.frame.dispose();

    const unmount = counted({ unmount: boom });
    const unmounting = frameOf(unmount.widget);
    await unmounting.frame.start();
    await unmounting.frame.dispose();
    expect(unmounting.reports.map((r) => [r.code, r.phase])).to.deep.equal([['unmount-failed', 'unmount']]);
    expect(statuses()).to.deep.equal(['NOT_MOUNTED', 'NOT_MOUNTED']);
  });

  it('a frame disposed while its widget mounts unmounts the widget once the mount ends, without waiting for it', async () => {
    let finishMount: () => void = () => undefined;
    const { calls, widget } = counted({ mount: () => new Promise<void>((resolve) => (finishMount = resolve)) });
    const { frame, reports } = frameOf(widget, { lifecycleTimeoutMs: 5000 });
    const started = frame.start();
    await waitUntil(() => calls.mount === 1);
    await frame.dispose();
    expect(frame.element.isConnected).to.equal(false);
    expect(calls.unmount).to.equal(0, 'dispose did not wait for the mount');
    finishMount();
    await started;
    await waitUntil(() => statuses()[0] === 'NOT_MOUNTED');
    expect(calls).to.deep.equal({ mount: 1, unmount: 1 });
    expect(reports).to.deep.equal([]);
  });
});

describe('entry failure diagnosis', () => {
  const answer = (status: number, type: string) => async () => new Response(status === 204 ? null : 'x', { status, headers: { 'content-type': type } });
  const failed = new TypeError('Failed to fetch dynamically imported module');

  it('tells 404, other statuses, HTML, no answer and a module that threw apart', async () => {
    expect(await diagnoseEntryFailure('http://localhost:4290/a.js', failed, answer(404, 'text/plain'))).to.equal('entry-not-found');
    expect(await diagnoseEntryFailure('http://localhost:4290/a.js', failed, answer(503, 'text/plain'))).to.equal('entry-http-error');
    expect(await diagnoseEntryFailure('http://localhost:4290/a.js', failed, answer(200, 'text/html; charset=utf-8'))).to.equal('entry-not-js');
    expect(
      await diagnoseEntryFailure('http://localhost:4290/a.js', failed, async () => {
        throw new TypeError('Failed to fetch');
      }),
    ).to.equal('entry-network');
    expect(await diagnoseEntryFailure('http://localhost:4290/a.js', new Error('top-level throw'), answer(200, 'text/javascript'))).to.equal(
      'import-failed',
    );
  });

  it("recognises the browser's and the SDK's refusal of a taken tag", async () => {
    let refusal: unknown;
    customElements.define('acme-first', class extends HTMLElement {});
    try {
      customElements.define('acme-first', class extends HTMLElement {});
    } catch (error) {
      refusal = error;
    }
    expect(isTagCollision(refusal)).to.equal(true);
    expect(isTagCollision(new Error('widget.tag-taken: the tag <acme-x> is already defined by other code'))).to.equal(true);
    expect(isTagCollision(new Error('something else'))).to.equal(false);
    expect(await diagnoseEntryFailure('http://localhost:4290/a.js', refusal, answer(200, 'text/javascript'))).to.equal('tag-collision');
  });
});
