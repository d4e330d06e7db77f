/**
 * How much `nisshi new` carries over (settings carryOver): a plan or task not
 * done within maxAgeDays of its due date leaves the carry-over for the backlog,
 * and the new log lists at most maxItems carried items and maxProblems
 * continuing problems. The defaults are what a day can take in at a glance.
 */
export interface CarryOverLimits {
  /** Days after its due date (its last writing's) a plan is still carried; after that it is stale. */
  maxAgeDays: number;
  /** Carried plans and tasks listed in a new log, newest first. */
  maxItems: number;
  /** Continuing problems listed in a new log, most recently written first. */
  maxProblems: number;
}

export const DEFAULT_CARRY_OVER: Readonly<CarryOverLimits> = Object.freeze({ maxAgeDays: 14, maxItems: 15, maxProblems: 10 });

/** The limits given, each left out one the default. */
export function carryOverLimits(given?: Partial<CarryOverLimits> | undefined): CarryOverLimits {
  return {
    maxAgeDays: given?.maxAgeDays ?? DEFAULT_CARRY_OVER.maxAgeDays,
    maxItems: given?.maxItems ?? DEFAULT_CARRY_OVER.maxItems,
    maxProblems: given?.maxProblems ?? DEFAULT_CARRY_OVER.maxProblems,
  };
}
