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
