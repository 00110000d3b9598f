// Generated from schemas/dashboard.v1.json by `npm run gen -w manifests`. Do not edit: change the schema
// and run it again (a test fails while this file is stale).

import type { TenantId } from './tenant.v1.ts';
import type { Role, WidgetId, WidgetSize } from './widget-manifest.v1.ts';
/**
 * Short id, unique within the dashboard; the key of the instance's per-user settings.
 *
 * This interface was referenced by `Dashboard`'s JSON-Schema
 * via the `definition` "instanceId".
 */
export type InstanceId = string;

/**
 * The widgets one role sees in one tenant, in order; or, with `school`, how one school refines the tenant's dashboard (instances with the same instanceId replace the tenant's, `remove: true` leaves one out, new ones follow in their order). Every published change gets a new version.
 */
export interface Dashboard {
  /**
   * This schema's id, for editors; the validator also picks the schema by the file's folder.
   */
  $schema?: "https://schemas.digione.fi/dashboard/v1.json";
  tenant: TenantId;
  role: Role;
  /**
   * OID of the school this dashboard is for; without it the dashboard is the tenant's default for the role.
   */
  school?: string;
  /**
   * Grows by one with every published change; the registry keeps earlier versions for rollback.
   */
  version: number;
  /**
   * Widget instances in reading order.
   *
   * @maxItems 64
   *
   * Items: A placed widget; in a school's dashboard also a removal of one of the tenant's instances.
   */
  layout: (DashboardInstance | DashboardRemoval)[];
}
/**
 * In a school's dashboard: leaves out the tenant dashboard's instance with this id.
 *
 * This interface was referenced by `Dashboard`'s JSON-Schema
 * via the `definition` "removal".
 */
export interface DashboardRemoval {
  instanceId: InstanceId;
  remove: true;
}
/**
 * One placed widget.
 *
 * This interface was referenced by `Dashboard`'s JSON-Schema
 * via the `definition` "instance".
 */
export interface DashboardInstance {
  instanceId: InstanceId;
  widget: WidgetId;
  size: WidgetSize;
  /**
   * Per-instance config, valid against the widget manifest's config schema.
   */
  config?: {
    [k: string]: unknown | undefined;
  };
}
