/** Rules no single JSON Schema can state: references between documents, uniqueness, names that match content. */
import path from 'node:path';
import type { ValidateFunction } from 'ajv/dist/2020.js';
import semver from 'semver';
import type { Dashboard, DashboardInstance, DashboardRemoval } from '../generated/dashboard.v1.ts';
import type { Tenant } from '../generated/tenant.v1.ts';
import type { TenantPolicy, WidgetApproval } from '../generated/tenant-policy.v1.ts';
import type { WidgetManifest } from '../generated/widget-manifest.v1.ts';
import { didYouMean } from './hints.ts';
import { pointerOf, type ValidationIssue } from './issues.ts';
import type { Placement } from './documents.ts';
import { configAjv } from './schema-check.ts';
import { describeSchemaErrors } from './schema-errors.ts';
import { themeContrastIssues } from './theme.ts';

/** A document its schema accepted, and the file it came from. */
export interface Located<T> {
  file: string;
  document: T;
  placement?: Placement;
}

/** Every document the schemas accepted, by kind. */
export interface ValidDocuments {
  widgets: Located<WidgetManifest>[];
  dashboards: Located<Dashboard>[];
  tenants: Located<Tenant>[];
  policies: Located<TenantPolicy>[];
}

/** What the cross-document rules know beyond the valid documents. */
export interface CheckContext {
  /** Whether any catalogue was read: without one, widget references cannot be checked. */
  catalogueRead: boolean;
  /** Whether any tenants folder was read. */
  tenantsRead: boolean;
  /** Ids of widgets whose manifests exist but failed their schema (already reported; not reported again). */
  brokenWidgetIds: ReadonlySet<string>;
  /** Ids of tenants whose files exist but failed their schema. */
  brokenTenantIds: ReadonlySet<string>;
  /** Whether any policies folder was read: without one, approvals cannot be checked. */
  policiesRead: boolean;
  /** Tenants whose policy files exist but failed their schema. */
  brokenPolicyTenants: ReadonlySet<string>;
}

/** A removal entry of a school's dashboard, rather than a placed widget. */
export function isRemoval(entry: DashboardInstance | DashboardRemoval): entry is DashboardRemoval {
  return 'remove' in entry;
}

/** How far into the page each integration level runs; a policy allows its level and every lower one. */
export const INTEGRATION_RANK: Readonly<Record<WidgetManifest['kind'], number>> = { link: 0, iframe: 1, module: 2 };

/**
 * The kind a widget runs as under `approval`: its own, or `link` when the tenant grants only `link` and the
 * manifest names the vendor's own page (`service`) for a link tile to open. No code of the widget runs then.
 */
export function servedKind(widget: WidgetManifest, approval: Pick<WidgetApproval, 'integration'>): WidgetManifest['kind'] {
  return approval.integration === 'link' && widget.kind !== 'link' && widget.service ? 'link' : widget.kind;
}

/** Why the tenant's policy does not let `widget` run, or undefined when it does (scopes aside). */
export function approvalRefusal(
  widget: WidgetManifest,
  approval: WidgetApproval | undefined,
  tenant: string,
): { code: 'widget-not-approved' | 'version-not-approved' | 'integration-not-allowed'; reason: string } | undefined {
  if (!approval) return { code: 'widget-not-approved', reason: `widget \`${widget.id}\` is not approved by tenant \`${tenant}\`'s policy` };
  if (!semver.satisfies(widget.version, approval.versions, { includePrerelease: false })) {
    return {
      code: 'version-not-approved',
      reason: `tenant \`${tenant}\` approves \`${widget.id}\` versions \`${approval.versions}\`; the catalogue has ${widget.version}`,
    };
  }
  if (INTEGRATION_RANK[servedKind(widget, approval)] > INTEGRATION_RANK[approval.integration]) {
    return {
      code: 'integration-not-allowed',
      reason: `widget \`${widget.id}\` runs as \`${widget.kind}\`, but tenant \`${tenant}\` allows it only as \`${approval.integration}\``,
    };
  }
  return undefined;
}

const list = (values: readonly string[]): string => values.map((v) => `\`${v}\``).join(', ');

