/**
 * Shapes of the statistics the dashboard and pages show. Computed once per
 * build from the published records by pure functions (see index.ts).
 */
import type { VocabularyOverrides } from '../parse/vocabulary.ts';
import type { ChecklistItem, Horizon, LogRecord, Plan, Problem } from '../record/schema.ts';
import type { CarryOverLimits } from './carry-limits.ts';

/**
 * The parts of a log's items that the day-by-day statistics read (streaks,
 * week totals, problem threads, plan chains, carry-over): no more, so the
 * morning commands can hand them the record index's slim records.
 */
export type ChecklistCore = Pick<ChecklistItem, 'text' | 'done' | 'line' | 'carried'>;
export type ProblemCore = Pick<Problem, 'title' | 'status' | 'line'>;
export type PlanCore = Pick<Plan, 'text' | 'horizon' | 'line'>;
/** What of a record the spaced review of learnings reads (spaced-review.ts). */
export type LearningRecord = Pick<LogRecord, 'date' | 'slug' | 'source' | 'learnings' | 'learningLines' | 'reviewItems'>;

export interface StatsOptions {
  /** The day the site is built for, YYYY-MM-DD in the site's time zone: streaks, "this week" and overdue plans count from it. */
  today: string;
  weekStart: 'monday' | 'sunday';
  /** The writer's words (siteSettings.vocabulary): plan matching drops a trailing aside that names a horizon in them. */
  vocabulary?: VocabularyOverrides;
  /** siteSettings.carryOver: when a plan is stale, how much `nisshi new` carries (defaults: carry-limits.ts). */
  carryOver?: Partial<CarryOverLimits> | undefined;
}

/** One calendar day; days without a log are present with minutes null. */
export interface DayPoint {
  date: string;
  /** Study minutes of that day's log, null when there is no log or it gave no time. */
  minutes: number | null;
  approximate: boolean;
  /** The day's log, if there is one (the first by slug when there are several). */
  slug: string | null;
  /** Every log of that day, by slug. */
  slugs: string[];
}

export interface DailySeries {
  /** Every calendar day from the first log to max(today, last log). */
  days: DayPoint[];
  /** 7-day trailing moving average of minutes (days without time count as 0), one per day. */
  movingAverage7: number[];
  /** Cumulative study hours at the end of each day. */
  cumulativeHours: number[];
}

export interface PeriodTotal {
  /** First and last day of the period (inclusive). */
  start: string;
  end: string;
  /** Short Japanese label: "8/4〜8/10", "2025年8月". */
  label: string;
  minutes: number;
  /** Logs written in the period. */
  logs: number;
  /** True when any time in the total was approximate. */
  approximate: boolean;
}

export interface WeekRow extends PeriodTotal {
  checklistDone: number;
  checklistTotal: number;
  /** checklistDone / checklistTotal, null when there were no items. */
  completionRate: number | null;
  problems: number;
}

export interface Streaks {
  /** Consecutive days with a log ending today (or yesterday, when today has no log yet). */
  current: number;
  /** First and last day of the current streak, null when it is 0. */
  currentStart: string | null;
  currentEnd: string | null;
  longest: number;
  longestStart: string | null;
  longestEnd: string | null;
}

export interface Totals {
  minutes: number;
  /** Days with a log. */
  days: number;
  /** Log files (two logs on one day count twice). */
  logs: number;
  /** True when any of the minutes was approximate. */
  approximate: boolean;
  thisWeekMinutes: number;
  thisWeekApproximate: boolean;
  thisMonthMinutes: number;
  thisMonthApproximate: boolean;
}

export interface HeatmapCell {
  date: string;
  minutes: number | null;
  /** 0 (no log) to 4 (most study), by quartiles of the days with time. */
  level: 0 | 1 | 2 | 3 | 4;
  approximate: boolean;
  slug: string | null;
}

export interface SiteStats {
  totals: Totals;
  streaks: Streaks;
  daily: DailySeries;
  weekly: WeekRow[];
  monthly: PeriodTotal[];
  /** The last 365 days ending today, oldest first. */
  heatmap: HeatmapCell[];
  /** The quartiles Q1, Q2, Q3 of the heatmap's days with time (levels 1–3 end at them), null when none has time. */
  heatmapQuartiles: [number, number, number] | null;
}

/** 'dropped' only for plan chains: a plan given up (struck through, （中止）). */
export type PlanState = 'done' | 'dropped' | 'open' | 'overdue';

export interface PlanFollowThrough {
  plan: Plan;
  log: { slug: string; date: string; title: string | null };
  /** Due date from the log's date and the horizon; null for "later". */
  due: string | null;
  horizon: Horizon;
  state: PlanState;
  /** The later log whose checklist shows the plan done. */
  doneIn: {
    slug: string;
    date: string;
    /** Line of the done checklist item in that log. */
    line: number;
    /** The checklist item's text as written, to show what counted as the plan. */
    text: string;
  } | null;
}
