/**
 * The platform API's OpenAPI document (sdk/openapi/platform-api.yaml) as the server reads it: the one source of
 * every route's path, parameters and body schema, so that what the server accepts and what the document says
 * cannot drift apart.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Ajv2020, type Options as AjvOptions } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { parse } from 'yaml';

/** Where the document lives: in the SDK, the single source the SDK's generated types come from too. */
export const OPENAPI_PATH = resolve(import.meta.dirname, '../../../sdk/openapi/platform-api.yaml');

export const HTTP_METHODS = ['get', 'put', 'post', 'patch', 'delete'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

/** A JSON Schema or any part of the document, as parsed. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

/** The parsed document, with its YAML text for `GET /openapi.yaml`. */
export interface OpenApiDocument {
  yaml: string;
  doc: JsonObject;
}

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads and parses the document; throws with the file name when it is not a YAML object. */
export function loadOpenApi(path: string = OPENAPI_PATH): OpenApiDocument {
  const yaml = readFileSync(path, 'utf8');
  const doc: unknown = parse(yaml);
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) throw new Error(`${path}: not an OpenAPI document`);
  return { yaml, doc: doc as JsonObject };
}

/** Follows a local `#/a/b` reference. */
function pointer(doc: JsonObject, ref: string): Json {
  if (!ref.startsWith('#/')) throw new Error(`openapi: only local references are supported, not ${ref}`);
  let node: Json = doc;
  for (const raw of ref.slice(2).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (!isObject(node) || !(key in node)) throw new Error(`openapi: dangling reference ${ref}`);
    node = node[key] ?? null;
  }
  return node;
}

/**
 * `node` with every local `$ref` replaced by (a copy of) its target; members beside a `$ref` (a description)
 * win over the target's. The document has no recursive schemas, so the result is a finite tree.
 */
export function inline(node: Json, doc: JsonObject, seen: readonly string[] = []): Json {
  if (Array.isArray(node)) return node.map((item) => inline(item, doc, seen));
  if (!isObject(node)) return node;
  const ref = node.$ref;
  if (typeof ref === 'string') {
    if (seen.includes(ref)) throw new Error(`openapi: recursive reference ${ref}`);
    const target = inline(pointer(doc, ref), doc, [...seen, ref]);
    const { $ref: _ref, ...rest } = node;
    return isObject(target) ? { ...target, ...(inline(rest, doc, seen) as JsonObject) } : target;
  }
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(node)) out[key] = inline(value, doc, seen);
  return out;
}

/** One parameter of an operation, references resolved. */
export interface Parameter {
  name: string;
  in: 'query' | 'path' | 'header' | 'cookie';
  required: boolean;
  schema: JsonObject;
  description?: string;
}

/** One operation of the document, with the request schemas the server validates against. */
export interface Operation {
  operationId: string;
  method: HttpMethod;
  /** The path as the document writes it, `/v1/groups/{id}`. */
  path: string;
  /** The same path for fastify, `/v1/groups/:id`. */
  routePath: string;
  summary: string;
  description?: string;
  tags: string[];
  /** False for the public operations (`security: []`). */
  secured: boolean;
  parameters: Parameter[];
  /** JSON Schemas of the request parts, as fastify takes them (absent when the operation has none). */
  schema: { querystring?: JsonObject; params?: JsonObject; headers?: JsonObject; body?: JsonObject };
  /** Media types of the request body. */
  bodyTypes: string[];
  /** Response schemas by status code and media type (undefined schema: no body). */
  responses: Record<string, { description: string; content: Record<string, JsonObject | undefined> }>;
}

