import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import Database from 'better-sqlite3';
import type { Dashboard } from '../types.ts';
import { openSqliteStorage } from './sqlite-storage.ts';
import type { AuditInput } from './storage.ts';

const dirs: string[] = [];
after(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

const v1: Dashboard = { tenant: 'demo', role: 'pupil', version: 1, layout: [{ instanceId: 'a', widget: 'acme.a', size: 's' }] };
const audit = (action: AuditInput['action'], widgets: string[] = []): AuditInput => ({
  tenant: 'demo',
  user: 'admin-1',
  userName: 'Aino',
  action,
  target: 'dashboards/pupil',
  widgets,
  before: null,
  after: null,
});

test('a publish needs the latest version the caller saw, and versions published by admins survive a restart and a re-seed', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'digione-storage-test-'));
  dirs.push(dir);
  const file = path.join(dir, 'registry.sqlite');
  const storage = openSqliteStorage(file);
  await storage.seed({ widgets: [], tenants: [], dashboards: [v1], policies: [] });
  const v2: Dashboard = { ...v1, version: 2, layout: [] };
  assert.deepEqual(await storage.publishDashboard(v2, 0, audit('dashboard.publish'), false), { stale: true, latest: 1 });
  assert.deepEqual(await storage.audit({ tenant: 'demo' }), [], 'a refused publish records nothing');
  const published = await storage.publishDashboard(v2, 1, audit('dashboard.publish', ['acme.a']), false);
  assert.equal('stale' in published, false);
  await storage.close();

  const reopened = openSqliteStorage(file);
  const report = await reopened.seed({ widgets: [], tenants: [], dashboards: [v1], policies: [] });
  assert.deepEqual(report, { conflicts: [], policyConflicts: [] });
  assert.deepEqual(await reopened.latestDashboard({ tenant: 'demo', role: 'pupil' }), v2);
  assert.deepEqual((await reopened.dashboardHistory({ tenant: 'demo', role: 'pupil' })).map((v) => [v.version, v.publishedBy]), [
    [1, 'manifests'],
    [2, 'admin-1'],
  ]);
  const entries = await reopened.audit({ tenant: 'demo', widget: 'acme.a' });
  assert.deepEqual(entries.map((e) => [e.action, e.widgets]), [['dashboard.publish', ['acme.a']]]);
  assert.deepEqual(await reopened.audit({ tenant: 'other' }), []);
  await reopened.close();
});

test('a database from before admin writes is upgraded in place', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'digione-storage-test-'));
  dirs.push(dir);
  const file = path.join(dir, 'old.sqlite');
  const old = new Database(file);
  old.exec(`CREATE TABLE dashboards (tenant TEXT NOT NULL, role TEXT NOT NULL, school TEXT NOT NULL DEFAULT '', version INTEGER NOT NULL,
    document TEXT NOT NULL, published_at TEXT NOT NULL, PRIMARY KEY (tenant, role, school, version))`);
  old.prepare('INSERT INTO dashboards VALUES (?, ?, ?, ?, ?, ?)').run('demo', 'pupil', '', 1, JSON.stringify(v1), '2026-01-01T00:00:00.000Z');
  old.close();
  const storage = openSqliteStorage(file);
  assert.deepEqual(await storage.dashboardHistory({ tenant: 'demo', role: 'pupil' }), [
    { version: 1, publishedBy: 'manifests', publishedAt: '2026-01-01T00:00:00.000Z' },
  ]);
  await storage.close();
});

test('a draft save naming a stale revision changes nothing, checked in the transaction that writes', async () => {
  const storage = openSqliteStorage(':memory:');
  const key = { tenant: 'demo', role: 'pupil' } as const;
  const first = await storage.putDraft(key, v1, audit('dashboard.draft.put'), 0);
  assert.ok(!('stale' in first) && first.revision > 0);
  // Two admins loaded `first`; both saves are issued before either is awaited.
  const [a, b] = await Promise.all([
    storage.putDraft(key, { ...v1, layout: [] }, { ...audit('dashboard.draft.put'), user: 'admin-2' }, first.revision),
    storage.putDraft(key, v1, { ...audit('dashboard.draft.put'), user: 'admin-3' }, first.revision),
  ]);
  assert.ok(!('stale' in a));
  assert.ok('stale' in b);
  assert.equal(b.latest?.updatedBy, 'admin-2');
  assert.equal((await storage.draft(key))?.revision, a.revision);
  assert.equal((await storage.audit({ tenant: 'demo' })).length, 2, 'the refused save recorded nothing');
  await storage.close();
});
