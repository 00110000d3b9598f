import createClient from 'openapi-fetch';
import { PlatformApiError, type PlatformComponents, type PlatformPaths, type Role } from '@digione/sdk';
import type {
  Dashboard,
  RegistryComponents,
  RegistryPaths,
  TenantPolicy,
  WidgetApproval,
  WidgetManifest,
} from '@digione/manifests/types';
import { AUDIT_ACTIONS as REGISTRY_AUDIT_ACTIONS } from '@digione/manifests/audit-actions';
import { config } from '../config.js';
import { authorizedFetch } from '../platform/registry.js';

/**
 * The registry's admin API (manifests/openapi/registry-api.yaml, "Registry admin API" in manifests/README.md), typed
 * by the generated `RegistryPaths`. The admin views and the dashboard composer (shell/src/admin/composer/) share it.
 * Every function throws a {@link PlatformApiError}: status 0 when the registry could not be reached, 403 for a
 * caller who is not the tenant's admin, 409 `conflict` (see {@link conflictVersion}) when another admin published
 * first, 422 `invalid-document` (see {@link validationIssues}) when the validator refused the document.
 */

export type { Dashboard, TenantPolicy, WidgetApproval, WidgetManifest };
type Schemas = RegistryComponents['schemas'];
// The contract describes the documents (dashboard, policy) loosely: their JSON Schemas in manifests/schemas are the
// one declaration, so the answers are typed by the generated document types.
/** A draft as stored: the dashboard document, and who saved it when. */
export type Draft = Omit<Schemas['Draft'], 'dashboard'> & { dashboard: Dashboard };
/** One published version of a dashboard or a policy. */
export type VersionInfo = Schemas['VersionInfo'];
/** The answer to publish and rollback. */
export type PublishedDashboard = Omit<Schemas['PublishedDashboard'], 'dashboard'> & { dashboard: Dashboard };
/** The answer to every policy write. */
export type PublishedPolicy = Omit<Schemas['PublishedPolicy'], 'policy'> & { policy: TenantPolicy };
/** One audit log entry. */
export type AuditEntry = Schemas['AuditEntry'];
/** The audited write actions. */
export type AuditAction = Schemas['AuditAction'];
/** One validation problem of a refused document: `pointer` is the JSON Pointer of the field. */
export type ValidationIssue = Schemas['ValidationIssue'];
/** The integration levels a tenant can allow. */
export type IntegrationLevel = WidgetApproval['integration'];

/** Every audit action, in the registry's order (for filters): the list the registry records them from. */
export const AUDIT_ACTIONS: readonly AuditAction[] = REGISTRY_AUDIT_ACTIONS;

/** Which dashboard: the tenant's of a role, or (with `school`) a school's refinement of it. */
export interface DashboardRef {
  tenant: string;
  role: Role;
  /** The school's OID, for a school's dashboard. */
  school?: string;
}

/** The audit log filters; all but `tenant` optional. `from` is inclusive, `to` exclusive (ISO 8601 times). */
export interface AuditQuery {
  tenant: string;
  user?: string;
  action?: AuditAction;
  widget?: string;
  from?: string;
  to?: string;
}

// Admin answers change with every write: never show a cached copy. (`cache: 'no-store'`, not a Cache-Control request
// header: the registry's CORS allows no such header, and the preflight would fail.)
const client = createClient<RegistryPaths>({ baseUrl: config.registryUrl.replace(/\/$/, ''), fetch: authorizedFetch({ cache: 'no-store' }) });

/** The platform API (the sandbox in development), for the tenant's schools; the shell's own token, as for the registry. */
const platform = createClient<PlatformPaths>({ baseUrl: config.apiUrl.replace(/\/$/, ''), fetch: authorizedFetch({ cache: 'no-store' }) });

/** The body of a successful answer (error answers were thrown in the client's fetch). */
function answered<T>(data: T | undefined, path: string): T {
  if (data === undefined) throw new Error(`registry: ${path} answered without a body`);
  return data;
}

function dashboardParams(ref: DashboardRef) {
  return {
    path: { tenant: ref.tenant, role: ref.role },
    query: ref.school === undefined ? {} : { school: ref.school },
  };
}

