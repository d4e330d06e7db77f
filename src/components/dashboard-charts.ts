/**
 * The dashboard's charts as data: each function turns the site statistics
 * into what a chart draws and the table that stands in for it.
 */
import type { SiteStats } from '../stats/types.ts';
import { windowEnd } from '../stats/window.ts';
import { meetsTarget } from '../stats/targets.ts';
import { threadCounts, type ProblemThread } from '../stats/problem-threads.ts';
import { weekStartOf, type WeekStart } from '../stats/calendar.ts';
import { formatHours, formatMinutes, formatPercent } from '../site/format.ts';
import type { ChartDataset, ChartSpec } from './chart-spec.ts';

export interface ChartContent {
  spec: ChartSpec;
  caption: string;
  columns: string[];
  rows: string[][];
}

const DAILY_WINDOW = 90;
const WEEKLY_WINDOW = 26;
const CUMULATIVE_POINTS = 120;

const shortDate = (date: string): string => `${Number(date.slice(5, 7))}/${Number(date.slice(8, 10))}`;
const hours = (minutes: number | null): number | null => (minutes === null ? null : Math.round((minutes / 60) * 100) / 100);

/** The newest day with a log, null when there is none. */
export function newestLogDate(stats: SiteStats): string | null {
  for (let index = stats.daily.days.length - 1; index >= 0; index--) {
    if (stats.daily.days[index]!.slug !== null) return stats.daily.days[index]!.date;
  }
  return null;
}

/** Index range [start, end) of the daily series a window of `length` days covers: it ends today, or on the newest log after a long pause. */
function dailyRange(stats: SiteStats, length: number): [number, number] {
  const days = stats.daily.days;
  const end = windowEnd(newestLogDate(stats), days.at(-1)?.date ?? '', length);
  const endIndex = days.findIndex((day) => day.date === end) + 1 || days.length;
  return [Math.max(0, endIndex - length), endIndex];
}

/** The last `length` weeks, ending with this week, or with the newest log's week after a long pause. */
function weekWindow(stats: SiteStats, length: number) {
  let endIndex = stats.weekly.length;
  const newest = newestLogDate(stats);
  const newestWeek = newest === null ? -1 : stats.weekly.findIndex((week) => week.start <= newest && newest <= week.end);
  if (newestWeek !== -1 && stats.weekly.length - newestWeek > length) endIndex = newestWeek + 1;
  return stats.weekly.slice(Math.max(0, endIndex - length), endIndex);
}

/** Study time per day over the last 90 days: exact and approximate (hatched) bars, and the 7-day moving average. */
export function studyTimeChart(stats: SiteStats): ChartContent {
  const [start, end] = dailyRange(stats, DAILY_WINDOW);
  const days = stats.daily.days.slice(start, end);
  const average = stats.daily.movingAverage7.slice(start, end);
  const logged = days.filter((day) => day.minutes !== null);
  return {
    spec: {
      labels: days.map((day) => shortDate(day.date)),
      yTitle: '時間',
      datasets: [
        { label: '学習時間', kind: 'bar', color: 'accent', stack: 'day', data: days.map((day) => (day.approximate ? null : hours(day.minutes))) },
        { label: '学習時間（概算・約）', kind: 'bar', color: 'approx', stack: 'day', hatched: true, data: days.map((day) => (day.approximate ? hours(day.minutes) : null)) },
        { label: '7日移動平均', kind: 'line', color: 'muted', data: average.map((value) => hours(value)) },
      ],
    },
    caption: `${days[0]?.date ?? ''}〜${days.at(-1)?.date ?? ''}（${days.length}日）の学習時間（時間）。${logged.length}日に記録があり、縞模様の棒は「約」と書かれた概算値です。線は7日移動平均。`,
    columns: ['日付', '学習時間', '7日移動平均'],
    rows: days.map((day, index) => [day.date, formatMinutes(day.minutes, day.approximate), formatMinutes(Math.round(average[index] ?? 0))]),
  };
}

/**
 * Cumulative hours since the first log: a point a day for half a year, then
 * evenly spaced points, at most CUMULATIVE_POINTS of them, so ten years stay
 * a light page (its table is part of the page: 520 weekly rows were 1,500 elements).
 */
