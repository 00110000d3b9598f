/**
 * Shapes of the platform API answers, as named aliases of the schemas generated from the OpenAPI document
 * (`src/generated/platform-api.ts`). Never edit a shape here: change the document and run `npm run gen`.
 *
 * @packageDocumentation
 */
import type { components, operations, paths } from './generated/platform-api.js';

export type { paths as PlatformPaths, components as PlatformComponents, operations as PlatformOperations };

/** A text in each platform locale. */
export type LocalizedText = components['schemas']['LocalizedText'];
/** One lesson or other scheduled event. */
export type ScheduleEvent = components['schemas']['ScheduleEvent'];
/** A message thread, as listed in an inbox. */
export type MessageThread = components['schemas']['MessageThread'];
/** A school announcement. */
export type BulletinItem = components['schemas']['BulletinItem'];
/** Answer of `GET /v1/schedule`. */
export type ScheduleResponse = components['schemas']['ScheduleResponse'];
/** Answer of `GET /v1/messages`. */
export type MessagesResponse = components['schemas']['MessagesResponse'];
/** Answer of `GET /v1/bulletin`. */
export type BulletinResponse = components['schemas']['BulletinResponse'];
/** An RFC 9457 problem document, the one error format of every DigiOne server. */
export type ProblemDocument = components['schemas']['Problem'];
/** A problem document's stable `code`. */
export type ProblemCode = components['schemas']['ProblemCode'];
/** Per-user settings of one widget as the platform stores them: a JSON object. */
export type StoredWidgetSettings = components['schemas']['WidgetSettings'];
/** An xAPI 1.0.3 statement as a client sends it to `POST /xapi/statements`. */
export type XapiStatementInput = components['schemas']['StatementInput'];
