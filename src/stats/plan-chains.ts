/**
 * Plan chains: a plan written again in later logs is one chain (the same key:
 * plan-key.ts), done on the first day (in the same log or a later one) that a
 * checked checklist item has its text — a carried item ticked that day
 * included — dropped on the first day a plan or task of the same text is
 * written as given up (record.drops: struck through, or with （中止） and the
 * like), overdue when the due date of its first writing has passed, and stale
 * when it is overdue and its last writing's due date is more than
 * carryOver.maxAgeDays behind: then it leaves the carry-over for the backlog
 * (writing it again makes it fresh again).
 * Pure: records and options in, chains out, for the site and the CLI alike.
 */
import { hash } from 'node:crypto';
import { HORIZONS } from '../record/horizons.ts';
import type { Horizon, LogRecord } from '../record/schema.ts';
import { resolveVocabulary } from '../parse/vocabulary.ts';
import type { ChecklistCore, PlanCore, PlanState, StatsOptions } from './types.ts';
import { addDays } from './calendar.ts';
import { checkOptions, datedRecords } from './days.ts';
import { indexDoneItems } from './done-index.ts';
import { planDueDate } from './plan-due.ts';
import { carryOverLimits } from './carry-limits.ts';
import { planKeyer } from './plan-key.ts';

/** What of a record the plan chains read: the morning commands hand them no more. */
export type ChainRecord = Pick<LogRecord, 'date' | 'slug' | 'drops'> & { plans: readonly PlanCore[]; checklist: readonly ChecklistCore[] };

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
  /**
   * Overdue, and its last writing's due date more than carryOver.maxAgeDays
   * before options.today: no longer carried over, in the backlog (status stays "overdue").
   */
  stale: boolean;
  /** The first day it counts as stale (its last writing's due date + maxAgeDays + 1), when it is; else null. */
  staleOn: string | null;
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
/** Most logs give no plan up: they share this empty map rather than make one each. */
const NO_DROPS: ReadonlyMap<number, string> = new Map();

export function planChains(
  records: ReadonlyArray<ChainRecord>,
  options: StatsOptions,
): PlanChain[] {
  checkOptions(options);
  const sorted = datedRecords(records);
  const vocabulary = resolveVocabulary(options.vocabulary);
  const keyOf = planKeyer(vocabulary);
  const done = indexDoneItems(sorted, keyOf);
  const dropped = indexDropMarks(sorted, keyOf);
  const open = new Map<string, PlanChain>();
  const chains: PlanChain[] = [];
  for (const record of sorted) {
    // A plan written given up ("~~記事を書く~~ — 時間がない") is the plan without the marks and the reason.
    const dropText = record.drops.length === 0 ? NO_DROPS : new Map(record.drops.map((drop) => [drop.line, drop.text]));
    for (const plan of record.plans) {
      const text = dropText.get(plan.line) ?? plan.text;
      const key = keyOf(text);
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
        text,
        plannedOn: record.date,
        horizon: plan.horizon,
        due,
        status: mark ? 'done' : droppedOn !== null ? 'dropped' : due !== null && due < options.today ? 'overdue' : 'open',
        doneOn: mark?.date ?? null,
        droppedOn,
        stale: false,
        staleOn: null,
        doneIn: mark ? { slug: mark.slug, line: mark.line, text: mark.text } : null,
        carried: 0,
        occurrences: [occurrence],
      };
      chains.push(created);
      if (key !== '') open.set(key, created);
    }
  }
  const { maxAgeDays } = carryOverLimits(options.carryOver);
  for (const chain of chains) {
    if (chain.status !== 'overdue') continue;
    const staleOn = staleDay(chain, maxAgeDays, options.weekStart);
    if (staleOn !== null && staleOn <= options.today) Object.assign(chain, { stale: true, staleOn });
  }
  return chains.reverse();
}

/** The due date of a chain's last writing: a plan written again is due again (null when last written with no due date). */
export function freshDue(chain: Pick<PlanChain, 'occurrences'>, weekStart: StatsOptions['weekStart']): string | null {
  const last = chain.occurrences.at(-1)!;
  return planDueDate(last.date, last.horizon, weekStart);
}

/** The first day a chain not done is too old to carry: its last writing's due date + maxAgeDays + 1; null when it has no due date. */
export function staleDay(chain: Pick<PlanChain, 'occurrences'>, maxAgeDays: number, weekStart: StatsOptions['weekStart']): string | null {
  const due = freshDue(chain, weekStart);
  return due === null ? null : addDays(due, maxAgeDays + 1);
}

/**
 * Per plan key, the days (oldest first) a plan or checklist item of that key
 * was written as given up (record.drops: struck through, or with a drop word).
 * Exact keys only.
 */
function indexDropMarks(records: ReadonlyArray<ChainRecord & { date: string }>, keyOf: (text: string) => string): Map<string, string[]> {
  const marks = new Map<string, string[]>();
  for (const record of records) {
    for (const drop of record.drops) {
      const key = keyOf(drop.text);
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

/** Per month (oldest first) and horizon (in HORIZONS' order), how many chains were done by their due date and how many late; "later" plans have no due date and are left out. */
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
  const order = HORIZONS;
  return [...rows.values()].sort((a, b) => (a.month < b.month ? -1 : a.month > b.month ? 1 : order.indexOf(a.horizon) - order.indexOf(b.horizon)));
}
