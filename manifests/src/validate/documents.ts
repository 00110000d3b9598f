/** Reading one manifest file: size limit, JSON, keys that are refused, and which schema applies. */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { DOCUMENT_KINDS, SCHEMAS, isJsonObject, kindOfFolder, kindOfSchemaId, type DocumentKind, type Json } from '../schemas.ts';
import { closest } from './hints.ts';
import { MAX_DOCUMENT_BYTES, pointerOf, type ValidationIssue } from './issues.ts';

/** A key a runtime would evaluate as code: module federation's manifest runs `getPublicPath` through `new Function`. */
export const CODE_KEYS: ReadonlySet<string> = new Set(['getPublicPath']);
/** Keys that change or reach an object's prototype when a naive merge copies them. */
export const PROTOTYPE_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** Where a file sits relative to the folder of its kind. */
export interface Placement {
  /** The folder that holds catalogue/, dashboards/, tenants/ and policies/ (as the caller spelled it). */
  root: string;
  /** The folder name the path passes through: `catalogue`, `dashboards` or `tenants`. */
  folder: string;
  /** Path segments below that folder, e.g. `['vantaa', 'pupil.json']`. */
  below: string[];
}

/** The nearest catalogue/, dashboards/, tenants/ or policies/ folder on the file's path, if any. */
export function placementOf(file: string): Placement | undefined {
  const segments = path.normalize(file).split(path.sep);
  for (let i = segments.length - 2; i >= 0; i--) {
    const folder = segments[i] ?? '';
    if (kindOfFolder(folder)) {
      return { root: segments.slice(0, i).join(path.sep) || '.', folder, below: segments.slice(i + 1) };
    }
  }
  return undefined;
}

/** A document read and parsed, with the kind whose schema applies. */
export interface ParsedDocument {
  file: string;
  kind: DocumentKind;
  value: Json;
  /** Set when the file sits in its kind's folder, so that its name can be checked against its content. */
  placement?: Placement;
}

export type ReadOutcome = { ok: true; document: ParsedDocument } | { ok: false; issues: ValidationIssue[] };

function refusedKeys(file: string, value: Json, at: string, issues: ValidationIssue[]): void {
  if (Array.isArray(value)) {
    value.forEach((item, i) => refusedKeys(file, item, pointerOf(at, i), issues));
    return;
  }
  if (!isJsonObject(value)) return;
  for (const key of Object.keys(value)) {
    const pointer = pointerOf(at, key);
    if (CODE_KEYS.has(key)) {
      issues.push({
        file,
        pointer,
        code: 'code-key',
        reason: `\`${key}\` is refused: manifests carry data, never code, and a module federation runtime would run this value`,
        hint: 'remove the key; the shell computes public paths from `entry`',
      });
    } else if (PROTOTYPE_KEYS.has(key)) {
      issues.push({
        file,
        pointer,
        code: 'prototype-key',
        reason: `\`${key}\` is refused: a key of this name can change the prototype of objects built from the document`,
        hint: 'rename the key',
      });
    } else {
      refusedKeys(file, value[key] ?? null, pointer, issues);
    }
  }
}

function kindOf(file: string, value: Json): { kind: DocumentKind; placement?: Placement } | ValidationIssue {
  const placement = placementOf(file);
  const declared = isJsonObject(value) ? value['$schema'] : undefined;
  if (declared !== undefined) {
    const kind = typeof declared === 'string' ? kindOfSchemaId(declared) : undefined;
    if (!kind) {
      const ids = DOCUMENT_KINDS.map((k) => SCHEMAS[k].id);
      const near = typeof declared === 'string' ? closest(declared, ids) : undefined;
      return {
        file,
        pointer: '/$schema',
        code: 'unknown-schema',
        reason: `names no DigiOne schema; got ${JSON.stringify(declared)}`,
        hint: near ? `did you mean \`${near}\`?` : `use one of ${ids.map((id) => `\`${id}\``).join(', ')}`,
      };
    }
    return placement && kindOfFolder(placement.folder) === kind ? { kind, placement } : { kind };
  }
  const kind = placement ? kindOfFolder(placement.folder) : undefined;
  if (!kind || !placement) {
    return {
      file,
      pointer: '',
      code: 'unknown-schema',
      reason: 'cannot tell which schema applies',
      hint: 'put the file in a catalogue/, dashboards/, tenants/ or policies/ folder, or give it a `$schema` property',
    };
  }
  return { kind, placement };
}

/** Reads, size-checks and parses one file; refuses code and prototype keys; decides its kind. */
export async function readDocument(file: string): Promise<ReadOutcome> {
  let size: number;
  try {
    const info = await stat(file);
    if (!info.isFile()) return { ok: false, issues: [{ file, pointer: '', code: 'unreadable', reason: 'is not a file' }] };
    size = info.size;
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or directory' : String(error);
    return { ok: false, issues: [{ file, pointer: '', code: 'unreadable', reason }] };
  }
  if (size > MAX_DOCUMENT_BYTES) {
    return {
      ok: false,
      issues: [
        {
          file,
          pointer: '',
          code: 'too-large',
          reason: `is ${Math.ceil(size / 1024)} KiB; a document may be at most ${MAX_DOCUMENT_BYTES / 1024} KiB`,
          hint: 'a manifest describes a widget; keep data and code out of it',
        },
      ],
    };
  }
  let value: Json;
  try {
    value = JSON.parse((await readFile(file, 'utf8')).replace(/^\uFEFF/, '')) as Json;
  } catch (error) {
    return { ok: false, issues: [{ file, pointer: '', code: 'json-syntax', reason: `is not valid JSON: ${(error as Error).message}` }] };
  }
  return inspectDocument(file, value);
}

/**
 * Refuses code and prototype keys and decides the kind of a parsed document. `file` may be a path that exists
 * nowhere (the registry names an admin's draft `dashboards/<tenant>/<role>.json`): only its folders are read.
 */
export function inspectDocument(file: string, value: Json): ReadOutcome {
  const refused: ValidationIssue[] = [];
  refusedKeys(file, value, '', refused);
  if (refused.length > 0) return { ok: false, issues: refused };
  const kind = kindOf(file, value);
  if ('code' in kind) return { ok: false, issues: [kind] };
  return { ok: true, document: { file, value, ...kind } };
}
