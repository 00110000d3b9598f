/** A calendar date in Europe/Helsinki as YYYY-MM-DD. */
export type IsoDate = string;

const HELSINKI = 'Europe/Helsinki';

/** Today's date in Helsinki, whatever the device's time zone. */
export function todayInHelsinki(now: Date = new Date()): IsoDate {
  return new Intl.DateTimeFormat('en-CA', { timeZone: HELSINKI, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

function addDays(date: IsoDate, days: number): IsoDate {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * The school week to show on `today`: Monday to Friday of this week, or of next week at the weekend.
 */
export function schoolWeek(today: IsoDate): { days: IsoDate[]; next: boolean } {
  const weekday = new Date(`${today}T12:00:00Z`).getUTCDay(); // 0 = Sunday
  const next = weekday === 0 || weekday === 6;
  const monday = next ? addDays(today, weekday === 6 ? 2 : 1) : addDays(today, 1 - weekday);
  return { days: [0, 1, 2, 3, 4].map((i) => addDays(monday, i)), next };
}

/** The Helsinki calendar date of an ISO date-time. */
export function dateOf(isoDateTime: string): IsoDate {
  return todayInHelsinki(new Date(isoDateTime));
}

/** The same weekdays `weeks` weeks later. */
export function shiftWeek(days: readonly IsoDate[], weeks: number): IsoDate[] {
  return days.map((day) => addDays(day, 7 * weeks));
}

/** The ISO 8601 week number of a date, as Finnish schools name their weeks ("viikko 49"). */
export function isoWeek(date: IsoDate): number {
  const d = new Date(`${date}T12:00:00Z`);
  const weekday = d.getUTCDay() || 7;
  d.setUTCDate(d.getUTCDate() + 4 - weekday); // the Thursday of the same week decides the year
  const yearStart = Date.UTC(d.getUTCFullYear(), 0, 1);
  return Math.floor((d.getTime() - yearStart) / 86_400_000 / 7) + 1;
}
