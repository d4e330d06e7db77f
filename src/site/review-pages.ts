/**
 * The review pages (/reviews/week/<start>/, /reviews/month/<YYYY-MM>/) and
 * their JSON, computed once per build from the site's records with
 * src/stats/reviews.ts. Each page's cache key for Astro's incremental build is
 * a digest of everything it shows (the review, its details, the periods it
 * links to): a day's edit re-renders only that day's week and month (and a
 * neighbour whose `previous` figures it changes).
 */
import { createHash } from 'node:crypto';
import type { SiteRecord } from '../record/stored-record.ts';
import { allReviews, periodKey, type PeriodReview, type ReviewInputs, type ReviewKind, type ReviewOptions } from '../stats/index.ts';
import { formatMonth } from './format.ts';

export interface PeriodLink {
  kind: ReviewKind;
  key: string;
  /** "2025年9月8日〜14日", "2025年9月". */
  label: string;
  path: string;
}

export interface ReviewPage extends PeriodReview {
  kind: ReviewKind;
  path: string;
  label: string;
  previous: PeriodLink | null;
  next: PeriodLink | null;
  /** A week: its month or months; a month: its weeks (those that start in it, or hold its first day). */
  related: PeriodLink[];
  /** Digest of all of the above: the page's key for the incremental build. */
  cacheKey: string;
  /** Digest of the review alone: the JSON file's key. */
  jsonKey: string;
}

export interface ReviewPages {
  weeks: ReviewPage[];
  months: ReviewPage[];
}

/** "/reviews/week/2025-09-08/", "/reviews/month/2025-09/" (before the base path). */
export function reviewPath(kind: ReviewKind, key: string): string {
  return `/reviews/${kind}/${key}/`;
}

/** "2025年9月8日〜14日" (the end's month and year only when they differ), or "2025年9月". */
export function periodLabel(kind: ReviewKind, start: string, end: string): string {
  if (kind === 'month') return formatMonth(start.slice(0, 7));
  const [y1, m1, d1] = start.split('-').map(Number) as [number, number, number];
  const [y2, m2, d2] = end.split('-').map(Number) as [number, number, number];
  const tail = y2 !== y1 ? `${y2}年${m2}月${d2}日` : m2 !== m1 ? `${m2}月${d2}日` : `${d2}日`;
  return `${y1}年${m1}月${d1}日〜${tail}`;
}

function digest(...parts: string[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\0');
  return hash.digest('hex');
}

function linkOf(period: PeriodReview): PeriodLink {
  const { kind, start, end } = period.review;
  return { kind, key: period.key, label: periodLabel(kind, start, end), path: reviewPath(kind, period.key) };
}

function pagesOf(periods: readonly PeriodReview[], related: (period: PeriodReview) => PeriodLink[]): ReviewPage[] {
  return periods.map((period, index) => {
    const link = linkOf(period);
    // Stringified once: the JSON file's key and a part of the page's.
    const review = JSON.stringify(period.review);
    const around = {
      previous: index > 0 ? linkOf(periods[index - 1]!) : null,
      next: index + 1 < periods.length ? linkOf(periods[index + 1]!) : null,
      related: related(period),
    };
    return {
      ...period,
      kind: period.review.kind,
      path: link.path,
      label: link.label,
      ...around,
      cacheKey: digest(review, JSON.stringify({ details: period.details, ...around })),
      jsonKey: digest(review),
    };
  });
}

/** Every week and month with a log, oldest first, with its neighbours and the periods it links to; `given`: the site's own days, threads and chains. */
export function reviewPages(records: readonly SiteRecord[], options: ReviewOptions, given?: ReviewInputs): ReviewPages {
  const { weeks, months } = allReviews(records, options, given);
  const monthLinks = new Map(months.map((month) => [month.key, linkOf(month)]));
  const weeksOfMonth = new Map<string, PeriodLink[]>();
  for (const week of weeks) {
    // A week belongs to the months of its days that have a review.
    for (const month of new Set([week.review.start.slice(0, 7), week.review.end.slice(0, 7)])) {
      if (!monthLinks.has(month)) continue;
      const list = weeksOfMonth.get(month);
      if (list) list.push(linkOf(week));
      else weeksOfMonth.set(month, [linkOf(week)]);
    }
  }
  return {
    weeks: pagesOf(weeks, (week) => [...new Set([week.review.start.slice(0, 7), week.review.end.slice(0, 7)])].flatMap((month) => monthLinks.get(month) ?? [])),
    months: pagesOf(months, (month) => weeksOfMonth.get(month.key) ?? []),
  };
}

/** The path of the week review holding a log's date (every dated log's week has one). */
export function weekReviewPath(date: string, weekStart: ReviewOptions['weekStart']): string {
  return reviewPath('week', periodKey('week', date, weekStart));
}
