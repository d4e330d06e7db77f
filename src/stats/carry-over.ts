/**
 * What `nisshi new` carries into a new day's log, small and honest:
 *
 * - plans (plan chains, plan-chains.ts) not done nor dropped, due by that
 *   day, and fresh: not more than carryOver.maxAgeDays past their last
 *   writing's due date. Older ones are stale: they go to the backlog
 *   (`nisshi status --all`, /plans/), still overdue in the data. いつか /
 *   そのうち plans (horizon someday) and plans with no horizon are never due.
 * - the newest earlier log's tasks and findings left open (a `- [ ]` that is
 *   not a plan, a ❌ paragraph), as 未完了（12/6）: never as plans, aged from
 *   the day they were left open like a plan from its due date. An item that
 *   was carried already keeps its first day.
 * - the open problem threads (problem-threads.ts).
 *
 * Each item once (by plan key), none given up (record.drops). The new log
 * lists at most maxItems items, newest first, and maxProblems problems, most
 * recently written first; the rest are counted in `leftOut`.
 * Pure: records in, lists out.
 */
import type { Problem } from '../record/schema.ts';
import { resolveVocabulary } from '../parse/vocabulary.ts';
import { isPlaceholderText } from '../parse/placeholders.ts';
import { withoutCarriedAside, type CarriedKind } from '../parse/extract/carried.ts';
import { addDays } from './calendar.ts';
import { carryOverLimits, type CarryOverLimits } from './carry-limits.ts';
import { datedRecords } from './days.ts';
import { freshDue, planChains, type ChainRecord, type PlanChain } from './plan-chains.ts';
import { planKeyer } from './plan-key.ts';
import { problemThreads } from './problem-threads.ts';
import type { ChecklistCore, ProblemCore, StatsOptions } from './types.ts';

/** What of a record the carry-over reads: the morning commands hand it no more. */
export type CarryRecord = ChainRecord & { problems: ReadonlyArray<ProblemCore & Pick<Problem, 'current'>> };

export interface CarriedItem {
  /** The text as written, without an earlier carry's label. */
  text: string;
  /** "plan": a plan not done; "unfinished": a task or finding left open (未完了). */
  kind: CarriedKind;
  /** A plan's first day, or the day a task was left open: what its label says. */
  from: string;
  /** The day it stops being carried: its due date (a plan's last writing's, a task's day) + maxAgeDays + 1. */
  staleOn: string;
  /** The plan chain's id (nisshi drop takes it); null for a task. */
  chainId: string | null;
}

export interface CarriedProblem {
  title: string;
  /** The last 現状 written about it, null when none was. */
  current: string | null;
  firstSeen: string;
  lastSeen: string;
}

/** Everything that could be carried, uncapped: what `nisshi status --all` lists. */
export interface CarryCandidates {
  /** Fresh plans and tasks, newest first. */
  items: CarriedItem[];
  /** Open problems, most recently written first. */
  problems: CarriedProblem[];
  /** Plans and tasks past maxAgeDays, newest first: the backlog. */
  stale: CarriedItem[];
}

export interface CarryOver {
  /** At most maxItems, newest first. */
  items: CarriedItem[];
  /** At most maxProblems, most recently written first. */
  problems: CarriedProblem[];
  /** What the new log does not list: items and problems past the caps, and stale plans and tasks. */
  leftOut: { items: number; problems: number; stale: number };
  limits: CarryOverLimits;
}

type CarryOptions = Omit<StatsOptions, 'today'>;

/** A candidate and the line it was written on, which orders the items of one day. */
interface Found {
  item: CarriedItem;
  line: number;
}

/** Newest first; one day's items in the order written. */
function newestFirst(found: readonly Found[]): CarriedItem[] {
  return [...found].sort((a, b) => (a.item.from < b.item.from ? 1 : a.item.from > b.item.from ? -1 : a.line - b.line)).map(({ item }) => item);
}

/**
 * Everything that could be carried into the log of `date`, uncapped.
 * @param date the new log's day: only logs before it are read, and plans due
 *   on or before it are carried.
 */
export function carryCandidates(records: readonly CarryRecord[], date: string, options: CarryOptions): CarryCandidates {
  const earlier = logsBefore(records, date);
  return { ...itemsOf(earlier, date, options), problems: problemsOf(earlier) };
}

/** The dated logs before `date`, oldest first: all the carry-over reads. */
function logsBefore<R extends CarryRecord>(records: readonly R[], date: string): Array<R & { date: string }> {
  return datedRecords(records).filter((record) => record.date < date);
}

/**
 * The plans and tasks of carryCandidates (fresh and stale), without the
 * problems. `chains`: planChains of the same records with today = `date`,
 * when the caller has them already and no record is dated on or after
 * `date` (then they are the chains of the logs before it: `nisshi status`
 * needs them too, and at ten years they take a fifth of its work).
 */
export function carriedItems(records: readonly CarryRecord[], date: string, options: CarryOptions, chains?: readonly PlanChain[]): Omit<CarryCandidates, 'problems'> {
  return itemsOf(logsBefore(records, date), date, options, chains);
}

