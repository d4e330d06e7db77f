/** How the archive pages (/logs/YYYY/, /logs/YYYY/MM/) list their logs: the records stats counts, by month. */
import type { SiteRecord } from '../record/stored-record.ts';
import {
  datedRecords,
  heatmapOf,
  targetYear,
  threadCounts,
  type ArchiveMonth,
  type ArchiveYear,
  type DatedRecord,
  type HeatmapCell,
  type LoggedDay,
  type ProblemThread,
  type TargetYear,
  type ThreadCount,
  type WeekRow,
} from '../stats/index.ts';
import { pageKey } from './entry-key.ts';

/**
 * The records with a calendar date (stats' datedRecords: a malformed date is
 * on no calendar, so in no month), grouped by "YYYY-MM", oldest first — the
 * same logs the archive's totals count.
 */
export function recordsByMonth(records: readonly SiteRecord[]): Map<string, DatedRecord[]> {
  const months = new Map<string, DatedRecord[]>();
  for (const record of datedRecords(records)) {
    const month = record.date.slice(0, 7);
    const list = months.get(month);
    if (list) list.push(record);
    else months.set(month, [record]);
  }
  return months;
}

/** What a month's archive page shows, for its key: its totals, its neighbours' links, the week start, and its logs' entry keys (entry-key.ts). */
export interface MonthPageParts {
  archive: ArchiveMonth;
  previous: string | null;
  next: string | null;
  weekStart: string;
  /** The entry key (entry-key.ts) of each log the page lists (recordsByMonth): its id and digest cover everything shown of it. */
  logs: readonly string[];
}

/**
 * The month page's key for Astro's incremental build: unchanged, last build's
 * page is kept. Everything the page shows comes from these parts (its table,
 * calendar, chart and weekly totals are the month's logs; PeriodNav its
 * neighbours), so an edit in another month keeps it. Without a key all 120
 * month pages of ten years were rendered again after every one-log edit.
 */
export function monthPageCacheKey(parts: MonthPageParts): string {
  return pageKey(parts);
}

/** What a year's archive page shows, all of it made once in its getStaticPaths and handed to the page as props. */
export interface YearPageShown {
  year: ArchiveYear;
  previous: string | null;
  next: string | null;
  /** The year's calendar (its quartiles are the year's own). */
  cells: HeatmapCell[];
  /** The weekly target in minutes (settings' targets.weeklyMinutes), or null without one. */
  targetMinutes: number | null;
  /** The weeks against the weekly target, or null without one. */
  target: TargetYear | null;
  /** Threads opened and resolved in each of the year's months ("YYYY-MM"), for its chart. */
  threadsByMonth: Record<string, ThreadCount>;
  /** Threads opened and resolved in the year. */
  threads: ThreadCount;
}

/** The year page's key: what it shows, the week start its calendar begins on, and the entry keys of the logs it links to. */
export interface YearPageParts extends YearPageShown {
  weekStart: string;
  logs: readonly string[];
}

/**
 * The year page's key for Astro's incremental build, as a month page's: a
 * one-log edit renders that log's year again and keeps the other nine of ten
 * years (before, every year page was rendered after every edit).
 */
export function yearPageCacheKey(parts: YearPageParts): string {
  return pageKey(parts);
}

/** What the year pages are made from: siteData's parts. */
export interface YearPagesInput {
  years: readonly ArchiveYear[];
  days: readonly LoggedDay[];
  threads: readonly ProblemThread[];
  /** siteData's months: the dated records of each month. */
  months: ReadonlyMap<string, readonly DatedRecord[]>;
  weekly: readonly WeekRow[];
  weekStart: string;
  targetMinutes: number | null;
  /** Each record's entry key (entry-key.ts: entryKeysBySlug). */
  keyOf: (record: SiteRecord) => string;
}

/** Each year page's props (all it shows but its logs' links) and key, oldest year first. */
export function yearPages(input: YearPagesInput): Array<{ shown: YearPageShown; cacheKey: string }> {
  const { years, days, threads, months, weekly, weekStart, targetMinutes, keyOf } = input;
  const monthly = threadCounts(threads, (date) => date.slice(0, 7));
  const yearly = threadCounts(threads, (date) => date.slice(0, 4));
  return years.map((year, index) => {
    const shown: YearPageShown = {
      year,
      previous: years[index - 1]?.year ?? null,
      next: years[index + 1]?.year ?? null,
      cells: heatmapOf(days, `${year.year}-01-01`, `${year.year}-12-31`).cells,
      targetMinutes,
      target: targetMinutes === null ? null : targetYear(weekly, year.year, targetMinutes),
      threadsByMonth: Object.fromEntries(year.months.map((month) => [month.month, monthly.get(month.month) ?? { opened: 0, resolved: 0 }])),
      threads: yearly.get(year.year) ?? { opened: 0, resolved: 0 },
    };
    const logs = year.months.flatMap((month) => (months.get(month.month) ?? []).map(keyOf));
    return { shown, cacheKey: yearPageCacheKey({ ...shown, weekStart, logs }) };
  });
}
