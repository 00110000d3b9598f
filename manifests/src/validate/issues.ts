/** What the validator reports. */

/** Stable codes, one per kind of error; tools may branch on them, people read `reason`. */
export const ISSUE_CODES = [
  /** The path does not exist or cannot be read. */
  'unreadable',
  /** The document exceeds {@link MAX_DOCUMENT_BYTES}. */
  'too-large',
  /** Not JSON. */
  'json-syntax',
  /** Neither the folder nor a `$schema` property says which schema applies. */
  'unknown-schema',
  /** The JSON Schema of the document's kind rejects it. */
  'schema',
  /** A key that a runtime would evaluate as code (`getPublicPath`). */
  'code-key',
  /** A key that could pollute object prototypes (`__proto__`, `constructor`, `prototype`). */
  'prototype-key',
  /** The file's name or folder disagrees with its content (e.g. catalogue/a.b.json holding widget c.d). */
  'misplaced',
  /** The widget id is outside its vendor (`kajo.x` with vendor `lumo`). */
  'vendor-mismatch',
  /** A widget's `config` is not a usable JSON Schema. */
  'invalid-config-schema',
  /** Two catalogue files declare the same widget id. */
  'duplicate-widget',
  /** Two tenant files declare the same id or provider OID. */
  'duplicate-tenant',
  /** Two dashboards for the same tenant, role, school and version. */
  'duplicate-dashboard',
  /** A dashboard names a tenant that no tenant file declares. */
  'unknown-tenant',
  /** A dashboard places a widget that is not in the catalogue. */
  'unknown-widget',
  /** A dashboard places a widget for a role its manifest does not list. */
  'role-not-supported',
  /** A dashboard gives a widget a size its manifest does not offer. */
  'size-not-offered',
  /** Two instances of one dashboard share an instance id. */
  'duplicate-instance',
  /** An instance's config fails the widget's config schema (or the widget takes none). */
  'invalid-config',
  /** Two policy files for one tenant. */
  'duplicate-policy',
  /** A dashboard's tenant has no policy, so nothing is approved for it. */
  'no-policy',
  /** A dashboard places a widget its tenant's policy does not approve. */
  'widget-not-approved',
  /** A dashboard places a widget whose catalogue version is outside the range the policy approves. */
  'version-not-approved',
  /** A dashboard places a widget that needs a scope the policy does not grant it. */
  'scope-not-granted',
  /** A dashboard places a widget whose kind runs further into the page than the policy allows. */
  'integration-not-allowed',
  /** A policy grants a widget a scope its manifest does not declare. */
  'scope-not-declared',
  /** A policy's version range is not one npm's semver understands. */
  'invalid-range',
  /** `remove: true` in a dashboard that refines nothing (it has no `school`). */
  'removal-without-school',
  /** A school's dashboard removes an instance id the tenant's dashboard does not have. */
  'unknown-instance',
  /** A pair of a policy theme's colours misses WCAG 2.1 AA contrast (4.5:1 text, 3:1 user-interface parts). */
  'theme-contrast',
] as const;
export type IssueCode = (typeof ISSUE_CODES)[number];

/** One error in one document. */
export interface ValidationIssue {
  /** The file, as the caller named it (a directory given by the caller is joined with the file's relative path). */
  file: string;
  /** JSON Pointer (RFC 6901) of the offending field; `''` for the whole document. */
  pointer: string;
  code: IssueCode;
  /** What is wrong, in plain words. */
  reason: string;
  /** How to fix it, when there is something better to say than the reason. */
  hint?: string;
}

/** Documents larger than this are refused unread: a manifest is small, and the registry serves them to every page. */
export const MAX_DOCUMENT_BYTES = 256 * 1024;

/** Escapes one JSON Pointer reference token. */
export function pointerToken(token: string | number): string {
  return String(token).replaceAll('~', '~0').replaceAll('/', '~1');
}

/** Joins reference tokens onto a pointer. */
export function pointerOf(base: string, ...tokens: (string | number)[]): string {
  return base + tokens.map((t) => `/${pointerToken(t)}`).join('');
}
