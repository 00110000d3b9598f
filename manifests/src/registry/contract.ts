/**
 * Test helper: checks one registry answer against openapi/registry-api.yaml (status listed, body valid against the
 * schema of that status), and remembers which operations were exercised so a test can demand all of them.
 */
import assert from 'node:assert/strict';
import type { ValidateFunction } from 'ajv/dist/2020.js';
import { matchOperation, openApiAjv, operations, type HttpMethod } from './openapi.ts';

const ajv = openApiAjv();
const compiled = new Map<string, ValidateFunction>();
/** operationIds with at least one checked answer, by status. */
export const exercised = new Map<string, Set<number>>();

/** Asserts that the answer is one the document describes. */
export function checkAnswer(method: string, url: string, status: number, body: unknown): void {
  const path = new URL(url, 'http://localhost').pathname;
  const op = matchOperation(method.toLowerCase() as HttpMethod, path);
  assert.ok(op, `registry-api.yaml documents no ${method} ${path}`);
  assert.ok(String(status) in op.responses, `registry-api.yaml does not list status ${status} for ${op.operationId} (${method} ${path})`);
  exercised.set(op.operationId, (exercised.get(op.operationId) ?? new Set()).add(status));
  const schema = op.responses[String(status)];
  if (!schema) return;
  const key = `${op.operationId} ${status}`;
  let validate = compiled.get(key);
  if (!validate) {
    validate = ajv.compile(schema);
    compiled.set(key, validate);
  }
  assert.ok(validate(body), `${op.operationId} ${status} answer does not match registry-api.yaml: ${ajv.errorsText(validate.errors)}\n${JSON.stringify(body)}`);
}

/** Every operationId of the document. */
export function documentedOperations(): string[] {
  return operations().map((op) => op.operationId);
}
