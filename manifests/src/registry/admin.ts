/**
 * Tenant admins' writes: dashboard drafts, publishing, rollback, the tenant policy and widget approvals, and the
 * audit log. Every write is checked by the same validator as `digione validate` and recorded (who, what, before,
 * after, when) in the same storage transaction as the write itself.
 */
import path from 'node:path';
import type { FastifyRequest } from 'fastify';
import type { PlatformUser, Role } from '@digione/sdk/identity';
import type { Dashboard } from '../generated/dashboard.v1.ts';
import type { TenantPolicy, WidgetApproval } from '../generated/tenant-policy.v1.ts';
import { SCHEMAS, isJsonObject, type Json } from '../schemas.ts';
import { isRemoval } from '../validate/checks.ts';
import { validateDocuments } from '../validate/validate.ts';
import { Problem } from './problem.ts';
import { canonicalJson, type AuditAction, type AuditInput, type DashboardKey, type Draft, type StaleDraft, type StaleVersion, type Storage, type VersionInfo } from './storage.ts';

/** How the routes reach the caller and the storage. */
export interface AdminContext {
  storage: Storage;
  user(request: FastifyRequest): Promise<PlatformUser>;
}

/** The caller, when they hold the admin role of `tenant`; 403 otherwise (also for a tenant that does not exist). */
export async function requireAdmin(context: AdminContext, request: FastifyRequest, tenant: string): Promise<PlatformUser> {
  const user = await context.user(request);
  if (!user.roles.some((r) => r.role === 'admin' && r.tenant === tenant)) {
    throw new Problem(403, 'forbidden', `only an admin of tenant \`${tenant}\` may do this`);
  }
  return user;
}

/** Where a dashboard would live as a file; issues name it, as `digione validate` would. */
export function dashboardFile(key: DashboardKey): string {
  return path.posix.join(SCHEMAS.dashboard.folder, key.tenant, ...(key.school ? [key.school] : []), `${key.role}.json`);
}

const policyFile = (tenant: string): string => path.posix.join(SCHEMAS.policy.folder, `${tenant}.json`);

/** The audit target of a dashboard key. */
export function dashboardTarget(key: DashboardKey): string {
  return `dashboards/${key.role}${key.school ? `@${key.school}` : ''}`;
}

function widgetsOfDashboard(dashboard: Dashboard | undefined): Map<string, string> {
  const byWidget = new Map<string, string[]>();
  for (const entry of dashboard?.layout ?? []) {
    if (isRemoval(entry)) continue;
    byWidget.set(entry.widget, [...(byWidget.get(entry.widget) ?? []), canonicalJson(entry)]);
  }
  return new Map([...byWidget].map(([id, entries]) => [id, entries.join('\n')]));
}

/** Widget ids whose placements differ between two dashboards. */
export function changedWidgets(before: Dashboard | undefined, after: Dashboard | undefined): string[] {
  const a = widgetsOfDashboard(before);
  const b = widgetsOfDashboard(after);
  return [...new Set([...a.keys(), ...b.keys()])].filter((id) => a.get(id) !== b.get(id)).sort();
}

/** Widget ids whose approvals differ between two policies. */
export function changedApprovals(before: TenantPolicy | undefined, after: TenantPolicy | undefined): string[] {
  const a = before?.widgets ?? {};
  const b = after?.widgets ?? {};
  return [...new Set([...Object.keys(a), ...Object.keys(b)])]
    .filter((id) => canonicalJson(a[id] ?? null) !== canonicalJson(b[id] ?? null))
    .sort();
}

function audit(user: PlatformUser, tenant: string, action: AuditAction, target: string, widgets: string[], before: unknown, after: unknown): AuditInput {
  return { tenant, user: user.id, userName: user.displayName, action, target, widgets, before: before ?? null, after: after ?? null };
}

function stale(result: VersionInfo | StaleVersion): result is StaleVersion {
  return 'stale' in result;
}

function conflict(latest: number, expected: number): Problem {
  return new Problem(409, 'conflict', `version ${latest} is the latest, not ${expected}: another admin published first; reload and try again`, {
    latestVersion: latest,
  });
}

