/**
 * `validateFiles(paths)`: every check the registry relies on, for files and folders of manifests. The registry runs
 * the same function on start, so what `digione validate` accepts is exactly what the registry will serve.
 */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { DOCUMENT_KINDS, SCHEMAS, isJsonObject, kindOfFolder, type DocumentKind, type Json } from '../schemas.ts';
import type { Dashboard } from '../generated/dashboard.v1.ts';
import type { Tenant } from '../generated/tenant.v1.ts';
import type { TenantPolicy } from '../generated/tenant-policy.v1.ts';
import type { WidgetManifest } from '../generated/widget-manifest.v1.ts';
import { crossCheck, type ValidDocuments } from './checks.ts';
import { inspectDocument, placementOf, readDocument, type ReadOutcome } from './documents.ts';
import type { ValidationIssue } from './issues.ts';
import { schemaValidators, type Validators } from './schema-check.ts';
import { describeSchemaErrors } from './schema-errors.ts';

export type { Located, ValidDocuments } from './checks.ts';

/** The outcome of {@link validateFiles}. */
export interface ValidationResult {
  /** True when there is no issue. */
  valid: boolean;
  /** Every file that was checked, including catalogue/, tenants/ and policies/ files read to check dashboards against. */
  files: string[];
  /** Errors in file order, then document order. */
  issues: ValidationIssue[];
  /** The documents that passed their schema (all of them when `valid`). */
  documents: ValidDocuments;
}

const KIND_FOLDERS: readonly string[] = DOCUMENT_KINDS.map((kind) => SCHEMAS[kind].folder);

async function isDirectory(p: string): Promise<boolean> {
  try {
    return (await stat(p)).isDirectory();
  } catch {
    return false;
  }
}

async function jsonFilesUnder(dir: string): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...(await jsonFilesUnder(full)));
    else if (entry.isFile() && entry.name.endsWith('.json')) found.push(full);
  }
  return found.sort();
}

/**
 * The files a path stands for. A folder holding catalogue/, dashboards/, tenants/ or policies/ is a manifests root: only those
 * folders are read (not package.json or schemas/). Any other folder is read for *.json files.
 */
async function filesOf(target: string): Promise<string[]> {
  if (!(await isDirectory(target))) return [target];
  const roots = [];
  for (const folder of KIND_FOLDERS) if (await isDirectory(path.join(target, folder))) roots.push(path.join(target, folder));
  if (roots.length === 0) return jsonFilesUnder(target);
  return (await Promise.all(roots.map(jsonFilesUnder))).flat();
}

/**
 * Dashboards are checked against the catalogue, tenants and policies beside them, and policies against the catalogue
 * and tenants, even when only the dashboard or policy was named.
 */
async function contextFiles(files: readonly string[]): Promise<string[]> {
  const wanted = new Map<string, Set<string>>();
  for (const file of files) {
    const placement = placementOf(file);
    const folders =
      placement?.folder === SCHEMAS.dashboard.folder
        ? [SCHEMAS.widget.folder, SCHEMAS.tenant.folder, SCHEMAS.policy.folder]
        : placement?.folder === SCHEMAS.policy.folder
          ? [SCHEMAS.widget.folder, SCHEMAS.tenant.folder]
          : [];
    if (!placement || folders.length === 0) continue;
    const set = wanted.get(placement.root) ?? new Set<string>();
    for (const folder of folders) set.add(folder);
    // A school's dashboard (dashboards/<tenant>/<school>/<role>.json) is checked against its tenant's.
    if (placement.folder === SCHEMAS.dashboard.folder && placement.below.length === 3) set.add(TENANT_DASHBOARDS);
    wanted.set(placement.root, set);
  }
  const extra: string[] = [];
  for (const [root, folders] of wanted) {
    for (const folder of folders) {
      if (folder === TENANT_DASHBOARDS) {
        extra.push(...(await jsonFilesUnder(path.join(root, SCHEMAS.dashboard.folder))).filter((f) => placementOf(f)?.below.length === 2));
        continue;
      }
      const dir = path.join(root, folder);
      if (await isDirectory(dir)) extra.push(...(await jsonFilesUnder(dir)));
    }
  }
  return extra;
}

/** Marker for "the tenant-level dashboards" in {@link contextFiles}. */
const TENANT_DASHBOARDS = '\0tenant-dashboards';

