/** Calendar dates without time zones: `YYYY-MM-DD` strings and UTC `Date`s at midnight. */
import type { Locale } from '../../i18n.js';

/** Intl locales for dates: Finnish, Finland-Swedish and British English all write day before month. */
export const dateLocales: Readonly<Record<Locale, string>> = { fi: 'fi-FI', sv: 'sv-FI', en: 'en-GB' };

export function toIso(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** A valid `YYYY-MM-DD` as a UTC date, or null. */
export function fromIso(iso: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return null;
  return makeDate(Number(match[1]), Number(match[2]), Number(match[3]));
}

/** The UTC date, or null when the day does not exist (31.2.). */
export function makeDate(year: number, month: number, day: number): Date | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? date : null;
}

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * 86_400_000);
}

/** Same day in another month, clamped to that month's length (31.1. + 1 month = 28.2.). */
export function addMonths(date: Date, months: number): Date {
  const first = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  return new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), Math.min(date.getUTCDate(), last)));
}

/** 0 for Monday … 6 for Sunday: weeks start on Monday in Finland. */
export function weekdayIndex(date: Date): number {
  return (date.getUTCDay() + 6) % 7;
}

/** The 6 × 7 days shown for `month`'s calendar, Monday first. */
export function monthGrid(month: Date): Date[][] {
  const first = new Date(Date.UTC(month.getUTCFullYear(), month.getUTCMonth(), 1));
  const start = addDays(first, -weekdayIndex(first));
  return Array.from({ length: 6 }, (_, week) => Array.from({ length: 7 }, (_, day) => addDays(start, week * 7 + day)));
}

export function formatDate(date: Date, locale: Locale, options: Intl.DateTimeFormatOptions = {}): string {
  const defaults: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'numeric', year: 'numeric' };
  return new Intl.DateTimeFormat(dateLocales[locale], { timeZone: 'UTC', ...(Object.keys(options).length ? options : defaults) }).format(date);
}

/** Reads what a user typed in the locale's order (day, month, year), with any separators. */
export function parseDate(text: string, locale: Locale): Date | null {
  const numbers = text.trim().split(/\D+/).filter(Boolean).map(Number);
  if (numbers.length !== 3) return null;
  const parts = new Intl.DateTimeFormat(dateLocales[locale], { day: 'numeric', month: 'numeric', year: 'numeric' })
    .formatToParts(new Date(Date.UTC(2026, 10, 28)))
    .filter((part) => part.type === 'day' || part.type === 'month' || part.type === 'year')
    .map((part) => part.type);
  const value = (type: string): number => numbers[parts.indexOf(type as Intl.DateTimeFormatPartTypes)] ?? NaN;
  const year = value('year');
  if (year < 1000) return null;
  return makeDate(year, value('month'), value('day'));
}

/** Weekday names, Monday first. */
export function weekdays(locale: Locale, width: 'short' | 'long'): string[] {
  const monday = new Date(Date.UTC(2026, 10, 23));
  return Array.from({ length: 7 }, (_, i) => formatDate(addDays(monday, i), locale, { weekday: width }));
}