function fileNameIssue(located: Located<{ id: string }>, what: string): ValidationIssue | undefined {
  const name = located.placement?.below.at(-1);
  const expected = `${located.document.id}.json`;
  if (name === undefined || name === expected) return undefined;
  return {
    file: located.file,
    pointer: '/id',
    code: 'misplaced',
    reason: `the file is named \`${name}\` but the ${what} id is \`${located.document.id}\``,
    hint: `rename the file to \`${expected}\`, or fix the id`,
  };
}

/** Compiles a widget's config schema; reports why it cannot be used. */
function compileConfig(widget: Located<WidgetManifest>, issues: ValidationIssue[]): ValidateFunction | undefined {
  const schema = widget.document.config;
  if (schema === undefined) return undefined;
  const at = '/config';
  if (schema['type'] !== 'object') {
    issues.push({
      file: widget.file,
      pointer: pointerOf(at, 'type'),
      code: 'invalid-config-schema',
      reason: 'must be `"object"`: a widget instance\'s config is an object',
      hint: 'describe the config as { "type": "object", "properties": { ... } }',
    });
    return undefined;
  }
  const ajv = configAjv();
  if (!ajv.validateSchema(schema)) {
    for (const issue of describeSchemaErrors(ajv.errors, at)) {
      issues.push({ file: widget.file, code: 'invalid-config-schema', ...issue, reason: `not a valid JSON Schema: ${issue.reason}` });
    }
    return undefined;
  }
  try {
    return ajv.compile(schema);
  } catch (error) {
    issues.push({ file: widget.file, pointer: at, code: 'invalid-config-schema', reason: `cannot be compiled: ${(error as Error).message}` });
    return undefined;
  }
}

function checkWidgets(widgets: readonly Located<WidgetManifest>[], issues: ValidationIssue[]): Map<string, { widget: WidgetManifest; config?: ValidateFunction }> {
  const byId = new Map<string, { widget: WidgetManifest; file: string; config?: ValidateFunction }>();
  for (const located of widgets) {
    const { document: widget, file } = located;
    const nameIssue = fileNameIssue(located, 'widget');
    if (nameIssue) issues.push(nameIssue);
    const [vendorPart = '', namePart = ''] = widget.id.split('.');
    if (vendorPart !== widget.vendor.id) {
      issues.push({
        file,
        pointer: '/vendor/id',
        code: 'vendor-mismatch',
        reason: `widget id \`${widget.id}\` belongs to vendor \`${vendorPart}\`, but vendor.id is \`${widget.vendor.id}\``,
        hint: `a vendor publishes only its own ids: use \`${widget.vendor.id}.${namePart}\` or vendor.id \`${vendorPart}\``,
      });
    }
    const earlier = byId.get(widget.id);
    if (earlier) {
      issues.push({
        file,
        pointer: '/id',
        code: 'duplicate-widget',
        reason: `widget id \`${widget.id}\` is already declared in ${earlier.file}`,
        hint: 'each widget has exactly one manifest; raise `version` in the existing one instead',
      });
      continue;
    }
    const config = compileConfig(located, issues);
    byId.set(widget.id, { widget, file, ...(config ? { config } : {}) });
  }
  return byId;
}

function checkTenants(tenants: readonly Located<Tenant>[], issues: ValidationIssue[]): Set<string> {
  const ids = new Map<string, string>();
  const oids = new Map<string, string>();
  for (const located of tenants) {
    const { document: tenant, file } = located;
    const nameIssue = fileNameIssue(located, 'tenant');
    if (nameIssue) issues.push(nameIssue);
    const sameId = ids.get(tenant.id);
    if (sameId) {
      issues.push({ file, pointer: '/id', code: 'duplicate-tenant', reason: `tenant id \`${tenant.id}\` is already declared in ${sameId}` });
    } else {
      ids.set(tenant.id, file);
    }
    const sameOid = oids.get(tenant.providerOid);
    if (sameOid) {
      issues.push({
        file,
        pointer: '/providerOid',
        code: 'duplicate-tenant',
        reason: `provider OID ${tenant.providerOid} already belongs to the tenant in ${sameOid}`,
        hint: 'one education provider is one tenant',
      });
    } else {
      oids.set(tenant.providerOid, file);
    }
  }
  return new Set(ids.keys());
}

