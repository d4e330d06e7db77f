/** computeStats: every statistic of the dashboard from the published records, in one pass over the days. */
import type { SiteRecord } from '../record/stored-record.ts';
import type { SiteStats, StatsOptions } from './types.ts';
import { checkOptions, logDays } from './days.ts';
import { heatmap } from './heatmap.ts';
import { monthlyTotals, weeklyTotals } from './periods.ts';
import { dailySeries } from './series.ts';
import { streaks } from './streaks.ts';
import { totals } from './totals.ts';

/** Records may come in any order, several to a day; records without a date are left out. */
export function computeStats(records: readonly SiteRecord[], options: StatsOptions): SiteStats {
  checkOptions(options);
  const days = logDays(records);
  const map = heatmap(days, options);
  return {
    totals: totals(days, options),
    streaks: streaks(days, options),
    daily: dailySeries(days, options),
    weekly: weeklyTotals(days, options),
    monthly: monthlyTotals(days, options),
    heatmap: map.cells,
    heatmapQuartiles: map.quartiles,
  };
}