/** With a 409 `conflict`: the version another admin published; otherwise undefined. */
export function conflictVersion(error: unknown): number | undefined {
  if (!(error instanceof PlatformApiError) || error.status !== 409) return undefined;
  const latest = (error.problem as { latestVersion?: unknown } | undefined)?.latestVersion;
  return typeof latest === 'number' ? latest : -1;
}

/** Who saved the draft over the one an editor loaded (a draft save's 409); `discarded` when it is gone. */
export type DraftConflict = { updatedBy: string; updatedAt: string } | 'discarded';

/** With a draft save's 409 `conflict`: whose draft is stored now; otherwise undefined. */
export function draftConflict(error: unknown): DraftConflict | undefined {
  if (!(error instanceof PlatformApiError) || error.status !== 409) return undefined;
  const problem = (error.problem ?? {}) as { updatedBy?: unknown; updatedAt?: unknown };
  return typeof problem.updatedBy === 'string' && typeof problem.updatedAt === 'string'
    ? { updatedBy: problem.updatedBy, updatedAt: problem.updatedAt }
    : 'discarded';
}

/** With a 422 `invalid-document`: every issue the validator found; otherwise undefined. */
export function validationIssues(error: unknown): ValidationIssue[] | undefined {
  if (!(error instanceof PlatformApiError) || error.status !== 422) return undefined;
  const issues = (error.problem as { issues?: unknown } | undefined)?.issues;
  return Array.isArray(issues) ? (issues as ValidationIssue[]) : [];
}

/** Every widget in the registry's catalogue (not only the tenant's approved ones). */
export async function fetchCatalogue(): Promise<WidgetManifest[]> {
  const { data } = await client.GET('/v1/catalogue');
  // The contract describes manifests loosely: schemas/widget-manifest.v1.json is their one declaration.
  return answered(data, '/v1/catalogue').widgets as WidgetManifest[];
}

/** The tenant's current policy (approvals and theme). */
export async function fetchPolicy(tenant: string): Promise<TenantPolicy> {
  const { data } = await client.GET('/v1/admin/tenants/{tenant}/policy', { params: { path: { tenant } } });
  return answered(data, 'policy') as unknown as TenantPolicy;
}

/** Publishes `policy` (whose `version` must be the latest + 1) as the tenant's new policy. */
export async function putPolicy(policy: TenantPolicy): Promise<PublishedPolicy> {
  const { data } = await client.PUT('/v1/admin/tenants/{tenant}/policy', {
    params: { path: { tenant: policy.tenant } },
    body: policy as unknown as Record<string, never>,
  });
  return answered(data, 'policy') as unknown as PublishedPolicy;
}

/** The tenant's policy versions, oldest first. */
export async function fetchPolicyVersions(tenant: string): Promise<VersionInfo[]> {
  const { data } = await client.GET('/v1/admin/tenants/{tenant}/policy/versions', { params: { path: { tenant } } });
  return answered(data, 'policy/versions').versions;
}

/** Approves `widgetId` (or changes its approval) as a new policy version; `expectedVersion` is the policy seen. */
export async function approveWidget(
  tenant: string,
  widgetId: string,
  approval: WidgetApproval,
  expectedVersion: number,
): Promise<PublishedPolicy> {
  const { data } = await client.PUT('/v1/admin/tenants/{tenant}/policy/widgets/{widgetId}', {
    params: { path: { tenant, widgetId } },
    body: { versions: approval.versions, scopes: approval.scopes, integration: approval.integration, expectedVersion },
  });
  return answered(data, 'policy/widgets') as unknown as PublishedPolicy;
}

/** Revokes `widgetId`'s approval as a new policy version (takes effect on users' dashboards at once). */
export async function revokeWidget(tenant: string, widgetId: string, expectedVersion: number): Promise<PublishedPolicy> {
  const { data } = await client.DELETE('/v1/admin/tenants/{tenant}/policy/widgets/{widgetId}', {
    params: { path: { tenant, widgetId }, query: { expectedVersion } },
  });
  return answered(data, 'policy/widgets') as unknown as PublishedPolicy;
}