/** dashboards/<tenant>/<role>.json or dashboards/<tenant>/<school OID>/<role>.json must agree with the content. */
function placementIssues(located: Located<Dashboard>): ValidationIssue[] {
  const below = located.placement?.below;
  if (!below || below.length < 2 || below.length > 3) return [];
  const { document: dashboard, file } = located;
  const expected: [string, string | undefined, string | undefined][] = [
    ['/tenant', below[0], dashboard.tenant],
    ['/role', path.basename(below.at(-1) ?? '', '.json'), dashboard.role],
    ['/school', below.length === 3 ? below[1] : undefined, dashboard.school],
  ];
  return expected
    .filter(([, fromPath, fromContent]) => fromPath !== fromContent)
    .map(([pointer, fromPath, fromContent]) => ({
      file,
      pointer,
      code: 'misplaced' as const,
      reason: `the file's path says ${fromPath === undefined ? 'no school' : `\`${fromPath}\``} but the dashboard says ${fromContent === undefined ? 'none' : `\`${fromContent}\``}`,
      hint: 'dashboards live at dashboards/<tenant>/<role>.json, or dashboards/<tenant>/<school OID>/<role>.json for one school',
    }));
}

function checkPolicies(
  policies: readonly Located<TenantPolicy>[],
  widgets: ReadonlyMap<string, { widget: WidgetManifest }>,
  tenantIds: ReadonlySet<string>,
  context: CheckContext,
  issues: ValidationIssue[],
): Map<string, Located<TenantPolicy>> {
  const byTenant = new Map<string, Located<TenantPolicy>>();
  for (const located of policies) {
    const { document: policy, file } = located;
    const name = located.placement?.below.at(-1);
    if (name !== undefined && located.placement?.below.length === 1 && name !== `${policy.tenant}.json`) {
      issues.push({
        file,
        pointer: '/tenant',
        code: 'misplaced',
        reason: `the file is named \`${name}\` but the policy is for tenant \`${policy.tenant}\``,
        hint: `rename the file to \`${policy.tenant}.json\`, or fix the tenant`,
      });
    }
    const earlier = byTenant.get(policy.tenant);
    if (earlier) {
      issues.push({
        file,
        pointer: '/tenant',
        code: 'duplicate-policy',
        reason: `tenant \`${policy.tenant}\` already has its policy in ${earlier.file}`,
        hint: 'keep one policy file per tenant; a change raises `version`',
      });
    } else {
      byTenant.set(policy.tenant, located);
    }
    issues.push(...themeContrastIssues(policy, file));
    if (context.tenantsRead && !tenantIds.has(policy.tenant) && !context.brokenTenantIds.has(policy.tenant)) {
      issues.push({
        file,
        pointer: '/tenant',
        code: 'unknown-tenant',
        reason: `no tenant \`${policy.tenant}\` in tenants/`,
        hint: didYouMean(policy.tenant, tenantIds) ?? `add tenants/${policy.tenant}.json first`,
      });
    }
    for (const [id, approval] of Object.entries(policy.widgets)) {
      if (!approval) continue;
      const at = pointerOf('/widgets', id);
      if (semver.validRange(approval.versions) === null) {
        issues.push({
          file,
          pointer: pointerOf(at, 'versions'),
          code: 'invalid-range',
          reason: `\`${approval.versions}\` is not a semver range npm understands`,
          hint: 'write an exact version such as 1.2.3 or a range such as ^1.2.0',
        });
      }
      if (!context.catalogueRead || context.brokenWidgetIds.has(id)) continue;
      const entry = widgets.get(id);
      if (!entry) {
        issues.push({
          file,
          pointer: at,
          code: 'unknown-widget',
          reason: `no widget \`${id}\` in the catalogue`,
          hint: didYouMean(id, widgets.keys()) ?? 'add its manifest to catalogue/ first',
        });
        continue;
      }
      approval.scopes.forEach((scope, i) => {
        if (entry.widget.scopes.includes(scope)) return;
        issues.push({
          file,
          pointer: pointerOf(at, 'scopes', i),
          code: 'scope-not-declared',
          reason: `widget \`${id}\` does not ask for scope \`${scope}\`; its manifest lists ${entry.widget.scopes.length > 0 ? list(entry.widget.scopes) : 'none'}`,
          hint: didYouMean(scope, entry.widget.scopes) ?? 'grant only scopes the widget declares',
        });
      });
    }
  }
  return byTenant;
}

