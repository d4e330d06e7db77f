/**
 * The writer's morning status (`nisshi status`): today's log written or not,
 * this week's minutes against the weekly target and its checklist (own items
 * apart from carried ones, checklist-counts.ts), the current streak, open
 * problems, overdue plans (fresh ones first, stale ones in the backlog), what
 * `nisshi new` carries next, the いつか backlog and the learnings due for
 * review. Pure: published records and a day in.
 */
import { isPlaceholderText } from '../parse/placeholders.ts';
import { addDays, weekStartOf } from './calendar.ts';
import { carriedItems, type CarriedItem, type CarryRecord } from './carry-over.ts';
import { datedRecords, logDays, type DayRecord } from './days.ts';
import { planChains } from './plan-chains.ts';
import { problemThreads } from './problem-threads.ts';
import { firstDueLearnings } from './spaced-review.ts';
import { streaks } from './streaks.ts';
import { meetsTarget } from './targets.ts';
import { totals } from './totals.ts';
import type { LearningRecord, StatsOptions } from './types.ts';

export interface WriterStatus {
  today: string;
  /** Sources of the logs dated today (several when a day has two files); empty when not written yet. */
  todayLogs: string[];
  week: { minutes: number; targetMinutes: number | null; met: boolean | null };
  /** This week's checklists: the days' own items, and the items carried over (as the log pages count them). */
  weekChecklist: { own: { done: number; total: number }; carried: { done: number; total: number } };
  streak: number;
  openProblems: { count: number; titles: string[] };
  /** Every overdue plan chain; `stale` of them are past carryOver.maxAgeDays, in the backlog. Fresh ones listed first. */
  overduePlans: { count: number; stale: number; items: Array<{ text: string; due: string; stale: boolean }> };
  /**
   * What `nisshi new` carries into the next new log (today's, or tomorrow's
   * once today's is written), uncapped: `nisshi new` lists carryOver.maxItems.
   */
  carry: { date: string; count: number; items: Array<{ text: string; kind: CarriedItem['kind']; from: string }> };
  /** Plans with no due date (いつか, そのうち, or no horizon), not done nor dropped: the backlog. */
  someday: { count: number; items: Array<{ text: string; plannedOn: string }> };
  /** Learnings due for review today (spaced-review.ts), oldest due first: what `nisshi new` puts under ## 復習. */
  dueLearnings: { count: number; items: Array<{ text: string; date: string; due: string }> };
}

/** What of a record the status reads (the record index hands `nisshi status` no more). */
export type StatusRecord = DayRecord & CarryRecord & LearningRecord;

/** How many of each list are named (the counts are always whole), unless everything is asked for (`nisshi status --all`). */
const LISTED = 5;

export function writerStatus(given: readonly StatusRecord[], options: StatsOptions, weeklyTargetMinutes: number | null, all = false): WriterStatus {
  const listed = <T>(items: readonly T[]): T[] => (all ? [...items] : items.slice(0, LISTED));
  // Sorted by day once: each computation below sorts what it is given, and sorting sorted records is one pass.
  const records = datedRecords(given);
  // Each part in turn, keeping only what it shows: ten years of days, problem threads and plan chains are let
  // go before the next part is built (held together, they were what grew the morning's memory at its peak).
  const days = weekParts(records, options, weeklyTargetMinutes);
  const openProblems = openProblemParts(records, listed);
  const plans = planParts(records, options, listed);
  const due = firstDueLearnings(records, options.today, all ? Infinity : LISTED);
  return {
    today: options.today,
    ...days,
    openProblems,
    ...plans,
    dueLearnings: { count: due.count, items: due.items.map(({ text, date, due: since }) => ({ text, date, due: since })) },
  };
}

type Listed = <T>(items: readonly T[]) => T[];

/** Today's logs, this week's minutes and checklist, and the streak. */
function weekParts(records: ReadonlyArray<StatusRecord & { date: string }>, options: StatsOptions, weeklyTargetMinutes: number | null): Pick<WriterStatus, 'todayLogs' | 'week' | 'weekChecklist' | 'streak'> {
  const days = logDays(records);
  const week = totals(days, options).thisWeekMinutes;
  const weekStart = weekStartOf(options.today, options.weekStart);
  const weekDays = days.filter((day) => day.date >= weekStart && day.date <= options.today);
  const sum = (pick: (day: (typeof days)[number]) => number) => weekDays.reduce((total, day) => total + pick(day), 0);
  return {
    todayLogs: records.filter((record) => record.date === options.today).map((record) => record.source),
    week: { minutes: week, targetMinutes: weeklyTargetMinutes, met: weeklyTargetMinutes === null ? null : meetsTarget(week, weeklyTargetMinutes) },
    weekChecklist: {
      own: { done: sum((day) => day.checklistDone), total: sum((day) => day.checklistTotal) },
      carried: { done: sum((day) => day.carriedDone), total: sum((day) => day.carriedTotal) },
    },
    streak: streaks(days, options).current,
  };
}

/** The open problem threads' titles; a template's placeholder left as it was ("（問題の見出し）") is nothing to do. */
function openProblemParts(records: readonly StatusRecord[], listed: Listed): WriterStatus['openProblems'] {
  const open = problemThreads(records).filter((thread) => thread.status === 'open' && !isPlaceholderText(thread.title));
  return { count: open.length, titles: listed(open).map((thread) => thread.title) };
}

/** Overdue plans, what `nisshi new` carries next, and the いつか backlog. */
function planParts(records: ReadonlyArray<StatusRecord & { date: string }>, options: StatsOptions, listed: Listed): Pick<WriterStatus, 'overduePlans' | 'carry' | 'someday'> {
  const allChains = planChains(records, options);
  const chains = allChains.filter((chain) => !isPlaceholderText(chain.text));
  const overdue = chains.filter((chain) => chain.status === 'overdue');
  // Fresh first, each part newest first as the chains come.
  const overdueListed = [...overdue.filter((chain) => !chain.stale), ...overdue.filter((chain) => chain.stale)];
  const someday = chains.filter((chain) => chain.status === 'open' && chain.due === null);
  const carryDate = records.some((record) => record.date === options.today) ? addDays(options.today, 1) : options.today;
  // With no log dated today or later, the chains above are those of the logs before carryDate (= today).
  const sameChains = carryDate === options.today && !records.some((record) => record.date >= carryDate);
  const carry = carriedItems(records, carryDate, options, sameChains ? allChains : undefined).items;
  return {
    overduePlans: {
      count: overdue.length,
      stale: overdue.filter((chain) => chain.stale).length,
      items: listed(overdueListed).map((chain) => ({ text: chain.text, due: chain.due ?? '', stale: chain.stale })),
    },
    carry: { date: carryDate, count: carry.length, items: listed(carry).map(({ text, kind, from }) => ({ text, kind, from })) },
    someday: { count: someday.length, items: listed(someday).map((chain) => ({ text: chain.text, plannedOn: chain.plannedOn })) },
  };
}
