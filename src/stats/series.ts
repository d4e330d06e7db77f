/** The day-by-day series behind the study-time chart. */
import type { DailySeries, DayPoint, StatsOptions } from './types.ts';
import { eachDay, laterDate } from './calendar.ts';
import { daysByDate, type LoggedDay } from './days.ts';

/**
 * Every calendar day from the first log to the later of today and the last
 * log, days without a log included (minutes null, slug null). No logs: empty.
 */
export function dailySeries(days: readonly LoggedDay[], options: StatsOptions): DailySeries {
  const first = days[0];
  const last = days.at(-1);
  if (!first || !last) return { days: [], movingAverage7: [], cumulativeHours: [] };
  const byDate = daysByDate(days);
  const points = eachDay(first.date, laterDate(options.today, last.date)).map((date): DayPoint => {
    const day = byDate.get(date);
    return {
      date,
      minutes: day?.minutes ?? null,
      approximate: day?.approximate ?? false,
      slug: day?.slugs[0] ?? null,
      slugs: day ? [...day.slugs] : [],
    };
  });
  const minutes = points.map((point) => point.minutes);
  return { days: points, movingAverage7: movingAverage(minutes, 7), cumulativeHours: cumulativeHours(minutes) };
}

/**
 * Trailing moving average: value i is the mean of values i-window+1 … i, null
 * counting as 0. The first window-1 values average over the days there are so
 * far (the first value is itself) rather than over days before the first log.
 * Each window is summed afresh so that float error cannot build up.
 */
export function movingAverage(values: readonly (number | null)[], window: number): number[] {
  if (!Number.isInteger(window) || window < 1) throw new RangeError(`window must be a whole number ≥ 1, not ${window}`);
  return values.map((_, index) => {
    const from = Math.max(0, index - window + 1);
    let sum = 0;
    for (let i = from; i <= index; i++) sum += values[i] ?? 0;
    return sum / (index - from + 1);
  });
}

/** Running total of minutes, in hours, at the end of each day (null adds nothing). */
export function cumulativeHours(minutes: readonly (number | null)[]): number[] {
  let total = 0;
  // Sum minutes and divide each time: whole minutes add exactly, hours (1/60ths) would not.
  return minutes.map((value) => (total += value ?? 0) / 60);
}