function asString(value: Json | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** Every operation of the document, in document order. */
export function operationsOf(doc: JsonObject): Operation[] {
  const paths = doc.paths;
  if (!isObject(paths)) throw new Error('openapi: no paths');
  const globalSecured = Array.isArray(doc.security) && doc.security.length > 0;
  const operations: Operation[] = [];
  for (const [path, rawItem] of Object.entries(paths)) {
    const item = inline(rawItem, doc);
    if (!isObject(item)) continue;
    const shared = Array.isArray(item.parameters) ? item.parameters : [];
    for (const method of HTTP_METHODS) {
      const op = item[method];
      if (!isObject(op)) continue;
      const operationId = asString(op.operationId);
      if (!operationId) throw new Error(`openapi: ${method.toUpperCase()} ${path} has no operationId`);
      const own = Array.isArray(op.parameters) ? op.parameters : [];
      const byKey = new Map<string, Parameter>();
      for (const raw of [...shared, ...own]) {
        if (!isObject(raw) || !isObject(raw.schema)) continue;
        const name = asString(raw.name);
        const where = asString(raw.in);
        if (!name || (where !== 'query' && where !== 'path' && where !== 'header' && where !== 'cookie')) continue;
        const description = asString(raw.description);
        byKey.set(`${where}:${name}`, {
          name,
          in: where,
          required: raw.required === true,
          schema: raw.schema,
          ...(description === undefined ? {} : { description }),
        });
      }
      const parameters = [...byKey.values()];
      const schema: Operation['schema'] = {};
      const part = (where: Parameter['in'], closed: boolean): JsonObject | undefined => {
        const list = parameters.filter((p) => p.in === where);
        if (list.length === 0 && !closed) return undefined;
        // Header names arrive lower-cased; unknown headers are always allowed, unknown query parameters never.
        const key = (p: Parameter): string => (where === 'header' ? p.name.toLowerCase() : p.name);
        return {
          type: 'object',
          properties: Object.fromEntries(list.map((p) => [key(p), p.schema])),
          required: list.filter((p) => p.required).map(key),
          additionalProperties: !closed,
        };
      };
      const querystring = part('query', true);
      if (querystring) schema.querystring = querystring;
      const params = part('path', false);
      if (params) schema.params = { ...params, additionalProperties: false };
      const headers = part('header', false);
      if (headers) schema.headers = headers;
      const bodyTypes: string[] = [];
      if (isObject(op.requestBody) && isObject(op.requestBody.content)) {
        for (const [type, media] of Object.entries(op.requestBody.content)) {
          bodyTypes.push(type);
          if (type === 'application/json' && isObject(media) && isObject(media.schema)) schema.body = media.schema;
        }
      }
      const responses: Operation['responses'] = {};
      if (isObject(op.responses)) {
        for (const [status, raw] of Object.entries(op.responses)) {
          if (!isObject(raw)) continue;
          const content: Record<string, JsonObject | undefined> = {};
          if (isObject(raw.content)) {
            for (const [type, media] of Object.entries(raw.content)) content[type] = isObject(media) && isObject(media.schema) ? media.schema : undefined;
          }
          responses[status] = { description: asString(raw.description) ?? '', content };
        }
      }
      const description = asString(op.description);
      operations.push({
        operationId,
        method,
        path,
        routePath: path.replace(/\{([^}]+)\}/g, ':$1'),
        summary: asString(op.summary) ?? '',
        ...(description === undefined ? {} : { description }),
        tags: Array.isArray(op.tags) ? op.tags.filter((t): t is string => typeof t === 'string') : [],
        secured: Array.isArray(op.security) ? op.security.length > 0 : globalSecured,
        parameters,
        schema,
        bodyTypes,
        responses,
      });
    }
  }
  return operations;
}

/** xAPI IRIs: a scheme and no white space (ajv-formats' `uri` refuses the non-ASCII characters IRIs allow). */
const IRI = /^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>"{}|\\^`]+$/u;

// ajv-formats is CommonJS; under ESM its default export is the module object on some loaders.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule);

/**
 * An Ajv for the document's JSON Schema 2020-12 dialect, with the formats it uses. `coerce` turns query and path
 * strings into the integers and booleans the schemas ask for (never for bodies: `"5"` is not a number there).
 */
export function createAjv(options: { coerce?: boolean } = {}): Ajv2020 {
  const ajvOptions: AjvOptions = {
    allErrors: false,
    strict: true,
    strictTypes: false,
    strictTuples: false,
    strictRequired: false,
    // NaN and Infinity are not numbers a client means (`limit=1e309` would pass `maximum` otherwise).
    strictNumbers: true,
    useDefaults: true,
    coerceTypes: options.coerce === true,
    removeAdditional: false,
    validateFormats: true,
  };
  const ajv = new Ajv2020(ajvOptions);
  addFormats(ajv);
  ajv.addFormat('iri', IRI);
  return ajv;
}
