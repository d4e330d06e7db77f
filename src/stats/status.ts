/**
 * The writer's morning status (`nisshi status`): today's log written or not,
 * this week's minutes against the weekly target, the current streak, open
 * problems, overdue plans and the learnings due for review. Pure: published
 * records and a day in.
 */
import { logDays, type DayRecord } from './days.ts';
import { planChains } from './plan-chains.ts';
import { problemThreads } from './problem-threads.ts';
import { dueLearnings } from './spaced-review.ts';
import { streaks } from './streaks.ts';
import { meetsTarget } from './targets.ts';
import { totals } from './totals.ts';
import type { LearningRecord, StatsOptions } from './types.ts';
import type { ChainRecord } from './plan-chains.ts';

export interface WriterStatus {
  today: string;
  /** Sources of the logs dated today (several when a day has two files); empty when not written yet. */
  todayLogs: string[];
  week: { minutes: number; targetMinutes: number | null; met: boolean | null };
  streak: number;
  openProblems: { count: number; titles: string[] };
  overduePlans: { count: number; items: Array<{ text: string; due: string }> };
  /** Learnings due for review today (spaced-review.ts), oldest due first: what `nisshi new` puts under ## 復習. */
  dueLearnings: { count: number; items: Array<{ text: string; date: string; due: string }> };
}

/** What of a record the status reads (the record index hands `nisshi status` no more). */
export type StatusRecord = DayRecord & ChainRecord & LearningRecord;

/** How many open problems and overdue plans are listed by name (the counts are always whole). */
const LISTED = 5;

export function writerStatus(records: readonly StatusRecord[], options: StatsOptions, weeklyTargetMinutes: number | null): WriterStatus {
  const days = logDays(records);
  const week = totals(days, options).thisWeekMinutes;
  const open = problemThreads(records).filter((thread) => thread.status === 'open');
  const overdue = planChains(records, options).filter((chain) => chain.status === 'overdue');
  const due = dueLearnings(records, options.today);
  return {
    today: options.today,
    todayLogs: records.filter((record) => record.date === options.today).map((record) => record.source),
    week: { minutes: week, targetMinutes: weeklyTargetMinutes, met: weeklyTargetMinutes === null ? null : meetsTarget(week, weeklyTargetMinutes) },
    streak: streaks(days, options).current,
    openProblems: { count: open.length, titles: open.slice(0, LISTED).map((thread) => thread.title) },
    overduePlans: { count: overdue.length, items: overdue.slice(0, LISTED).map((chain) => ({ text: chain.text, due: chain.due ?? '' })) },
    dueLearnings: { count: due.length, items: due.slice(0, LISTED).map(({ text, date, due: since }) => ({ text, date, due: since })) },
  };
}
