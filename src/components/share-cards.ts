/**
 * What each page says when its link is shared: the card (src/cards) of a log,
 * a year or the whole site, and the one-line summary for og:description. A
 * week review's card is built the same way (weekCard) for the review pages.
 *
 * Log cards are drawn for the newest CARD_LOGS logs only: a card costs about
 * 0.1–0.3 s to draw, so 3,650 of them would more than double a cold build;
 * an older log's page shares its year's card. Which card a log page names is
 * part of its cacheKey (src/site/logs.ts), so the log that falls out of the
 * newest is rendered again with its year's card.
 */
import type { SiteRecord } from '../record/stored-record.ts';
import { heatStrip, type ShareCard } from '../cards/share-card.ts';
import { formatDate, formatHours, formatMinutes, href } from '../site/format.ts';
import type { ArchiveYear } from '../stats/archive.ts';
import type { LoggedDay } from '../stats/days.ts';
import { streakRuns } from '../stats/streaks.ts';
import { daysBetween } from '../stats/calendar.ts';

/** Logs with a card of their own: the newest ones. */
export const CARD_LOGS = 30;

/**
 * Week reviews with a card of their own: the newest ones (3,650 logs make
 * 522 weeks, which would add a minute to a cold build); an older week's page
 * shares the card of the year its week ends in.
 */
export const CARD_WEEKS = 8;

export interface CardContext {
  site: string;
  days: readonly LoggedDay[];
  weekStart: 'monday' | 'sunday';
}

/** Days in a row with a log, up to and including `date` (0 when it has none). */
export function streakOn(days: readonly LoggedDay[], date: string): number {
  const run = streakRuns(days).find((candidate) => candidate.start <= date && date <= candidate.end);
  return run ? daysBetween(run.start, date) + 1 : 0;
}

function goalsLine(record: SiteRecord): string | null {
  const tracked = record.goals.filter((goal) => goal.done !== null);
  return tracked.length === 0 ? null : `${tracked.filter((goal) => goal.done).length}/${tracked.length}`;
}

/** The day's summary: study time, goals met, problems (og:description of a log page). */
export function logSummaryText(record: SiteRecord): string {
  const parts = [`学習時間 ${formatMinutes(record.metrics.studyMinutes, record.metrics.studyApproximate ?? false)}`];
  const goals = goalsLine(record);
  if (goals) parts.push(`目標 ${goals} 達成`);
  const resolved = record.problems.filter((problem) => problem.status === 'resolved').length;
  parts.push(record.problems.length === 0 ? '問題なし' : `問題 ${record.problems.length}件${resolved > 0 ? `（解決 ${resolved}件）` : ''}`);
  return `${formatDate(record.date)}の学習ログ: ${parts.join('・')}`;
}

export function logCard(record: SiteRecord, context: CardContext): ShareCard {
  const date = record.date;
  const figures = [{ label: '学習時間', value: formatMinutes(record.metrics.studyMinutes, record.metrics.studyApproximate ?? false) }];
  if (date) figures.push({ label: '連続記録', value: `${streakOn(context.days, date)}日` });
  const goals = goalsLine(record);
  if (goals) figures.push({ label: '目標', value: goals });
  figures.push({ label: '問題', value: `${record.problems.length}件` });
  return {
    site: context.site,
    heading: formatDate(date),
    title: record.title ?? '学習ログ',
    figures,
    strip: date ? heatStrip(context.days, date, context.weekStart) : [],
  };
}

export function yearCard(year: ArchiveYear, context: CardContext): ShareCard {
  const lastDay = [...context.days].reverse().find((day) => day.date.startsWith(`${year.year}-`))?.date ?? `${year.year}-12-31`;
  return {
    site: context.site,
    heading: `${year.year}年`,
    title: `${year.year}年の学習ログ`,
    figures: [
      { label: '学習時間', value: `${year.approximate ? '約' : ''}${formatHours(year.minutes)}時間` },
      { label: '記録日数', value: `${year.days}日` },
      { label: 'ログ', value: `${year.logs}件` },
    ],
    strip: heatStrip(context.days, lastDay, context.weekStart),
  };
}

export function siteCard(context: CardContext & { totalMinutes: number; streak: number; today: string }): ShareCard {
  return {
    site: context.site,
    heading: `${formatDate(context.today)}時点`,
    title: '毎日の学習ログと進捗',
    figures: [
      { label: '合計学習時間', value: `${formatHours(context.totalMinutes)}時間` },
      { label: '記録日数', value: `${context.days.length}日` },
      { label: '連続記録', value: `${context.streak}日` },
    ],
    strip: heatStrip(context.days, context.days.at(-1)?.date ?? context.today, context.weekStart),
  };
}

/** What a week's card and its og:description show: the week review's own figures. */
export interface WeekFigures {
  start: string;
  end: string;
  label: string;
  minutes: number;
  approximate: boolean;
  /** Days of the week with a log. */
  logs: number;
}

/** A week's card (for the week review pages): its span, its total and the strip up to its last day. */
export function weekCard(week: WeekFigures, context: CardContext): ShareCard {
  return {
    site: context.site,
    heading: `${formatDate(week.start)}〜`,
    title: `週のふりかえり ${week.label}`,
    figures: [
      { label: '学習時間', value: formatMinutes(week.minutes, week.approximate) },
      { label: '記録日数', value: `${week.logs}日` },
      { label: '連続記録', value: `${streakOn(context.days, week.end)}日` },
    ],
    strip: heatStrip(context.days, week.end, context.weekStart),
  };
}

/** A week review's og:description: its span, study time and days written. */
export function weekSummaryText(week: WeekFigures): string {
  return `${week.label}の週の振り返り: 学習時間 ${formatMinutes(week.minutes, week.approximate)}・記録日数 ${week.logs}日`;
}

/** Where the cards are on the site. */
export const cardPaths = {
  log: (slug: string) => `/cards/logs/${slug}.png`,
  week: (start: string) => `/cards/weeks/${start}.png`,
  year: (year: string) => `/cards/years/${year}.png`,
  site: '/cards/site.png',
};

/** The card a log page names: its own when it is among the newest CARD_LOGS, else its year's, else the site's. */
export function logCardPath(slug: string, date: string | null, newestSlugs: ReadonlySet<string>): string {
  if (newestSlugs.has(slug)) return cardPaths.log(slug);
  return date ? cardPaths.year(date.slice(0, 4)) : cardPaths.site;
}

/** The card a week review names: its own when it is among the newest CARD_WEEKS, else the year its week ends in. */
export function weekCardPath(start: string, end: string, newestWeeks: ReadonlySet<string>): string {
  return newestWeeks.has(start) ? cardPaths.week(start) : cardPaths.year(end.slice(0, 4));
}

/** The newest `count` week keys ("2025-10-06"), for weekCardPath. */
export function newestWeeks(keys: readonly string[], count = CARD_WEEKS): Set<string> {
  return new Set([...keys].sort().slice(-count));
}

/** A card's address for og:image (absolute, as the protocol asks). */
export function cardUrl(sitePath: string, site: URL | string): string {
  return new URL(href(sitePath), site).href;
}