export function cumulativeHoursChart(stats: SiteStats): ChartContent {
  const { days, cumulativeHours } = stats.daily;
  const step = days.length > 180 ? Math.max(7, Math.ceil(days.length / CUMULATIVE_POINTS)) : 1;
  const points = days
    .map((day, index) => ({ date: day.date, hours: cumulativeHours[index] ?? 0 }))
    .filter((_, index) => index % step === step - 1 || index === days.length - 1);
  const last = points.at(-1);
  return {
    spec: {
      labels: points.map((point) => point.date),
      yTitle: '累計時間',
      datasets: [{ label: '累計学習時間', kind: 'line', color: 'accent', data: points.map((point) => Math.round(point.hours * 10) / 10) }],
    },
    caption: last ? `${days[0]?.date ?? ''}からの累計学習時間。${last.date}時点で${last.hours.toFixed(1)}時間。` : 'まだ記録がありません。',
    columns: ['日付', '累計（時間）'],
    rows: points.map((point) => [point.date, point.hours.toFixed(1)]),
  };
}

/** Weekly totals over the last 26 weeks, with the weekly target (settings targets.weeklyMinutes) as a line when there is one. */
export function weeklyTotalsChart(stats: SiteStats, targetMinutes: number | null = null): ChartContent {
  const weeks = weekWindow(stats, WEEKLY_WINDOW);
  const target: ChartDataset[] = targetMinutes === null
    ? []
    : [{ label: `目標（週${formatHours(targetMinutes)}時間）`, kind: 'line', color: 'overdue', stack: 'target', data: weeks.map(() => hours(targetMinutes)) }];
  const met = targetMinutes === null ? 0 : weeks.filter((week) => meetsTarget(week.minutes, targetMinutes)).length;
  return {
    spec: {
      labels: weeks.map((week) => week.label),
      yTitle: '時間',
      datasets: [
        { label: '週の学習時間', kind: 'bar', color: 'accent', stack: 'week', data: weeks.map((week) => (week.approximate ? null : hours(week.minutes))) },
        { label: '概算を含む週', kind: 'bar', color: 'approx', stack: 'week', hatched: true, data: weeks.map((week) => (week.approximate ? hours(week.minutes) : null)) },
        ...target,
      ],
    },
    caption: `${weeks[0]?.start ?? ''}からの${weeks.length}週の週ごとの学習時間。縞模様は概算値を含む週。` +
      (targetMinutes === null ? '' : `線は目標の週${formatHours(targetMinutes)}時間で、達成した週は${met}週。`),
    columns: ['週', '学習時間', '記録日数'],
    rows: weeks.map((week) => [week.label, formatMinutes(week.minutes, week.approximate), String(week.logs)]),
  };
}

/** Checklist completion rate per week: the days' own items (stats/checklist-counts.ts), carried ones apart. */
export function completionRateChart(stats: SiteStats): ChartContent {
  const weeks = weekWindow(stats, WEEKLY_WINDOW);
  return {
    spec: {
      labels: weeks.map((week) => week.label),
      yTitle: '完了率',
      percent: true,
      datasets: [{ label: 'チェックリスト完了率', kind: 'line', color: 'done', data: weeks.map((week) => week.completionRate) }],
    },
    caption: `${weeks[0]?.start ?? ''}からの${weeks.length}週のチェックリスト（✅ / ❌・- [x]）の完了率。その日の自分の項目だけを数え、前の日からの持ち越しとやめた項目は数えません。`,
    columns: ['週', '完了率', '完了 / 全体'],
    rows: weeks.map((week) => [week.label, formatPercent(week.completionRate), `${week.checklistDone} / ${week.checklistTotal}`]),
  };
}

/**
 * Problems per week, counted as threads (the same problem written on several
 * days is one), as the archive pages count them: threads first written in the
 * week, and threads resolved in it.
 */
export function problemsChart(stats: SiteStats, threads: readonly ProblemThread[], weekStart: WeekStart): ChartContent {
  const weeks = weekWindow(stats, WEEKLY_WINDOW);
  const counts = threadCounts(threads, (date) => weekStartOf(date, weekStart));
  const of = (start: string) => counts.get(start) ?? { opened: 0, resolved: 0 };
  const opened = weeks.reduce((sum, week) => sum + of(week.start).opened, 0);
  const resolved = weeks.reduce((sum, week) => sum + of(week.start).resolved, 0);
  return {
    spec: {
      labels: weeks.map((week) => week.label),
      yTitle: '件数（スレッド）',
      datasets: [
        { label: '新しい問題', kind: 'bar', color: 'overdue', data: weeks.map((week) => of(week.start).opened) },
        { label: '解決した問題', kind: 'bar', color: 'done', data: weeks.map((week) => of(week.start).resolved) },
      ],
    },
    caption: `${weeks[0]?.start ?? ''}からの${weeks.length}週に初めて書いた問題は${opened}件、解決した問題は${resolved}件（スレッド単位: 何日も書いた同じ問題は1件）。`,
    columns: ['週', '新しい問題', '解決した問題'],
    rows: weeks.map((week) => [week.label, `${of(week.start).opened}件`, `${of(week.start).resolved}件`]),
  };
}
