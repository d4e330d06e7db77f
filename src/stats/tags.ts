/**
 * The tags of the logs (frontmatter `tags`): for /tags/, each tag's days,
 * hours and last use; for a tag's page, its hours month by month. Pure: the
 * published records in, the figures out.
 */
import type { LogRecord } from '../record/schema.ts';
import { datedRecords } from './days.ts';

export interface TagMonth {
  /** "2025-08". */
  month: string;
  minutes: number;
  approximate: boolean;
  logs: number;
}

export interface TagSummary {
  tag: string;
  /** Logs with the tag, dated or not. */
  logs: number;
  /** Calendar days with a log of the tag. */
  days: number;
  minutes: number;
  /** Some of the minutes were written as approximate (約2時間). */
  approximate: boolean;
  /** The newest date the tag was used, null when only undated logs have it. */
  lastUsed: string | null;
  /** Months with a log of the tag, oldest first. */
  months: TagMonth[];
}

/** Every tag of the records, most recently used first (then by name), with its figures. */
export function tagSummaries(records: readonly LogRecord[]): TagSummary[] {
  const byTag = new Map<string, { logs: number; dates: Set<string>; minutes: number; approximate: boolean; months: Map<string, TagMonth> }>();
  const dated = new Set<LogRecord>(datedRecords(records));
  for (const record of records) {
    for (const tag of new Set(record.tags)) {
      let entry = byTag.get(tag);
      if (!entry) {
        entry = { logs: 0, dates: new Set(), minutes: 0, approximate: false, months: new Map() };
        byTag.set(tag, entry);
      }
      const minutes = record.metrics.studyMinutes ?? 0;
      const approximate = record.metrics.studyApproximate === true;
      entry.logs += 1;
      entry.minutes += minutes;
      entry.approximate ||= approximate;
      if (!dated.has(record) || record.date === null) continue;
      entry.dates.add(record.date);
      const key = record.date.slice(0, 7);
      const month = entry.months.get(key) ?? { month: key, minutes: 0, approximate: false, logs: 0 };
      month.minutes += minutes;
      month.approximate ||= approximate;
      month.logs += 1;
      entry.months.set(key, month);
    }
  }
  const summaries = [...byTag].map(([tag, entry]): TagSummary => {
    const dates = [...entry.dates].sort();
    return {
      tag,
      logs: entry.logs,
      days: dates.length,
      minutes: entry.minutes,
      approximate: entry.approximate,
      lastUsed: dates.at(-1) ?? null,
      months: [...entry.months.values()].sort((a, b) => (a.month < b.month ? -1 : 1)),
    };
  });
  return summaries.sort((a, b) => (b.lastUsed ?? '').localeCompare(a.lastUsed ?? '') || (a.tag < b.tag ? -1 : a.tag > b.tag ? 1 : 0));
}
