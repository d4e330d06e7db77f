/** The year-long calendar heatmap: one cell a day, darker for more study. */
import type { HeatmapCell, StatsOptions } from './types.ts';
import { addDays, eachDay } from './calendar.ts';
import { windowEnd } from './window.ts';
import { daysByDate, type LoggedDay } from './days.ts';

export const HEATMAP_DAYS = 365;

export interface Heatmap {
  /** Exactly 365 cells, oldest first, the last one today — or the newest log's day when that is older than the window. */
  cells: HeatmapCell[];
  /** Q1, Q2, Q3 of the cells with time; null when no cell has any. */
  quartiles: [number, number, number] | null;
}

/**
 * Level 0: no log or no time (0 minutes included). Levels 1–4 split the days
 * with time by the quartiles of their minutes within the window: ≤ Q1 → 1,
 * ≤ Q2 → 2, ≤ Q3 → 3, above → 4. Days outside the window do not move the
 * scale, so one long day years ago does not pale this year.
 */
export function heatmap(days: readonly LoggedDay[], options: StatsOptions): Heatmap {
  const end = windowEnd(days.at(-1)?.date ?? null, options.today, HEATMAP_DAYS);
  return heatmapOf(days, addDays(end, -(HEATMAP_DAYS - 1)), end);
}

/** The heatmap of any span of days (a year's page: January 1 to December 31), levels by the quartiles within it. */
export function heatmapOf(days: readonly LoggedDay[], start: string, end: string): Heatmap {
  const byDate = daysByDate(days);
  const window = eachDay(start, end).map((date) => ({ date, day: byDate.get(date) }));
  const timed = window.map(({ day }) => day?.minutes ?? 0).filter((minutes) => minutes > 0);
  const q = timed.length > 0 ? quartiles(timed) : null;
  const cells = window.map(({ date, day }): HeatmapCell => {
    const minutes = day?.minutes ?? null;
    return {
      date,
      minutes,
      level: q && minutes !== null && minutes > 0 ? heatLevel(minutes, q) : 0,
      approximate: day?.approximate ?? false,
      slug: day?.slugs[0] ?? null,
    };
  });
  return { cells, quartiles: q };
}

/** The level 1–4 of a positive number of minutes against the quartiles. */
export function heatLevel(minutes: number, [q1, q2, q3]: readonly [number, number, number]): 1 | 2 | 3 | 4 {
  if (minutes <= q1) return 1;
  if (minutes <= q2) return 2;
  if (minutes <= q3) return 3;
  return 4;
}

/**
 * Q1, Q2, Q3 by linear interpolation between the closest ranks (the
 * "inclusive" method of Excel's QUARTILE.INC, R's type 7 and numpy's
 * default): the p-quantile sits at position p × (n − 1) of the sorted values.
 */
export function quartiles(values: readonly number[]): [number, number, number] {
  if (values.length === 0) throw new RangeError('quartiles of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number): number => {
    const position = p * (sorted.length - 1);
    const below = Math.floor(position);
    const low = sorted[below]!;
    const high = sorted[Math.min(below + 1, sorted.length - 1)]!;
    return low + (high - low) * (position - below);
  };
  return [at(0.25), at(0.5), at(0.75)];
}
