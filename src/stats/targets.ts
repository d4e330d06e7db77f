/** The weekly study target (settings `targets.weeklyMinutes`) against the weeks written. Pure. */
import type { WeekRow } from './types.ts';

export interface TargetYear {
  /** Weeks that start in the year and have passed or are under way (rows of the weekly totals). */
  weeks: number;
  /** Those whose minutes reached the target, oldest first. */
  met: WeekRow[];
  /** Every one of those weeks, oldest first, met or not (the year page's strip of marks). */
  rows: WeekRow[];
}

/** Whether a week's minutes reach the target (reaching it exactly counts). */
export function meetsTarget(minutes: number, targetMinutes: number): boolean {
  return minutes >= targetMinutes;
}

/** The weeks of a year (by the day each starts) that met the target. */
export function targetYear(weekly: readonly WeekRow[], year: string, targetMinutes: number): TargetYear {
  const weeks = weekly.filter((week) => week.start.startsWith(`${year}-`));
  return { weeks: weeks.length, met: weeks.filter((week) => meetsTarget(week.minutes, targetMinutes)), rows: weeks };
}
