import type { LocalizedText, PlatformComponents } from '@digione/sdk';

/** A calendar date in Europe/Helsinki, `YYYY-MM-DD`. */
export type IsoDate = string;

/** An assignment as the platform API answers it. */
export type Assignment = PlatformComponents['schemas']['Assignment'];

/** A school term as the platform API answers it. */
export type Term = PlatformComponents['schemas']['Term'];

/** How many days ahead the calendar looks: two school weeks, what a pupil plans homework around. */
export const HORIZON_DAYS = 14;

const HELSINKI = 'Europe/Helsinki';

/** The Helsinki calendar date of an instant, whatever the device's time zone (schools keep Finnish time). */
export function helsinkiDate(instant: Date): IsoDate {
  return new Intl.DateTimeFormat('en-CA', { timeZone: HELSINKI, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
}

/** The date `days` days after `date` (negative: before). */
export function addDays(date: IsoDate, days: number): IsoDate {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Whole days from `from` to `to`. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((Date.parse(`${to}T12:00:00Z`) - Date.parse(`${from}T12:00:00Z`)) / 86_400_000);
}

/** One thing on the calendar. */
export type AgendaItem =
  | { kind: 'deadline'; id: string; date: IsoDate; dueAt: string; title: string; subject: string; group: string }
  | { kind: 'term-start' | 'term-end'; id: string; date: IsoDate; name: LocalizedText };

/** The items of one day, in the order a user reads them: term changes first, then deadlines by time. */
export interface AgendaDay {
  date: IsoDate;
  items: AgendaItem[];
}

/**
 * Merges assignment deadlines and term starts and ends between `from` and `to` (both included) into days, earliest
 * first. Days without anything are left out: the calendar lists what is coming, not an empty grid.
 */
export function buildAgenda(assignments: readonly Assignment[], terms: readonly Term[], from: IsoDate, to: IsoDate): AgendaDay[] {
  const inRange = (date: IsoDate) => date >= from && date <= to;
  const items: AgendaItem[] = [];
  for (const term of terms) {
    if (inRange(term.start)) items.push({ kind: 'term-start', id: `${term.id}:start`, date: term.start, name: term.name });
    if (inRange(term.end)) items.push({ kind: 'term-end', id: `${term.id}:end`, date: term.end, name: term.name });
  }
  for (const a of assignments) {
    const date = helsinkiDate(new Date(a.dueAt));
    if (inRange(date)) {
      items.push({ kind: 'deadline', id: a.id, date, dueAt: a.dueAt, title: a.title, subject: a.subject, group: a.group });
    }
  }
  const rank = (item: AgendaItem) => (item.kind === 'deadline' ? 1 : 0);
  const order = (item: AgendaItem) => (item.kind === 'deadline' ? item.dueAt : '');
  items.sort((a, b) => a.date.localeCompare(b.date) || rank(a) - rank(b) || order(a).localeCompare(order(b)) || a.id.localeCompare(b.id));
  const days: AgendaDay[] = [];
  for (const item of items) {
    const last = days.at(-1);
    if (last?.date === item.date) last.items.push(item);
    else days.push({ date: item.date, items: [item] });
  }
  return days;
}

/** The term `today` falls in, if any: the calendar names it and counts the days to its end. */
export function currentTerm(terms: readonly Term[], today: IsoDate): Term | undefined {
  return terms.find((term) => term.start <= today && today <= term.end);
}
