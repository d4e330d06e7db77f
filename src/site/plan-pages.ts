/** How the plans pages cut the chains: the history by the month a plan was first written. */
import type { PlanChain } from '../stats/plan-chains.ts';
import { pageKey } from './entry-key.ts';

/** Months of follow-through the /plans/ charts show. */
export const CHART_MONTHS = 24;
/** "いつか" plans listed on /plans/ (the rest are in the month pages). */
export const LATER_SHOWN = 20;

export interface PlanMonth {
  month: string;
  chains: PlanChain[];
  done: number;
  dropped: number;
  overdue: number;
  open: number;
}

/** Months with plans, newest first; `chains` newest first as given. */
export function planMonths(chains: readonly PlanChain[]): PlanMonth[] {
  const months = new Map<string, PlanMonth>();
  for (const chain of chains) {
    const key = chain.plannedOn.slice(0, 7);
    let month = months.get(key);
    if (!month) months.set(key, (month = { month: key, chains: [], done: 0, dropped: 0, overdue: 0, open: 0 }));
    month.chains.push(chain);
    month[chain.status]++;
  }
  return [...months.values()].sort((a, b) => (a.month < b.month ? 1 : -1));
}

/**
 * A plan month page's key for Astro's incremental build: the page is its month
 * (chains and counts, worked out with today) and its neighbours' links, and
 * nothing else; unchanged, last build's page is kept.
 */
export function planMonthCacheKey(parts: { month: PlanMonth; previous: { path: string } | null; next: { path: string } | null }): string {
  return pageKey(parts);
}
