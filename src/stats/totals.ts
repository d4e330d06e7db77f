/** All-time totals and the current week's and month's. */
import type { StatsOptions, Totals } from './types.ts';
import { endOfMonth, endOfWeek, startOfMonth, weekStartOf } from './calendar.ts';
import type { LoggedDay } from './days.ts';
import { totalOf } from './periods.ts';

/** "This week" and "this month" are the calendar week and month holding options.today, whole (as the weekly rows are). */
export function totals(days: readonly LoggedDay[], options: StatsOptions): Totals {
  const all = totalOf(days);
  const week = totalOf(between(days, weekStartOf(options.today, options.weekStart), endOfWeek(options.today, options.weekStart)));
  const month = totalOf(between(days, startOfMonth(options.today), endOfMonth(options.today)));
  return {
    minutes: all.minutes,
    days: days.length,
    logs: all.logs,
    approximate: all.approximate,
    thisWeekMinutes: week.minutes,
    thisWeekApproximate: week.approximate,
    thisMonthMinutes: month.minutes,
    thisMonthApproximate: month.approximate,
  };
}

function between(days: readonly LoggedDay[], start: string, end: string): LoggedDay[] {
  return days.filter((day) => start <= day.date && day.date <= end);
}
