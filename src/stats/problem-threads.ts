/**
 * Problem threads: the same problem written on several days is one thread,
 * resolved on the first day a log says so, reopened when it is written again
 * later. Pure: the records in, the threads out; the site, its data file and
 * the CLI (nisshi status, nisshi new) all read the same threads.
 */
import { hash } from 'node:crypto';
import type { LogRecord, Problem, ProblemStatus } from '../record/schema.ts';
import type { ProblemCore } from './types.ts';
import { datedRecords } from './days.ts';
import { foldText } from './plan-key.ts';

/** "問題3:", "課題 12 -", "Problem #2." at the start of a title. */
const numbering = /^(?:問題|課題|problem|issue)\s*#?[0-9]+[\s:.、)\-]*/iu;
/** Words a writer puts after a title without changing which problem it is, longest first. */
const TRAILING_WORDS = ['に関する問題', 'についての問題', 'について', 'に関して', 'の問題', 'の件', '件'];

/**
 * The comparable form of a problem title: NFKC, case, spaces and punctuation
 * removed (as for plans), the 問題N / 課題N numbering dropped, and trailing
 * words like 件 / について dropped. Equal keys are the same thread; nothing
 * looser is merged ("遅い" and "速い" stay two problems).
 */
export function problemKey(title: string): string {
  let key = foldText(title.normalize('NFKC').trim().replace(numbering, ''));
  for (const word of TRAILING_WORDS) {
    if (key.endsWith(word) && key.length > word.length) {
      key = key.slice(0, -word.length);
      break;
    }
  }
  return key;
}

/** A stable, URL-safe id of a thread: a hash of its key, so it never changes when logs are added. */
export function threadId(key: string): string {
  return hash('sha256', key, 'hex').slice(0, 12);
}

/** The key of the thread a problem of a log belongs to; a title with nothing comparable left is a thread of its own. */
function threadKeyOf(slug: string, problem: ProblemCore): string {
  const folded = problemKey(problem.title);
  return folded === '' ? `${slug}:${problem.line}` : folded;
}

/** The id of the thread a problem written in the log `slug` belongs to, for a link from the log to /problems/<id>/. */
export function threadIdOf(slug: string, problem: ProblemCore): string {
  return threadId(threadKeyOf(slug, problem));
}

export interface ThreadOccurrence<P extends ProblemCore = Problem> {
  slug: string;
  date: string;
  line: number;
  title: string;
  status: ProblemStatus | null;
  /** The problem as written that day, for its timeline (not in problems.json). */
  problem: P;
}

export interface ProblemThread<P extends ProblemCore = Problem> {
  id: string;
  /** The title as last written. */
  title: string;
  status: 'open' | 'resolved';
  firstSeen: string;
  lastSeen: string;
  /** The day it was resolved, the latest resolution when it was reopened and resolved again; null while open. */
  resolvedOn: string | null;
  /** The last day a resolved thread was written about again (reopened); null if never. */
  reopenedOn: string | null;
  /** Days (not logs) it was written about. */
  days: number;
  /** Oldest first. */
  occurrences: Array<ThreadOccurrence<P>>;
}

/**
 * Every thread of the dated records: open threads first, then by the last
 * day written, newest first (then by id, so the order never depends on input).
 *
 * A thread is resolved on the first occurrence with status "resolved"; a
 * later day's occurrence that is not "resolved" reopens it (an occurrence on
 * the day it was resolved does not: the log of that day may be split in two).
 */
