/**
 * The published logs and everything computed from them, fetched once per
 * build from the content collection and shared by every page.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { siteRecord, type SiteRecord } from '../record/stored-record.ts';
import { siteSettings } from '../site.config.ts';
import { archiveYears, computeStats, dueLearnings, logDays, planChains, problemThreads, type ArchiveYear, type DatedRecord, type DueLearning, type LoggedDay, type PlanChain, type ProblemThread } from '../stats/index.ts';
import type { SiteStats, StatsOptions } from '../stats/types.ts';
import { recordsByMonth } from './archive-pages.ts';
import { entryKey, entryKeysBySlug } from './entry-key.ts';
import { logLists } from './log-body.ts';
import { reviewPages, type ReviewPages } from './review-pages.ts';
import { writerToday } from './today.ts';

export type LogEntry = CollectionEntry<'logs'>;

export interface SiteData {
  /** Newest first; drafts never reach the collection. */
  entries: LogEntry[];
  /** The record of each entry, in the same order: the stored header with the lists its body file keeps. */
  records: SiteRecord[];
  /** The entry key of a record, or of anything naming a log by its slug (entry-key.ts), for the keys of the pages that show it. */
  keyOf: (named: Pick<SiteRecord, 'slug'>) => string;
  stats: SiteStats;
  /** Open first, then by the last day written (see problemThreads). */
  threads: ProblemThread[];
  /** Newest first (see planChains). */
  chains: PlanChain[];
  /** Days with a log, oldest first. */
  days: LoggedDay[];
  /** Years with a log, oldest first, for the archive pages. */
  years: ArchiveYear[];
  /** Learnings due for review today, oldest due first (the dashboard's 今日の復習). */
  due: DueLearning[];
  /** The dated records of each month ("YYYY-MM"), oldest first: the logs the archive's totals count. */
  months: Map<string, DatedRecord[]>;
  options: StatsOptions;
}

/**
 * What a log page shows, as a key for Astro's incremental build
 * (experimental.incrementalBuild): the entry itself (its digest covers the
 * file, its path and the settings) and the days it links to. The page's code
 * and src/site.config.ts are Astro's to compare (the route's module graph).
 */
export function logPageCacheKey(entry: LogEntry, newer: LogEntry | null, older: LogEntry | null, sameDay: readonly LogEntry[] = [], card = ''): string {
  const link = (other: LogEntry | null) => (other ? `${other.id}@${other.data.date ?? ''}` : '-');
  // The share card it names (its own, or its year's once it is no longer among the newest).
  return `${entryKey(entry)}|${link(newer)}|${link(older)}|${sameDay.map(entryKey).join(',')}|${card}`;
}


let cached: Promise<SiteData> | null = null;

export function siteData(): Promise<SiteData> {
  cached ??= load();
  return cached;
}

async function load(): Promise<SiteData> {
  const entries: LogEntry[] = (await getCollection('logs')).sort(
    (a: LogEntry, b: LogEntry) => (b.data.date ?? '').localeCompare(a.data.date ?? '') || b.id.localeCompare(a.id),
  );
  // The store holds each record's header; its lists are read from its body file, once a build (src/record/stored-record.ts).
  const records: SiteRecord[] = entries.map((entry: LogEntry) => siteRecord(entry.data, () => logLists(entry)));
  const options: StatsOptions = { today: writerToday(siteSettings), weekStart: siteSettings.weekStart, vocabulary: siteSettings.vocabulary, carryOver: siteSettings.carryOver };
  const days = logDays(records);
  return {
    entries,
    records,
    keyOf: entryKeysBySlug(entries),
    stats: computeStats(records, options),
    threads: problemThreads(records),
    chains: planChains(records, options),
    days,
    years: archiveYears(days),
    due: dueLearnings(records, options.today),
    months: recordsByMonth(records),
    options,
  };
}

let reviewsCached: Promise<ReviewPages> | null = null;

/** The week and month review pages (src/site/review-pages.ts), computed once per build, only by the pages that show them. */
export function siteReviews(): Promise<ReviewPages> {
  reviewsCached ??= siteData().then(({ records, options, days, threads, chains }) =>
    reviewPages(records, { ...options, weeklyTargetMinutes: siteSettings.targets?.weeklyMinutes ?? null }, { days, threads, chains }),
  );
  return reviewsCached;
}
