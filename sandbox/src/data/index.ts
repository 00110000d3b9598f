/**
 * Deterministic test data of the sandbox: tenants, schools, people (personas and the pupils, guardians and staff
 * around them), timetables, coursework, assessments, absences, KOSKI study rights, messages, bulletins and xAPI
 * activity. No `Math.random` and no clock: the generated data set comes from a seeded PRNG and describes the school
 * year as it stands on {@link DATASET_AS_OF}; persona inbox and bulletin times are relative to the clock passed in.
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
export type * from './model.ts';
export { getDataset, DATASET_AS_OF, DATASET_SEED, type Dataset } from './dataset.ts';
export { CURRICULUM, CURRICULUM_GOALS, SUBJECT_INFOS, goalsFor } from './curriculum.ts';
export { XAPI_LEARNER_HOMEPAGE, MATERIALS_BASE, XAPI_VERB } from './gen-activity.ts';
export { threadsFor } from './messages.ts';
export { bulletinFor } from './bulletin.ts';
