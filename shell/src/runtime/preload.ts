import type { WidgetManifest } from '@digione/manifests/types';
import { assertPinned } from './integrity.js';
import { federation } from './federation.js';
import { prefetchWidgetLoader } from './loader.js';
import { checkSdkRange } from './sdk-range.js';

/** `<link>` elements this page already added, by `rel` and URL: a role switch back and forth adds none twice. */
const added = new Set<string>();

function addLink(rel: 'preconnect' | 'modulepreload', href: string, integrity?: string): void {
  const key = `${rel} ${href}`;
  if (added.has(key)) return;
  added.add(key);
  const link = document.createElement('link');
  link.rel = rel;
  link.href = href;
  // Module scripts are fetched in CORS mode without credentials: the hint must match, or the browser fetches twice.
  link.crossOrigin = 'anonymous';
  // Hook for Subresource Integrity: a preloaded entry carries the manifest's hash, so the bytes the browser keeps
  // for the later import are the ones the manifest pins (a mismatch fails the preload and that import alike).
  if (integrity) link.integrity = integrity;
  document.head.append(link);
}

/**
 * Opens the connection to a widget's vendor origin before the widget is loaded (DNS, TCP and TLS in parallel
 * with the rest of the page's work): for every widget on the dashboard, including those below the fold.
 */
export function preconnectWidget(manifest: Pick<WidgetManifest, 'entry'>): void {
  let origin: string;
  try {
    origin = new URL(manifest.entry).origin;
  } catch {
    return; // the frame reports a bad entry when it loads the widget
  }
  if (origin !== location.origin) addLink('preconnect', origin);
}

/**
 * Starts fetching a `module` widget's entry now, as soon as the dashboard says it will be needed, so that the
 * module federation runtime finds it in flight (or done) instead of beginning a round trip of its own. Only for
 * widgets about to load: a preload that is not used within seconds is wasted bandwidth on a school's mobile link.
 * A widget the frame will refuse before fetching any of its bytes (an SDK it cannot have, an entry this page does
 * not pin) is not preloaded either.
 */
export function preloadWidgetEntry(manifest: WidgetManifest): void {
  if (manifest.kind !== 'module') return;
  try {
    new URL(manifest.entry);
    checkSdkRange(manifest);
    assertPinned(manifest, manifest.entry);
  } catch {
    return; // the frame reports why when it starts
  }
  addLink('modulepreload', manifest.entry, manifest.integrity);
}

/**
 * Starts fetching the widget runtime (the loader of every widget kind and the module federation runtime, in
 * parallel; neither is part of the shell's first load) as soon as a signed-in user is known, and again for each
 * dashboard (a no-op once loaded): it arrives in parallel with the registry's answers, so the first widget waits for
 * no extra round trip. A landing page never calls this.
 */
export function prepareWidgetRuntime(): void {
  prefetchWidgetLoader();
  federation().catch(() => undefined); // the first module widget reports a failure, and fetches again
}
