// Generated from schemas/dashboard.v1.json by `npm run gen -w manifests`. Do not edit: change the schema
// and run it again (a test fails while this file is stale).

import type { TenantId } from './tenant.v1.ts';
import type { Role, WidgetId, WidgetSize } from './widget-manifest.v1.ts';
/**
 * The widgets one role sees in one tenant (or one school of it), in order. Every published change gets a new version.
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
   */
  layout: DashboardInstance[];
}
/**
 * One placed widget.
 *
 * This interface was referenced by `Dashboard`'s JSON-Schema
 * via the `definition` "instance".
 */
export interface DashboardInstance {
  /**
   * Short id, unique within the dashboard; the key of the instance's per-user settings.
   */
  instanceId: string;
  widget: WidgetId;
  size: WidgetSize;
  /**
   * Per-instance config, valid against the widget manifest's config schema.
   */
  config?: {
    [k: string]: unknown | undefined;
  };
}
