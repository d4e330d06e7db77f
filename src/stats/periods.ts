/** Week and month totals, one row per period, gaps included. */
import type { PeriodTotal, StatsOptions, WeekRow } from './types.ts';
import { addDays, endOfMonth, endOfWeek, laterDate, startOfMonth, startOfNextMonth, weekStartOf } from './calendar.ts';
import type { LoggedDay } from './days.ts';
import { monthLabel, weekLabel } from './labels.ts';

/**
 * Every week from the one holding the first log to the one holding the later
 * of today and the last log, oldest first. A week without logs is a row of
 * zeros, so a chart shows the gap instead of closing it up.
 */
export function weeklyTotals(days: readonly LoggedDay[], options: StatsOptions): WeekRow[] {
  const rows = periodRows(days, options.today, (date) => weekStartOf(date, options.weekStart), (start) => {
    const end = endOfWeek(start, options.weekStart);
    return { start, end, label: weekLabel(start, end), next: addDays(start, 7) };
  });
  return rows.map(({ total, logged }) => {
    const checklistDone = sum(logged, (day) => day.checklistDone);
    const checklistTotal = sum(logged, (day) => day.checklistTotal);
    return {
      ...total,
      checklistDone,
      checklistTotal,
      completionRate: checklistTotal > 0 ? checklistDone / checklistTotal : null,
      problems: sum(logged, (day) => day.problems),
    };
  });
}

/** Every calendar month from the first log's to the later of today's and the last log's, oldest first. */
export function monthlyTotals(days: readonly LoggedDay[], options: StatsOptions): PeriodTotal[] {
  const rows = periodRows(days, options.today, startOfMonth, (start) => ({
    start,
    end: endOfMonth(start),
    label: monthLabel(start),
    next: startOfNextMonth(start),
  }));
  return rows.map(({ total }) => total);
}

/** Totals of some days: minutes of the days with time, logs of all, approximate if any counted time was. */
export function totalOf(days: readonly LoggedDay[]): { minutes: number; logs: number; approximate: boolean } {
  return {
    minutes: sum(days, (day) => day.minutes ?? 0),
    logs: sum(days, (day) => day.slugs.length),
    approximate: days.some((day) => day.approximate),
  };
}

interface PeriodBounds {
  start: string;
  end: string;
  label: string;
  /** First day of the following period. */
  next: string;
}

/** Periods from the first log's to the last needed one, each with its logged days (which arrive sorted). */
function periodRows(
  days: readonly LoggedDay[],
  today: string,
  startOf: (date: string) => string,
  bounds: (start: string) => PeriodBounds,
): Array<{ total: PeriodTotal; logged: LoggedDay[] }> {
  const first = days[0];
  const last = days.at(-1);
  if (!first || !last) return [];
  const lastStart = startOf(laterDate(today, last.date));
  const rows: Array<{ total: PeriodTotal; logged: LoggedDay[] }> = [];
  let index = 0;
  for (let start = startOf(first.date); start <= lastStart; ) {
    const period = bounds(start);
    const logged: LoggedDay[] = [];
    while (index < days.length && days[index]!.date <= period.end) logged.push(days[index++]!);
    rows.push({ total: { start: period.start, end: period.end, label: period.label, ...totalOf(logged) }, logged });
    start = period.next;
  }
  return rows;
}

function sum<T>(items: readonly T[], value: (item: T) => number): number {
  let total = 0;
  for (const item of items) total += value(item);
  return total;
}
