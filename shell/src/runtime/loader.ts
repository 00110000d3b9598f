import { loadRemote, registerRemotes } from '@module-federation/runtime';
import type { WidgetLifecycles } from '@digione/sdk';
import type { WidgetManifest } from '@digione/manifests/types';
import { WidgetError } from './errors.js';

function isLifecycles(value: unknown): value is WidgetLifecycles {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return ['bootstrap', 'mount', 'unmount'].every((name) => typeof candidate[name] === 'function');
}

/**
 * Loads a `module` widget from its vendor's origin with the module federation runtime. Nothing about the widget is
 * known at the shell's build time: the manifest from the registry names the entry and the exposed module.
 *
 * @param retry - re-register the remote so that a failed entry is fetched again.
 */
export async function loadWidget(manifest: WidgetManifest, retry = false): Promise<WidgetLifecycles> {
  const federation = manifest.federation;
  if (manifest.kind !== 'module' || !federation) {
    throw new WidgetError('kind-unsupported', `widget ${manifest.id}: kind "${manifest.kind}" is not supported yet`);
  }
  registerRemotes([{ name: federation.name, entry: manifest.entry, type: 'module' }], { force: retry });
  const request = `${federation.name}/${federation.expose.replace(/^\.\//, '')}`;
  let loaded: unknown;
  try {
    loaded = await loadRemote(request);
  } catch (error) {
    throw new WidgetError('entry-failed', `widget ${manifest.id}: entry ${manifest.entry} could not be loaded`, {
      cause: error,
    });
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
