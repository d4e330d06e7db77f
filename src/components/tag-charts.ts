/** A tag's hours month by month, as a chart and its table (the tag's page). */
import { formatMinutes, formatMonth } from '../site/format.ts';
import type { TagSummary } from '../stats/tags.ts';
import type { ChartContent } from './dashboard-charts.ts';

/** Every month from the tag's first to its last, the months without it as gaps. */
function monthSpan(first: string, last: string): string[] {
  const months: string[] = [];
  let [year, month] = first.split('-').map(Number) as [number, number];
  for (let guard = 0; guard < 1200; guard++) {
    const key = `${year}-${String(month).padStart(2, '0')}`;
    months.push(key);
    if (key >= last) break;
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return months;
}

export function tagMonthlyChart(summary: TagSummary): ChartContent {
  const first = summary.months[0]?.month;
  const last = summary.months.at(-1)?.month;
  const months = first && last ? monthSpan(first, last) : [];
  const byMonth = new Map(summary.months.map((month) => [month.month, month]));
  const hours = (minutes: number) => Math.round(minutes / 6) / 10;
  return {
    spec: {
      labels: months.map((month) => `${month.slice(2, 4)}年${Number(month.slice(5, 7))}月`),
      yTitle: '時間',
      datasets: [
        { label: '学習時間', kind: 'bar', color: 'accent', stack: 'month', data: months.map((month) => { const row = byMonth.get(month); return row && !row.approximate ? hours(row.minutes) : null; }) },
        { label: '概算を含む月', kind: 'bar', color: 'approx', stack: 'month', hatched: true, data: months.map((month) => { const row = byMonth.get(month); return row?.approximate ? hours(row.minutes) : null; }) },
      ],
    },
    caption: `#${summary.tag} のログの学習時間（時間）を月ごとに。${months.length}か月、縞模様は概算値を含む月。`,
    columns: ['月', '学習時間', 'ログ'],
    rows: months.filter((month) => byMonth.has(month)).map((month) => {
      const row = byMonth.get(month)!;
      return [formatMonth(month), formatMinutes(row.minutes, row.approximate), `${row.logs}件`];
    }),
  };
}
