/** The follow-through chart of the plans page, as data: per month, the share of plans done by their due date and done late, one chart per horizon. */
import type { Horizon } from '../record/schema.ts';
import { formatMonth, formatPercent } from '../site/format.ts';
import { horizonLabels } from '../site/horizons.ts';
import type { FollowThroughMonth } from '../stats/plan-chains.ts';
import type { ChartContent } from './dashboard-charts.ts';

/** One chart for the months given (oldest first) and one horizon; months without such plans are gaps. */
export function followThroughChart(rows: readonly FollowThroughMonth[], months: readonly string[], horizon: Horizon): ChartContent {
  const byMonth = new Map(rows.filter((row) => row.horizon === horizon).map((row) => [row.month, row]));
  const rate = (month: string, part: 'onTime' | 'late') => {
    const row = byMonth.get(month);
    return row && row.planned > 0 ? row[part] / row.planned : null;
  };
  const planned = months.reduce((sum, month) => sum + (byMonth.get(month)?.planned ?? 0), 0);
  return {
    spec: {
      labels: months.map((month) => `${month.slice(2, 4)}年${Number(month.slice(5, 7))}月`),
      yTitle: '割合',
      percent: true,
      datasets: [
        { label: '期限内に完了', kind: 'bar', color: 'done', stack: 'plans', data: months.map((month) => rate(month, 'onTime')) },
        { label: '遅れて完了', kind: 'bar', color: 'overdue', stack: 'plans', dotted: true, data: months.map((month) => rate(month, 'late')) },
      ],
    },
    caption: `「${horizonLabels[horizon]}」の計画（${months.length}か月で${planned}件）のうち、期限内に完了した割合（塗りつぶし）と遅れて完了した割合（点の模様）。書いた月ごと。`,
    columns: ['月', '計画', '期限内に完了', '遅れて完了'],
    rows: months.map((month) => {
      const row = byMonth.get(month);
      return [formatMonth(month), `${row?.planned ?? 0}件`, formatPercent(rate(month, 'onTime')), formatPercent(rate(month, 'late'))];
    }),
  };
}
