/** {@link Storage} on SQLite (better-sqlite3): a file, or `:memory:` for a registry loaded afresh on each start. */
import Database from 'better-sqlite3';
import type { TenantConfig } from '@digione/sdk/identity';
import type { Dashboard } from '../generated/dashboard.v1.ts';
import type { TenantPolicy } from '../generated/tenant-policy.v1.ts';
import type { WidgetManifest } from '../generated/widget-manifest.v1.ts';
import {
  canonicalJson,
  type AuditEntry,
  type AuditInput,
  type DashboardKey,
  type Draft,
  type SeedData,
  type SeedReport,
  type StaleDraft,
  type StaleVersion,
  type Storage,
  type VersionInfo,
} from './storage.ts';

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS widgets (
    id TEXT PRIMARY KEY,
    version TEXT NOT NULL,
    manifest TEXT NOT NULL
  );
  CREATE TABLE IF NOT EXISTS tenants (
    id TEXT PRIMARY KEY,
    provider_oid TEXT NOT NULL UNIQUE,
    config TEXT NOT NULL
  );
  CREATE TABLE IF NOT EXISTS dashboards (
    tenant TEXT NOT NULL,
    role TEXT NOT NULL,
    school TEXT NOT NULL DEFAULT '',
    version INTEGER NOT NULL,
    document TEXT NOT NULL,
    published_at TEXT NOT NULL,
    PRIMARY KEY (tenant, role, school, version)
  );
  CREATE TABLE IF NOT EXISTS policies (
    tenant TEXT NOT NULL,
    version INTEGER NOT NULL,
    document TEXT NOT NULL,
    published_by TEXT NOT NULL,
    published_at TEXT NOT NULL,
    PRIMARY KEY (tenant, version)
  );
  CREATE TABLE IF NOT EXISTS drafts (
    tenant TEXT NOT NULL,
    role TEXT NOT NULL,
    school TEXT NOT NULL DEFAULT '',
    document TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    revision INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant, role, school)
  );
  CREATE TABLE IF NOT EXISTS audit (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    tenant TEXT NOT NULL,
    user TEXT NOT NULL,
    user_name TEXT NOT NULL,
    action TEXT NOT NULL,
    target TEXT NOT NULL,
    widgets TEXT NOT NULL,
    before TEXT NOT NULL,
    after TEXT NOT NULL
  );
  CREATE INDEX IF NOT EXISTS audit_by_tenant ON audit (tenant, at);
