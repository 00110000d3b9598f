/**
 * @digione/manifests: the validator and the registry server. Types are in `@digione/manifests/types`.
 *
 * @packageDocumentation
 */
export { validateFiles, validateDocuments, type ValidationResult, type Located, type ValidDocuments, type KnownDocuments } from './validate/validate.ts';
export { ISSUE_CODES, MAX_DOCUMENT_BYTES, type IssueCode, type ValidationIssue } from './validate/issues.ts';
export { formatReport, jsonReport } from './validate/report.ts';
export {
  startRegistry,
  loadTenants,
  InvalidManifestsError,
  type RegistryOptions,
  type RunningRegistry,
} from './registry/server.ts';
export { resolveDashboard, mergeDashboards, type MergedDashboard } from './registry/resolve.ts';
export {
  AUDIT_ACTIONS,
  type Storage,
  type SeedData,
  type SeedReport,
  type DashboardKey,
  type AuditAction,
  type AuditEntry,
  type AuditInput,
  type AuditQuery,
  type Draft,
  type VersionInfo,
  type StaleVersion,
} from './registry/storage.ts';
export { REGISTRY_OPENAPI_FILE } from './registry/openapi.ts';
export { openSqliteStorage } from './registry/sqlite-storage.ts';
export { PROBLEM_CODES, type ProblemCode, type ProblemDocument } from './registry/problem.ts';
export { DOCUMENT_KINDS, SCHEMAS, type DocumentKind } from './schemas.ts';
export type * from './types.ts';
export { buildIntegrity, type BuildIntegrity } from './integrity/integrity.ts';
export { contentSources, type ContentSources } from './registry/content-sources.ts';
