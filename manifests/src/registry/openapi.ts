/**
 * The registry's OpenAPI document (openapi/registry-api.yaml) as the server and its tests read it: the server takes
 * each route's parameter and body schemas from it, and the contract test checks every answer against it, so that
 * the document, the server and the shell's generated client cannot drift apart.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';
import { isJsonObject, type Json, type JsonObject } from '../schemas.ts';

/** Where the document lives. */
export const REGISTRY_OPENAPI_FILE = fileURLToPath(new URL('../../openapi/registry-api.yaml', import.meta.url));

export const HTTP_METHODS = ['get', 'put', 'post', 'delete'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

let cached: JsonObject | undefined;

/** The parsed document (read once per process). */
export function registryApi(): JsonObject {
  if (cached) return cached;
  const doc = parse(readFileSync(REGISTRY_OPENAPI_FILE, 'utf8')) as Json;
  if (!isJsonObject(doc)) throw new Error(`${REGISTRY_OPENAPI_FILE}: not an OpenAPI document`);
  cached = doc;
  return doc;
}

function target(doc: JsonObject, ref: string): Json {
  if (!ref.startsWith('#/')) throw new Error(`registry-api.yaml: only local references are supported, not ${ref}`);
  let node: Json = doc;
  for (const raw of ref.slice(2).split('/')) {
    const key = raw.replaceAll('~1', '/').replaceAll('~0', '~');
    if (!isJsonObject(node) || !(key in node)) throw new Error(`registry-api.yaml: dangling reference ${ref}`);
    node = node[key] ?? null;
  }
  return node;
}

/** `node` with every local `$ref` replaced by its target; members beside a `$ref` win. */
export function inline(node: Json, doc: JsonObject = registryApi()): Json {
  if (Array.isArray(node)) return node.map((item) => inline(item, doc));
  if (!isJsonObject(node)) return node;
  const ref = node['$ref'];
  if (typeof ref === 'string') {
    const resolved = inline(target(doc, ref), doc);
    const { $ref: _ref, ...rest } = node;
    return isJsonObject(resolved) ? { ...resolved, ...(inline(rest, doc) as JsonObject) } : resolved;
  }
  return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, inline(value, doc)]));
}

/** One operation of the document. */
export interface Operation {
  operationId: string;
  method: HttpMethod;
  /** As the document writes it: `/v1/admin/tenants/{tenant}/policy`. */
  path: string;
  /** Request schemas as fastify takes them. */
  schema: { querystring?: JsonObject; params?: JsonObject; body?: JsonObject };
  /** Response body schemas by status, for JSON and problem answers; null for answers without a body. */
  responses: Record<string, JsonObject | null>;
}

/** Every operation, in document order. */
export function operations(doc: JsonObject = registryApi()): Operation[] {
  const paths = doc['paths'];
  if (!isJsonObject(paths)) throw new Error('registry-api.yaml: no paths');
  const found: Operation[] = [];
  for (const [path, rawItem] of Object.entries(paths)) {
    const item = inline(rawItem, doc);
    if (!isJsonObject(item)) continue;
    const shared = Array.isArray(item['parameters']) ? item['parameters'] : [];
    for (const method of HTTP_METHODS) {
      const op = item[method];
      if (!isJsonObject(op)) continue;
      const own = Array.isArray(op['parameters']) ? op['parameters'] : [];
      const params = [...shared, ...own].filter(isJsonObject);
      const part = (where: string): JsonObject | undefined => {
        const list = params.filter((p) => p['in'] === where);
        if (list.length === 0 && where !== 'query') return undefined;
        return {
          type: 'object',
          properties: Object.fromEntries(list.map((p) => [String(p['name']), p['schema'] ?? {}])),
          required: list.filter((p) => p['required'] === true).map((p) => String(p['name'])),
          // Unknown query parameters are refused: a misspelt `shcool=` must not silently mean "no school".
          additionalProperties: false,
        };
      };
      const schema: Operation['schema'] = {};
      const querystring = part('query');
      if (querystring) schema.querystring = querystring;
      const pathParams = part('path');
      if (pathParams) schema.params = pathParams;
      const body = isJsonObject(op['requestBody']) ? op['requestBody']['content'] : undefined;
      const json = isJsonObject(body) ? body['application/json'] : undefined;
      if (isJsonObject(json) && isJsonObject(json['schema'])) schema.body = json['schema'];
      const responses: Operation['responses'] = {};
      const rawResponses = op['responses'];
      if (isJsonObject(rawResponses)) {
        for (const [status, response] of Object.entries(rawResponses)) {
          const content = isJsonObject(response) ? response['content'] : undefined;
          const media = isJsonObject(content) ? (content['application/json'] ?? content['application/problem+json']) : undefined;
          responses[status] = isJsonObject(media) && isJsonObject(media['schema']) ? media['schema'] : null;
        }
      }
      found.push({ operationId: String(op['operationId']), method, path, schema, responses });
    }
  }
  return found;
}

/** The operation for a method and document path; throws when the document lacks it (a route must be documented). */
export function operation(method: HttpMethod, path: string): Operation {
  const op = operations().find((o) => o.method === method && o.path === path);
  if (!op) throw new Error(`registry-api.yaml documents no ${method.toUpperCase()} ${path}`);
  return op;
}

/** An Ajv for the document's schemas; `coerce` for query and path strings (never for bodies). */
export function openApiAjv(options: { coerce?: boolean } = {}): Ajv2020 {
  const ajv = new Ajv2020({ allErrors: true, verbose: true, strict: true, strictTypes: false, strictRequired: false, coerceTypes: options.coerce === true });
  addFormats(ajv);
  return ajv;
}

/** The operation whose path template matches a concrete URL path, for checking answers. */
export function matchOperation(method: HttpMethod, urlPath: string): Operation | undefined {
  return operations().find((op) => {
    if (op.method !== method) return false;
    const pattern = new RegExp(`^${op.path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{[^}]+\\?\}|\{[^}]+\}/g, '[^/]+')}$`);
    return pattern.test(urlPath);
  });
}

/** A validator of one answer's body, or undefined when the document lists no body for that status. */
export function answerValidator(op: Operation, status: number, ajv: Ajv2020): ValidateFunction | undefined | 'undocumented' {
  const schema = op.responses[String(status)];
  if (schema === undefined) return 'undocumented';
  if (schema === null) return undefined;
  return ajv.compile(schema);
}
