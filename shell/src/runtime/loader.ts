import type { WidgetLifecycles } from '@digione/sdk';
import type { WidgetManifest } from '@digione/manifests/types';
import { WidgetError } from './errors.js';

type WidgetKinds = typeof import('./widget-kinds.js');
let kinds: Promise<WidgetKinds> | undefined;

/**
 * The widget loader's chunk (widget-kinds.ts: every widget kind, the iframe bridge). It is not part of the shell's
 * first load (tests/size/shell-js.ts): the landing page never needs it, and a signed-in load starts it, with the
 * module federation runtime in parallel, while its dashboard is fetched (`prepareWidgetRuntime`, preload.ts). A
 * failed fetch is forgotten, so that a widget's retry fetches again.
 */
function widgetKinds(): Promise<WidgetKinds> {
  kinds ??= import('./widget-kinds.js').catch((error: unknown) => {
    kinds = undefined;
    throw error;
  });
  return kinds;
}

/** Starts fetching the widget loader now, without waiting for it (the first widget that needs it reports a failure). */
export function prefetchWidgetLoader(): void {
  widgetKinds().catch(() => undefined);
}

/**
 * Loads a widget at the level its manifest names: a `module` widget from its vendor's origin with the module
 * federation runtime (or as a plain custom element), an `iframe` widget in a sandboxed frame with the bridge, a
 * `link` widget as a tile. Nothing about the widget is known at the shell's build time: the manifest from the
 * registry names the entry and the exposed module.
 *
 * @param retry - re-register the remote so that a failed entry is fetched again.
 */
export async function loadWidget(manifest: WidgetManifest, retry = false): Promise<WidgetLifecycles> {
  let loader: WidgetKinds;
  try {
    loader = await widgetKinds();
  } catch (error) {
    // The shell's own chunk did not arrive: as for a vendor's entry, the connection is the likely cause.
    throw new WidgetError('entry-network', `widget ${manifest.id}: the shell's widget loader could not be fetched`, { cause: error });
  }
  return loader.loadWidgetOfKind(manifest, retry);
}
