import type { WidgetLifecycles } from '@digione/sdk';
import type { WidgetManifest } from '@digione/manifests/types';
import { diagnoseEntryFailure, WidgetError } from './errors.js';
import { federation } from './federation.js';
import { assertPinned, integrityMismatch } from './integrity.js';
import { elementLifecycles } from './element-widget.js';
import { iframeLifecycles } from './iframe-widget.js';
import { linkLifecycles } from './link-widget.js';

/**
 * The widget loader proper, behind loader.ts: one chunk with every widget kind (module, custom element, iframe with
 * its bridge, link tile), fetched when the first dashboard is (preload.ts), not with the shell's first paint.
 */

/** Retries so far, by entry URL. */
const retries = new Map<string, number>();

/**
 * `entry` with a query member that makes it a URL the page has not imported yet: `?digione-retry=<n>`, counted per
 * entry, so that the page's import map can pin the first `PINNED_RETRIES` (integrity.ts) of them for pinned widgets.
 */
function retryUrl(entry: string): string {
  const url = new URL(entry);
  const attempt = (retries.get(entry) ?? 0) + 1;
  retries.set(entry, attempt);
  url.searchParams.set('digione-retry', String(attempt));
  return url.href;
}

function isLifecycles(value: unknown): value is WidgetLifecycles {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return ['bootstrap', 'mount', 'unmount'].every((name) => typeof candidate[name] === 'function');
}

/** See `loadWidget` in loader.ts. */
export async function loadWidgetOfKind(manifest: WidgetManifest, retry: boolean): Promise<WidgetLifecycles> {
  // The registry serves each widget at the integration level the tenant's policy grants (a link tile when only
  // `link` is granted), so the served manifest's kind is the level to run it at.
  if (manifest.kind === 'link') return linkLifecycles(manifest);
  if (manifest.kind === 'iframe') return iframeLifecycles(manifest);
  if (manifest.kind === 'module' && manifest.element) {
    const entry = retry ? retryUrl(manifest.entry) : manifest.entry;
    assertPinned(manifest, entry);
    return elementLifecycles(manifest, entry);
  }
  const remote = manifest.federation;
  if (manifest.kind !== 'module' || !remote) {
    throw new WidgetError('kind-unsupported', `widget ${manifest.id}: kind "${manifest.kind}" is not supported yet`);
  }
  // Browsers remember a failed module URL for the life of the page: a retry asks for the entry under a new URL.
  const entry = retry ? retryUrl(manifest.entry) : manifest.entry;
  assertPinned(manifest, entry);
  const { loadRemote, registerRemotes } = await federation();
  registerRemotes([{ name: remote.name, entry, type: 'module' }], { force: retry });
  const request = `${remote.name}/${remote.expose.replace(/^\.\//, '')}`;
  let loaded: unknown;
  try {
    loaded = await loadRemote(request);
  } catch (error) {
    const code = (await integrityMismatch(manifest, entry)) ? 'integrity' : await diagnoseEntryFailure(entry, error);
    throw new WidgetError(code, `widget ${manifest.id}: entry ${manifest.entry} could not be loaded`, { cause: error });
  }
  if (loaded === null || loaded === undefined) {
    throw new WidgetError('entry-failed', `widget ${manifest.id}: entry ${manifest.entry} gave no module ${request}`);
  }
  const lifecycles = (loaded as { default?: unknown }).default ?? loaded;
  if (!isLifecycles(lifecycles)) {
    throw new WidgetError(
      'module-invalid',
      `widget ${manifest.id}: ${request} must export default lifecycles (bootstrap, mount, unmount); use defineWidget()`,
    );
  }
  return lifecycles;
}
