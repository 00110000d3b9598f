/**
 * Deterministic test data of the sandbox: tenants, schools, people (personas and the pupils and teachers around
 * them), weekly timetables, message threads and bulletins. No randomness: times of messages and bulletins are
 * relative to the clock passed in, lessons follow the school calendar.
 *
 * @packageDocumentation
 */
export * from './tenants.ts';
export * from './schools.ts';
export * from './subjects.ts';
export * from './people.ts';
export * from './claims.ts';
export * from './calendar.ts';
export * from './timetable.ts';
export { threadsFor } from './messages.ts';
export { bulletinFor } from './bulletin.ts';