/** The tenant dashboard a school's dashboard refines: the highest version for its tenant and role. */
function tenantDashboardOf(dashboard: Dashboard, dashboards: readonly Located<Dashboard>[]): Dashboard | undefined {
  let found: Dashboard | undefined;
  for (const { document: d } of dashboards) {
    if (d.tenant === dashboard.tenant && d.role === dashboard.role && d.school === undefined && (!found || d.version > found.version)) found = d;
  }
  return found;
}

/** The rules across documents; every issue names the file and field it is about. */
export function crossCheck(documents: ValidDocuments, context: CheckContext): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const widgets = checkWidgets(documents.widgets, issues);
  const tenantIds = checkTenants(documents.tenants, issues);
  const policies = checkPolicies(documents.policies, widgets, tenantIds, context, issues);
  const versions = new Map<string, string>();

  for (const located of documents.dashboards) {
    const { document: dashboard, file } = located;
    issues.push(...placementIssues(located));
    const key = [dashboard.tenant, dashboard.role, dashboard.school ?? '', dashboard.version].join('\n');
    const earlier = versions.get(key);
    if (earlier) {
      issues.push({
        file,
        pointer: '/version',
        code: 'duplicate-dashboard',
        reason: `${earlier} already holds version ${dashboard.version} of the ${dashboard.tenant} ${dashboard.role} dashboard${dashboard.school ? ` of school ${dashboard.school}` : ''}`,
        hint: 'keep one file per tenant, role and school; a change raises `version`',
      });
    } else {
      versions.set(key, file);
    }
    if (context.tenantsRead && !tenantIds.has(dashboard.tenant) && !context.brokenTenantIds.has(dashboard.tenant)) {
      issues.push({
        file,
        pointer: '/tenant',
        code: 'unknown-tenant',
        reason: `no tenant \`${dashboard.tenant}\` in tenants/`,
        hint:
          didYouMean(dashboard.tenant, tenantIds) ??
          (tenantIds.size > 0 ? `known tenants: ${list([...tenantIds])}` : `add tenants/${dashboard.tenant}.json first`),
      });
    }

    const policy = policies.get(dashboard.tenant)?.document;
    const policyChecked = context.policiesRead && !context.brokenPolicyTenants.has(dashboard.tenant);
    // An unknown tenant is reported as such, not also as lacking a policy.
    const tenantKnown = !context.tenantsRead || tenantIds.has(dashboard.tenant);
    if (policyChecked && !policy && tenantKnown) {
      issues.push({
        file,
        pointer: '/tenant',
        code: 'no-policy',
        reason: `tenant \`${dashboard.tenant}\` has no policy, so it approves no widget`,
        hint: `add policies/${dashboard.tenant}.json approving the widgets its dashboards use`,
      });
    }
    const base = dashboard.school === undefined ? undefined : tenantDashboardOf(dashboard, documents.dashboards);

    const instances = new Map<string, number>();
    dashboard.layout.forEach((instance, i) => {
      const at = pointerOf('/layout', i);
      if (isRemoval(instance)) {
        if (dashboard.school === undefined) {
          issues.push({
            file,
            pointer: pointerOf(at, 'remove'),
            code: 'removal-without-school',
            reason: '`remove` applies only to a school\'s dashboard, which refines the tenant\'s',
            hint: 'leave the instance out of the layout instead',
          });
        } else if (base && !base.layout.some((entry) => entry.instanceId === instance.instanceId)) {
          issues.push({
            file,
            pointer: pointerOf(at, 'instanceId'),
            code: 'unknown-instance',
            reason: `the ${dashboard.tenant} ${dashboard.role} dashboard has no instance \`${instance.instanceId}\` to remove`,
            hint: didYouMean(instance.instanceId, base.layout.map((entry) => entry.instanceId)) ?? `its instances: ${list(base.layout.map((entry) => entry.instanceId))}`,
          });
        }
      }
      const first = instances.get(instance.instanceId);
      if (first !== undefined) {
        issues.push({
          file,
          pointer: pointerOf(at, 'instanceId'),
          code: 'duplicate-instance',
          reason: `instance id \`${instance.instanceId}\` is already used by ${pointerOf('/layout', first)}`,
          hint: 'instance ids are unique within a dashboard: they key each instance\'s settings',
        });
      } else {
        instances.set(instance.instanceId, i);
      }
      if (isRemoval(instance)) return;
      if (!context.catalogueRead || context.brokenWidgetIds.has(instance.widget)) return;
      const entry = widgets.get(instance.widget);
      if (!entry) {
        issues.push({
          file,
          pointer: pointerOf(at, 'widget'),
          code: 'unknown-widget',
          reason: `no widget \`${instance.widget}\` in the catalogue`,
          hint: didYouMean(instance.widget, widgets.keys()) ?? 'add its manifest to catalogue/ first',
        });
        return;
      }
      const { widget, config } = entry;
      const approval = policy?.widgets[widget.id];
      // A range npm cannot read is reported on the policy; every placement would fail it again.
      if (policy && !(approval && semver.validRange(approval.versions) === null)) {
        const refusal = approvalRefusal(widget, approval, dashboard.tenant);
        if (refusal) {
          issues.push({
            file,
            pointer: pointerOf(at, 'widget'),
            ...refusal,
            hint:
              refusal.code === 'widget-not-approved'
                ? `approve it in policies/${dashboard.tenant}.json, or remove it from the dashboard`
                : `change its approval in policies/${dashboard.tenant}.json /widgets/${widget.id}`,
          });
        } else if (approval && servedKind(widget, approval) !== 'link') {
          // A link tile runs no code and gets no token, so it needs no scope.
          const missing = widget.scopes.filter((scope) => !approval.scopes.includes(scope));
          if (missing.length > 0) {
            issues.push({
              file,
              pointer: pointerOf(at, 'widget'),
              code: 'scope-not-granted',
              reason: `widget \`${widget.id}\` needs ${missing.length === 1 ? 'scope' : 'scopes'} ${list(missing)}, which tenant \`${dashboard.tenant}\` does not grant it`,
              hint: `grant ${missing.length === 1 ? 'it' : 'them'} in policies/${dashboard.tenant}.json /widgets/${widget.id}/scopes, or remove the widget`,
            });
          }
        }
      }
      if (!widget.roles.includes(dashboard.role)) {
        issues.push({
          file,
          pointer: pointerOf(at, 'widget'),
          code: 'role-not-supported',
          reason: `widget \`${widget.id}\` is not made for role \`${dashboard.role}\`; its manifest lists ${list(widget.roles)}`,
          hint: `remove it from the ${dashboard.role} dashboard, or ask ${widget.vendor.name} to support the role`,
        });
      }
      if (!widget.sizes.includes(instance.size)) {
        issues.push({
          file,
          pointer: pointerOf(at, 'size'),
          code: 'size-not-offered',
          reason: `widget \`${widget.id}\` offers sizes ${list(widget.sizes)}, not \`${instance.size}\``,
          hint: `use ${list(widget.sizes).replace(/, ([^,]*)$/, ' or $1')}`,
        });
      }
      if (instance.config === undefined) return;
      if (!config) {
        if (widget.config === undefined) {
          issues.push({
            file,
            pointer: pointerOf(at, 'config'),
            code: 'invalid-config',
            reason: `widget \`${widget.id}\` takes no config`,
            hint: 'remove `config`',
          });
        }
        return;
      }
      if (!config(instance.config)) {
        for (const issue of describeSchemaErrors(config.errors, pointerOf(at, 'config'))) {
          issues.push({ file, code: 'invalid-config', ...issue });
        }
      }
    });
  }
  return issues;
}
