/**
 * Reviews of a week and of a month, a 週報 and 月報 built from the logs: the
 * period's figures beside the period before, its problems, what became of its
 * plans, its learnings and the writer's reflections. Pure: records and
 * options in. Every count comes from the functions the rest of the site uses
 * (logDays, totalOf, streakRuns, problemThreads, planChains), computed once
 * for all periods; the shape is review-schema.ts.
 */
import type { SiteRecord } from '../record/stored-record.ts';
import type { LogRecord } from '../record/schema.ts';
import { isPlaceholderText } from '../parse/placeholders.ts';
import { addDays, dayNumber, eachDay, endOfMonth, endOfWeek, startOfMonth, weekStartOf, type WeekStart } from './calendar.ts';
import { checkOptions, datedRecords, logDays, type DatedRecord, type LoggedDay } from './days.ts';
import { totalOf } from './periods.ts';
import { planChains, type PlanChain } from './plan-chains.ts';
import { problemThreads, threadChanges, type ProblemThread } from './problem-threads.ts';
import type { Review, ReviewKind } from './review-schema.ts';
import { streakRuns, type StreakRun } from './streaks.ts';
import type { StatsOptions } from './types.ts';

export interface ReviewOptions extends StatsOptions {
  /** settings targets.weeklyMinutes; null when none is set. */
  weeklyTargetMinutes: number | null;
}

export type PlanOutcome = keyof Review['plans'];

/** A plan chain as a review lists it. */
export interface ReviewPlan {
  id: string;
  text: string;
  plannedOn: string;
  due: string | null;
  doneOn: string | null;
  droppedOn: string | null;
  /** Where it was first written. */
  slug: string;
  line: number;
}

/** What a review's page and the Markdown of `nisshi review` show beside the review's figures. */
export interface ReviewDetails {
  /** Every day of the period, oldest first, days without a log included. */
  daily: Array<{ date: string; minutes: number | null; approximate: boolean; logs: Array<{ slug: string; title: string | null }> }>;
  opened: Array<{ id: string; title: string }>;
  resolved: Array<{ id: string; title: string }>;
  plans: Record<PlanOutcome, ReviewPlan[]>;
  reflections: Array<{ heading: string; text: string; slug: string; date: string; line: number }>;
}

export interface PeriodReview {
  /** "2025-10-06" (a week, by its first day) or "2025-10". */
  key: string;
  review: Review;
  details: ReviewDetails;
}

/** The key of the week or month holding `date`. */
export function periodKey(kind: ReviewKind, date: string, weekStart: WeekStart): string {
  return kind === 'week' ? weekStartOf(date, weekStart) : date.slice(0, 7);
}

/** First and last day of a period from its key. */
export function periodBounds(kind: ReviewKind, key: string, weekStart: WeekStart): { start: string; end: string } {
  if (kind === 'week') return { start: key, end: endOfWeek(key, weekStart) };
  return { start: `${key}-01`, end: endOfMonth(`${key}-01`) };
}

function previousStart(kind: ReviewKind, start: string): string {
  return kind === 'week' ? addDays(start, -7) : startOfMonth(addDays(start, -1));
}

/** What every review reads, computed once. */
interface Shared {
  options: ReviewOptions;
  first: string | null;
  runs: StreakRun[];
  /** +1 when a thread opens or reopens, −1 when it is resolved, by date; and the running count after each. */
  openEvents: Array<{ date: string; open: number }>;
}

/** What falls in one period. */
interface Bucket {
  records: DatedRecord[];
  days: LoggedDay[];
  chains: PlanChain[];
  opened: ProblemThread[];
  resolved: ProblemThread[];
}

/** A placeholder of the template left as it was; every one is in （）, so most texts are ruled out at once. */
function isTemplateText(text: string): boolean {
  return text.includes('（') && isPlaceholderText(text);
}

function emptyBucket(): Bucket {
  return { records: [], days: [], chains: [], opened: [], resolved: [] };
}

/** Everything of the records, by period key. */
function bucketsOf(
  kind: ReviewKind,
  records: readonly DatedRecord[],
  days: readonly LoggedDay[],
  chains: readonly PlanChain[],
  threads: readonly ProblemThread[],
  weekStart: WeekStart,
): Map<string, Bucket> {
  const buckets = new Map<string, Bucket>();
  const bucket = (date: string) => {
    const key = periodKey(kind, date, weekStart);
    let found = buckets.get(key);
    if (!found) buckets.set(key, (found = emptyBucket()));
    return found;
  };
  for (const record of records) bucket(record.date).records.push(record);
  for (const day of days) bucket(day.date).days.push(day);
  // Oldest first: planChains lists the newest first.
  for (let index = chains.length - 1; index >= 0; index--) bucket(chains[index]!.plannedOn).chains.push(chains[index]!);
  const resolutions: Array<{ date: string; thread: ProblemThread }> = [];
  for (const thread of threads) {
    bucket(thread.firstSeen).opened.push(thread);
    for (const change of threadChanges(thread.occurrences)) if (change.change === 'resolved') resolutions.push({ date: change.date, thread });
  }
  // In the order resolved; a thread resolved twice in one period (reopened between) is listed once.
  resolutions.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.thread.id < b.thread.id ? -1 : 1));
  for (const { date, thread } of resolutions) {
    const target = bucket(date);
    if (!target.resolved.includes(thread)) target.resolved.push(thread);
  }
  return buckets;
}

