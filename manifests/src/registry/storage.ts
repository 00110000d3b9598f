/**
 * What the registry keeps: widget manifests, tenants, every version of every dashboard and tenant policy, admins'
 * drafts and the audit log. An interface, so that a deployment with several stateless registries can put PostgreSQL
 * behind it; SQLite is the embedded default. Every write takes the audit entry that records it and stores both in
 * one transaction, so that no change goes unrecorded.
 */
import type { TenantConfig } from '@digione/sdk/identity';
import type { Dashboard } from '../generated/dashboard.v1.ts';
import type { TenantPolicy } from '../generated/tenant-policy.v1.ts';
import type { WidgetManifest } from '../generated/widget-manifest.v1.ts';
import type { AuditAction } from './audit-actions.ts';

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
  policies: readonly TenantPolicy[];
}

/** What seeding did; on conflicts nothing was written. */
export interface SeedReport {
  /** Dashboard versions already stored with different content: versions are immutable, a change needs a new one. */
  conflicts: Dashboard[];
  /** Policy versions already stored with different content. */
  policyConflicts: TenantPolicy[];
}

/** One published version in a history. */
export interface VersionInfo {
  version: number;
  /** User id of the admin who published it; `manifests` for versions loaded from the files. */
  publishedBy: string;
  /** ISO 8601 time. */
  publishedAt: string;
}

/** A stored draft. */
export interface Draft {
  dashboard: Dashboard;
  updatedBy: string;
  updatedAt: string;
  /**
   * Changes with every save and never comes back (it is the id of the save's audit entry), so that a draft discarded
   * and saved again by someone else does not look like the one an admin loaded. A save names the revision it
   * replaces (`expectedRevision`, 0 for none).
   */
  revision: number;
}

/** A draft save refused because another admin saved (or discarded) the draft since the caller loaded it. */
export interface StaleDraft {
  stale: true;
  /** The stored draft now; undefined when it was discarded. */
  latest: Draft | undefined;
}

/** The audit actions, one per kind of write: kept apart so that the shell can import them (audit-actions.ts). */
export { AUDIT_ACTIONS, type AuditAction } from './audit-actions.ts';

/** What a write records: who did what to which document, and the document before and after. */
export interface AuditInput {
  tenant: string;
  /** User id (`sub`) of the admin. */
  user: string;
  /** The admin's display name at the time. */
  userName: string;
  action: AuditAction;
  /** What was written, e.g. `dashboards/pupil` or `dashboards/pupil@1.2.246.562.10.1` or `policy`. */
  target: string;
  /** Widget ids whose placement or approval differs between before and after. */
  widgets: string[];
  before: unknown;
  after: unknown;
}

/** One audit log entry. */
export interface AuditEntry extends AuditInput {
  id: number;
  /** ISO 8601 time of the write. */
  at: string;
}

/** Filters of {@link Storage.audit}; all optional but the tenant. */
export interface AuditQuery {
  tenant: string;
  user?: string;
  action?: string;
  widget?: string;
  /** ISO 8601 lower bound, inclusive. */
  from?: string;
  /** ISO 8601 upper bound, exclusive. */
  to?: string;
  limit?: number;
}

/** A publish refused because the caller saw another version than the latest. */
export interface StaleVersion {
  stale: true;
  latest: number;
}

export interface Storage {
  /**
   * Loads the files' documents in one transaction: widgets and tenants are replaced by the files' ones, dashboard and
   * policy versions are added (a version already stored with the same content is left alone).
   */
  seed(data: SeedData): Promise<SeedReport>;
  /** Every widget manifest, by id. */
  widgets(): Promise<WidgetManifest[]>;
  tenants(): Promise<TenantConfig[]>;

  /** The highest stored version of the dashboard. */
  latestDashboard(key: DashboardKey): Promise<Dashboard | undefined>;
  /** One stored version. */
  dashboardVersion(key: DashboardKey, version: number): Promise<Dashboard | undefined>;
  /** Stored versions, oldest first (for history and rollback). */
  dashboardHistory(key: DashboardKey): Promise<VersionInfo[]>;
  /**
   * Stores `dashboard` (its `version` must be the latest + 1) when the latest stored version is `expectedVersion`
   * (0 for none), deletes the key's draft when `deleteDraft`, and records `audit`; otherwise changes nothing.
   */
  publishDashboard(dashboard: Dashboard, expectedVersion: number, audit: AuditInput, deleteDraft: boolean): Promise<VersionInfo | StaleVersion>;

  draft(key: DashboardKey): Promise<Draft | undefined>;
  /**
   * Stores the draft and records `audit` when the stored draft's revision is `expectedRevision` (0: there is none);
   * without `expectedRevision`, whatever is stored is replaced. Otherwise changes nothing.
   */
  putDraft(key: DashboardKey, dashboard: Dashboard, audit: AuditInput, expectedRevision?: number): Promise<Draft | StaleDraft>;
  /** False when there was none (nothing is recorded then). */
  deleteDraft(key: DashboardKey, audit: AuditInput): Promise<boolean>;

  latestPolicy(tenant: string): Promise<TenantPolicy | undefined>;
  policyHistory(tenant: string): Promise<VersionInfo[]>;
  /** As {@link publishDashboard}, for the tenant's policy. */
  publishPolicy(policy: TenantPolicy, expectedVersion: number, audit: AuditInput): Promise<VersionInfo | StaleVersion>;

  /** Audit entries of a tenant, newest first. */
  audit(query: AuditQuery): Promise<AuditEntry[]>;
  /** Records an entry that goes with no write (a preview of a draft). */
  recordAudit(audit: AuditInput): Promise<void>;
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