/** Validates documents as the CLI would; a 422 with every issue otherwise. */
async function validated(storage: Storage, file: string, value: Json, tenantDashboard?: Dashboard): Promise<void> {
  const tenants = await storage.tenants();
  const policies = (await Promise.all(tenants.map((t) => storage.latestPolicy(t.id)))).filter((p): p is TenantPolicy => p !== undefined);
  const result = await validateDocuments([{ file, value }], {
    widgets: await storage.widgets(),
    tenants,
    policies,
    dashboards: tenantDashboard ? [tenantDashboard] : [],
  });
  if (!result.valid) {
    const n = result.issues.length;
    throw new Problem(422, 'invalid-document', `${file} has ${n} ${n === 1 ? 'error' : 'errors'}; \`issues\` lists each`, {
      issues: result.issues,
    });
  }
}

/** The key of a dashboard route. */
export function dashboardKey(params: { tenant: string; role: Role }, school: string | undefined): DashboardKey {
  return { tenant: params.tenant, role: params.role, ...(school ? { school } : {}) };
}

async function validatedDashboard(storage: Storage, key: DashboardKey, dashboard: Dashboard): Promise<void> {
  const base = key.school ? await storage.latestDashboard({ tenant: key.tenant, role: key.role }) : undefined;
  await validated(storage, dashboardFile(key), dashboard as unknown as Json, base);
}

/**
 * A draft save refused: the draft the caller loaded was saved over (or discarded) by someone else. The answer names
 * the stored draft's revision (0 when there is none), who saved it and when, so that the editor can say so.
 */
function draftConflict(latest: Draft | undefined, expected: number): Problem {
  const now = latest ? `revision ${latest.revision}, saved by ${latest.updatedBy} at ${latest.updatedAt}` : 'discarded';
  return new Problem(409, 'conflict', `the draft is ${now}, not revision ${expected}: another admin changed it; reload and try again`, {
    latestRevision: latest?.revision ?? 0,
    ...(latest ? { updatedBy: latest.updatedBy, updatedAt: latest.updatedAt } : {}),
  });
}

function staleDraft(result: Draft | StaleDraft): result is StaleDraft {
  return 'stale' in result;
}

/**
 * `PUT …/draft`: the body completed from the path, validated, stored. With `expectedRevision` (the draft's revision
 * the caller loaded, 0 for none) the save is refused with a 409 when the stored draft is another one by then; the
 * check is made in the storage transaction that writes.
 */
export async function putDraft(storage: Storage, user: PlatformUser, key: DashboardKey, body: unknown, expectedRevision?: number) {
  if (!isJsonObject(body as Json)) throw new Problem(400, 'bad-request', 'the body must be a dashboard object');
  const latest = await storage.latestDashboard(key);
  // The version a draft would get; publishing sets it again, from what is latest then.
  const document = {
    tenant: key.tenant,
    role: key.role,
    ...(key.school ? { school: key.school } : {}),
    ...(body as Record<string, unknown>),
    version: (latest?.version ?? 0) + 1,
  } as Dashboard;
  delete (document as { $schema?: string }).$schema;
  await validatedDashboard(storage, key, document);
  const before = await storage.draft(key);
  if (expectedRevision !== undefined && (before?.revision ?? 0) !== expectedRevision) throw draftConflict(before, expectedRevision);
  const result = await storage.putDraft(
    key,
    document,
    audit(user, key.tenant, 'dashboard.draft.put', dashboardTarget(key), changedWidgets(before?.dashboard ?? latest, document), before?.dashboard, document),
    // Checked again where it is written: another save may have landed while this one was validated.
    expectedRevision ?? before?.revision ?? 0,
  );
  if (staleDraft(result)) throw draftConflict(result.latest, expectedRevision ?? before?.revision ?? 0);
  return result;
}

export async function deleteDraft(storage: Storage, user: PlatformUser, key: DashboardKey): Promise<void> {
  const before = await storage.draft(key);
  const removed =
    before !== undefined &&
    (await storage.deleteDraft(
      key,
      audit(user, key.tenant, 'dashboard.draft.delete', dashboardTarget(key), changedWidgets(before.dashboard, await storage.latestDashboard(key)), before.dashboard, null),
    ));
  if (!removed) throw new Problem(404, 'not-found', `the ${dashboardTarget(key)} dashboard of tenant \`${key.tenant}\` has no draft`);
}

