/**
 * `validateFiles(paths)`: every check the registry relies on, for files and folders of manifests. The registry runs
 * the same function on start, so what `digione validate` accepts is exactly what the registry will serve.
 */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { DOCUMENT_KINDS, SCHEMAS, isJsonObject, kindOfFolder, type DocumentKind, type Json } from '../schemas.ts';
import { crossCheck, type ValidDocuments } from './checks.ts';
import { placementOf, readDocument } from './documents.ts';
import type { ValidationIssue } from './issues.ts';
import { schemaValidators } from './schema-check.ts';
import { describeSchemaErrors } from './schema-errors.ts';

export type { Located, ValidDocuments } from './checks.ts';

/** The outcome of {@link validateFiles}. */
export interface ValidationResult {
  /** True when there is no issue. */
  valid: boolean;
  /** Every file that was checked, including catalogue/ and tenants/ files read to check dashboards against. */
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
 * The files a path stands for. A folder holding catalogue/, dashboards/ or tenants/ is a manifests root: only those
 * folders are read (not package.json or schemas/). Any other folder is read for *.json files.
 */
async function filesOf(target: string): Promise<string[]> {
  if (!(await isDirectory(target))) return [target];
  const roots = [];
  for (const folder of KIND_FOLDERS) if (await isDirectory(path.join(target, folder))) roots.push(path.join(target, folder));
  if (roots.length === 0) return jsonFilesUnder(target);
  return (await Promise.all(roots.map(jsonFilesUnder))).flat();
}

/** Dashboards are checked against the catalogue and tenants beside them, even when only the dashboard was named. */
async function contextFiles(files: readonly string[]): Promise<string[]> {
  const roots = new Set<string>();
  for (const file of files) {
    const placement = placementOf(file);
    if (placement?.folder === SCHEMAS.dashboard.folder) roots.add(placement.root);
  }
  const extra: string[] = [];
  for (const root of roots) {
    for (const folder of [SCHEMAS.widget.folder, SCHEMAS.tenant.folder]) {
      const dir = path.join(root, folder);
      if (await isDirectory(dir)) extra.push(...(await jsonFilesUnder(dir)));
    }
  }
  return extra;
}

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
 * catalogue/, dashboards/ or tenants/ folder on the path, or by the document's `$schema`.
 * Never throws for bad input: every problem is an issue.
 */
export async function validateFiles(paths: readonly string[]): Promise<ValidationResult> {
  const named = (await Promise.all(paths.map(filesOf))).flat();
  const files = dedupe([...named, ...(await contextFiles(named))]);
  const validators = await schemaValidators();
  const issues: ValidationIssue[] = [];
  const documents: ValidDocuments = { widgets: [], dashboards: [], tenants: [] };
  const brokenWidgetIds = new Set<string>();
  const brokenTenantIds = new Set<string>();
  const kindOfFile = (file: string): DocumentKind | undefined => {
    const folder = placementOf(file)?.folder;
    return folder === undefined ? undefined : kindOfFolder(folder);
  };
  let catalogueRead = files.some((file) => kindOfFile(file) === 'widget');
  let tenantsRead = files.some((file) => kindOfFile(file) === 'tenant');

  // A document that failed on its own is reported once: dashboards naming it are not also told it is missing.
  const noteBroken = (file: string, kind: DocumentKind | undefined, value?: Json): void => {
    const broken = kind === 'widget' ? brokenWidgetIds : kind === 'tenant' ? brokenTenantIds : undefined;
    if (!broken) return;
    broken.add(path.basename(file, '.json'));
    const id = isJsonObject(value) ? value['id'] : undefined;
    if (typeof id === 'string') broken.add(id);
  };

  const outcomes = await Promise.all(files.map(readDocument));
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
    }
  }

  issues.push(...crossCheck(documents, { catalogueRead, tenantsRead, brokenWidgetIds, brokenTenantIds }));
  const order = new Map(files.map((file, i) => [file, i]));
  issues.sort((a, b) => (order.get(a.file) ?? -1) - (order.get(b.file) ?? -1));
  return { valid: issues.length === 0, files, issues, documents };
}
