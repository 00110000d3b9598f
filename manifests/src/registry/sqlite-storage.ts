/** {@link Storage} on SQLite (better-sqlite3): a file, or `:memory:` for a registry loaded afresh on each start. */
import Database from 'better-sqlite3';
import type { TenantConfig } from '@digione/sdk/identity';
import type { Dashboard } from '../generated/dashboard.v1.ts';
import type { WidgetManifest } from '../generated/widget-manifest.v1.ts';
import { canonicalJson, type DashboardKey, type SeedData, type SeedReport, type Storage } from './storage.ts';

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
`;

interface DocumentRow {
  document: string;
}

/** Opens (creating when needed) the registry database at `path`. */
export function openSqliteStorage(path: string): Storage {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.exec(SCHEMA);

  const insertWidget = db.prepare('INSERT INTO widgets (id, version, manifest) VALUES (?, ?, ?)');
  const insertTenant = db.prepare('INSERT INTO tenants (id, provider_oid, config) VALUES (?, ?, ?)');
  const findVersion = db.prepare<[string, string, string, number], DocumentRow>(
    'SELECT document FROM dashboards WHERE tenant = ? AND role = ? AND school = ? AND version = ?',
  );
  const insertDashboard = db.prepare(
    'INSERT INTO dashboards (tenant, role, school, version, document, published_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const latest = db.prepare<[string, string, string], DocumentRow>(
    'SELECT document FROM dashboards WHERE tenant = ? AND role = ? AND school = ? ORDER BY version DESC LIMIT 1',
  );
  const versions = db.prepare<[string, string, string], { version: number }>(
    'SELECT version FROM dashboards WHERE tenant = ? AND role = ? AND school = ? ORDER BY version',
  );
  const allWidgets = db.prepare<[], { manifest: string }>('SELECT manifest FROM widgets ORDER BY id');
  const allTenants = db.prepare<[], { config: string }>('SELECT config FROM tenants ORDER BY id');

  const seed = db.transaction((data: SeedData): SeedReport => {
    const conflicts: Dashboard[] = [];
    const now = new Date().toISOString();
    for (const dashboard of data.dashboards) {
      const document = canonicalJson(dashboard);
      const stored = findVersion.get(dashboard.tenant, dashboard.role, dashboard.school ?? '', dashboard.version);
      if (!stored) insertDashboard.run(dashboard.tenant, dashboard.role, dashboard.school ?? '', dashboard.version, document, now);
      else if (stored.document !== document) conflicts.push(dashboard);
    }
    if (conflicts.length > 0) {
      // Throwing rolls the transaction back; the caller gets the conflicts from the error.
      throw new SeedConflict(conflicts);
    }
    db.prepare('DELETE FROM widgets').run();
    for (const widget of data.widgets) insertWidget.run(widget.id, widget.version, JSON.stringify(widget));
    db.prepare('DELETE FROM tenants').run();
    for (const tenant of data.tenants) insertTenant.run(tenant.id, tenant.providerOid, JSON.stringify(tenant));
    return { conflicts };
  });

  const school = (key: DashboardKey): string => key.school ?? '';

  return {
    async seed(data) {
      try {
        return seed(data);
      } catch (error) {
        if (error instanceof SeedConflict) return { conflicts: error.conflicts };
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
    async dashboardVersions(key) {
      return versions.all(key.tenant, key.role, school(key)).map((row) => row.version);
    },
    async close() {
      db.close();
    },
  };
}

class SeedConflict extends Error {
  constructor(readonly conflicts: Dashboard[]) {
    super('dashboard versions conflict');
  }
}