export function problemThreads<P extends ProblemCore>(records: ReadonlyArray<Pick<LogRecord, 'date' | 'slug'> & { problems: readonly P[] }>): Array<ProblemThread<P>> {
  const byKey = new Map<string, Array<ThreadOccurrence<P>>>();
  // A problem is written again day after day: its title is folded once (NFKC and all), not on every day.
  const keys = new Map<string, string>();
  for (const record of datedRecords(records)) {
    for (const problem of record.problems) {
      let folded = keys.get(problem.title);
      if (folded === undefined) keys.set(problem.title, (folded = problemKey(problem.title)));
      const key = folded === '' ? `${record.slug}:${problem.line}` : folded;
      const occurrence: ThreadOccurrence<P> = { slug: record.slug, date: record.date, line: problem.line, title: problem.title, status: problem.status ?? null, problem };
      const list = byKey.get(key);
      if (list) list.push(occurrence);
      else byKey.set(key, [occurrence]);
    }
  }
  const threads = [...byKey].map(([key, occurrences]) => threadOf(threadId(key), occurrences));
  return threads.sort(
    (a, b) => (a.status === b.status ? 0 : a.status === 'open' ? -1 : 1) || compare(b.lastSeen, a.lastSeen) || compare(a.id, b.id),
  );
}

/** What happened to a thread, day by day: resolved on, reopened on, in order (each day at most once a kind). */
export interface ThreadChange {
  date: string;
  change: 'resolved' | 'reopened';
}

/**
 * The thread's resolutions and reopenings from its occurrences (oldest first):
 * resolved on the first occurrence with status "resolved", reopened by a later
 * day's occurrence that is not. The one rule behind a thread's status, so a
 * review can tell whether it was open on any day (threadOpenOn).
 */
export function threadChanges(occurrences: readonly Pick<ThreadOccurrence, 'date' | 'status'>[]): ThreadChange[] {
  const changes: ThreadChange[] = [];
  let resolvedOn: string | null = null;
  for (const occurrence of occurrences) {
    if (occurrence.status === 'resolved') {
      if (resolvedOn === null) changes.push({ date: (resolvedOn = occurrence.date), change: 'resolved' });
    } else if (resolvedOn !== null && occurrence.date > resolvedOn) {
      resolvedOn = null;
      changes.push({ date: occurrence.date, change: 'reopened' });
    }
  }
  return changes;
}

/** Whether a thread was open at the end of `date`: first written by then, and not resolved by then (or reopened since). */
export function threadOpenOn(thread: Pick<ProblemThread<ProblemCore>, 'firstSeen' | 'occurrences'>, date: string): boolean {
  if (thread.firstSeen > date) return false;
  const last = threadChanges(thread.occurrences).filter((change) => change.date <= date).at(-1);
  return last?.change !== 'resolved';
}

function threadOf<P extends ProblemCore>(id: string, occurrences: Array<ThreadOccurrence<P>>): ProblemThread<P> {
  const changes = threadChanges(occurrences);
  const latest = changes.at(-1);
  const resolvedOn = latest?.change === 'resolved' ? latest.date : null;
  const reopenedOn = changes.filter((change) => change.change === 'reopened').at(-1)?.date ?? null;
  const first = occurrences[0]!;
  const last = occurrences.at(-1)!;
  return {
    id,
    title: last.title,
    status: resolvedOn === null ? 'open' : 'resolved',
    firstSeen: first.date,
    lastSeen: last.date,
    resolvedOn,
    reopenedOn,
    days: new Set(occurrences.map((occurrence) => occurrence.date)).size,
    occurrences,
  };
}

/** A thread as /data/problems.json writes it: occurrences without the problem's parts. */
export function threadJson(thread: ProblemThread) {
  const { occurrences, ...rest } = thread;
  return { ...rest, occurrences: occurrences.map(({ slug, date, line, title, status }) => ({ slug, date, line, title, status })) };
}

/** Threads opened and resolved in a period (a month "YYYY-MM", a year …). */
export interface ThreadCount {
  opened: number;
  resolved: number;
}

/** Threads opened (first written) and resolved per year or month: `period` cuts a date to its key ("2025", "2025-08"). */
export function threadCounts(threads: readonly ProblemThread[], period: (date: string) => string): Map<string, ThreadCount> {
  const counts = new Map<string, ThreadCount>();
  const entry = (key: string) => {
    let value = counts.get(key);
    if (!value) counts.set(key, (value = { opened: 0, resolved: 0 }));
    return value;
  };
  for (const thread of threads) {
    entry(period(thread.firstSeen)).opened++;
    if (thread.resolvedOn !== null) entry(period(thread.resolvedOn)).resolved++;
  }
  return counts;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
