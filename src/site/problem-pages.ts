/** How the problem pages cut their lists: open threads and a thread's timeline come in pages, resolved threads by year. */
import type { ProblemThread } from '../stats/problem-threads.ts';
import { pageKey } from './entry-key.ts';

export const OPEN_THREADS_PER_PAGE = 100;
export const OCCURRENCES_PER_PAGE = 100;

/** Years in which threads were resolved, newest first, with their threads (latest resolution first). */
export function resolvedByYear(threads: readonly ProblemThread[]): Array<{ year: string; threads: ProblemThread[] }> {
  const years = new Map<string, ProblemThread[]>();
  for (const thread of threads) {
    if (thread.resolvedOn === null) continue;
    const year = thread.resolvedOn.slice(0, 4);
    const list = years.get(year);
    if (list) list.push(thread);
    else years.set(year, [thread]);
  }
  return [...years]
    .sort(([a], [b]) => (a < b ? 1 : -1))
    .map(([year, list]) => ({ year, threads: list.sort((a, b) => (a.resolvedOn! < b.resolvedOn! ? 1 : a.resolvedOn! > b.resolvedOn! ? -1 : 0)) }));
}

/**
 * What a page of a problem thread shows: the thread's summary, the occurrences on the page (each with its
 * log's entry key, which covers the heading it links to), and today for an open one.
 */
export interface ThreadPageParts {
  thread: ProblemThread;
  occurrences: readonly unknown[];
  page: number;
  pages: number;
  /** An open thread says for how many days it has been open: the page changes with the day. */
  today: string;
}

/**
 * A thread page's key for Astro's incremental build: unchanged, last build's
 * page is kept (an edit of one log renders only the threads it writes about).
 */
export function threadPageCacheKey({ thread, occurrences, page, pages, today }: ThreadPageParts): string {
  const { occurrences: all, ...summary } = thread;
  const shown = { summary, count: all.length, occurrences, page, pages, today: thread.status === 'open' ? today : null };
  return pageKey(shown);
}
