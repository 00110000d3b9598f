/**
 * Renders the OpenAPI document as a human-readable Markdown reference (docs/api/platform-api.md): operations by
 * tag with their parameters, bodies and responses, then every schema. Generated, never edited by hand; a test
 * fails when the checked-in file is stale (`npx tsx sandbox/scripts/api-reference.ts` rewrites it).
 */
import { inline, operationsOf, type Json, type JsonObject } from './openapi.ts';

/** Where the rendered reference lives, relative to the repository root. */
export const REFERENCE_PATH = 'docs/api/platform-api.md';

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const text = (value: Json | undefined): string => (typeof value === 'string' ? value : '');

/** One line of a Markdown table cell. */
function cell(value: string): string {
  return value.replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|').trim();
}

function anchor(name: string): string {
  return `schema-${name.toLowerCase()}`;
}

/** A compact type expression of a schema, linking named schemas. */
function typeOf(schema: Json | undefined): string {
  if (!isObject(schema)) return schema === true ? 'any' : '';
  const ref = text(schema.$ref);
  if (ref.startsWith('#/components/schemas/')) {
    const name = ref.slice('#/components/schemas/'.length);
    return `[${name}](#${anchor(name)})`;
  }
  if (Array.isArray(schema.oneOf)) return schema.oneOf.map(typeOf).join(' or ');
  if (Array.isArray(schema.anyOf)) return schema.anyOf.map(typeOf).join(' or ');
  if (schema.const !== undefined) return `\`${JSON.stringify(schema.const)}\``;
  if (Array.isArray(schema.enum)) return schema.enum.map((v) => `\`${JSON.stringify(v)}\``).join(', ');
  const type = Array.isArray(schema.type) ? schema.type.map(text).join(' or ') : text(schema.type);
  if (type === 'array') return `${typeOf(schema.items) || 'any'}[]`;
  if (type === 'object' && isObject(schema.additionalProperties)) return `map of ${typeOf(schema.additionalProperties)}`;
  const format = text(schema.format);
  return `${type || 'any'}${format ? ` (${format})` : ''}`;
}

/** Constraints worth a reader's eye: bounds, patterns, defaults. */
function constraints(schema: Json | undefined): string {
  if (!isObject(schema)) return '';
  const parts: string[] = [];
  const target = isObject(schema) && typeof schema.$ref === 'string' ? {} : schema;
  for (const key of ['minimum', 'maximum', 'minLength', 'maxLength', 'minItems', 'maxItems', 'minProperties'] as const) {
    const v = target[key];
    if (typeof v === 'number') parts.push(`${key} ${v}`);
  }
  if (typeof target.pattern === 'string') parts.push(`pattern \`${target.pattern}\``);
  if (target.default !== undefined) parts.push(`default \`${JSON.stringify(target.default)}\``);
  if (target.additionalProperties === false) parts.push('no other members');
  return parts.join('; ');
}

function describe(schema: Json | undefined, own?: string): string {
  const description = own ?? (isObject(schema) ? text(schema.description) : '');
  return [description, constraints(schema)].filter(Boolean).join(' — ');
}

function propertiesTable(schema: JsonObject): string[] {
  const properties = isObject(schema.properties) ? schema.properties : {};
  const required = Array.isArray(schema.required) ? schema.required.map(text) : [];
  const names = Object.keys(properties);
  if (names.length === 0) return [];
  const lines = ['| member | type | required | description |', '|---|---|---|---|'];
  for (const name of names) {
    const prop = properties[name];
    lines.push(`| \`${name}\` | ${cell(typeOf(prop))} | ${required.includes(name) ? 'yes' : ''} | ${cell(describe(prop))} |`);
  }
  return lines;
}

