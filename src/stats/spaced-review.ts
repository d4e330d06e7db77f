/**
 * Learnings that come back: every 学び is due again 1, 3, 7, 21, 60 and 180
 * days after the day it was written. `nisshi new` lists the due ones under
 * ## 復習 as task items (record.reviewItems); ticking one in that day's log
 * says it was reviewed, which moves it on to the next of those days still
 * ahead, and leaving it unticked keeps it due. Computed from the logs alone,
 * so every machine agrees; pure: records and a day in.
 */
import type { LogRecord } from '../record/schema.ts';
import type { LearningRecord } from './types.ts';
import { isPlaceholderText } from '../parse/placeholders.ts';
import { addDays } from './calendar.ts';
import { datedRecords } from './days.ts';
import { foldText } from './plan-key.ts';

/** Days after the day written on which a learning is due again. */
export const REVIEW_INTERVALS = [1, 3, 7, 21, 60, 180] as const;

/** At most this many due learnings go into a new log (oldest due first). */
export const REVIEWS_PER_DAY = 5;

export interface Learning {
  text: string;
  slug: string;
  /** The log's path as read, for a link from a new log to it. */
  source: string;
  date: string;
  line: number;
}

export interface DueLearning extends Learning {
  /** The day it fell due and has waited since. */
  due: string;
  /** Its interval in days (1, 3 … 180): the review it waits for. */
  interval: number;
}

/** Where a learning stands on a day: due (since when, at which interval), or not (when next; null when its schedule is done). */
export interface LearningState {
  learning: Learning;
  /** The next day it is due, null when it has had its last review (180 days). */
  due: string | null;
  interval: number | null;
  /** Days it was reviewed (ticked), oldest first; ticks before it was due are not reviews. */
  reviewedOn: string[];
}

const identity = (date: string, text: string) => `${date}\n${foldText(text)}`;

/**
 * The days each learning was ticked under ## 復習, by its identity: the day
 * written and its text, or the day written and the line its link names (so a
 * learning whose text was edited later is still found).
 */
function ticksOf(records: readonly LearningRecord[], through: string): { byText: Map<string, string[]>; byLine: Map<string, string[]> } {
  const byText = new Map<string, string[]>();
  const byLineTicks = new Map<string, string[]>();
  const add = (map: Map<string, string[]>, key: string, date: string) => {
    const list = map.get(key);
    if (!list) map.set(key, [date]);
    else if (list.at(-1) !== date) list.push(date);
  };
  for (const record of datedRecords(records)) {
    if (record.date > through) break;
    for (const item of record.reviewItems) {
      if (!item.done || item.learnedOn === null || item.learnedOn >= record.date) continue;
      add(byText, identity(item.learnedOn, item.text), record.date);
      if (item.learningLine !== null) add(byLineTicks, `${item.learnedOn}\n${item.learningLine}`, record.date);
    }
  }
  return { byText, byLine: byLineTicks };
}

/**
 * Every learning's standing at the end of `today`, reading the logs dated on
 * or before it (`nisshi new` passes only the logs before the new one). A tick
 * counts on or after the day the learning fell due; it moves the learning on
 * to the first of its days after the tick.
 */
export function learningStates(records: readonly LearningRecord[], today: string): LearningState[] {
  const states: LearningState[] = [];
  eachLearning(records, today, (record, text, line, due, interval, reviewedOn) => {
    states.push({ learning: { text, slug: record.slug, source: record.source, date: record.date, line }, due, interval, reviewedOn: [...reviewedOn] });
  });
  return states;
}

/** The learnings due on `today`, oldest due first (then the oldest written, then by log and line). */
export function dueLearnings(records: readonly LearningRecord[], today: string): DueLearning[] {
  return firstDueLearnings(records, today, Infinity).items;
}

/**
 * How many learnings are due on `today`, and the first `limit` of them in
 * dueLearnings' order: what `nisshi status` and `nisshi new` show. Only those
 * are made into objects and kept in order: ten years hold tens of thousands
 * of due learnings, and the morning names five.
 */
export function firstDueLearnings(records: readonly LearningRecord[], today: string, limit: number): { count: number; items: DueLearning[] } {
  const items: DueLearning[] = [];
  let count = 0;
  eachLearning(records, today, (record, text, line, due, interval) => {
    if (due === null || interval === null || due > today) return;
    count++;
    const last = items.length === limit ? items[items.length - 1]! : null;
    if (last && compareDue(due, record.date, record.slug, line, last) >= 0) return;
    const item: DueLearning = { text, slug: record.slug, source: record.source, date: record.date, line, due, interval };
    if (limit === Infinity) {
      items.push(item);
      return;
    }
    // Kept in order, at most `limit`: each new one goes where it belongs and the last falls off.
    let at = items.length;
    while (at > 0 && compareDue(item.due, item.date, item.slug, item.line, items[at - 1]!) < 0) at--;
    items.splice(at, 0, item);
    if (items.length > limit) items.pop();
  });
  if (limit === Infinity) items.sort((a, b) => compareDue(a.due, a.date, a.slug, a.line, b));
  return { count, items };
}

/** dueLearnings' order: due first, then the day written, then by log and line. */
function compareDue(due: string, date: string, slug: string, line: number, other: DueLearning): number {
  return compare(due, other.due) || compare(date, other.date) || compare(slug, other.slug) || line - other.line;
}

type LearningVisit = (record: LearningRecord & { date: string }, text: string, line: number, due: string | null, interval: number | null, reviewedOn: readonly string[]) => void;

const NOT_REVIEWED: readonly string[] = [];

/** Each learning to review of the logs dated on or before `today`, with the day it is due next (null when its schedule is done). */
function eachLearning(records: readonly LearningRecord[], today: string, visit: LearningVisit): void {
  const ticks = ticksOf(records, today);
  // Most learnings were never reviewed: their text is folded only when their day has ticks.
  const tickedDays = new Set([...ticks.byText.keys(), ...ticks.byLine.keys()].map((key) => key.slice(0, 10)));
  for (const record of datedRecords(records)) {
    if (record.date > today) break;
    const ticked = tickedDays.has(record.date);
    // The days each review of this day's learnings falls on, worked out once for all of them (the first only, for a day never reviewed).
    const dueDays = ticked ? REVIEW_INTERVALS.map((interval) => addDays(record.date, interval)) : [addDays(record.date, REVIEW_INTERVALS[0])];
    record.learnings.forEach((text, index) => {
      // Every placeholder of the template is in （）: the cheap test first.
      if ((text.includes('（') && isPlaceholderText(text)) || !HAS_WORD.test(text)) return;
      const line = record.learningLines[index] ?? 1;
      if (!ticked) {
        visit(record, text, line, dueDays[0]!, REVIEW_INTERVALS[0], NOT_REVIEWED);
        return;
      }
      const days = [...new Set([...(ticks.byText.get(identity(record.date, text)) ?? []), ...(ticks.byLine.get(`${record.date}\n${line}`) ?? [])])].sort();
      let stage = 0;
      const reviewedOn: string[] = [];
      for (const day of days) {
        if (stage >= REVIEW_INTERVALS.length) break;
        if (day < dueDays[stage]!) continue;
        reviewedOn.push(day);
        while (stage < REVIEW_INTERVALS.length && dueDays[stage]! <= day) stage++;
      }
      const interval = REVIEW_INTERVALS[stage] ?? null;
      visit(record, text, line, interval === null ? null : dueDays[stage]!, interval, reviewedOn);
    });
  }
}

/** A learning with no letter or digit (only punctuation, an emoji) is nothing to review. */
const HAS_WORD = /[\p{L}\p{N}]/u;

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
