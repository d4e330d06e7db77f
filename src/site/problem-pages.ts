/** How the problem pages cut their lists: open threads and a thread's timeline come in pages, resolved threads by year. */
import type { ProblemThread } from '../stats/problem-threads.ts';

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
