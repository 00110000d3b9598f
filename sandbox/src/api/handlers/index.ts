/** Every operation the server implements, by the OpenAPI document's operationId. */
import type { OperationImpl } from '../context.ts';
import { communicationOperations } from './communication.ts';
import { directoryOperations } from './directory.ts';
import { eventOperations } from './events.ts';
import { teachingOperations } from './teaching.ts';
import { xapiOperations } from './xapi.ts';

export const OPERATIONS: Readonly<Record<string, OperationImpl>> = {
  getOpenApiYaml: {
    personal: false,
    handle: (ctx) => ({ body: ctx.openapi.yaml, type: 'application/yaml; charset=utf-8', headers: { 'cache-control': 'public, max-age=300' } }),
  },
  getOpenApiJson: {
    personal: false,
    handle: (ctx) => ({ body: ctx.openapi.doc, headers: { 'cache-control': 'public, max-age=300' } }),
  },
  getHealth: { personal: false, handle: () => ({ body: { status: 'ok' } }) },
  ...directoryOperations,
  ...teachingOperations,
  ...communicationOperations,
  ...xapiOperations,
  ...eventOperations,
};
