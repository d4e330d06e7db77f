/**
 * The published records as JSON for the writer's own tools, one file a year
 * (/data/logs/2025.json) and an index of them (/data/logs/index.json).
 *
 * One file of every record grows by a day's record every day and is
 * rendered and uploaded whole with every push: about 40 MB at ten years of
 * logs. A year's file changes only with that year's logs, so a day's push
 * renders (Astro's incremental build skips a year whose key is unchanged)
 * and uploads one year of records.
 */
import { createHash } from 'node:crypto';
import type { LogRecord } from '../record/schema.ts';
import { completeRecord, type SiteRecord } from '../record/stored-record.ts';
import { entryKey } from './entry-key.ts';
import type { LogEntry } from './logs.ts';

/** The file of logs that have no date (a slug without one); dated logs go by their year. */
export const UNDATED = 'undated';

export interface RecordYear {
  /** `2025`, or `undated`. */
  year: string;
  /** Newest first, as the entries came. Their records are made whole (yearRecords) only for a file rendered. */
  entries: LogEntry[];
  /** The record of each of `entries`, in the same order. */
  records: SiteRecord[];
  /** For Astro's incremental build: the year's entries and their digests (which cover the file and the settings). */
  cacheKey: string;
}

export interface RecordIndex {
  /** Newest year first, `undated` last. */
  years: Array<{ year: string; logs: number; path: string }>;
}

/** `records[i]` is the record of `entries[i]` (as siteData gives them). */
export function recordYears(entries: readonly LogEntry[], records: readonly SiteRecord[]): RecordYear[] {
  const byYear = new Map<string, { entries: LogEntry[]; records: SiteRecord[] }>();
  entries.forEach((entry, index) => {
    const year = entry.data.date?.slice(0, 4) ?? UNDATED;
    let logs = byYear.get(year);
    if (!logs) byYear.set(year, (logs = { entries: [], records: [] }));
    logs.entries.push(entry);
    logs.records.push(records[index]!);
  });
  return [...byYear]
    .sort(([a], [b]) => (a === UNDATED ? 1 : b === UNDATED ? -1 : b.localeCompare(a)))
    .map(([year, logs]) => {
      const key = createHash('sha256');
      for (const entry of logs.entries) key.update(`${entryKey(entry)}\n`);
      return { year, ...logs, cacheKey: key.digest('hex') };
    });
}

/**
 * A year's whole records, as published: each site record with the parts no
 * page shows, read from its body file by `extrasOf` (src/record/stored-record.ts).
 */
export function yearRecords(year: RecordYear, extrasOf: (entry: LogEntry) => unknown): LogRecord[] {
  return year.records.map((record, index) => completeRecord(record, () => extrasOf(year.entries[index]!)));
}

/** `pathOf(year)` is the file's URL path on the site (the base path included). */
export function recordIndex(years: readonly RecordYear[], pathOf: (year: string) => string): RecordIndex {
  return { years: years.map(({ year, entries }) => ({ year, logs: entries.length, path: pathOf(year) })) };
}