/** The stored draft of a dashboard, or undefined when there is none. */
export async function fetchDraft(ref: DashboardRef): Promise<Draft | undefined> {
  try {
    const { data } = await client.GET('/v1/admin/tenants/{tenant}/dashboards/{role}/draft', {
      params: dashboardParams(ref),
    });
    return answered(data, 'draft') as unknown as Draft;
  } catch (error) {
    if (error instanceof PlatformApiError && error.status === 404) return undefined;
    throw error;
  }
}

/**
 * Validates and stores `dashboard` as the draft; `tenant`, `role`, `school` and `version` may be left out (the path
 * gives them). `expectedRevision` is the revision of the draft the editor loaded (0: none): when another admin saved
 * or discarded it since, the registry refuses with 409 ({@link draftConflict}). A 422 carries every issue
 * ({@link validationIssues}).
 */
export async function saveDraft(ref: DashboardRef, dashboard: Partial<Dashboard>, expectedRevision: number): Promise<Draft> {
  const params = dashboardParams(ref);
  const { data } = await client.PUT('/v1/admin/tenants/{tenant}/dashboards/{role}/draft', {
    params: { ...params, query: { ...params.query, expectedRevision } },
    body: dashboard as Record<string, never>,
  });
  return answered(data, 'draft') as unknown as Draft;
}

/** Discards the draft (a missing draft is not an error). */
export async function discardDraft(ref: DashboardRef): Promise<void> {
  try {
    await client.DELETE('/v1/admin/tenants/{tenant}/dashboards/{role}/draft', { params: dashboardParams(ref) });
  } catch (error) {
    if (error instanceof PlatformApiError && error.status === 404) return;
    throw error;
  }
}

/** Publishes the draft as version `expectedVersion + 1` (validated again); the draft is then discarded. */
export async function publishDraft(ref: DashboardRef, expectedVersion: number): Promise<PublishedDashboard> {
  const { data } = await client.POST('/v1/admin/tenants/{tenant}/dashboards/{role}/publish', {
    params: dashboardParams(ref),
    body: { expectedVersion },
  });
  return answered(data, 'publish') as unknown as PublishedDashboard;
}

/** The published versions of a dashboard, oldest first (empty when none is published). */
export async function fetchVersions(ref: DashboardRef): Promise<VersionInfo[]> {
  const { data } = await client.GET('/v1/admin/tenants/{tenant}/dashboards/{role}/versions', {
    params: dashboardParams(ref),
  });
  return answered(data, 'versions').versions;
}

/** One published version of a dashboard. */
export async function fetchVersion(ref: DashboardRef, version: number): Promise<Dashboard> {
  const params = dashboardParams(ref);
  const { data } = await client.GET('/v1/admin/tenants/{tenant}/dashboards/{role}/versions/{version}', {
    params: { ...params, path: { ...params.path, version } },
  });
  return answered(data, 'versions/{version}') as unknown as Dashboard;
}

/** Publishes a new version whose content is exactly `toVersion`'s; `expectedVersion` is the latest seen. */
export async function rollback(ref: DashboardRef, toVersion: number, expectedVersion: number): Promise<PublishedDashboard> {
  const { data } = await client.POST('/v1/admin/tenants/{tenant}/dashboards/{role}/rollback', {
    params: dashboardParams(ref),
    body: { toVersion, expectedVersion },
  });
  return answered(data, 'rollback') as unknown as PublishedDashboard;
}

/** The tenant's audit log, newest first (at most 500 entries), filtered. */
export async function fetchAudit(query: AuditQuery): Promise<AuditEntry[]> {
  const { data } = await client.GET('/v1/admin/audit', { params: { query } });
  return answered(data, 'audit').entries;
}

/** A school of the tenant, as the platform API's directory describes it. */
export type School = PlatformComponents['schemas']['Organisation'];

/**
 * The tenant's schools, by school code: the ones whose dashboards may refine the tenant's (`?school=`). The
 * platform API's directory lists the organisations of the caller's tenants; one page is every school of a tenant.
 */
export async function fetchSchools(tenant: string): Promise<School[]> {
  const { data } = await platform.GET('/v1/organisations', { params: { query: { kind: 'school', limit: 100 } } });
  return answered(data, '/v1/organisations').items.filter((organisation) => organisation.tenant === tenant);
}
