/**
 * What a share card shows (the 1200×630 picture a shared link unfolds into),
 * as plain data: the card of a log, a year, the whole site — and of a week's
 * review, by the same builder. Pure; drawing is draw-card.ts, keeping drawn
 * cards card-cache.ts.
 *
 * The heatmap strip uses fixed levels by minutes (not the site heatmap's
 * quartiles of all days), so one log's edit changes only the cards that show
 * that day, and a card's digest stays what it was otherwise.
 */
import { createHash } from 'node:crypto';
import type { LoggedDay } from '../stats/days.ts';
import { addDays, dayOfWeek } from '../stats/calendar.ts';

export type CardLevel = 0 | 1 | 2 | 3 | 4;

export interface ShareCard {
  /** Small line on top: the site's title. */
  site: string;
  /** The date or period: 2025年8月3日(日), 2025年, 2025年8月4日〜10日. */
  heading: string;
  /** The log's title, or what the period is. */
  title: string;
  /** Figures in boxes: 学習時間 約2時間, 連続 12日 … (at most four are drawn). */
  figures: Array<{ label: string; value: string }>;
  /** Weeks of days, oldest first, seven levels each (a strip of the heatmap ending at the card's day). */
  strip: CardLevel[][];
}

/** Bump when the drawing changes: every card's digest changes with it, so cached cards are drawn again. */
export const CARD_DESIGN = 1;
/** Weeks in the strip. */
export const STRIP_WEEKS = 10;

/** Minutes → level: none, under 1 h, under 2 h, under 3 h, 3 h or more. */
export function cardLevel(minutes: number | null): CardLevel {
  if (minutes === null || minutes <= 0) return 0;
  if (minutes < 60) return 1;
  if (minutes < 120) return 2;
  if (minutes < 180) return 3;
  return 4;
}

/**
 * The strip of `weeks` weeks ending with the week of `end`, each week from
 * its first day (weekStart); days after `end` are level 0.
 */
export function heatStrip(days: readonly LoggedDay[], end: string, weekStart: 'monday' | 'sunday', weeks = STRIP_WEEKS): CardLevel[][] {
  const minutes = new Map(days.map((day) => [day.date, day.minutes]));
  const offset = weekStart === 'monday' ? (dayOfWeek(end) + 6) % 7 : dayOfWeek(end);
  const first = addDays(end, -offset - (weeks - 1) * 7);
  const strip: CardLevel[][] = [];
  for (let week = 0; week < weeks; week++) {
    const column: CardLevel[] = [];
    for (let day = 0; day < 7; day++) {
      const date = addDays(first, week * 7 + day);
      column.push(date > end ? 0 : cardLevel(minutes.get(date) ?? null));
    }
    strip.push(column);
  }
  return strip;
}

/** The digest of what a card shows (and of the design): its cache key and its file's identity. */
export function cardDigest(card: ShareCard): string {
  return createHash('sha256').update(JSON.stringify({ design: CARD_DESIGN, card })).digest('hex').slice(0, 24);
}