function dedupe(files: readonly string[]): string[] {
  const seen = new Set<string>();
  return files.filter((file) => {
    const key = path.resolve(file);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Validates manifest files and folders (see {@link filesOf}). Which schema applies is decided by the nearest
 * catalogue/, dashboards/, tenants/ or policies/ folder on the path, or by the document's `$schema`.
 * Never throws for bad input: every problem is an issue.
 */
export async function validateFiles(paths: readonly string[]): Promise<ValidationResult> {
  const named = (await Promise.all(paths.map(filesOf))).flat();
  const files = dedupe([...named, ...(await contextFiles(named))]);
  const outcomes = await Promise.all(files.map(readDocument));
  // A policies/ folder beside the dashboards means policies apply, even when it holds none for a tenant.
  const roots = new Set([
    ...paths,
    ...files.map((file) => placementOf(file)?.root).filter((root): root is string => root !== undefined),
  ]);
  let policiesFolder = false;
  for (const root of roots) if (await isDirectory(path.join(root, SCHEMAS.policy.folder))) policiesFolder = true;
  return check(files, outcomes, policiesFolder);
}

/** Documents the registry already holds, that a checked document may refer to. */
export interface KnownDocuments {
  widgets: readonly WidgetManifest[];
  tenants: readonly Tenant[];
  policies: readonly TenantPolicy[];
  dashboards: readonly Dashboard[];
}

/**
 * The registry's check of documents an admin sends: exactly the rules of {@link validateFiles}, as if each document
 * were the file `file` (e.g. `dashboards/vantaa/pupil.json`) beside the known documents. Only issues of the sent
 * documents are reported.
 */
export async function validateDocuments(sent: readonly { file: string; value: Json }[], known: KnownDocuments): Promise<ValidationResult> {
  const virtual = (folder: string, name: string): string => path.join(folder, name);
  const context: { file: string; value: Json }[] = [
    ...known.widgets.map((w) => ({ file: virtual(SCHEMAS.widget.folder, `${w.id}.json`), value: w as unknown as Json })),
    ...known.tenants.map((t) => ({ file: virtual(SCHEMAS.tenant.folder, `${t.id}.json`), value: t as unknown as Json })),
    ...known.policies.map((p) => ({ file: virtual(SCHEMAS.policy.folder, `${p.tenant}.json`), value: p as unknown as Json })),
    ...known.dashboards.map((d) => ({
      file: virtual(SCHEMAS.dashboard.folder, path.join(d.tenant, ...(d.school ? [d.school] : []), `${d.role}.json`)),
      value: d as unknown as Json,
    })),
  ];
  const sentFiles = new Set(sent.map((s) => s.file));
  const all = [...context.filter((c) => !sentFiles.has(c.file)), ...sent];
  const result = await check(
    all.map((d) => d.file),
    all.map((d) => inspectDocument(d.file, d.value)),
  );
  const issues = result.issues.filter((issue) => sentFiles.has(issue.file));
  return { ...result, valid: issues.length === 0, files: [...sentFiles], issues };
}

async function check(files: readonly string[], outcomes: readonly ReadOutcome[], policiesFolder = false): Promise<ValidationResult> {
  const validators: Validators = await schemaValidators();
  const issues: ValidationIssue[] = [];
  const documents: ValidDocuments = { widgets: [], dashboards: [], tenants: [], policies: [] };
  const brokenWidgetIds = new Set<string>();
  const brokenTenantIds = new Set<string>();
  const brokenPolicyTenants = new Set<string>();
  const kindOfFile = (file: string): DocumentKind | undefined => {
    const folder = placementOf(file)?.folder;
    return folder === undefined ? undefined : kindOfFolder(folder);
  };
  let catalogueRead = files.some((file) => kindOfFile(file) === 'widget');
  let tenantsRead = files.some((file) => kindOfFile(file) === 'tenant');
  let policiesRead = policiesFolder || files.some((file) => kindOfFile(file) === 'policy');

  // A document that failed on its own is reported once: dashboards naming it are not also told it is missing.
  const noteBroken = (file: string, kind: DocumentKind | undefined, value?: Json): void => {
    const broken =
      kind === 'widget' ? brokenWidgetIds : kind === 'tenant' ? brokenTenantIds : kind === 'policy' ? brokenPolicyTenants : undefined;
    if (!broken) return;
    broken.add(path.basename(file, '.json'));
    const id = isJsonObject(value) ? value[kind === 'policy' ? 'tenant' : 'id'] : undefined;
    if (typeof id === 'string') broken.add(id);
  };

  for (const [i, outcome] of outcomes.entries()) {
    if (!outcome.ok) {
      issues.push(...outcome.issues);
      const file = files[i] ?? '';
      noteBroken(file, kindOfFile(file));
      continue;
    }
    const { file, value, kind, placement } = outcome.document;
    const base = { file, ...(placement ? { placement } : {}) };
    const failed = (errors: Parameters<typeof describeSchemaErrors>[0]): void => {
      noteBroken(file, kind, value);
      for (const issue of describeSchemaErrors(errors)) issues.push({ file, code: 'schema', ...issue });
    };
    switch (kind) {
      case 'widget': {
        catalogueRead = true;
        const validate = validators.widget;
        if (validate(value)) documents.widgets.push({ ...base, document: value });
        else failed(validate.errors);
        break;
      }
      case 'dashboard': {
        const validate = validators.dashboard;
        if (validate(value)) documents.dashboards.push({ ...base, document: value });
        else failed(validate.errors);
        break;
      }
      case 'tenant': {
        tenantsRead = true;
        const validate = validators.tenant;
        if (validate(value)) documents.tenants.push({ ...base, document: value });
        else failed(validate.errors);
        break;
      }
      case 'policy': {
        policiesRead = true;
        const validate = validators.policy;
        if (validate(value)) documents.policies.push({ ...base, document: value });
        else failed(validate.errors);
        break;
      }
    }
  }

  issues.push(...crossCheck(documents, { catalogueRead, tenantsRead, brokenWidgetIds, brokenTenantIds, policiesRead, brokenPolicyTenants }));
  const order = new Map(files.map((file, i) => [file, i]));
  issues.sort((a, b) => (order.get(a.file) ?? -1) - (order.get(b.file) ?? -1));
  return { valid: issues.length === 0, files: [...files], issues, documents };
}
