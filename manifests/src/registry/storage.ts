/**
 * What the registry keeps: widget manifests, tenants, and every version of every dashboard. An interface, so that a
 * deployment with several stateless registries can put PostgreSQL behind it; SQLite is the embedded default.
 */
import type { TenantConfig } from '@digione/sdk/identity';
import type { Dashboard } from '../generated/dashboard.v1.ts';
import type { WidgetManifest } from '../generated/widget-manifest.v1.ts';

/** Which dashboard: one per tenant, role and (optionally) school. */
export interface DashboardKey {
  tenant: string;
  role: Dashboard['role'];
  /** School OID; undefined for the tenant's default dashboard of the role. */
  school?: string;
}

/** Documents read from the manifest files. */
export interface SeedData {
  widgets: readonly WidgetManifest[];
  tenants: readonly TenantConfig[];
  dashboards: readonly Dashboard[];
}

/** What seeding did; on conflicts nothing was written. */
export interface SeedReport {
  /** Dashboard versions already stored with different content: versions are immutable, a change needs a new one. */
  conflicts: Dashboard[];
}

export interface Storage {
  /**
   * Loads the files' documents in one transaction: widgets and tenants are replaced by the files' ones, dashboard
   * versions are added (a version already stored with the same content is left alone).
   */
  seed(data: SeedData): Promise<SeedReport>;
  /** Every widget manifest, by id. */
  widgets(): Promise<WidgetManifest[]>;
  tenants(): Promise<TenantConfig[]>;
  /** The highest stored version of the dashboard. */
  latestDashboard(key: DashboardKey): Promise<Dashboard | undefined>;
  /** Stored version numbers, oldest first (for history and rollback). */
  dashboardVersions(key: DashboardKey): Promise<number[]>;
  close(): Promise<void>;
}

/** JSON with object keys sorted, so that two equal documents compare equal whatever their key order. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    typeof v === 'object' && v !== null && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}
