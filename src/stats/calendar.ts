/**
 * Calendar arithmetic on plain "YYYY-MM-DD" strings. A date is turned into a
 * whole day number (days since 1970-01-01 in the proleptic Gregorian calendar)
 * with integer arithmetic only: no Date object and no time zone is involved,
 * so no machine setting can move a log to the day before or after.
 */

export type WeekStart = 'monday' | 'sunday';

const isoPattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Day of the week of a day number: 1970-01-01 (day 0) was a Thursday. */
const THURSDAY = 4;

/** Is this a real calendar day written as YYYY-MM-DD (not 2025-02-30)? */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = isoPattern.exec(value);
  if (!match) return false;
  const month = Number(match[2]);
  const day = Number(match[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(Number(match[1]), month);
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Year, month (1–12) and day of a date; throws a RangeError for anything but a real YYYY-MM-DD day. */
export function dateParts(date: string): { year: number; month: number; day: number } {
  if (!isIsoDate(date)) throw new RangeError(`expected a date as YYYY-MM-DD, not ${JSON.stringify(date)}`);
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) };
}

/**
 * Day numbers already worked out, by date: the statistics over ten years of
 * logs ask for the same few thousand days hundreds of thousands of times
 * (every learning's and plan's due day). Dropped whole when it grows past
 * DAY_MEMO_LIMIT, so a long-running process holds it small.
 */
const dayMemo = new Map<string, number>();
const DAY_MEMO_LIMIT = 50_000;

/** Days since 1970-01-01 (Howard Hinnant's days_from_civil). */
export function dayNumber(date: string): number {
  const known = dayMemo.get(date);
  if (known !== undefined) return known;
  const found = daysFromCivil(date);
  if (dayMemo.size >= DAY_MEMO_LIMIT) dayMemo.clear();
  dayMemo.set(date, found);
  return found;
}

function daysFromCivil(date: string): number {
  const { year, month, day } = dateParts(date);
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** The YYYY-MM-DD date of a day number (Hinnant's civil_from_days). */
export function dateOfDayNumber(dayNo: number): string {
  const z = dayNo + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

export function addDays(date: string, days: number): string {
  return dateOfDayNumber(dayNumber(date) + days);
}

/** Days from `from` to `to`: positive when `to` is later, 0 on the same day. */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: string): number {
  return (((dayNumber(date) + THURSDAY) % 7) + 7) % 7;
}

/** The first day of the week holding `date`. */
export function weekStartOf(date: string, weekStart: WeekStart): string {
  const weekday = dayOfWeek(date);
  const back = weekStart === 'monday' ? (weekday + 6) % 7 : weekday;
  return addDays(date, -back);
}

/** The last day of the week holding `date` (Sunday for Monday weeks, Saturday for Sunday weeks). */
export function endOfWeek(date: string, weekStart: WeekStart): string {
  return addDays(weekStartOf(date, weekStart), 6);
}

export function startOfMonth(date: string): string {
  return `${date.slice(0, 7)}-01`;
}

export function endOfMonth(date: string): string {
  const { year, month } = dateParts(date);
  return `${date.slice(0, 7)}-${pad2(daysInMonth(year, month))}`;
}

/** The first day of the month after the one holding `date`. */
export function startOfNextMonth(date: string): string {
  return addDays(endOfMonth(date), 1);
}

/** Every day from `start` to `end`, both included; empty when `end` is before `start`. */
export function eachDay(start: string, end: string): string[] {
  const first = dayNumber(start);
  const last = dayNumber(end);
  const days: string[] = [];
  for (let dayNo = first; dayNo <= last; dayNo++) days.push(dateOfDayNumber(dayNo));
  return days;
}

/** The later of two dates (YYYY-MM-DD strings order like the days they name). */
export function laterDate(a: string, b: string): string {
  return a >= b ? a : b;
}
