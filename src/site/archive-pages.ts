/** How the archive pages (/logs/YYYY/, /logs/YYYY/MM/) list their logs: the records stats counts, by month. */
import type { LogRecord } from '../record/schema.ts';
import { datedRecords, type DatedRecord } from '../stats/index.ts';

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
