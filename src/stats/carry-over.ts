/**
 * What `nisshi new` carries into a new day's log: the plans not done that are
 * due on or before that day (plan chains, plan-chains.ts: nothing done, each
 * chain once), the unchecked checklist items of the newest earlier log, and
 * every open problem thread (problem-threads.ts). Pure: records in, lists out.
 */
import type { LogRecord, Problem } from '../record/schema.ts';
import { resolveVocabulary } from '../parse/vocabulary.ts';
import { isPlaceholderText } from '../parse/placeholders.ts';
import { datedRecords } from './days.ts';
import { planChains, type ChainRecord } from './plan-chains.ts';
import { CARRIED_ASIDE, hasDroppedAside, planKeyer } from './plan-key.ts';
import { problemThreads } from './problem-threads.ts';
import type { ProblemCore, StatsOptions } from './types.ts';

export interface CarriedItem {
  /** The text as written, without an earlier carry's （M/D の計画）. */
  text: string;
  /** The day it was first planned. */
  plannedOn: string;
}

export interface CarriedProblem {
  title: string;
  /** The last 現状 written about it, null when none was. */
  current: string | null;
  firstSeen: string;
}

export interface CarryOver {
  items: CarriedItem[];
  problems: CarriedProblem[];
}

/** A trailing "（8/3 の計画）" (full- or half-width brackets) and the text before it. */
function splitCarried(text: string, year: string): { text: string; plannedOn: string | null } {
  const open = Math.max(text.lastIndexOf('（'), text.lastIndexOf('('));
  const trimmed = text.trimEnd();
  if (open === -1 || !(trimmed.endsWith('）') || trimmed.endsWith(')'))) return { text, plannedOn: null };
  const match = CARRIED_ASIDE.exec(trimmed.slice(open + 1, -1).normalize('NFKC'));
  if (!match) return { text, plannedOn: null };
  const plannedOn = `${year}-${match[1]!.padStart(2, '0')}-${match[2]!.padStart(2, '0')}`;
  return { text: text.slice(0, open).trimEnd(), plannedOn };
}

/**
 * @param date the new log's day: only logs before it are read, and plans due on
 *   or before it are carried.
 */
export function carryOver(
  records: ReadonlyArray<ChainRecord & { problems: ReadonlyArray<ProblemCore & Pick<Problem, 'current'>> }>,
  date: string, options: Omit<StatsOptions, 'today'>): CarryOver {
  const earlier = datedRecords(records).filter((record) => record.date < date);
  const vocabulary = resolveVocabulary(options.vocabulary);
  const keyOf = planKeyer(vocabulary);
  const seen = new Set<string>();
  const items: CarriedItem[] = [];
  const add = (text: string, plannedOn: string) => {
    const key = keyOf(text);
    if (key === '' || seen.has(key) || isPlaceholderText(text)) return;
    seen.add(key);
    items.push({ text, plannedOn });
  };
  const chains = planChains(earlier, { ...options, today: date })
    .filter((chain) => chain.status !== 'done' && chain.status !== 'dropped' && chain.due !== null && chain.due <= date)
    .sort((a, b) => (a.plannedOn < b.plannedOn ? -1 : a.plannedOn > b.plannedOn ? 1 : 0));
  for (const chain of chains) add(chain.text, chain.plannedOn);
  const newest = earlier.at(-1)?.date;
  for (const record of earlier.filter((candidate) => candidate.date === newest)) {
    const done = new Set(record.checklist.filter((item) => item.done).map((item) => keyOf(item.text)));
    const struck = new Set(record.struckLines);
    for (const item of record.checklist) {
      // A task given up (struck through, （中止）) is not carried.
      if (item.done || done.has(keyOf(item.text)) || struck.has(item.line) || hasDroppedAside(item.text, vocabulary)) continue;
      const carried = splitCarried(item.text, record.date.slice(0, 4));
      add(carried.text, carried.plannedOn !== null && carried.plannedOn <= record.date ? carried.plannedOn : record.date);
    }
  }
  const problems = problemThreads(earlier)
    .filter((thread) => thread.status === 'open' && !isPlaceholderText(thread.title))
    .map((thread): CarriedProblem => {
      const current = thread.occurrences.map((occurrence) => occurrence.problem.current).filter((text) => text !== null && !isPlaceholderText(text)).at(-1) ?? null;
      return { title: thread.title, current, firstSeen: thread.firstSeen };
    });
  return { items, problems };
}