`;

/** Who published the versions that came from the manifest files. */
export const FILES_PUBLISHER = 'manifests';

interface DocumentRow {
  document: string;
}
interface VersionRow {
  version: number;
  published_by: string;
  published_at: string;
}
interface AuditRow {
  id: number;
  at: string;
  tenant: string;
  user: string;
  user_name: string;
  action: string;
  target: string;
  widgets: string;
  before: string;
  after: string;
}

/** Opens (creating or upgrading when needed) the registry database at `path`. */
export function openSqliteStorage(path: string): Storage {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.exec(SCHEMA);
  // A database file from before drafts had revisions: add the column (its drafts count as revision 0).
  if (!(db.prepare('PRAGMA table_info(drafts)').all() as { name: string }[]).some((column) => column.name === 'revision')) {
    db.exec('ALTER TABLE drafts ADD COLUMN revision INTEGER NOT NULL DEFAULT 0');
  }
  // Databases from before admin writes lack the publisher column.
  const columns = db.prepare<[], { name: string }>('PRAGMA table_info(dashboards)').all().map((c) => c.name);
  if (!columns.includes('published_by')) db.exec(`ALTER TABLE dashboards ADD COLUMN published_by TEXT NOT NULL DEFAULT '${FILES_PUBLISHER}'`);

  const insertWidget = db.prepare('INSERT INTO widgets (id, version, manifest) VALUES (?, ?, ?)');
  const insertTenant = db.prepare('INSERT INTO tenants (id, provider_oid, config) VALUES (?, ?, ?)');
  const findVersion = db.prepare<[string, string, string, number], DocumentRow>(
    'SELECT document FROM dashboards WHERE tenant = ? AND role = ? AND school = ? AND version = ?',
  );
  const insertDashboard = db.prepare<[string, string, string, number, string, string, string]>(
    'INSERT INTO dashboards (tenant, role, school, version, document, published_at, published_by) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const latest = db.prepare<[string, string, string], DocumentRow>(
    'SELECT document FROM dashboards WHERE tenant = ? AND role = ? AND school = ? ORDER BY version DESC LIMIT 1',
  );
  const history = db.prepare<[string, string, string], VersionRow>(
    'SELECT version, published_by, published_at FROM dashboards WHERE tenant = ? AND role = ? AND school = ? ORDER BY version',
  );
  const latestNumber = db.prepare<[string, string, string], { version: number | null }>(
    'SELECT MAX(version) AS version FROM dashboards WHERE tenant = ? AND role = ? AND school = ?',
  );
  const findPolicy = db.prepare<[string, number], DocumentRow>('SELECT document FROM policies WHERE tenant = ? AND version = ?');
  const insertPolicy = db.prepare<[string, number, string, string, string]>(
    'INSERT INTO policies (tenant, version, document, published_by, published_at) VALUES (?, ?, ?, ?, ?)',
  );
  const latestPolicy = db.prepare<[string], DocumentRow>('SELECT document FROM policies WHERE tenant = ? ORDER BY version DESC LIMIT 1');
  const policyHistory = db.prepare<[string], VersionRow>(
    'SELECT version, published_by, published_at FROM policies WHERE tenant = ? ORDER BY version',
  );
  const latestPolicyNumber = db.prepare<[string], { version: number | null }>('SELECT MAX(version) AS version FROM policies WHERE tenant = ?');
  const findDraft = db.prepare<[string, string, string], { document: string; updated_by: string; updated_at: string; revision: number }>(
    'SELECT document, updated_by, updated_at, revision FROM drafts WHERE tenant = ? AND role = ? AND school = ?',
  );
  const upsertDraft = db.prepare<[string, string, string, string, string, string, number]>(
    `INSERT INTO drafts (tenant, role, school, document, updated_by, updated_at, revision) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (tenant, role, school) DO UPDATE SET document = excluded.document, updated_by = excluded.updated_by,
       updated_at = excluded.updated_at, revision = excluded.revision`,
  );
  const removeDraft = db.prepare<[string, string, string]>('DELETE FROM drafts WHERE tenant = ? AND role = ? AND school = ?');
  const insertAudit = db.prepare<[string, string, string, string, string, string, string, string, string]>(
    'INSERT INTO audit (at, tenant, user, user_name, action, target, widgets, before, after) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const allWidgets = db.prepare<[], { manifest: string }>('SELECT manifest FROM widgets ORDER BY id');
  const allTenants = db.prepare<[], { config: string }>('SELECT config FROM tenants ORDER BY id');

  const school = (key: DashboardKey): string => key.school ?? '';
  const versionInfo = (row: VersionRow): VersionInfo => ({ version: row.version, publishedBy: row.published_by, publishedAt: row.published_at });
  // Milliseconds keep the audit order readable; the id breaks ties.
  const now = (): string => new Date().toISOString();
  /** Records `audit`; answers the entry's id. */
  const record = (audit: AuditInput, at: string): number => {
    const { lastInsertRowid } = insertAudit.run(
      at,
      audit.tenant,
      audit.user,
      audit.userName,
      audit.action,
      audit.target,
      JSON.stringify(audit.widgets),
      JSON.stringify(audit.before ?? null),
      JSON.stringify(audit.after ?? null),
    );
    return Number(lastInsertRowid);
  };

  const seed = db.transaction((data: SeedData): SeedReport => {
    const conflicts: Dashboard[] = [];
    const policyConflicts: TenantPolicy[] = [];
    const at = now();
    for (const dashboard of data.dashboards) {
      const document = canonicalJson(dashboard);
      const stored = findVersion.get(dashboard.tenant, dashboard.role, dashboard.school ?? '', dashboard.version);
      if (!stored) insertDashboard.run(dashboard.tenant, dashboard.role, dashboard.school ?? '', dashboard.version, document, at, FILES_PUBLISHER);
      else if (stored.document !== document) conflicts.push(dashboard);
    }
    for (const policy of data.policies) {
      const document = canonicalJson(policy);
      const stored = findPolicy.get(policy.tenant, policy.version);
      if (!stored) insertPolicy.run(policy.tenant, policy.version, document, FILES_PUBLISHER, at);
      else if (stored.document !== document) policyConflicts.push(policy);
    }
    if (conflicts.length > 0 || policyConflicts.length > 0) {
      // Throwing rolls the transaction back; the caller gets the conflicts from the error.
      throw new SeedConflict({ conflicts, policyConflicts });
    }
    db.prepare('DELETE FROM widgets').run();
    for (const widget of data.widgets) insertWidget.run(widget.id, widget.version, JSON.stringify(widget));
    db.prepare('DELETE FROM tenants').run();
    for (const tenant of data.tenants) insertTenant.run(tenant.id, tenant.providerOid, JSON.stringify(tenant));
    return { conflicts, policyConflicts };
  });

  const publishDashboard = db.transaction(
    (dashboard: Dashboard, expectedVersion: number, audit: AuditInput, deleteDraft: boolean): VersionInfo | StaleVersion => {
      const key = school(dashboard);
      const current = latestNumber.get(dashboard.tenant, dashboard.role, key)?.version ?? 0;
      if (current !== expectedVersion || dashboard.version !== current + 1) return { stale: true, latest: current };
      const at = now();
      insertDashboard.run(dashboard.tenant, dashboard.role, key, dashboard.version, canonicalJson(dashboard), at, audit.user);
      if (deleteDraft) removeDraft.run(dashboard.tenant, dashboard.role, key);
      record(audit, at);
      return { version: dashboard.version, publishedBy: audit.user, publishedAt: at };
    },
  );

  const publishPolicy = db.transaction((policy: TenantPolicy, expectedVersion: number, audit: AuditInput): VersionInfo | StaleVersion => {
    const current = latestPolicyNumber.get(policy.tenant)?.version ?? 0;
    if (current !== expectedVersion || policy.version !== current + 1) return { stale: true, latest: current };
    const at = now();
    insertPolicy.run(policy.tenant, policy.version, canonicalJson(policy), audit.user, at);
    record(audit, at);
    return { version: policy.version, publishedBy: audit.user, publishedAt: at };
  });

  const storedDraft = (key: DashboardKey): Draft | undefined => {
    const row = findDraft.get(key.tenant, key.role, school(key));
    return row
      ? { dashboard: JSON.parse(row.document) as Dashboard, updatedBy: row.updated_by, updatedAt: row.updated_at, revision: row.revision }
      : undefined;
  };

  // The revision check and the write in one transaction: two admins saving at once cannot both pass the check.
  const putDraft = db.transaction((key: DashboardKey, dashboard: Dashboard, audit: AuditInput, expectedRevision?: number): Draft | StaleDraft => {
    if (expectedRevision !== undefined) {
      const stored = storedDraft(key);
      if ((stored?.revision ?? 0) !== expectedRevision) return { stale: true, latest: stored };
    }
    const at = now();
    const revision = record(audit, at);
    upsertDraft.run(key.tenant, key.role, school(key), canonicalJson(dashboard), audit.user, at, revision);
    return { dashboard, updatedBy: audit.user, updatedAt: at, revision };
  });

  const deleteDraft = db.transaction((key: DashboardKey, audit: AuditInput): boolean => {
    const removed = removeDraft.run(key.tenant, key.role, school(key)).changes > 0;
    if (removed) record(audit, now());
    return removed;
  });

  return {
    async seed(data) {
      try {
        return seed(data);
      } catch (error) {
        if (error instanceof SeedConflict) return error.report;
        throw error;
      }
    },
    async widgets() {
      return allWidgets.all().map((row) => JSON.parse(row.manifest) as WidgetManifest);
    },
    async tenants() {
      return allTenants.all().map((row) => JSON.parse(row.config) as TenantConfig);
    },
    async latestDashboard(key) {
      const row = latest.get(key.tenant, key.role, school(key));
      return row ? (JSON.parse(row.document) as Dashboard) : undefined;
    },
    async dashboardVersion(key, version) {
      const row = findVersion.get(key.tenant, key.role, school(key), version);
      return row ? (JSON.parse(row.document) as Dashboard) : undefined;
    },
    async dashboardHistory(key) {
      return history.all(key.tenant, key.role, school(key)).map(versionInfo);
    },
    async publishDashboard(dashboard, expectedVersion, audit, removeDraftToo) {
      return publishDashboard(dashboard, expectedVersion, audit, removeDraftToo);
    },
    async draft(key) {
      return storedDraft(key);
    },
    async putDraft(key, dashboard, audit, expectedRevision) {
      return putDraft(key, dashboard, audit, expectedRevision);
    },
    async deleteDraft(key, audit) {
      return deleteDraft(key, audit);
    },
    async recordAudit(audit) {
      record(audit, now());
    },
    async latestPolicy(tenant) {
      const row = latestPolicy.get(tenant);
      return row ? (JSON.parse(row.document) as TenantPolicy) : undefined;
    },
    async policyHistory(tenant) {
      return policyHistory.all(tenant).map(versionInfo);
    },
    async publishPolicy(policy, expectedVersion, audit) {
      return publishPolicy(policy, expectedVersion, audit);
    },
    async audit(query) {
      const where = ['tenant = ?'];
      const params: (string | number)[] = [query.tenant];
      if (query.user !== undefined) (where.push('user = ?'), params.push(query.user));
      if (query.action !== undefined) (where.push('action = ?'), params.push(query.action));
      if (query.widget !== undefined) (where.push('EXISTS (SELECT 1 FROM json_each(audit.widgets) WHERE value = ?)'), params.push(query.widget));
      if (query.from !== undefined) (where.push('at >= ?'), params.push(query.from));
      if (query.to !== undefined) (where.push('at < ?'), params.push(query.to));
      params.push(query.limit ?? 500);
      const rows = db.prepare<(string | number)[], AuditRow>(`SELECT * FROM audit WHERE ${where.join(' AND ')} ORDER BY id DESC LIMIT ?`).all(...params);
      return rows.map(
        (row): AuditEntry => ({
          id: row.id,
          at: row.at,
          tenant: row.tenant,
          user: row.user,
          userName: row.user_name,
          action: row.action as AuditEntry['action'],
          target: row.target,
          widgets: JSON.parse(row.widgets) as string[],
          before: JSON.parse(row.before) as unknown,
          after: JSON.parse(row.after) as unknown,
        }),
      );
    },
    async close() {
      db.close();
    },
  };
}

class SeedConflict extends Error {
  constructor(readonly report: SeedReport) {
    super('stored versions conflict');
  }
}
