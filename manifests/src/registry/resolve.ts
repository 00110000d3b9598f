/**
 * From stored dashboards to what the shell receives: the school's refinement merged onto the tenant's dashboard,
 * then only widgets the tenant approves and the role may see, each manifest carrying only the scopes granted.
 */
import type { Role } from '@digione/sdk/identity';
import type { Dashboard, DashboardInstance } from '../generated/dashboard.v1.ts';
import type { TenantPolicy } from '../generated/tenant-policy.v1.ts';
import type { WidgetManifest } from '../generated/widget-manifest.v1.ts';
import { approvalRefusal, isRemoval, servedKind } from '../validate/checks.ts';
import type { WidgetApproval } from '../generated/tenant-policy.v1.ts';
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
  /** Present when a school's dashboard refined the tenant's. */
  school?: string;
  /** The tenant dashboard's version (the school's, when the tenant has none for the role). */
  version: number;
  /** The school dashboard's version, when one applied. */
  schoolVersion?: number;
  layout: ResolvedInstance[];
  /** The manifest of every widget in `layout`, by id, with `scopes` cut to those the tenant grants. */
  widgets: Record<string, WidgetManifest>;
}

/** A tenant's dashboard with a school's refinement applied. */
export interface MergedDashboard {
  tenant: string;
  role: Role;
  school?: string;
  version: number;
  schoolVersion?: number;
  layout: DashboardInstance[];
}

/**
 * The merge rule of a school's dashboard onto its tenant's (manifests/README.md): start from the tenant's layout;
 * a school entry with an instanceId the tenant's layout has replaces that instance in place; `remove: true` leaves
 * it out; any other school entry is appended, in the school's order. A removal of an id the tenant does not have
 * does nothing (the tenant may have dropped it since).
 */
export function mergeDashboards(tenant: Dashboard | undefined, school: Dashboard | undefined): MergedDashboard | undefined {
  const base = tenant ?? school;
  if (!base) return undefined;
  const layout: DashboardInstance[] = (tenant?.layout ?? []).filter((entry): entry is DashboardInstance => !isRemoval(entry));
  if (school) {
    for (const entry of school.layout) {
      const at = layout.findIndex((placed) => placed.instanceId === entry.instanceId);
      if (isRemoval(entry)) {
        if (at >= 0) layout.splice(at, 1);
      } else if (at >= 0) {
        layout[at] = entry;
      } else {
        layout.push(entry);
      }
    }
  }
  return {
    tenant: base.tenant,
    role: base.role,
    ...(school?.school ? { school: school.school } : {}),
    version: tenant?.version ?? school?.version ?? 1,
    ...(school ? { schoolVersion: school.version } : {}),
    layout,
  };
}

/**
 * A deep copy without keys that would run code or reach a prototype. The validator already refuses such documents;
 * this keeps the promise for documents that reach storage another way (an admin edit, a database restore).
 */
export function withoutCodeKeys<T>(value: T): T {
  return JSON.parse(JSON.stringify(value), (key, v: unknown) => (CODE_KEYS.has(key) || PROTOTYPE_KEYS.has(key) ? undefined : v)) as T;
}

/**
 * The manifest as the shell gets it under `approval`: only the granted scopes, and at the granted integration
 * level. A widget approved only as a `link` whose manifest names its `service` page becomes a link to that page,
 * without its code's entry, federation, element or integrity, so that the shell cannot run its code.
 */
export function servedManifest(widget: WidgetManifest, approval: WidgetApproval): WidgetManifest {
  const scopes = widget.scopes.filter((scope) => approval.scopes.includes(scope));
  if (servedKind(widget, approval) !== 'link' || widget.kind === 'link' || !widget.service) return { ...widget, scopes };
  const { federation: _federation, element: _element, integrity: _integrity, chunks: _chunks, entry: _entry, ...rest } = widget;
  return { ...rest, kind: 'link', entry: widget.service, scopes: [] };
}

/**
 * Resolves `dashboard` for `role` under the tenant's `policy` (no policy approves nothing). Left out: an instance
 * whose widget is missing from the catalogue, whose manifest no longer lists the role (a vendor may drop a role
 * after dashboards were published), that the policy does not approve (widget, version range, integration level).
 * A size the manifest no longer offers becomes the first it offers; scopes the policy does not grant are removed.
 */
export function resolveDashboard(
  dashboard: MergedDashboard | Dashboard,
  role: Role,
  catalogue: ReadonlyMap<string, WidgetManifest>,
  policy: TenantPolicy | undefined,
): ResolvedDashboard {
  const widgets: Record<string, WidgetManifest> = {};
  const layout: ResolvedInstance[] = [];
  for (const instance of dashboard.layout) {
    if (isRemoval(instance)) continue;
    const widget = catalogue.get(instance.widget);
    if (!widget || !widget.roles.includes(role)) continue;
    const approval = policy?.widgets[widget.id];
    if (!approval || approvalRefusal(widget, approval, dashboard.tenant)) continue;
    widgets[widget.id] = withoutCodeKeys(servedManifest(widget, approval));
    // A size the vendor stopped offering falls back to one it offers, rather than hiding the widget.
    const size = widget.sizes.includes(instance.size) ? instance.size : (widget.sizes[0] ?? instance.size);
    layout.push({ instanceId: instance.instanceId, widget: widget.id, size, config: withoutCodeKeys(instance.config ?? {}) });
  }
  const schoolVersion = 'schoolVersion' in dashboard ? dashboard.schoolVersion : undefined;
  return {
    tenant: dashboard.tenant,
    role,
    ...(dashboard.school ? { school: dashboard.school } : {}),
    version: dashboard.version,
    ...(schoolVersion !== undefined ? { schoolVersion } : {}),
    layout,
    widgets,
  };
}
