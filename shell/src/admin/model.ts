import type { Role } from '@digione/sdk';
import type { AuditAction, AuditEntry, AuditQuery, ValidationIssue } from './api.js';
import { toCsv } from './csv.js';

/**
 * The admin area's logic that needs no page: routes, where a validation issue belongs, the audit query and its CSV.
 * Kept apart from the elements so that the unit tests (admin.test.ts) import it without the components.
 */

/** The roles whose dashboards an admin edits, in the order the platform lists them. */
export const DASHBOARD_ROLES: readonly Role[] = ['pupil', 'guardian', 'teacher', 'principal', 'admin'];

/** Where an /admin path leads. */
export type AdminRoute =
  | { section: 'catalogue' }
  | { section: 'dashboards'; role: Role }
  | { section: 'audit' }
  | { section: 'theme' }
  | { section: 'not-found' };

/** The route of `pathname` (trailing slashes ignored; `/admin` alone opens the catalogue). */
export function adminRoute(pathname: string): AdminRoute {
  const parts = pathname.replace(/\/+$/, '').split('/').slice(2);
  const [section, role, ...rest] = parts;
  if (section === undefined || (section === 'catalogue' && role === undefined)) return { section: 'catalogue' };
  if (section === 'audit' && role === undefined) return { section: 'audit' };
  if (section === 'theme' && role === undefined) return { section: 'theme' };
  if (section === 'dashboards' && rest.length === 0) {
    if (role === undefined) return { section: 'dashboards', role: 'pupil' };
    const known = DASHBOARD_ROLES.find((r) => r === role);
    if (known) return { section: 'dashboards', role: known };
  }
  return { section: 'not-found' };
}

/** Whether a click should open the link in this page (not a new tab or window, nor a download). */
export function plainClick(event: MouseEvent): boolean {
  return event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey;
}

/**
 * Sorts a refused draft's validation issues by the layout entry they concern: `/layout/3/config/days` belongs to
 * the fourth entry, anything else (the whole document) to `general`.
 */
export function issuesByEntry(issues: readonly ValidationIssue[]): { byIndex: Map<number, ValidationIssue[]>; general: ValidationIssue[] } {
  const byIndex = new Map<number, ValidationIssue[]>();
  const general: ValidationIssue[] = [];
  for (const issue of issues) {
    const match = /^\/layout\/(\d+)(?:\/|$)/.exec(issue.pointer);
    if (!match) {
      general.push(issue);
      continue;
    }
    const index = Number(match[1]);
    byIndex.set(index, [...(byIndex.get(index) ?? []), issue]);
  }
  return { byIndex, general };
}

/** The filters as the form holds them: dates as `YYYY-MM-DD` (the date picker's value), `to` inclusive. */
export interface AuditFilters {
  user: string;
  action: AuditAction | '';
  widget: string;
  from: string;
  to: string;
}

/** Local midnight of `date` (`YYYY-MM-DD`), plus `days`, as an ISO 8601 instant. */
function localMidnight(date: string, days = 0): string {
  const [year, month, day] = date.split('-').map(Number);
  return new Date(year!, month! - 1, day! + days).toISOString();
}

/**
 * The registry query for `filters`: the admin picks whole days in their own time zone, so `from` is the first day's
 * local midnight and `to` (exclusive at the registry) the local midnight after the last day.
 */
export function auditQuery(tenant: string, filters: AuditFilters): AuditQuery {
  return {
    tenant,
    ...(filters.user.trim() ? { user: filters.user.trim() } : {}),
    ...(filters.action ? { action: filters.action } : {}),
    ...(filters.widget ? { widget: filters.widget } : {}),
    ...(filters.from ? { from: localMidnight(filters.from) } : {}),
    ...(filters.to ? { to: localMidnight(filters.to, 1) } : {}),
  };
}

/** The CSV export of `entries`: raw values (ISO times, ids, action codes) that another program can read back. */
export function auditCsv(entries: readonly AuditEntry[]): string {
  return toCsv(
    ['id', 'at', 'tenant', 'user', 'userName', 'action', 'target', 'widgets'],
    entries.map((entry) => [entry.id, entry.at, entry.tenant, entry.user, entry.userName, entry.action, entry.target, entry.widgets.join(' ')]),
  );
}

