/** From a stored dashboard to what the shell receives: only widgets made for the role, with their manifests. */
import type { Role } from '@digione/sdk/identity';
import type { Dashboard } from '../generated/dashboard.v1.ts';
import type { WidgetManifest } from '../generated/widget-manifest.v1.ts';
import { CODE_KEYS, PROTOTYPE_KEYS } from '../validate/documents.ts';

/** One placed widget as served: `config` always present. */
export interface ResolvedInstance {
  instanceId: string;
  widget: string;
  size: WidgetManifest['sizes'][number];
  config: Record<string, unknown>;
}

/** The answer of `GET /v1/dashboard` (docs/platform.md). */
export interface ResolvedDashboard {
  tenant: string;
  role: Role;
  /** Present when the dashboard is a school's own rather than the tenant's default. */
  school?: string;
  version: number;
  layout: ResolvedInstance[];
  /** The manifest of every widget in `layout`, by id. */
  widgets: Record<string, WidgetManifest>;
}

/**
 * A deep copy without keys that would run code or reach a prototype. The validator already refuses such documents;
 * this keeps the promise for documents that reach storage another way (an admin edit, a database restore).
 */
export function withoutCodeKeys<T>(value: T): T {
  return JSON.parse(JSON.stringify(value), (key, v: unknown) => (CODE_KEYS.has(key) || PROTOTYPE_KEYS.has(key) ? undefined : v)) as T;
}

/**
 * Resolves `dashboard` for `role`: an instance whose widget is missing from the catalogue, or whose manifest no
 * longer lists the role (a vendor may drop a role after dashboards were published), is left out; an instance whose
 * size the manifest no longer offers gets the first size it does offer.
 */
export function resolveDashboard(dashboard: Dashboard, role: Role, catalogue: ReadonlyMap<string, WidgetManifest>): ResolvedDashboard {
  const widgets: Record<string, WidgetManifest> = {};
  const layout: ResolvedInstance[] = [];
  for (const instance of dashboard.layout) {
    const widget = catalogue.get(instance.widget);
    if (!widget || !widget.roles.includes(role)) continue;
    widgets[widget.id] = withoutCodeKeys(widget);
    // A size the vendor stopped offering falls back to one it offers, rather than hiding the widget.
    const size = widget.sizes.includes(instance.size) ? instance.size : (widget.sizes[0] ?? instance.size);
    layout.push({ instanceId: instance.instanceId, widget: widget.id, size, config: withoutCodeKeys(instance.config ?? {}) });
  }
  return {
    tenant: dashboard.tenant,
    role,
    ...(dashboard.school ? { school: dashboard.school } : {}),
    version: dashboard.version,
    layout,
    widgets,
  };
}