function sharedOf(records: readonly DatedRecord[], days: readonly LoggedDay[], threads: readonly ProblemThread[], options: ReviewOptions): Shared {
  const events: Array<{ date: string; delta: number }> = [];
  for (const thread of threads) {
    events.push({ date: thread.firstSeen, delta: 1 });
    for (const change of threadChanges(thread.occurrences)) events.push({ date: change.date, delta: change.change === 'resolved' ? -1 : 1 });
  }
  events.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  let open = 0;
  const openEvents = events.map((event) => ({ date: event.date, open: (open += event.delta) }));
  return { options, first: records[0]?.date ?? null, runs: streakRuns(days), openEvents };
}

/** Threads open at the end of `date`: the running count of the last event on or before it. */
function openOn(shared: Shared, date: string): number {
  let low = 0;
  let high = shared.openEvents.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (shared.openEvents[middle]!.date <= date) low = middle + 1;
    else high = middle;
  }
  return low === 0 ? 0 : shared.openEvents[low - 1]!.open;
}

/**
 * The streak on `day`: the run through it, or, while the period is under way
 * and today has no log yet, through yesterday (as the dashboard counts).
 */
function streakAt(runs: readonly StreakRun[], day: string, underWay: boolean): number {
  const through = (date: string) => runs.find((run) => run.start <= date && date <= run.end);
  let end = day;
  let run = through(day);
  if (!run && underWay) run = through((end = addDays(day, -1)));
  return run ? dayNumber(end) - dayNumber(run.start) + 1 : 0;
}

function longestInside(runs: readonly StreakRun[], start: string, end: string): number {
  let longest = 0;
  for (const run of runs) {
    if (run.end < start || run.start > end) continue;
    const from = run.start > start ? run.start : start;
    const to = run.end < end ? run.end : end;
    longest = Math.max(longest, dayNumber(to) - dayNumber(from) + 1);
  }
  return longest;
}

function outcomeOf(chain: PlanChain): PlanOutcome {
  switch (chain.status) {
    case 'done':
      return chain.due !== null && chain.doneOn !== null && chain.doneOn > chain.due ? 'doneLate' : 'done';
    case 'overdue':
      return 'slipped';
    case 'dropped':
      return 'dropped';
    default:
      return 'open';
  }
}

function byMinutesThenDays(a: Review['tags'][number], b: Review['tags'][number]): number {
  return b.minutes - a.minutes || b.days - a.days || (a.tag < b.tag ? -1 : a.tag > b.tag ? 1 : 0);
}

function tagsOf(records: readonly DatedRecord[]): Review['tags'] {
  const tags = new Map<string, { days: Set<string>; minutes: number }>();
  for (const record of records) {
    for (const tag of record.tags) {
      let entry = tags.get(tag);
      if (!entry) tags.set(tag, (entry = { days: new Set(), minutes: 0 }));
      entry.days.add(record.date);
      entry.minutes += record.metrics.studyMinutes ?? 0;
    }
  }
  return [...tags].map(([tag, { days, minutes }]) => ({ tag, days: days.size, minutes })).sort(byMinutesThenDays);
}

