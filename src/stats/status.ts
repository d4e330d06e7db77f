/**
 * The writer's morning status (`nisshi status`): today's log written or not,
 * this week's minutes against the weekly target, the current streak, open
 * problems and overdue plans. Pure: published records and a day in.
 */
import type { LogRecord } from '../record/schema.ts';
import { logDays, type DayRecord } from './days.ts';
import { planChains } from './plan-chains.ts';
import { problemThreads } from './problem-threads.ts';
import { streaks } from './streaks.ts';
import { meetsTarget } from './targets.ts';
import { totals } from './totals.ts';
import type { PlanCore, StatsOptions } from './types.ts';

export interface WriterStatus {
  today: string;
  /** Sources of the logs dated today (several when a day has two files); empty when not written yet. */
  todayLogs: string[];
  week: { minutes: number; targetMinutes: number | null; met: boolean | null };
  streak: number;
  openProblems: { count: number; titles: string[] };
  overduePlans: { count: number; items: Array<{ text: string; due: string }> };
}

/** What of a record the status reads (the record index hands `nisshi status` no more). */
export type StatusRecord = DayRecord & Pick<LogRecord, 'source'> & { plans: readonly PlanCore[] };

/** How many open problems and overdue plans are listed by name (the counts are always whole). */
const LISTED = 5;

export function writerStatus(records: readonly StatusRecord[], options: StatsOptions, weeklyTargetMinutes: number | null): WriterStatus {
  const days = logDays(records);
  const week = totals(days, options).thisWeekMinutes;
  const open = problemThreads(records).filter((thread) => thread.status === 'open');
  const overdue = planChains(records, options).filter((chain) => chain.status === 'overdue');
  return {
    today: options.today,
    todayLogs: records.filter((record) => record.date === options.today).map((record) => record.source),
    week: { minutes: week, targetMinutes: weeklyTargetMinutes, met: weeklyTargetMinutes === null ? null : meetsTarget(week, weeklyTargetMinutes) },
    streak: streaks(days, options).current,
    openProblems: { count: open.length, titles: open.slice(0, LISTED).map((thread) => thread.title) },
    overduePlans: { count: overdue.length, items: overdue.slice(0, LISTED).map((chain) => ({ text: chain.text, due: chain.due ?? '' })) },
  };
}
