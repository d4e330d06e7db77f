/**
 * Where a line of a log came from: a carried item `（8/1 の計画）` from the plan
 * of that day, a continued problem `（8/1 から）` or a problem heading from its
 * thread's first writing, a plan from its chain's. What go-to-definition jumps
 * to, references list, and the hovers tell.
 */
import { resolveVocabulary } from '../parse/vocabulary.ts';
import { planKeyer, problemKey, type PlanChain, type ProblemCore, type ProblemThread } from '../stats/index.ts';
import { CARRIED_ASIDE as CARRIED } from '../stats/plan-key.ts';
import { chainAt, threadAt, type LogContext, type LogPlace } from './log-context.ts';

/** A trailing aside naming a day: "（8/1 の計画）" (carried plan) or "（8/1 から）" (continued problem). */
const SINCE_ASIDE = /^\s?(\d{1,2})\/(\d{1,2}) ?から\s?$/;

export interface CarriedAside {
  kind: 'plan' | 'problem';
  /** The text before the aside. */
  text: string;
  month: number;
  day: number;
}

/** The aside at the end of a line's text, if it names a day as `nisshi new` writes it. */
export function carriedAside(text: string): CarriedAside | null {
  // A carried problem is written "title（8/1 から） — 現状: …" (src/cli/carried-text.ts): the aside ends the title.
  const dash = text.search(/\s—\s/u);
  const trimmed = (dash === -1 ? text : text.slice(0, dash)).trimEnd();
  const open = Math.max(trimmed.lastIndexOf('（'), trimmed.lastIndexOf('('));
  if (open === -1 || !(trimmed.endsWith('）') || trimmed.endsWith(')'))) return null;
  const inner = trimmed.slice(open + 1, -1).normalize('NFKC');
  const plan = CARRIED.exec(inner);
  const since = plan ? null : SINCE_ASIDE.exec(inner);
  const match = plan ?? since;
  if (!match) return null;
  const before = trimmed.slice(0, open).trimEnd();
  return { kind: plan ? 'plan' : 'problem', text: before, month: Number(match[1]), day: Number(match[2]) };
}

/** The latest day with that month and day on or before `date` (a carried aside written in January may name December). */
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
  const aside = carriedAside(itemText(text));
  if (!aside) return null;
  const on = dayOnOrBefore(record.date, aside.month, aside.day);
  if (aside.kind === 'problem') {
    const key = problemKey(aside.text);
    return { kind: 'continued-problem', since: on, thread: context.threads.find((thread) => problemKey(thread.title) === key) ?? null };
  }
  const keyOf = planKeyer(resolveVocabulary(context.vocabulary));
  const key = keyOf(aside.text);
  const planned = context.records.find((other) => other.date === on && other.plans.some((plan) => keyOf(plan.text) === key));
  const plan = planned?.plans.find((candidate) => keyOf(candidate.text) === key);
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

