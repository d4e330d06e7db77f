/**
 * A day's checklist as it means what it says: the day's own items apart from
 * the items carried over from earlier days (checklist item `carried`: under
 * ## 持ち越し, or labelled （8/1 の計画） / 未完了（12/6）), and neither counting
 * what was given up (record.drops). A carried item ticked is its plan done
 * that day (plan-chains.ts), not one of the day's own tasks.
 *
 * The one rule every count uses: the log page (自分の項目 3/8・持ち越し 1/22),
 * logDays and through it the completion chart, the archives and the reviews,
 * the month pages and the feed. Pages never count a checklist themselves.
 */
import type { LogRecord } from '../record/schema.ts';
import type { ChecklistCore } from './types.ts';

export interface ChecklistCount {
  done: number;
  total: number;
}

export interface ChecklistCounts {
  /** The day's own items. */
  own: ChecklistCount;
  /** Items carried over from earlier days. */
  carried: ChecklistCount;
}

export function checklistCounts(record: Pick<LogRecord, 'drops'> & { checklist: readonly ChecklistCore[] }): ChecklistCounts {
  const dropped = new Set(record.drops.map((drop) => drop.line));
  const own = { done: 0, total: 0 };
  const carried = { done: 0, total: 0 };
  for (const item of record.checklist) {
    if (dropped.has(item.line)) continue;
    const count = item.carried ? carried : own;
    count.total++;
    if (item.done) count.done++;
  }
  return { own, carried };
}
