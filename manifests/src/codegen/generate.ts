/**
 * JSON Schema → TypeScript for the manifest schemas, one module per schema in src/generated/.
 *
 * A `$ref` into another of our schemas becomes a type import instead of a second declaration, so that a type such
 * as `Role` is declared once and the generated modules can all be re-exported together. The references are
 * rewritten on the parsed schema object, and json-schema-to-typescript never resolves a URL (no network).
 */
import { readFile } from 'node:fs/promises';
import { compile, type JSONSchema } from 'json-schema-to-typescript';
import openapiTS, { astToString } from 'openapi-typescript';
import { REGISTRY_OPENAPI_FILE } from '../registry/openapi.ts';
import { DOCUMENT_KINDS, SCHEMAS, isJsonObject, loadSchemas, type DocumentKind, type Json, type JsonObject } from '../schemas.ts';

/** One generated module. */
export interface GeneratedFile {
  /** File name inside src/generated/. */
  name: string;
  contents: string;
}

/** The generated module name for a schema file, e.g. `widget-manifest.v1.ts`. */
export function generatedName(kind: DocumentKind): string {
  return SCHEMAS[kind].file.replace(/\.json$/, '.ts');
}

interface Rewrite {
  schema: Json;
  /** Type names to import, per generated module. */
  imports: Map<string, Set<string>>;
}

/** An `allOf` entry that only adds a condition (`if`/`then`/`else`) constrains values but never changes the type. */
const CONDITION_KEYS: ReadonlySet<string> = new Set(['if', 'then', 'else', 'description']);
const isConditionOnly = (entry: Json): boolean => isJsonObject(entry) && Object.keys(entry).every((key) => CONDITION_KEYS.has(key));

function rewriteRefs(kind: DocumentKind, value: Json, schemas: Record<DocumentKind, JsonObject>, imports: Map<string, Set<string>>): Json {
  if (Array.isArray(value)) return value.map((v) => rewriteRefs(kind, v, schemas, imports));
  if (!isJsonObject(value)) return value;
  const allOf = value['allOf'];
  if (Array.isArray(allOf) && allOf.some(isConditionOnly)) {
    // json-schema-to-typescript would turn such an allOf into an intersection with an open object type.
    const kept = allOf.filter((entry) => !isConditionOnly(entry));
    const { allOf: _allOf, ...rest } = value;
    return rewriteRefs(kind, kept.length > 0 ? { ...rest, allOf: kept } : rest, schemas, imports);
  }
  const ref = value['$ref'];
  if (typeof ref === 'string' && !ref.startsWith('#')) {
    const [base = '', fragment = ''] = ref.split('#');
    const target = DOCUMENT_KINDS.find((k) => SCHEMAS[k].id === base);
    if (!target) throw new Error(`schema ${SCHEMAS[kind].file}: $ref ${ref} names no schema of ours`);
    if (target === kind) return { ...value, $ref: `#${fragment}` };
    const defName = /^\/\$defs\/([^/]+)$/.exec(fragment)?.[1];
    const def = defName === undefined ? undefined : schemas[target]['$defs'];
    const targetSchema = isJsonObject(def) && defName !== undefined ? def[defName] : undefined;
    const title = isJsonObject(targetSchema) ? targetSchema['title'] : undefined;
    if (typeof title !== 'string') {
      throw new Error(`schema ${SCHEMAS[kind].file}: $ref ${ref} must point at a titled $defs entry so it can be imported`);
    }
    const module = generatedName(target);
    imports.set(module, (imports.get(module) ?? new Set()).add(title));
    const { $ref: _ref, ...rest } = value;
    return { ...rest, tsType: title };
  }
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rewriteRefs(kind, v, schemas, imports)]));
}

function rewrite(kind: DocumentKind, schemas: Record<DocumentKind, JsonObject>): Rewrite {
  const imports = new Map<string, Set<string>>();
  return { schema: rewriteRefs(kind, schemas[kind], schemas, imports), imports };
}

/** Generates every module; pure apart from reading the schemas. */
export async function generateTypes(): Promise<GeneratedFile[]> {
  const schemas = await loadSchemas();
  const files: GeneratedFile[] = [];
  for (const kind of DOCUMENT_KINDS) {
    const { schema, imports } = rewrite(kind, schemas);
    if (!isJsonObject(schema) || typeof schema['title'] !== 'string') throw new Error(`schema ${SCHEMAS[kind].file} needs a title`);
    const body = await compile(schema as JSONSchema, schema['title'], {
      bannerComment: '',
      additionalProperties: true,
      ignoreMinAndMaxItems: true,
      strictIndexSignatures: true,
      unknownAny: true,
      unreachableDefinitions: true,
      $refOptions: { resolve: { external: false } },
    });
    const importLines = [...imports]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([module, names]) => `import type { ${[...names].sort().join(', ')} } from './${module}';`);
    const header = [
      `// Generated from schemas/${SCHEMAS[kind].file} by \`npm run gen -w manifests\`. Do not edit: change the schema`,
      '// and run it again (a test fails while this file is stale).',
      '',
      ...(importLines.length > 0 ? [...importLines, ''] : []),
    ];
    files.push({ name: generatedName(kind), contents: header.join('\n') + body });
  }
  files.push({ name: 'registry-api.ts', contents: await generateRegistryApiTypes() });
  return files;
}

/** The registry API's types (paths, components) from openapi/registry-api.yaml, for the shell's openapi-fetch client. */
export async function generateRegistryApiTypes(): Promise<string> {
  const ast = await openapiTS(await readFile(REGISTRY_OPENAPI_FILE, 'utf8'), { exportType: false, alphabetize: false, emptyObjectsUnknown: true });
  const header = [
    '// Generated from openapi/registry-api.yaml by `npm run gen -w manifests` (openapi-typescript). Do not edit: change',
    '// the document and run it again (a test fails while this file is stale).',
    '',
  ];
  return header.join('\n') + astToString(ast).replace(/^\/\*\*\n \* This file was auto-generated[\s\S]*?\*\/\n\n?/, '');
}
