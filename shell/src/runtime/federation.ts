import { init } from '@module-federation/runtime';
import * as lit from '@digione/lit';
import * as sdk from '@digione/sdk';

/** The shared packages' versions and the ranges widgets may ask for, from build/shared.ts at build time. */
declare const __DIGIONE_SHARED__: Record<string, { version: string; requiredVersion: string }>;

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

/**
 * Starts the page's module federation runtime as the host: no remotes yet (each widget's manifest names its own,
 * registered when it loads), and lit, the SDK and the design system in the shared scope as singletons, so that a
 * widget's `loadShare` gets the shell's copy instead of its own fallback. Call once, before any widget loads.
 *
 * Every entry is registered as `loaded`: the runtime lets a remote that registers the same version of a package
 * replace an entry that is not loaded yet (by comparing container names), and a widget would then run its own copy
 * of lit or of the design system next to the shell's. For the design system that only marks the entry as taken: the
 * runtime still calls `get` the first time a widget asks for it.
 */
export function startFederation(): void {
  init({
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
}
