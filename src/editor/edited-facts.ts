/**
 * Problem threads and plan chains with one log as the editor has it, from
 * those of the logs on disk: only the threads and chains the log can touch
 * (its problems' keys; its plans' and tasks' keys and every plan key they
 * match) are worked out again, over the few logs that hold such keys. The
 * same threads and chains as problemThreads / planChains over every log
 * (a test holds the two together), in a few milliseconds instead of the
 * hundred a keystroke would cost at ten years of logs.
 */
import { resolveVocabulary } from '../parse/vocabulary.ts';
import { keysMatch, planChains, planKeyer, problemKey, problemThreads, threadIdOf, type PlanChain, type ProblemCore, type ProblemThread, type StatsOptions } from '../stats/index.ts';
import type { ContextRecord } from './log-context.ts';

export interface LogFacts {
  threads: Array<ProblemThread<ProblemCore>>;
  chains: PlanChain[];
}

/**
 * What of a log the threads and chains are worked out from, as one string:
 * when it is the same before and after an edit (a word typed in a goal, a
 * task, a paragraph), nothing needs working out again. A task counts only
 * when ticked (one struck through or given up is among the drops): an open
 * one finishes no plan.
 */
export function factsInput(record: ContextRecord): string {
  const marks = record.checklist.filter((item) => item.done);
  return JSON.stringify([record.slug, record.date, record.draft, record.drops.map((drop) => [drop.text, drop.line]), record.metrics.studyMinutes, record.metrics.studyApproximate,
    record.problems.map((p) => [p.title, p.status, p.line]), record.plans.map((p) => [p.text, p.horizon, p.line]), marks.map((c) => [c.text, c.done, c.line])]);
}

export function logFacts(records: readonly ContextRecord[], options: StatsOptions): LogFacts {
  return { threads: problemThreads(records), chains: planChains(records, options) };
}

/**
 * @param base the facts of the logs on disk, `before` among them (null: a log not on disk yet)
 * @param records every log, with `edited` in place of `before`
 */
export function factsWithEdited(base: LogFacts, records: readonly ContextRecord[], edited: ContextRecord, before: ContextRecord | null, options: StatsOptions): LogFacts {
  const versions = before ? [edited, before] : [edited];
  const slugs = new Set(versions.map((record) => record.slug));
  return { threads: threadsWith(base.threads, records, versions, slugs), chains: chainsWith(base.chains, records, versions, slugs, options) };
}

/** Each record's problem keys, kept while the record lives. */
const problemKeys = new WeakMap<object, string[]>();

function problemKeysOf(record: ContextRecord): string[] {
  let keys = problemKeys.get(record);
  if (!keys) problemKeys.set(record, (keys = record.problems.map((problem) => problemKey(problem.title))));
  return keys;
}

function threadsWith(base: LogFacts['threads'], records: readonly ContextRecord[], versions: readonly ContextRecord[], slugs: ReadonlySet<string>): LogFacts['threads'] {
  const ids = new Set(versions.flatMap((record) => record.problems.map((problem) => threadIdOf(record.slug, problem))));
  const keys = new Set(versions.flatMap((record) => record.problems.map((problem) => problemKey(problem.title))).filter((key) => key !== ''));
  const touched = (thread: ProblemThread<ProblemCore>) => ids.has(thread.id) || thread.occurrences.some((occurrence) => slugs.has(occurrence.slug));
  const subset = records.filter((record) => slugs.has(record.slug) || problemKeysOf(record).some((key) => keys.has(key)));
  const threads = [...base.filter((thread) => !touched(thread)), ...problemThreads(subset).filter(touched)];
  // problemThreads' order: open first, then the last day written, newest first, then id.
  return threads.sort((a, b) => (a.status === b.status ? 0 : a.status === 'open' ? -1 : 1) || compare(b.lastSeen, a.lastSeen) || compare(a.id, b.id));
}

/** One keyer per vocabulary, kept between keystrokes: the same texts recur across thousands of logs. */
const keyers = new WeakMap<object, (text: string) => string>();
const DEFAULT_VOCABULARY = {};
/** Each record's plan and task keys, kept while the record lives (the records on disk do between changes). */
const itemKeys = new WeakMap<object, { plans: string[]; items: string[] }>();

function keysOf(record: ContextRecord, keyOf: (text: string) => string): { plans: string[]; items: string[] } {
  let keys = itemKeys.get(record);
  if (!keys) {
    const plans = record.plans.map((plan) => keyOf(plan.text));
    keys = { plans, items: [...plans, ...record.checklist.map((item) => keyOf(item.text))] };
    itemKeys.set(record, keys);
  }
  return keys;
}

function chainsWith(base: readonly PlanChain[], records: readonly ContextRecord[], versions: readonly ContextRecord[], slugs: ReadonlySet<string>, options: StatsOptions): PlanChain[] {
  const vocabularyRef = options.vocabulary ?? DEFAULT_VOCABULARY;
  let keyOf = keyers.get(vocabularyRef);
  if (!keyOf) keyers.set(vocabularyRef, (keyOf = planKeyer(resolveVocabulary(options.vocabulary))));
  const own = [...new Set(versions.flatMap((record) => keysOf(record, keyOf).items).filter((key) => key !== ''))];
  // Every plan key the log's items can be, finish or give up (done marks match by containment: keysMatch); each distinct key judged once.
  const affected = new Set(own);
  const judged = new Map<string, boolean>();
  for (const record of records) {
    for (const key of keysOf(record, keyOf).plans) {
      if (key === '' || affected.has(key) || judged.has(key)) continue;
      const matches = own.some((mine) => keysMatch(key, mine));
      judged.set(key, matches);
      if (matches) affected.add(key);
    }
  }
  const affectedKeys = [...affected];
  const relevance = new Map<string, boolean>();
  const relevant = (key: string) => {
    if (key === '') return false;
    let found = relevance.get(key);
    if (found === undefined) relevance.set(key, (found = affected.has(key) || affectedKeys.some((other) => keysMatch(key, other))));
    return found;
  };
  const subset = records.filter((record) => slugs.has(record.slug) || keysOf(record, keyOf).items.some(relevant));
  const touched = (chain: PlanChain) => affected.has(keyOf(chain.text)) || chain.occurrences.some((occurrence) => slugs.has(occurrence.slug));
  const chains = [...base.filter((chain) => !touched(chain)), ...planChains(subset, options).filter(touched)];
  // planChains' order: newest first by the day first planned.
  return chains.sort((a, b) => compare(b.plannedOn, a.plannedOn));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