/** The Markdown reference of an OpenAPI document. */
export function renderReference(doc: JsonObject): string {
  const info = isObject(doc.info) ? doc.info : {};
  const out: string[] = [];
  out.push(`# ${text(info.title)} ${text(info.version)}`, '');
  out.push(
    '<!-- Generated from sdk/openapi/platform-api.yaml by sandbox/scripts/api-reference.ts; do not edit by hand. -->',
    '',
  );
  if (text(info.summary)) out.push(text(info.summary), '');
  const servers = Array.isArray(doc.servers) ? doc.servers.filter(isObject) : [];
  for (const server of servers) out.push(`Server: \`${text(server.url)}\` — ${text(server.description)}`, '');
  out.push(text(info.description).trim(), '');

  const operations = operationsOf(doc);
  const tags = (Array.isArray(doc.tags) ? doc.tags.filter(isObject) : []).map((t) => ({ name: text(t.name), description: text(t.description) }));
  out.push('## Operations', '');
  for (const tag of tags) {
    const ops = operations.filter((o) => o.tags.includes(tag.name));
    if (ops.length === 0) continue;
    out.push(`- **${tag.name}**: ${ops.map((o) => `[\`${o.method.toUpperCase()} ${o.path}\`](#${o.operationId.toLowerCase()})`).join(', ')}`);
  }
  out.push('');

  const raw = isObject(doc.paths) ? doc.paths : {};
  for (const tag of tags) {
    const ops = operations.filter((o) => o.tags.includes(tag.name));
    if (ops.length === 0) continue;
    out.push(`## ${tag.name}`, '', tag.description, '');
    for (const op of ops) {
      out.push(`<a id="${op.operationId.toLowerCase()}"></a>`, `### \`${op.method.toUpperCase()} ${op.path}\``, '');
      out.push(`**${op.summary}** (operationId \`${op.operationId}\`${op.secured ? '' : ', no token needed'})`, '');
      if (op.description) out.push(op.description.trim(), '');
      if (op.parameters.length > 0) {
        out.push('| parameter | in | type | required | description |', '|---|---|---|---|---|');
        for (const p of op.parameters) {
          out.push(`| \`${p.name}\` | ${p.in} | ${cell(typeOf(p.schema))} | ${p.required ? 'yes' : ''} | ${cell(describe(p.schema, p.description))} |`);
        }
        out.push('');
      }
      // Bodies and responses are shown by schema name, from the document as written (before references are inlined).
      const item = raw[op.path];
      const rawOp = isObject(item) ? item[op.method] : undefined;
      if (isObject(rawOp) && isObject(rawOp.requestBody) && isObject(rawOp.requestBody.content)) {
        for (const [type, media] of Object.entries(rawOp.requestBody.content)) {
          out.push(`Request body (\`${type}\`): ${isObject(media) ? typeOf(media.schema) : ''}`, '');
        }
      }
      if (isObject(rawOp) && isObject(rawOp.responses)) {
        out.push('| status | description | body |', '|---|---|---|');
        for (const [status, response] of Object.entries(rawOp.responses)) {
          const resolved = inline(response, doc);
          const description = isObject(resolved) ? text(resolved.description) : '';
          const original = isObject(response) && typeof response.$ref === 'string' ? pointerTo(doc, response.$ref) : response;
          const content = isObject(original) && isObject(original.content) ? original.content : {};
          const bodies = Object.entries(content).map(([type, media]) => `${isObject(media) ? typeOf(media.schema) : ''} (\`${type}\`)`);
          out.push(`| ${status} | ${cell(description)} | ${cell(bodies.join(', '))} |`);
        }
        out.push('');
      }
    }
  }

  out.push('## Schemas', '');
  const components = isObject(doc.components) && isObject(doc.components.schemas) ? doc.components.schemas : {};
  for (const [name, schema] of Object.entries(components)) {
    out.push(`<a id="${anchor(name)}"></a>`, `### ${name}`, '');
    if (!isObject(schema)) continue;
    if (text(schema.description)) out.push(text(schema.description).trim(), '');
    const props = propertiesTable(schema);
    if (props.length > 0) {
      out.push(...props, '');
      const notes = constraints(schema);
      if (notes) out.push(`Constraints: ${notes}.`, '');
    } else {
      out.push(`Type: ${typeOf(schema)}${constraints(schema) ? ` — ${constraints(schema)}` : ''}`, '');
    }
    if (Array.isArray(schema.oneOf) && props.length > 0) out.push(`One of: ${schema.oneOf.map((s) => cell(JSON.stringify(s))).join('; ')}`, '');
  }
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}

function pointerTo(doc: JsonObject, ref: string): Json | undefined {
  let node: Json | undefined = doc;
  for (const key of ref.replace(/^#\//, '').split('/')) node = isObject(node) ? node[key] : undefined;
  return node;
}
