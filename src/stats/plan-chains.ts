/**
 * Plan chains: a plan written again in later logs is one chain, done on the
 * first day (in the same log or a later one) that a checked checklist item
 * has its text, overdue when the due date of its first writing has passed.
 * Pure: records and options in, chains out, for the site and the CLI alike.
 */
import { hash } from 'node:crypto';
import { horizonSchema, type Horizon, type LogRecord } from '../record/schema.ts';
import { resolveVocabulary } from '../parse/vocabulary.ts';
import type { ChecklistCore, PlanCore, PlanState, StatsOptions } from './types.ts';
import { addDays } from './calendar.ts';
import { checkOptions, datedRecords } from './days.ts';
import { indexDoneItems } from './done-index.ts';
import { planDueDate } from './plan-due.ts';
import { planKeyer } from './plan-key.ts';

export interface ChainOccurrence {
  slug: string;
  date: string;
  line: number;
  horizon: Horizon;
}

export interface PlanChain {
  /** Stable and URL-safe: a hash of the plan's key and the day it was first written. */
  id: string;
  /** The text as first written. */
  text: string;
  plannedOn: string;
  horizon: Horizon;
  /** From the first writing; null for "later" plans (never overdue). */
  due: string | null;
  status: PlanState;
  doneOn: string | null;
  /** Where it was ticked: the done checklist item. */
  doneIn: { slug: string; line: number; text: string } | null;
  /** Later logs that wrote it again before it was done. */
  carried: number;
  /** Oldest first, one per log. */
  occurrences: ChainOccurrence[];
}

/**
 * Chains of every plan of the dated records, newest first (by plannedOn, then
 * id). A plan written again after its chain was done starts a new chain: it is
 * a new intention. Done means a checked item whose key matches (keysMatch, as
 * the follow-through of single plans) dated on or after the first writing.
 */
export function planChains(
  records: ReadonlyArray<Pick<LogRecord, 'date' | 'slug'> & { plans: readonly PlanCore[]; checklist: readonly ChecklistCore[] }>,
  options: StatsOptions,
): PlanChain[] {
  checkOptions(options);
  const sorted = datedRecords(records);
  const keyOf = planKeyer(resolveVocabulary(options.vocabulary));
  const done = indexDoneItems(sorted, keyOf);
  const open = new Map<string, PlanChain>();
  const chains: PlanChain[] = [];
  for (const record of sorted) {
    for (const plan of record.plans) {
      const key = keyOf(plan.text);
      const occurrence: ChainOccurrence = { slug: record.slug, date: record.date, line: plan.line, horizon: plan.horizon };
      const chain = key === '' ? undefined : open.get(key);
      if (chain && (chain.doneOn === null || record.date <= chain.doneOn)) {
        if (chain.occurrences.at(-1)!.slug === record.slug) continue;
        chain.occurrences.push(occurrence);
        if (record.date > chain.plannedOn && (chain.doneOn === null || record.date < chain.doneOn)) chain.carried++;
        continue;
      }
      const due = planDueDate(record.date, plan.horizon, options.weekStart);
      const mark = key === '' ? null : done.firstDoneAfter(key, addDays(record.date, -1));
      const created: PlanChain = {
        id: hash('sha256', `${record.date}\n${key === '' ? `${record.slug}:${plan.line}` : key}`, 'hex').slice(0, 12),
        text: plan.text,
        plannedOn: record.date,
        horizon: plan.horizon,
        due,
        status: mark ? 'done' : due !== null && due < options.today ? 'overdue' : 'open',
        doneOn: mark?.date ?? null,
        doneIn: mark ? { slug: mark.slug, line: mark.line, text: mark.text } : null,
        carried: 0,
        occurrences: [occurrence],
      };
      chains.push(created);
      if (key !== '') open.set(key, created);
    }
  }
  return chains.reverse();
}

/** A chain as /data/plans.json writes it. */
export function chainJson(chain: PlanChain) {
  const { doneIn: _doneIn, ...rest } = chain;
  return rest;
}

/** Follow-through of the chains planned in one month with one horizon. */
export interface FollowThroughMonth {
  /** "YYYY-MM" of plannedOn. */
  month: string;
  horizon: Horizon;
  planned: number;
  /** Done on or before the due date. */
  onTime: number;
  /** Done after the due date. */
  late: number;
}

/** Per month (oldest first) and horizon (in horizonSchema's order), how many chains were done by their due date and how many late; "later" plans have no due date and are left out. */
export function followThroughByMonth(chains: readonly PlanChain[]): FollowThroughMonth[] {
  const rows = new Map<string, FollowThroughMonth>();
  for (const chain of chains) {
    if (chain.due === null) continue;
    const month = chain.plannedOn.slice(0, 7);
    const key = `${month} ${chain.horizon}`;
    let row = rows.get(key);
    if (!row) rows.set(key, (row = { month, horizon: chain.horizon, planned: 0, onTime: 0, late: 0 }));
    row.planned++;
    if (chain.doneOn !== null) {
      if (chain.doneOn <= chain.due) row.onTime++;
      else row.late++;
    }
  }
  const order = horizonSchema.options;
  return [...rows.values()].sort((a, b) => (a.month < b.month ? -1 : a.month > b.month ? 1 : order.indexOf(a.horizon) - order.indexOf(b.horizon)));
}
