/** A plan month page's key for Astro's incremental build: the month's chains and counts and its neighbours, nothing else. */
import { describe, expect, it } from 'vitest';
import { planMonthCacheKey, type PlanMonth } from '../../src/site/plan-pages.ts';

const month = (change: Partial<PlanMonth> = {}): PlanMonth => ({ month: '2025-08', chains: [], done: 1, dropped: 0, overdue: 0, open: 1, ...change });
const key = (parts: Partial<Parameters<typeof planMonthCacheKey>[0]> = {}) =>
  planMonthCacheKey({ month: month(), previous: { path: '/plans/2025-07/' }, next: null, ...parts });

describe('planMonthCacheKey', () => {
  it('is the same for the same month', () => {
    expect(key()).toBe(key());
  });

  it.each<[string, Partial<Parameters<typeof planMonthCacheKey>[0]>]>([
    ['a plan done', { month: month({ done: 2, open: 0 }) }],
    ['a plan overdue (today moved past its horizon)', { month: month({ overdue: 1, open: 0 }) }],
    ['a chain of the month', { month: month({ chains: [{ key: 'x' } as never] }) }],
    ['a newer month appearing', { next: { path: '/plans/2025-09/' } }],
  ])('changes with %s', (_name, change) => {
    expect(key(change)).not.toBe(key());
  });
});
