/** Short Japanese labels for periods, as the charts and tables show them. */
import { dateParts } from './calendar.ts';

/** "8/4〜8/10": month/day without leading zeros; the year is left to the surrounding page. */
export function weekLabel(start: string, end: string): string {
  return `${monthDay(start)}〜${monthDay(end)}`;
}

/** "2025年8月" for any day of that month. */
export function monthLabel(date: string): string {
  const { year, month } = dateParts(date);
  return `${year}年${month}月`;
}

function monthDay(date: string): string {
  const { month, day } = dateParts(date);
  return `${month}/${day}`;
}
