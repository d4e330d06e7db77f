/** How the writer followed through on the plans of each log. */
import type { LogRecord } from '../record/schema.ts';
import { resolveVocabulary } from '../parse/vocabulary.ts';
import type { PlanFollowThrough, PlanState, StatsOptions } from './types.ts';
import { checkOptions, datedRecords } from './days.ts';
import { indexDoneItems } from './done-index.ts';
import { planDueDate } from './plan-due.ts';
import { planKeyer } from './plan-key.ts';

/**
 * Every plan of every dated log, newest log first (the reverse of date, then
 * slug), each log's plans in the order written.
 *
 * done: a log dated strictly after the plan's log has a done checklist item
 * matching the plan (see keysMatch); doneIn is the earliest such item, even
 * when it came after the due date. A log of the same day does not count: the
 * plan was written that day, so a tick that day cannot be told from before.
 * overdue: not done and due before options.today. open: the rest, "later"
 * plans (no due date) included.
 */
export function followThrough(records: readonly LogRecord[], options: StatsOptions): PlanFollowThrough[] {
  checkOptions(options);
  const sorted = datedRecords(records);
  const keyOf = planKeyer(resolveVocabulary(options.vocabulary));
  const done = indexDoneItems(sorted, keyOf);
  const rows: PlanFollowThrough[] = [];
  for (let index = sorted.length - 1; index >= 0; index--) {
    const record = sorted[index]!;
    for (const plan of record.plans) {
      const due = planDueDate(record.date, plan.horizon, options.weekStart);
      const mark = done.firstDoneAfter(keyOf(plan.text), record.date);
      const state: PlanState = mark ? 'done' : due !== null && due < options.today ? 'overdue' : 'open';
      rows.push({
        plan,
        log: { slug: record.slug, date: record.date, title: record.title },
        due,
        horizon: plan.horizon,
        state,
        doneIn: mark ? { slug: mark.slug, date: mark.date, line: mark.line, text: mark.text } : null,
      });
    }
  }
  return rows;
}
