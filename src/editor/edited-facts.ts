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

function threadsWith(base: LogFacts['threads'], records: readonly ContextRecord[], versions: readonly ContextRecord[], slugs: ReadonlySet<string>): LogFacts['threads'] {
  const ids = new Set(versions.flatMap((record) => record.problems.map((problem) => threadIdOf(record.slug, problem))));
  const keys = new Set(versions.flatMap((record) => record.problems.map((problem) => problemKey(problem.title))).filter((key) => key !== ''));
  const touched = (thread: ProblemThread<ProblemCore>) => ids.has(thread.id) || thread.occurrences.some((occurrence) => slugs.has(occurrence.slug));
  const subset = records.filter((record) => slugs.has(record.slug) || record.problems.some((problem) => keys.has(problemKey(problem.title))));
  const threads = [...base.filter((thread) => !touched(thread)), ...problemThreads(subset).filter(touched)];
  // problemThreads' order: open first, then the last day written, newest first, then id.
  return threads.sort((a, b) => (a.status === b.status ? 0 : a.status === 'open' ? -1 : 1) || compare(b.lastSeen, a.lastSeen) || compare(a.id, b.id));
}

function chainsWith(base: readonly PlanChain[], records: readonly ContextRecord[], versions: readonly ContextRecord[], slugs: ReadonlySet<string>, options: StatsOptions): PlanChain[] {
  const keyOf = planKeyer(resolveVocabulary(options.vocabulary));
  const own = new Set(versions.flatMap((record) => [...record.plans, ...record.checklist].map((item) => keyOf(item.text))).filter((key) => key !== ''));
  // Every plan key the log's items can be, finish or give up (done marks match by containment: keysMatch).
  const affected = new Set(own);
  for (const record of records) {
    for (const plan of record.plans) {
      const key = keyOf(plan.text);
      if (key !== '' && !affected.has(key) && [...own].some((mine) => keysMatch(key, mine))) affected.add(key);
    }
  }
  const relevant = (key: string) => key !== '' && (affected.has(key) || [...affected].some((other) => keysMatch(key, other)));
  const subset = records.filter((record) => slugs.has(record.slug) || [...record.plans, ...record.checklist].some((item) => relevant(keyOf(item.text))));
  const touched = (chain: PlanChain) => affected.has(keyOf(chain.text)) || chain.occurrences.some((occurrence) => slugs.has(occurrence.slug));
  const chains = [...base.filter((chain) => !touched(chain)), ...planChains(subset, options).filter(touched)];
  // planChains' order: newest first by the day first planned.
  return chains.sort((a, b) => compare(b.plannedOn, a.plannedOn));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