function itemsOf(earlier: ReadonlyArray<CarryRecord & { date: string }>, date: string, options: CarryOptions, chains?: readonly PlanChain[]): Omit<CarryCandidates, 'problems'> {
  const vocabulary = resolveVocabulary(options.vocabulary);
  const keyOf = planKeyer(vocabulary);
  const { maxAgeDays } = carryOverLimits(options.carryOver);
  const seen = new Set<string>();
  const fresh: Found[] = [];
  const stale: Found[] = [];
  const add = (item: CarriedItem, line: number) => {
    const key = keyOf(item.text);
    if (key === '' || seen.has(key) || isPlaceholderText(item.text)) return;
    seen.add(key);
    (item.staleOn <= date ? stale : fresh).push({ item, line });
  };

  /** Per key, the newest chain (chains come newest first). */
  const chainOf = new Map<string, PlanChain>();
  for (const chain of chains ?? planChains(earlier, { ...options, today: date })) {
    const key = keyOf(chain.text);
    if (!chainOf.has(key)) chainOf.set(key, chain);
    if (chain.status === 'done' || chain.status === 'dropped') continue;
    const due = freshDue(chain, options.weekStart);
    // Not due yet, or never (いつか, no horizon): not carried.
    if (due === null || due > date) continue;
    add(planItem(chain, due, maxAgeDays), chain.occurrences[0]!.line);
  }

  const newest = earlier.at(-1)?.date;
  for (const record of earlier.filter((candidate) => candidate.date === newest)) {
    for (const item of openTasks(record, keyOf)) {
      // A plan of the same text, still open or closed that day, decides: it may be done, dropped, stale or not due.
      const chain = chainOf.get(keyOf(item.text));
      const closedOn = chain?.doneOn ?? chain?.droppedOn ?? null;
      if (chain && (closedOn === null || closedOn >= record.date)) continue;
      const from = item.carried?.from && item.carried.from <= record.date ? item.carried.from : record.date;
      add({ text: withoutCarriedAside(item.text), kind: item.carried?.kind ?? 'unfinished', from, staleOn: addDays(from, maxAgeDays + 1), chainId: null }, item.line);
    }
  }
  return { items: newestFirst(fresh), stale: newestFirst(stale) };
}

/** The open problem threads of the logs before the new one (`earlier`), most recently written first. */
function problemsOf(earlier: ReadonlyArray<CarryRecord & { date: string }>): CarriedProblem[] {
  return problemThreads(earlier)
    .filter((thread) => thread.status === 'open' && !isPlaceholderText(thread.title))
    .sort((a, b) => (a.lastSeen < b.lastSeen ? 1 : a.lastSeen > b.lastSeen ? -1 : 0))
    .map((thread): CarriedProblem => ({ title: thread.title, current: lastCurrent(thread.occurrences), firstSeen: thread.firstSeen, lastSeen: thread.lastSeen }));
}

/** The last 現状 written of a problem (its occurrences oldest first), a template's placeholder not counting; null when none was. */
function lastCurrent(occurrences: ReadonlyArray<{ problem: Pick<Problem, 'current'> }>): string | null {
  for (let i = occurrences.length - 1; i >= 0; i--) {
    const text = occurrences[i]!.problem.current;
    if (text !== null && !isPlaceholderText(text)) return text;
  }
  return null;
}

function planItem(chain: PlanChain, due: string, maxAgeDays: number): CarriedItem {
  return { text: chain.text, kind: 'plan', from: chain.plannedOn, staleOn: addDays(due, maxAgeDays + 1), chainId: chain.id };
}

/**
 * The tasks a log left open: unchecked, not given up, not ticked elsewhere in
 * the same log, and not one of its plans (the plan chains carry those, when due).
 */
function openTasks(record: ChainRecord, keyOf: (text: string) => string): ChecklistCore[] {
  const done = new Set(record.checklist.filter((item) => item.done).map((item) => keyOf(item.text)));
  const dropped = new Set(record.drops.map((drop) => drop.line));
  const plans = new Set(record.plans.map((plan) => plan.line));
  return record.checklist.filter((item) => !item.done && !dropped.has(item.line) && !plans.has(item.line) && !done.has(keyOf(item.text)));
}

/** What `nisshi new` writes into the log of `date`: the candidates, capped (settings carryOver). */
export function carryOver(records: readonly CarryRecord[], date: string, options: CarryOptions): CarryOver {
  const limits = carryOverLimits(options.carryOver);
  const { maxItems, maxProblems } = limits;
  const candidates = carryCandidates(records, date, options);
  return {
    items: candidates.items.slice(0, maxItems),
    problems: candidates.problems.slice(0, maxProblems),
    leftOut: {
      items: Math.max(0, candidates.items.length - maxItems),
      problems: Math.max(0, candidates.problems.length - maxProblems),
      stale: candidates.stale.length,
    },
    limits,
  };
}
