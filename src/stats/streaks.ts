/** Runs of consecutive days with a log, whether or not the log gave a study time. */
import type { StatsOptions, Streaks } from './types.ts';
import { addDays, dayNumber } from './calendar.ts';
import type { LoggedDay } from './days.ts';

/**
 * current: the run ending today, or ending yesterday when today has no log
 * yet (the writer may not have written today's); 0 otherwise. Logs dated
 * after today do not extend it. longest: the longest run in all history
 * (future-dated logs included); of equally long runs, the earliest.
 */
export function streaks(days: readonly LoggedDay[], options: StatsOptions): Streaks {
  const runs = streakRuns(days);
  const yesterday = addDays(options.today, -1);
  const logged = new Set(days.map((day) => day.date));
  const end = logged.has(options.today) ? options.today : logged.has(yesterday) ? yesterday : null;
  const currentRun = end === null ? undefined : runs.find((run) => run.start <= end && end <= run.end);
  let longest: StreakRun | null = null;
  for (const run of runs) if (longest === null || run.length > longest.length) longest = run;
  return {
    // A run that goes on past today (future-dated logs) counts only up to `end`.
    current: currentRun && end ? dayNumber(end) - dayNumber(currentRun.start) + 1 : 0,
    currentStart: currentRun?.start ?? null,
    currentEnd: currentRun ? end : null,
    longest: longest?.length ?? 0,
    longestStart: longest?.start ?? null,
    longestEnd: longest?.end ?? null,
  };
}

export interface StreakRun {
  start: string;
  end: string;
  length: number;
}

/** Maximal runs of consecutive logged days, oldest first. */
export function streakRuns(days: readonly LoggedDay[]): StreakRun[] {
  const runs: StreakRun[] = [];
  let previous: number | null = null;
  for (const day of days) {
    const dayNo = dayNumber(day.date);
    const run = runs.at(-1);
    if (run && previous === dayNo - 1) {
      run.end = day.date;
      run.length++;
    } else {
      runs.push({ start: day.date, end: day.date, length: 1 });
    }
    previous = dayNo;
  }
  return runs;
}
