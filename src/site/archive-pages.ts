/** How the archive pages (/logs/YYYY/, /logs/YYYY/MM/) list their logs: the records stats counts, by month. */
import type { LogRecord } from '../record/schema.ts';
import { datedRecords, type ArchiveMonth, type DatedRecord } from '../stats/index.ts';
import { pageKey } from './entry-key.ts';

/**
 * The records with a calendar date (stats' datedRecords: a malformed date is
 * on no calendar, so in no month), grouped by "YYYY-MM", oldest first — the
 * same logs the archive's totals count.
 */
export function recordsByMonth(records: readonly LogRecord[]): Map<string, DatedRecord[]> {
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
