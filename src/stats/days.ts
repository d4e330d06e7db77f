/**
 * From records to calendar days: the one place that decides which records
 * count and how several logs of one day add up. Every other statistic reads
 * the LoggedDay list this module makes.
 */
import type { SiteRecord } from '../record/stored-record.ts';
import type { LogRecord } from '../record/schema.ts';
import type { ChecklistCore, ProblemCore, StatsOptions } from './types.ts';
import { isIsoDate } from './calendar.ts';
import { checklistCounts } from './checklist-counts.ts';

/** A record whose date is a real calendar day; without the parts no page shows, as siteData gives it (src/record/stored-record.ts). */
export type DatedRecord = SiteRecord & { date: string };

/** What of a record the day-by-day statistics read: the record index hands the morning commands no more. */
export type DayRecord = Pick<LogRecord, 'date' | 'slug' | 'metrics' | 'drops'> & { checklist: readonly ChecklistCore[]; problems: readonly ProblemCore[] };

/** What the logs of one day add up to. */
export interface LoggedDay {
  date: string;
  /** Sum of the minutes of the day's logs that gave a time; null when none did. */
  minutes: number | null;
  /** True when any of the summed minutes was written as approximate. */
  approximate: boolean;
  /** The day's logs, by slug. */
  slugs: string[];
  /** The day's own checklist items done and in all (checklist-counts.ts: carried and dropped items left out). */
  checklistDone: number;
  checklistTotal: number;
  /** The items carried over from earlier days, done that day and in all. */
  carriedDone: number;
  carriedTotal: number;
  problems: number;
}

/**
 * The records with a usable date, oldest first; one day's logs by slug (code
 * unit order, not locale order, so every machine agrees). Records with date
 * null — or a malformed one — have no place on a calendar and are left out.
 * Drafts are the caller's business: pass the records the site publishes.
 */
export function datedRecords<R extends Pick<LogRecord, 'date' | 'slug'>>(records: readonly R[]): Array<R & { date: string }> {
  return records
    .filter((record): record is R & { date: string } => isIsoDate(record.date))
    .sort((a, b) => compareKeys(a.date, b.date) || compareKeys(a.slug, b.slug));
}

function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** One entry per day with at least one log, oldest first. */
export function logDays(records: readonly DayRecord[]): LoggedDay[] {
  const days: LoggedDay[] = [];
  for (const record of datedRecords(records)) {
    let day = days.at(-1);
    if (day?.date !== record.date) {
      day = { date: record.date, minutes: null, approximate: false, slugs: [], checklistDone: 0, checklistTotal: 0, carriedDone: 0, carriedTotal: 0, problems: 0 };
      days.push(day);
    }
    const minutes = record.metrics.studyMinutes;
    if (minutes !== null && Number.isFinite(minutes)) {
      day.minutes = (day.minutes ?? 0) + minutes;
      // Only a time that was counted can make the total approximate.
      if (record.metrics.studyApproximate === true) day.approximate = true;
    }
    day.slugs.push(record.slug);
    const { own, carried } = checklistCounts(record);
    day.checklistTotal += own.total;
    day.checklistDone += own.done;
    day.carriedTotal += carried.total;
    day.carriedDone += carried.done;
    day.problems += record.problems.length;
  }
  return days;
}

/** Throws a RangeError naming the option when options.today or weekStart cannot be used. */
export function checkOptions(options: StatsOptions): void {
  if (!isIsoDate(options.today)) throw new RangeError(`options.today must be a date as YYYY-MM-DD, not ${JSON.stringify(options.today)}`);
  if (options.weekStart !== 'monday' && options.weekStart !== 'sunday') {
    throw new RangeError(`options.weekStart must be "monday" or "sunday", not ${JSON.stringify(options.weekStart)}`);
  }
}

const byDateOf = new WeakMap<readonly LoggedDay[], ReadonlyMap<string, LoggedDay>>();

/**
 * Days by date, for lookups while walking a calendar range. Made once for a
 * list of days: the site's list is one a build, and every month page's
 * heatmap and every log page look days up in it (3,650 days, 120 months).
 * A list of days is never changed once made (logDays, the review buckets).
 */
export function daysByDate(days: readonly LoggedDay[]): ReadonlyMap<string, LoggedDay> {
  let byDate = byDateOf.get(days);
  if (!byDate) byDateOf.set(days, (byDate = new Map(days.map((day) => [day.date, day]))));
  return byDate;
}
