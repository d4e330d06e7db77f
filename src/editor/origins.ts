/**
 * Where a line of a log came from: a carried item `（8/1 の計画）` from the plan
 * of that day, a continued problem `（8/1 から）` or a problem heading from its
 * thread's first writing, a plan from its chain's. What go-to-definition jumps
 * to, references list, and the hovers tell.
 */
import { resolveVocabulary } from '../parse/vocabulary.ts';
import { planKeyer, problemKey, type PlanChain, type ProblemCore, type ProblemThread } from '../stats/index.ts';
import { readCarriedAside } from '../parse/extract/carried.ts';
import { chainAt, threadAt, type ContextRecord, type LogContext, type LogPlace } from './log-context.ts';

/** A trailing aside naming the day a problem was first written: "（8/1 から）" (a continued problem, src/cli/carried-text.ts). */
const SINCE_ASIDE = /^\s?(\d{1,2})\/(\d{1,2}) ?から\s?$/;

export interface CarriedAside {
  /** plan: a carried plan or task (（8/1 の計画）, 未完了（12/6）); problem: a continued problem (（8/1 から）). */
  kind: 'plan' | 'problem';
  /** The text before the aside. */
  text: string;
  /** The day it names, YYYY-MM-DD (the latest such day on or before the log's), or null. */
  from: string | null;
}

/** The aside at the end of an item's text, as `nisshi new` writes it (the carried asides read by the parser's own reader). */
export function carriedAside(text: string, logDate: string | null): CarriedAside | null {
  // A continued problem is written "title（8/1 から） — 現状: …": the aside ends the title.
  const dash = text.search(/\s—\s/u);
  const trimmed = (dash === -1 ? text : text.slice(0, dash)).trimEnd();
  const carried = readCarriedAside(trimmed, logDate);
  if (carried) return { kind: 'plan', text: trimmed.slice(0, carried.index).trimEnd(), from: carried.from };
  const open = Math.max(trimmed.lastIndexOf('（'), trimmed.lastIndexOf('('));
  if (open === -1 || !(trimmed.endsWith('）') || trimmed.endsWith(')'))) return null;
  const since = SINCE_ASIDE.exec(trimmed.slice(open + 1, -1).normalize('NFKC'));
  if (!since || logDate === null) return null;
  return { kind: 'problem', text: trimmed.slice(0, open).trimEnd(), from: dayOnOrBefore(logDate, Number(since[1]), Number(since[2])) };
}

/** The latest day with that month and day on or before `date`. */
export function dayOnOrBefore(date: string, month: number, day: number): string {
  let year = Number(date.slice(0, 4));
  const make = (y: number) => `${String(y).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  if (make(year) > date) year--;
  return make(year);
}

/** The text of a list item at a line, without marker, checkbox and strike-through. */
export function itemText(line: string): string {
  return line.replace(/^\s*(?:[-*+]|\d+[.)])\s+(?:\[[ xX]\]\s+)?/u, '').replace(/^~~(.*)~~$/u, '$1');
}

export type Origin =
  | { kind: 'carried-plan'; plannedOn: string; place: LogPlace | null; chain: PlanChain | null }
  | { kind: 'continued-problem'; since: string; thread: ProblemThread<ProblemCore> | null }
  | { kind: 'problem'; thread: ProblemThread<ProblemCore> }
  | { kind: 'plan'; chain: PlanChain };

/** What the 1-based line of the edited log is the continuation of, if anything nisshi knows. */
export function originAt(context: LogContext, line: number): Origin | null {
  const { record } = context;
  if (record.problems.some((problem) => problem.line === line)) {
    const thread = threadAt(context, line);
    if (thread) return { kind: 'problem', thread };
  }
  if (record.plans.some((plan) => plan.line === line)) {
    const chain = chainAt(context, line);
    if (chain) return { kind: 'plan', chain };
  }
  const text = context.lines[line - 1];
  if (text === undefined || record.date === null) return null;
  const aside = carriedAside(itemText(text), record.date);
  if (!aside || aside.from === null) return null;
  const on = aside.from;
  if (aside.kind === 'problem') {
    const key = problemKey(aside.text);
    return { kind: 'continued-problem', since: on, thread: context.threads.find((thread) => problemKey(thread.title) === key) ?? null };
  }
  const keyOf = planKeyer(resolveVocabulary(context.vocabulary));
  const key = keyOf(aside.text);
  // A plan of that day, or a task it left open (未完了).
  const items = (other: ContextRecord) => [...other.plans, ...other.checklist];
  const planned = context.records.find((other) => other.date === on && items(other).some((item) => keyOf(item.text) === key));
  const plan = planned ? items(planned).find((candidate) => keyOf(candidate.text) === key) : undefined;
  const place = planned && plan ? { slug: planned.slug, line: plan.line } : null;
  const chain = place ? (context.chains.find((candidate) => candidate.occurrences.some((o) => o.slug === place.slug && o.line === place.line)) ?? null) : null;
  return { kind: 'carried-plan', plannedOn: on, place, chain };
}

/** Where the thing at a line was first written (go to definition), or null. */
export function definitionOf(origin: Origin): LogPlace | null {
  switch (origin.kind) {
    case 'carried-plan':
      return origin.chain ? first(origin.chain.occurrences) : origin.place;
    case 'continued-problem':
      return origin.thread ? first(origin.thread.occurrences) : null;
    case 'problem':
      return first(origin.thread.occurrences);
    case 'plan':
      return first(origin.chain.occurrences);
  }
}

/** Every log that wrote the problem or plan (references), oldest first. */
export function referencesOf(origin: Origin): LogPlace[] {
  const occurrences = origin.kind === 'problem' || origin.kind === 'continued-problem' ? origin.thread?.occurrences : origin.kind === 'plan' ? origin.chain.occurrences : origin.chain?.occurrences;
  if (occurrences) return occurrences.map(({ slug, line }) => ({ slug, line }));
  return origin.kind === 'carried-plan' && origin.place ? [origin.place] : [];
}

function first(occurrences: ReadonlyArray<{ slug: string; line: number }>): LogPlace | null {
  const found = occurrences[0];
  return found ? { slug: found.slug, line: found.line } : null;
}

