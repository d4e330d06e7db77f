/**
 * Statistics of the logs for the site: pure functions of the records and
 * StatsOptions ("today" always comes from the options, never the clock).
 * computeStats and followThrough are the entry points; the smaller functions
 * take the LoggedDay list of logDays(records), for pages that need one part.
 */
export type * from './types.ts';
export { computeStats } from './compute-stats.ts';
export { followThrough } from './follow-through.ts';
export { logDays, datedRecords, daysByDate, checkOptions, type LoggedDay, type DatedRecord } from './days.ts';
export { dailySeries, movingAverage, cumulativeHours } from './series.ts';
export { weeklyTotals, monthlyTotals, totalOf } from './periods.ts';
export { streaks, streakRuns, type StreakRun } from './streaks.ts';
export { totals } from './totals.ts';
export { heatmap, heatmapOf, heatLevel, quartiles, HEATMAP_DAYS, type Heatmap } from './heatmap.ts';
export { windowEnd } from './window.ts';
export { archiveYears, monthBounds, type ArchiveYear, type ArchiveMonth } from './archive.ts';
export { problemThreads, problemKey, threadId, threadIdOf, threadJson, threadCounts, threadChanges, threadOpenOn, type ProblemThread, type ThreadCount, type ThreadOccurrence, type ThreadChange } from './problem-threads.ts';
export { planChains, chainJson, followThroughByMonth, freshDue, staleDay, type PlanChain, type ChainOccurrence, type FollowThroughMonth } from './plan-chains.ts';
export { carryOver, carryCandidates, type CarryOver, type CarryCandidates, type CarriedItem, type CarriedProblem } from './carry-over.ts';
export { carryOverLimits, DEFAULT_CARRY_OVER, type CarryOverLimits } from './carry-limits.ts';
export { checklistCounts, type ChecklistCounts, type ChecklistCount } from './checklist-counts.ts';
export { planDueDate } from './plan-due.ts';
export { planKey, planKeyer, keysMatch, MIN_CONTAINED_LENGTH } from './plan-key.ts';
export { indexDoneItems, type DoneIndex, type DoneMark } from './done-index.ts';
export { weekLabel, monthLabel } from './labels.ts';
export * from './calendar.ts';
export { meetsTarget, targetYear, type TargetYear } from './targets.ts';
export { allReviews, reviewOf, periodKey, periodBounds, type PeriodReview, type ReviewDetails, type ReviewInputs, type ReviewOptions, type ReviewPlan, type PlanOutcome } from './reviews.ts';
export { reviewSchema, type Review, type ReviewKind } from './review-schema.ts';
export { dueLearnings, learningStates, REVIEW_INTERVALS, REVIEWS_PER_DAY, type DueLearning, type Learning, type LearningState } from './spaced-review.ts';
export { tagSummaries, type TagSummary, type TagMonth } from './tags.ts';
