/**
 * The archive of a year or a month: what /logs/YYYY/ and /logs/YYYY/MM/ show,
 * from the LoggedDay list of logDays(records). Pure, like the rest of stats.
 */
import { daysInMonth } from './calendar.ts';
import type { LoggedDay } from './days.ts';
import { totalOf } from './periods.ts';

export interface ArchiveMonth {
  /** "YYYY-MM". */
  month: string;
  minutes: number;
  /** The month's study time as its days say it: null when no log of the month gave one (minutes is 0 then). */
  studyMinutes: number | null;
  approximate: boolean;
  logs: number;
  /** Days with a log. */
  days: number;
  checklistDone: number;
  checklistTotal: number;
  completionRate: number | null;
  /** Problems written (occurrences, not threads). */
  problems: number;
}

export interface ArchiveYear {
  year: string;
  minutes: number;
  approximate: boolean;
  logs: number;
  days: number;
  /** The year's twelve months, January first, months without a log included. */
  months: ArchiveMonth[];
}

/** One row per month of `days` (any span), keyed "YYYY-MM", with its totals. */
function monthOf(month: string, days: readonly LoggedDay[]): ArchiveMonth {
  const checklistDone = days.reduce((sum, day) => sum + day.checklistDone, 0);
  const checklistTotal = days.reduce((sum, day) => sum + day.checklistTotal, 0);
  const total = totalOf(days);
  return {
    month,
    ...total,
    studyMinutes: days.some((day) => day.minutes !== null) ? total.minutes : null,
    days: days.length,
    checklistDone,
    checklistTotal,
    completionRate: checklistTotal > 0 ? checklistDone / checklistTotal : null,
    problems: days.reduce((sum, day) => sum + day.problems, 0),
  };
}

/** Every year that has a log, oldest first, each with its twelve months. */
export function archiveYears(days: readonly LoggedDay[]): ArchiveYear[] {
  const byMonth = new Map<string, LoggedDay[]>();
  for (const day of days) {
    const key = day.date.slice(0, 7);
    const list = byMonth.get(key);
    if (list) list.push(day);
    else byMonth.set(key, [day]);
  }
  const years = [...new Set(days.map((day) => day.date.slice(0, 4)))];
  return years.map((year) => {
    const months = Array.from({ length: 12 }, (_, index) => {
      const month = `${year}-${String(index + 1).padStart(2, '0')}`;
      return monthOf(month, byMonth.get(month) ?? []);
    });
    const all = days.filter((day) => day.date.startsWith(`${year}-`));
    return { year, ...totalOf(all), days: all.length, months };
  });
}

/** The first and last day of a "YYYY-MM" month. */
export function monthBounds(month: string): { start: string; end: string } {
  const [year, number] = month.split('-').map(Number) as [number, number];
  return { start: `${month}-01`, end: `${month}-${String(daysInMonth(year, number)).padStart(2, '0')}` };
}
