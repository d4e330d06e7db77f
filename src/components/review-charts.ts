/** The daily chart of a week's or month's review: study time per day, approximate days hatched. */
import type { ReviewDetails, ReviewKind } from '../stats/index.ts';
import { formatMinutes } from '../site/format.ts';
import type { ChartContent } from './dashboard-charts.ts';

const weekdays = ['日', '月', '火', '水', '木', '金', '土'];

export function reviewDailyChart(kind: ReviewKind, label: string, daily: ReviewDetails['daily']): ChartContent {
  const hours = (minutes: number | null) => (minutes === null ? null : Math.round(minutes / 6) / 10);
  // A week's bars say their weekday; a month's, their day of the month.
  const labels = daily.map((day) => (kind === 'week' ? `${Number(day.date.slice(8, 10))}(${weekdays[new Date(`${day.date}T00:00:00Z`).getUTCDay()]})` : `${Number(day.date.slice(8, 10))}`));
  return {
    spec: {
      labels,
      yTitle: '時間',
      datasets: [
        { label: '学習時間', kind: 'bar', color: 'accent', stack: 'day', data: daily.map((day) => (day.approximate ? null : hours(day.minutes))) },
        { label: '学習時間（概算・約）', kind: 'bar', color: 'approx', stack: 'day', hatched: true, data: daily.map((day) => (day.approximate ? hours(day.minutes) : null)) },
      ],
    },
    caption: `${label}の日ごとの学習時間（時間）。縞模様は概算値。`,
    columns: ['日付', '学習時間'],
    // ISO dates, as the month archive's table: a heading date (2025年8月11日) of a day without a public log would read as a draft's text to nisshi audit.
    rows: daily.map((day) => [day.date, formatMinutes(day.minutes, day.approximate)]),
  };
}
