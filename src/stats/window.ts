/** Where a chart's window ends: today, unless the writer has not written for longer than the window. */
import { daysBetween } from './calendar.ts';

/**
 * A window of `length` days ends today while the newest log is inside it;
 * when the newest log is older than that (a pause of months), it ends on the
 * newest log's day, so the charts show the last stretch written instead of
 * an empty window. No logs: today.
 */
export function windowEnd(newestLog: string | null, today: string, length: number): string {
  if (newestLog === null || newestLog > today) return today;
  return daysBetween(newestLog, today) >= length ? newestLog : today;
}
