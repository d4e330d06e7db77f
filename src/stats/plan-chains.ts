/**
 * Plan chains: a plan written again in later logs is one chain, done on the
 * first day (in the same log or a later one) that a checked checklist item
 * has its text, dropped on the first day a plan or task of the same text is
 * written as given up (struck through, or with （中止） and the like), overdue
 * when the due date of its first writing has passed.
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
import { hasDroppedAside, planKeyer } from './plan-key.ts';

/** What of a record the plan chains read: the morning commands hand them no more. */
export type ChainRecord = Pick<LogRecord, 'date' | 'slug' | 'struckLines'> & { plans: readonly PlanCore[]; checklist: readonly ChecklistCore[] };

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
  /** The day it was given up (struck through or （中止）); null when it was not, or was done all the same. */
  droppedOn: string | null;
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
  records: ReadonlyArray<ChainRecord>,
  options: StatsOptions,
): PlanChain[] {
  checkOptions(options);
  const sorted = datedRecords(records);
  const vocabulary = resolveVocabulary(options.vocabulary);
  const keyOf = planKeyer(vocabulary);
  const done = indexDoneItems(sorted, keyOf);
  const dropped = indexDropMarks(sorted, keyOf, vocabulary);
  const open = new Map<string, PlanChain>();
  const chains: PlanChain[] = [];
  for (const record of sorted) {
    for (const plan of record.plans) {
      const key = keyOf(plan.text);
      const occurrence: ChainOccurrence = { slug: record.slug, date: record.date, line: plan.line, horizon: plan.horizon };
      const chain = key === '' ? undefined : open.get(key);
      const closedOn = chain?.doneOn ?? chain?.droppedOn ?? null;
      if (chain && (closedOn === null || record.date <= closedOn)) {
        if (chain.occurrences.at(-1)!.slug === record.slug) continue;
        chain.occurrences.push(occurrence);
        if (record.date > chain.plannedOn && (closedOn === null || record.date < closedOn)) chain.carried++;
        continue;
      }
      const due = planDueDate(record.date, plan.horizon, options.weekStart);
      const mark = key === '' ? null : done.firstDoneAfter(key, addDays(record.date, -1));
      // Done wins: a plan given up and then done after all was done.
      const droppedOn = mark || key === '' ? null : firstOnOrAfter(dropped.get(key), record.date);
      const created: PlanChain = {
        id: hash('sha256', `${record.date}\n${key === '' ? `${record.slug}:${plan.line}` : key}`, 'hex').slice(0, 12),
        text: plan.text,
        plannedOn: record.date,
        horizon: plan.horizon,
        due,
        status: mark ? 'done' : droppedOn !== null ? 'dropped' : due !== null && due < options.today ? 'overdue' : 'open',
        doneOn: mark?.date ?? null,
        droppedOn,
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

/**
 * Per plan key, the days (oldest first) a plan or checklist item of that key
 * was written as given up: struck through (record.struckLines) or with a
 * dropped aside (テストを書く（中止）). Exact keys only.
 */
function indexDropMarks(records: ReadonlyArray<ChainRecord & { date: string }>, keyOf: (text: string) => string, vocabulary: ReturnType<typeof resolveVocabulary>): Map<string, string[]> {
  const marks = new Map<string, string[]>();
  for (const record of records) {
    const struck = new Set(record.struckLines);
    for (const item of [...record.plans, ...record.checklist]) {
      if (!struck.has(item.line) && !hasDroppedAside(item.text, vocabulary)) continue;
      const key = keyOf(item.text);
      if (key === '') continue;
      const dates = marks.get(key);
      if (!dates) marks.set(key, [record.date]);
      else if (dates.at(-1) !== record.date) dates.push(record.date);
    }
  }
  return marks;
}

/** The first of sorted dates on or after `date`, or null. */
function firstOnOrAfter(dates: readonly string[] | undefined, date: string): string | null {
  return dates?.find((candidate) => candidate >= date) ?? null;
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
