/** The charts of a year's archive page, as data: hours, checklist completion and problems per month. */
import type { ArchiveYear } from '../stats/archive.ts';
import type { ThreadCount } from '../stats/problem-threads.ts';
import { formatMinutes, formatPercent } from '../site/format.ts';
import type { ChartContent } from './dashboard-charts.ts';

const monthLabels = (year: ArchiveYear) => year.months.map((month) => `${Number(month.month.slice(5, 7))}月`);

export function monthlyHoursChart(year: ArchiveYear): ChartContent {
  return {
    spec: {
      labels: monthLabels(year),
      yTitle: '時間',
      datasets: [
        { label: '月の学習時間', kind: 'bar', color: 'accent', stack: 'month', data: year.months.map((month) => (month.approximate ? null : Math.round(month.minutes / 6) / 10)) },
        { label: '概算を含む月', kind: 'bar', color: 'approx', stack: 'month', hatched: true, data: year.months.map((month) => (month.approximate ? Math.round(month.minutes / 6) / 10 : null)) },
      ],
    },
    caption: `${year.year}年の月ごとの学習時間（時間）。縞模様は概算値を含む月。`,
    columns: ['月', '学習時間', '記録日数'],
    rows: year.months.map((month, index) => [monthLabels(year)[index]!, formatMinutes(month.minutes, month.approximate), `${month.days}日`]),
  };
}

export function monthlyCompletionChart(year: ArchiveYear): ChartContent {
  return {
    spec: {
      labels: monthLabels(year),
      yTitle: '完了率',
      percent: true,
      datasets: [{ label: 'チェックリスト完了率', kind: 'line', color: 'done', data: year.months.map((month) => month.completionRate) }],
    },
    caption: `${year.year}年の月ごとのチェックリストの完了率（その日の自分の項目。持ち越しは数えません）。`,
    columns: ['月', '完了率', '完了 / 全体'],
    rows: year.months.map((month, index) => [monthLabels(year)[index]!, formatPercent(month.completionRate), `${month.checklistDone} / ${month.checklistTotal}`]),
  };
}

/** Threads opened (first written) and resolved per month of the year. */
export function monthlyProblemsChart(year: ArchiveYear, counts: ReadonlyMap<string, ThreadCount>): ChartContent {
  const of = (month: string) => counts.get(month) ?? { opened: 0, resolved: 0 };
  return {
    spec: {
      labels: monthLabels(year),
      yTitle: '件数',
      datasets: [
        { label: '新しい問題', kind: 'bar', color: 'overdue', data: year.months.map((month) => of(month.month).opened) },
        { label: '解決した問題', kind: 'bar', color: 'done', data: year.months.map((month) => of(month.month).resolved) },
      ],
    },
    caption: `${year.year}年の月ごとに、初めて書いた問題と解決した問題（スレッド単位）。`,
    columns: ['月', '新しい問題', '解決した問題'],
    rows: year.months.map((month, index) => [monthLabels(year)[index]!, `${of(month.month).opened}件`, `${of(month.month).resolved}件`]),
  };
}

/** Study time per day of one month (its days, oldest first). */
export function monthDailyChart(month: string, days: ReadonlyArray<{ date: string; minutes: number | null; approximate: boolean }>): ChartContent {
  const hours = (minutes: number | null) => (minutes === null ? null : Math.round(minutes / 6) / 10);
  return {
    spec: {
      labels: days.map((day) => `${Number(day.date.slice(8, 10))}日`),
      yTitle: '時間',
      datasets: [
        { label: '学習時間', kind: 'bar', color: 'accent', stack: 'day', data: days.map((day) => (day.approximate ? null : hours(day.minutes))) },
        { label: '学習時間（概算・約）', kind: 'bar', color: 'approx', stack: 'day', hatched: true, data: days.map((day) => (day.approximate ? hours(day.minutes) : null)) },
      ],
    },
    caption: `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月の日ごとの学習時間（時間）。縞模様は概算値。`,
    columns: ['日付', '学習時間'],
    rows: days.map((day) => [day.date, formatMinutes(day.minutes, day.approximate)]),
  };
}