function reviewOfBucket(kind: ReviewKind, key: string, bucket: Bucket, previous: Bucket | undefined, shared: Shared): PeriodReview {
  const { options } = shared;
  const { start, end } = periodBounds(kind, key, options.weekStart);
  const underWay = start <= options.today && options.today <= end;
  const asOf = underWay ? options.today : end;
  const total = totalOf(bucket.days);
  const plans: Record<PlanOutcome, ReviewPlan[]> = { done: [], doneLate: [], slipped: [], dropped: [], open: [] };
  for (const chain of bucket.chains) {
    const { id, text, plannedOn, due, doneOn, droppedOn } = chain;
    const first = chain.occurrences[0]!;
    plans[outcomeOf(chain)].push({ id, text, plannedOn, due, doneOn, droppedOn, slug: first.slug, line: first.line });
  }
  const previousEnd = addDays(start, -1);
  const learnings = bucket.records.flatMap((record) =>
    record.learnings
      .map((text, index) => ({ text, slug: record.slug, date: record.date, line: record.learningLines[index] ?? 1 }))
      .filter((learning) => !isTemplateText(learning.text)),
  );
  const goals = bucket.records.flatMap((record) => record.goals).filter((goal) => !isTemplateText(goal.text));
  const daysByDate = new Map(bucket.days.map((day) => [day.date, day]));
  const review: Review = {
    kind,
    start,
    end,
    days: bucket.days.length,
    minutes: total.minutes,
    approximate: total.approximate,
    targetMinutes: kind === 'week' ? options.weeklyTargetMinutes : null,
    streak: { longest: longestInside(shared.runs, start, end), atEnd: streakAt(shared.runs, asOf, underWay) },
    goals: { set: goals.length, met: goals.filter((goal) => goal.done === true).length },
    checklist: { done: bucket.days.reduce((sum, day) => sum + day.checklistDone, 0), total: bucket.days.reduce((sum, day) => sum + day.checklistTotal, 0) },
    problems: {
      opened: bucket.opened.map((thread) => thread.id),
      resolved: bucket.resolved.map((thread) => thread.id),
      stillOpen: openOn(shared, asOf),
    },
    plans: { done: plans.done.length, doneLate: plans.doneLate.length, slipped: plans.slipped.length, dropped: plans.dropped.length, open: plans.open.length },
    learnings,
    tags: tagsOf(bucket.records),
    previous: shared.first === null || previousEnd < shared.first ? null : { minutes: totalOf(previous?.days ?? []).minutes, days: previous?.days.length ?? 0 },
  };
  const details: ReviewDetails = {
    daily: eachDay(start, end).map((date) => {
      const day = daysByDate.get(date);
      return {
        date,
        minutes: day?.minutes ?? null,
        approximate: day?.approximate ?? false,
        logs: bucket.records.filter((record) => record.date === date).map((record) => ({ slug: record.slug, title: record.title })),
      };
    }),
    opened: bucket.opened.map(({ id, title }) => ({ id, title })),
    resolved: bucket.resolved.map(({ id, title }) => ({ id, title })),
    plans,
    reflections: bucket.records.flatMap((record) => record.reflections.map((passage) => ({ ...passage, slug: record.slug, date: record.date }))),
  };
  return { key, review, details };
}

/** What a caller (the site) has already computed from the same records with the same options; computed here when not given. */
export interface ReviewInputs {
  days?: readonly LoggedDay[];
  threads?: readonly ProblemThread[];
  chains?: readonly PlanChain[];
}

/** What the reviews of every period read, computed once from the records. */
function prepare(records: readonly SiteRecord[], options: ReviewOptions, given: ReviewInputs = {}) {
  checkOptions(options);
  const dated = datedRecords(records);
  const days = given.days ?? logDays(dated);
  const threads = [...(given.threads ?? problemThreads(dated))].sort((a, b) => (a.firstSeen < b.firstSeen ? -1 : a.firstSeen > b.firstSeen ? 1 : a.id < b.id ? -1 : 1));
  const chains = given.chains ?? planChains(dated, options);
  return { dated, days, threads, chains, shared: sharedOf(dated, days, threads, options) };
}

function reviewsOfKind(kind: ReviewKind, prepared: ReturnType<typeof prepare>): PeriodReview[] {
  const { dated, days, chains, threads, shared } = prepared;
  const buckets = bucketsOf(kind, dated, days, chains, threads, shared.options.weekStart);
  return [...buckets]
    .filter(([, bucket]) => bucket.records.length > 0)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([key, bucket]) => {
      const { start } = periodBounds(kind, key, shared.options.weekStart);
      return reviewOfBucket(kind, key, bucket, buckets.get(periodKey(kind, previousStart(kind, start), shared.options.weekStart)), shared);
    });
}

/** The review of every week and every month that has a log, oldest first. */
export function allReviews(records: readonly SiteRecord[], options: ReviewOptions, given?: ReviewInputs): { weeks: PeriodReview[]; months: PeriodReview[] } {
  const prepared = prepare(records, options, given);
  return { weeks: reviewsOfKind('week', prepared), months: reviewsOfKind('month', prepared) };
}

/** The review of the week or month holding `date`, logs or not (`nisshi review`). */
export function reviewOf(records: readonly LogRecord[], kind: ReviewKind, date: string, options: ReviewOptions): PeriodReview {
  const prepared = prepare(records, options);
  const { dated, days, chains, threads, shared } = prepared;
  const buckets = bucketsOf(kind, dated, days, chains, threads, options.weekStart);
  const key = periodKey(kind, date, options.weekStart);
  const { start } = periodBounds(kind, key, options.weekStart);
  return reviewOfBucket(kind, key, buckets.get(key) ?? emptyBucket(), buckets.get(periodKey(kind, previousStart(kind, start), options.weekStart)), shared);
}
