/**
 * The school calendar of the sandbox (southern Finland): school years, breaks and public holidays, and local time in
 * Europe/Helsinki. Dates are `YYYY-MM-DD` strings; arithmetic runs on UTC midnights so no local clock leaks in.
 */

/** A calendar date, `YYYY-MM-DD`. */
export type IsoDate = string;

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses a `YYYY-MM-DD` date; undefined when it is malformed or not a real date (2025-02-30). */
export function parseIsoDate(value: string): Date | undefined {
  const m = ISO_DATE.exec(value);
  if (!m) return undefined;
  const [, y, mo, d] = m;
  const date = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  return toIsoDate(date) === value ? date : undefined;
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

export function toIsoDate(date: Date): IsoDate {
  const year = date.getUTCFullYear();
  if (year < 0 || year > 9999 || Number.isNaN(year)) return date.toISOString().slice(0, 10);
  return `${String(year).padStart(4, '0')}-${pad2(date.getUTCMonth() + 1)}-${pad2(date.getUTCDate())}`;
}

function utc(year: number, month: number, day: number): Date {
  return new Date(Date.UTC(year, month - 1, day));
}

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY_MS);
}

/** Whole days from `a` to `b`. */
export function daysBetween(a: Date, b: Date): number {
  return Math.round((b.getTime() - a.getTime()) / DAY_MS);
}

/** ISO weekday: 1 Monday … 7 Sunday. */
export function isoWeekday(date: Date): number {
  return ((date.getUTCDay() + 6) % 7) + 1;
}

/** Monday of ISO week `week` of `year`. */
function mondayOfIsoWeek(year: number, week: number): Date {
  const jan4 = utc(year, 1, 4);
  const week1Monday = addDays(jan4, 1 - isoWeekday(jan4));
  return addDays(week1Monday, (week - 1) * 7);
}

/** Easter Sunday (Gregorian, anonymous algorithm). */
function easterSunday(year: number): Date {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return utc(year, month, day);
}

/** One school year: first and last school day, and the weekdays without school. */
export interface SchoolYear {
  /** e.g. `2026-2027`. */
  id: string;
  first: Date;
  last: Date;
  /** ISO dates of breaks and public holidays on weekdays. */
  daysOff: ReadonlySet<IsoDate>;
}

function range(from: Date, to: Date): IsoDate[] {
  const out: IsoDate[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(toIsoDate(d));
  return out;
}

const yearCache = new Map<number, SchoolYear>();

/**
 * The school year that starts in August of `startYear`: from the Thursday of ISO week 32 to the Saturday of ISO
 * week 22, with the Uusimaa breaks (autumn week 42, winter week 8), Christmas 22.12.–6.1. and the public holidays.
 */
export function schoolYearStarting(startYear: number): SchoolYear {
  const cached = yearCache.get(startYear);
  if (cached) return cached;
  const end = startYear + 1;
  const easter = easterSunday(end);
  const autumnBreak = mondayOfIsoWeek(startYear, 42);
  const winterBreak = mondayOfIsoWeek(end, 8);
  const daysOff = new Set<IsoDate>([
    ...range(autumnBreak, addDays(autumnBreak, 4)),
    toIsoDate(utc(startYear, 12, 6)),
    ...range(utc(startYear, 12, 22), utc(end, 1, 6)),
    ...range(winterBreak, addDays(winterBreak, 4)),
    toIsoDate(addDays(easter, -2)),
    toIsoDate(addDays(easter, 1)),
    toIsoDate(utc(end, 5, 1)),
    toIsoDate(addDays(easter, 39)),
  ]);
  const year: SchoolYear = {
    id: `${startYear}-${end}`,
    first: addDays(mondayOfIsoWeek(startYear, 32), 3),
    last: addDays(mondayOfIsoWeek(end, 22), 5),
    daysOff,
  };
  yearCache.set(startYear, year);
  return year;
}

/** The school year a date belongs to (summer days belong to the year that ended in June). */
export function schoolYearOf(date: Date): SchoolYear {
  const y = date.getUTCFullYear();
  return date.getUTCMonth() >= 7 ? schoolYearStarting(y) : schoolYearStarting(y - 1);
}

/** Whether pupils are at school on this date. */
export function isSchoolDay(date: Date): boolean {
  const weekday = isoWeekday(date);
  if (weekday > 5) return false;
  const year = schoolYearOf(date);
  return date >= year.first && date <= year.last && !year.daysOff.has(toIsoDate(date));
}

const offsetFormat = new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Helsinki', timeZoneName: 'longOffset' });

// Intl formatting is slow, and the generated data asks for the same few hundred dates thousands of times.
const offsetCache = new Map<number, string>();

/** The Europe/Helsinki UTC offset (`+02:00` or `+03:00`) at noon of a date. */
export function helsinkiOffset(date: Date): string {
  const cached = offsetCache.get(date.getTime());
  if (cached !== undefined) return cached;
  const noon = new Date(date.getTime() + DAY_MS / 2);
  const name = offsetFormat.formatToParts(noon).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT+02:00';
  const offset = name.replace('GMT', '');
  const result = offset === '' ? '+00:00' : offset;
  offsetCache.set(date.getTime(), result);
  return result;
}

/** An ISO 8601 date-time with the Helsinki offset, e.g. `2026-11-30T08:15:00+02:00`. */
export function helsinkiDateTime(date: Date, hhmm: string): string {
  return `${toIsoDate(date)}T${hhmm}:00${helsinkiOffset(date)}`;
}

/** Today's date in Helsinki. */
export function helsinkiToday(now: Date): Date {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Helsinki', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
  return parseIsoDate(parts) ?? utc(now.getUTCFullYear(), now.getUTCMonth() + 1, now.getUTCDate());
}