async function publishVersion(
  storage: Storage,
  user: PlatformUser,
  key: DashboardKey,
  layoutSource: Dashboard,
  expectedVersion: number,
  action: 'dashboard.publish' | 'dashboard.rollback',
) {
  const latest = await storage.latestDashboard(key);
  const current = latest?.version ?? 0;
  if (current !== expectedVersion) throw conflict(current, expectedVersion);
  const { $schema: _schema, ...rest } = layoutSource as Dashboard & { $schema?: string };
  const dashboard: Dashboard = { ...rest, tenant: key.tenant, role: key.role, version: current + 1 };
  await validatedDashboard(storage, key, dashboard);
  const result = await storage.publishDashboard(
    dashboard,
    expectedVersion,
    audit(user, key.tenant, action, dashboardTarget(key), changedWidgets(latest, dashboard), latest, dashboard),
    action === 'dashboard.publish',
  );
  if (stale(result)) throw conflict(result.latest, expectedVersion);
  return { ...result, dashboard };
}

/** `POST …/publish`: the draft becomes version N+1. */
export async function publishDraft(storage: Storage, user: PlatformUser, key: DashboardKey, expectedVersion: number) {
  const draft = await storage.draft(key);
  if (!draft) throw new Problem(404, 'not-found', `the ${dashboardTarget(key)} dashboard of tenant \`${key.tenant}\` has no draft to publish`);
  return publishVersion(storage, user, key, draft.dashboard, expectedVersion, 'dashboard.publish');
}

/** `POST …/rollback`: a new version whose content is exactly version `toVersion`'s. */
export async function rollback(storage: Storage, user: PlatformUser, key: DashboardKey, toVersion: number, expectedVersion: number) {
  const earlier = await storage.dashboardVersion(key, toVersion);
  if (!earlier) throw new Problem(404, 'not-found', `the ${dashboardTarget(key)} dashboard of tenant \`${key.tenant}\` has no version ${toVersion}`);
  return publishVersion(storage, user, key, earlier, expectedVersion, 'dashboard.rollback');
}

async function publishPolicy(storage: Storage, user: PlatformUser, policy: TenantPolicy, action: AuditAction) {
  const latest = await storage.latestPolicy(policy.tenant);
  const current = latest?.version ?? 0;
  if (policy.version !== current + 1) throw conflict(current, policy.version - 1);
  await validated(storage, policyFile(policy.tenant), policy as unknown as Json);
  const result = await storage.publishPolicy(
    policy,
    current,
    audit(user, policy.tenant, action, 'policy', changedApprovals(latest, policy), latest, policy),
  );
  if (stale(result)) throw conflict(result.latest, current);
  return { ...result, policy };
}

/** `PUT …/policy`: the body is the next version of the policy. */
export async function putPolicy(storage: Storage, user: PlatformUser, tenant: string, body: unknown) {
  if (!isJsonObject(body as Json)) throw new Problem(400, 'bad-request', 'the body must be a policy object');
  const { $schema: _schema, ...document }: Record<string, unknown> = { tenant, ...(body as Record<string, unknown>) };
  if (typeof document['version'] !== 'number') {
    await validated(storage, policyFile(tenant), document as Json);
  }
  return publishPolicy(storage, user, document as unknown as TenantPolicy, 'policy.put');
}

async function currentPolicy(storage: Storage, tenant: string, expectedVersion: number): Promise<TenantPolicy> {
  const latest = await storage.latestPolicy(tenant);
  if (!latest) throw new Problem(404, 'not-found', `tenant \`${tenant}\` has no policy yet: PUT one first`);
  if (latest.version !== expectedVersion) throw conflict(latest.version, expectedVersion);
  return latest;
}

/** `PUT …/policy/widgets/{id}`: approve (or change the approval of) one widget. */
export async function approveWidget(
  storage: Storage,
  user: PlatformUser,
  tenant: string,
  widget: string,
  body: WidgetApproval & { expectedVersion: number },
) {
  const { expectedVersion, ...approval } = body;
  const latest = await currentPolicy(storage, tenant, expectedVersion);
  const policy: TenantPolicy = { ...latest, version: latest.version + 1, widgets: { ...latest.widgets, [widget]: approval } };
  return publishPolicy(storage, user, policy, 'policy.widget.put');
}

/** `DELETE …/policy/widgets/{id}`: revoke one widget's approval. */
export async function revokeWidget(storage: Storage, user: PlatformUser, tenant: string, widget: string, expectedVersion: number) {
  const latest = await currentPolicy(storage, tenant, expectedVersion);
  if (!latest.widgets[widget]) throw new Problem(404, 'not-found', `tenant \`${tenant}\` has not approved \`${widget}\``);
  const { [widget]: _revoked, ...widgets } = latest.widgets;
  return publishPolicy(storage, user, { ...latest, version: latest.version + 1, widgets }, 'policy.widget.delete');
}
