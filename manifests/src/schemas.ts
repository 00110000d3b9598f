/**
 * The four document kinds the manifests folder holds, their JSON Schemas and the folders they live in.
 * Every other module asks this one which schema applies, so adding a schema version touches one table.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

/** A parsed JSON value. */
export type Json = null | boolean | number | string | Json[] | JsonObject;
/** A parsed JSON object. */
export interface JsonObject {
  [key: string]: Json;
}

/** The kinds of document the validator and the registry know. */
export const DOCUMENT_KINDS = ['widget', 'dashboard', 'tenant', 'policy'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** Where each kind's schema is and which folder holds documents of that kind. */
export const SCHEMAS = {
  widget: { id: 'https://schemas.digione.fi/widget-manifest/v1.json', file: 'widget-manifest.v1.json', folder: 'catalogue' },
  dashboard: { id: 'https://schemas.digione.fi/dashboard/v1.json', file: 'dashboard.v1.json', folder: 'dashboards' },
  tenant: { id: 'https://schemas.digione.fi/tenant/v1.json', file: 'tenant.v1.json', folder: 'tenants' },
  policy: { id: 'https://schemas.digione.fi/tenant-policy/v1.json', file: 'tenant-policy.v1.json', folder: 'policies' },
} as const satisfies Record<DocumentKind, { id: string; file: string; folder: string }>;

/** The folder of the schema files. */
export const SCHEMAS_DIR = fileURLToPath(new URL('../schemas/', import.meta.url));

/** The kind whose schema has this `$id`, if any. */
export function kindOfSchemaId(id: string): DocumentKind | undefined {
  return DOCUMENT_KINDS.find((kind) => SCHEMAS[kind].id === id);
}

/** The kind whose documents live in this folder name (`catalogue`, `dashboards`, `tenants`, `policies`), if any. */
export function kindOfFolder(folder: string): DocumentKind | undefined {
  return DOCUMENT_KINDS.find((kind) => SCHEMAS[kind].folder === folder);
}

export function isJsonObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

let loaded: Promise<Record<DocumentKind, JsonObject>> | undefined;

/** Reads the schemas once per process. */
export function loadSchemas(): Promise<Record<DocumentKind, JsonObject>> {
  loaded ??= (async () => {
    const entries = await Promise.all(
      DOCUMENT_KINDS.map(async (kind) => {
        const parsed = JSON.parse(await readFile(SCHEMAS_DIR + SCHEMAS[kind].file, 'utf8')) as Json;
        if (!isJsonObject(parsed)) throw new Error(`schema ${SCHEMAS[kind].file} is not a JSON object`);
        return [kind, parsed] as const;
      }),
    );
    return Object.fromEntries(entries) as Record<DocumentKind, JsonObject>;
  })();
  return loaded;
}
