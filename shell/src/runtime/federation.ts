import type * as FederationRuntime from '@module-federation/runtime';
import * as lit from '@digione/lit';
import * as sdk from '@digione/sdk';

/** The shared packages' versions and the ranges widgets may ask for, from build/shared.ts at build time. */
declare const __DIGIONE_SHARED__: Record<string, { version: string; requiredVersion: string }>;

/** The module federation runtime's functions the widget loader uses, once the runtime is started as the host. */
export type FederationHost = Pick<typeof FederationRuntime, 'loadRemote' | 'registerRemotes'>;

/**
 * The shell's own module of each shared package: the very instances the shell runs on, so each is in the page once.
 * lit and the SDK are in the shell's bundle already; the design system as a whole is fetched only when a widget asks
 * for it (the shell itself renders a few of its components, imported one by one in main.ts: the same module
 * instances the package's index re-exports).
 */
const modules: Record<string, { lib: object } | { load: () => Promise<object> }> = {
  '@digione/lit': { lib: lit },
  '@digione/sdk': { lib: sdk },
  '@digione/design-system': { load: () => import('@digione/design-system') },
};

let started: Promise<FederationHost> | undefined;

/**
 * Starts the page's module federation runtime as the host, once: no remotes yet (each widget's manifest names its
 * own, registered when it loads), and lit, the SDK and the design system in the shared scope as singletons, so that a
 * widget's `loadShare` gets the shell's copy instead of its own fallback. Must settle before any widget loads.
 *
 * The runtime (~10 kB gzipped) is not part of the shell's first load: a landing page never needs it, and a signed-in
 * load fetches it while the dashboard itself is being fetched (`prepareWidgetRuntime` in preload.ts), so it arrives
 * in parallel with the registry's answer. A failed fetch is forgotten, so the next widget (a retry) asks again.
 *
 * Every entry is registered as `loaded`: the runtime lets a remote that registers the same version of a package
 * replace an entry that is not loaded yet (by comparing container names), and a widget would then run its own copy
 * of lit or of the design system next to the shell's. For the design system that only marks the entry as taken: the
 * runtime still calls `get` the first time a widget asks for it.
 */
export function federation(): Promise<FederationHost> {
  started ??= import('@module-federation/runtime').then(
    (runtime) => {
      runtime.init({
        name: 'digione_shell',
        remotes: [],
        shared: Object.fromEntries(
          Object.entries(__DIGIONE_SHARED__).map(([name, { version, requiredVersion }]) => {
            const source = modules[name];
            if (!source) throw new Error(`shell.federation: no module for the shared package ${name}`);
            const shareConfig = { singleton: true, requiredVersion };
            if ('lib' in source) return [name, { version, scope: 'default', lib: () => source.lib, shareConfig }];
            const get = async () => {
              const module = await source.load();
              return () => module;
            };
            return [name, { version, scope: 'default', get, loaded: true, shareConfig }];
          }),
        ),
      });
      return { loadRemote: runtime.loadRemote, registerRemotes: runtime.registerRemotes };
    },
    (error: unknown) => {
      started = undefined;
      throw error;
    },
  );
  return started;
}

/**
 * The boot step of the host (main.ts). It fetches nothing: the runtime is started by `federation()` when the first
 * dashboard is fetched or the first widget loads. What it checks at boot is that every shared package the build
 * declares has a module here, so that a mistake in build/shared.ts stops the shell at once rather than at the first
 * widget.
 */
export function startFederation(): void {
  for (const name of Object.keys(__DIGIONE_SHARED__)) {
    if (!modules[name]) throw new Error(`shell.federation: no module for the shared package ${name}`);
  }
}
