/** A problem thread page's key for Astro's incremental build: it changes with what the page shows, and only then. */
import { describe, expect, it } from 'vitest';
import { threadPageCacheKey, type ThreadPageParts } from '../../src/site/problem-pages.ts';
import type { ProblemThread } from '../../src/stats/problem-threads.ts';

const occurrence = (date: string, current: string) => ({ date, slug: date, line: 12, title: 'CORS エラー', status: null, problem: { title: 'CORS エラー', current } });
const thread = (status: 'open' | 'resolved', occurrences = [occurrence('2025-08-03', 'ブロックされる'), occurrence('2025-08-04', 'まだ')]) =>
  ({ id: 'abc123def456', title: 'CORS エラー', status, firstSeen: '2025-08-03', lastSeen: '2025-08-04', resolvedOn: status === 'resolved' ? '2025-08-04' : null, reopenedOn: null, days: 2, occurrences }) as unknown as ProblemThread;
const parts = (change: Partial<ThreadPageParts> = {}): ThreadPageParts => {
  const base = thread('open');
  return { thread: base, occurrences: [...base.occurrences].reverse().map((each) => ({ ...each, log: `${each.slug}:d1` })), page: 1, pages: 1, today: '2025-08-10', ...change };
};

describe('threadPageCacheKey', () => {
  it('is the same for the same thread on the same day', () => {
    expect(threadPageCacheKey(parts())).toBe(threadPageCacheKey(parts()));
  });

  it.each<[string, Partial<ThreadPageParts>]>([
    ['the next day, while the thread is open (it counts the days open)', { today: '2025-08-11' }],
    ['a shown occurrence written differently', { occurrences: [{ ...occurrence('2025-08-04', '直った'), log: '2025-08-04:d1' }, { ...occurrence('2025-08-03', 'ブロックされる'), log: '2025-08-03:d1' }] }],
    ['an edit of a shown occurrence\'s log (its headings, so the link, may have changed)', { occurrences: [{ ...occurrence('2025-08-04', 'まだ'), log: '2025-08-04:d2' }, { ...occurrence('2025-08-03', 'ブロックされる'), log: '2025-08-03:d1' }] }],
    ['the thread resolved', { thread: thread('resolved') }],
    ['another day written about it, on another page', { thread: thread('open', [occurrence('2025-08-03', 'ブロックされる'), occurrence('2025-08-04', 'まだ'), occurrence('2025-08-05', 'まだ')]) }],
    ['its page count', { pages: 2 }],
  ])('changes with %s', (_name, change) => {
    expect(threadPageCacheKey(parts(change))).not.toBe(threadPageCacheKey(parts()));
  });

  it('does not change with the day once the thread is resolved', () => {
    const resolved = thread('resolved');
    expect(threadPageCacheKey(parts({ thread: resolved, today: '2025-09-01' }))).toBe(threadPageCacheKey(parts({ thread: resolved, today: '2025-09-02' })));
  });
});
