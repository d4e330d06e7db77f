/**
 * Reading the value of a figure line such as `**学習時間**: 約2時間` or
 * `本日 8h / 累計 400.5h`.
 *
 * Matching runs on `toHalfWidth(text)`, which keeps string length, so indices
 * are indices into the caller's original string.
 */
import { toHalfWidth } from './normalize.ts';

export interface Duration {
  /** Whole minutes (fractional input like 1.5時間 is rounded). */
  minutes: number;
  approximate: boolean;
  /**
   * Span of the duration in the input, including an approximate marker
   * (`約`, `程度`) and both ends of a range, so a caller cutting the duration
   * out of the line is left with clean text.
   */
  index: number;
  length: number;
}

export interface Count {
  value: number;
  /** The counter as written: 件, 問, tasks; '' for a bare integer. */
  unit: string;
  approximate: boolean;
}

/** 1,949.5 or 1949.5; thousands separators must be groups of three. */
const NUM = '(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?';
const SP = '[ \\t]*';

/**
 * Hours: 2時間, 1時間半, 2h, 3 hrs, 2 hours. Not 3時間目 (a school period),
 * but 3時間目標 ("a 3-hour goal") is still a duration.
 */
const HOURS = new RegExp(`(${NUM})${SP}(?:時間(?!目(?!標))(半)?|(?:hours?|hrs?|h)(?![A-Za-z]))`, 'iy');
/**
 * Minutes after an hours part: 30分, 05m, 06 min. A bare `m` is accepted only
 * here, since `100m` alone is more likely metres. Not 3分の1 (a fraction).
 */
const MINUTES_AFTER = new RegExp(`${SP}(${NUM})${SP}(?:分(?!の|野)間?|(?:minutes?|mins?|m)(?![A-Za-z]))`, 'iy');
const MINUTES_ALONE = new RegExp(`(${NUM})${SP}(?:分(?!の|野)間?|(?:minutes?|mins?)(?![A-Za-z]))`, 'iy');
/** A bare number followed by a range dash: the `1〜` of `1〜2時間`. */
const RANGE_LEFT = new RegExp(`(${NUM})${SP}[~〜\\-–—−]${SP}`, 'y');
const RANGE_DASH = new RegExp(`${SP}[~〜\\-–—−]${SP}`, 'y');

const APPROX_BEFORE = /(?:約|およそ|凡そ|おおよそ|大体|だいたい|ほぼ|(?<![A-Za-z])(?:ca\.|approx\.?|approximately|about|around|roughly)|~|〜|≒|≈)[ \t]*$/i;
const APPROX_AFTER = /[ \t]*(?:程度|くらい|ぐらい|位|ほど|前後|弱|強|ちょっと|余り)/y;

/**
 * Where a number may start: not inside a word or a longer number (2:30, 1.5).
 * A number glued to a label word still starts one (`Today2.10h`, `total86h`),
 * since writers leave out the space after a label; after any other letters
 * (`abc2h`, `mp3`) it is part of a name.
 */
function canStartNumber(h: string, i: number): boolean {
  const prev = h[i - 1] ?? '';
  if (/[A-Za-z]/.test(prev)) return gluedLabel.test(h.slice(Math.max(0, i - 8), i));
  if (/[0-9_]/.test(prev)) return false;
  return !(/[.,:]/.test(prev) && /\d/.test(h[i - 2] ?? ''));
}

const gluedLabel = /(?<![A-Za-z0-9_])(?:today|total|week|month|time|study)$/i;

function toNumber(s: string | undefined): number {
  return s === undefined ? NaN : Number(s.replace(/,/g, ''));
}

interface Span {
  value: number;
  end: number;
  /** Minutes per unit of the first component, to scale a bare range start. */
  firstUnit: number;
  /** The counter word, for counts. */
  unit?: string;
}

/**
 * How to read numbers where the context says they are study time (under a
 * 学習時間 heading, after a 学習時間 or Today label): there `3:40` is three
 * hours forty, and a number standing alone (`14.25`, `Today 5.0`) is hours.
 * Elsewhere both are left alone: `7:30` is a clock time, `3` a count.
 */
export interface StudyContext {
  clock?: boolean;
  bareHours?: boolean;
}

/** `3:40`, `33:34` (a total) — not either end of a clock range (`7:30〜8:30`) nor `12:30:15`. */
const CLOCK = new RegExp(`(?<!\\d[ \\t]{0,3}[~〜\\-–—−][ \\t]{0,3})(\\d{1,4}):([0-5]\\d)(?![\\d:])(?!${SP}[~〜\\-–—−]${SP}\\d)`, 'y');
/** A number with nothing after it that could be a unit, a date or a version. */
const BARE = new RegExp(
  `(${NUM})(?![\\d.,:/%A-Za-z])(?!${SP}(?:[時分秒件個回問つ本冊頁枚題章節周人行語年月日ヶケか%]|(?:h|hrs?|hours?|m|mins?|minutes?)(?![A-Za-z])))`,
  'y',
);

function durationIn(context: StudyContext): (h: string, i: number) => Span | null {
  if (!context.clock && !context.bareHours) return durationAt;
  return (h, i) => {
    const found = durationAt(h, i);
    if (found) return found;
    if (context.clock) {
      CLOCK.lastIndex = i;
      const clock = CLOCK.exec(h);
      if (clock) return { value: Number(clock[1]) * 60 + Number(clock[2]), end: i + clock[0].length, firstUnit: 60 };
    }
    // Not the day or month of a date (2024/05/01, 2024-05-01).
    if (context.bareHours && !(/[/.\-]/.test(h[i - 1] ?? '') && /\d/.test(h[i - 2] ?? ''))) {
      BARE.lastIndex = i;
      const bare = BARE.exec(h);
      if (bare) return { value: toNumber(bare[1]) * 60, end: i + bare[0].length, firstUnit: 60 };
    }
    return null;
  };
}

/** A single duration starting exactly at `i`, or null. */
function durationAt(h: string, i: number): Span | null {
  HOURS.lastIndex = i;
  const hm = HOURS.exec(h);
  if (hm) {
    let value = toNumber(hm[1]) * 60 + (hm[2] ? 30 : 0);
    let end = i + hm[0].length;
    if (!hm[2]) {
      MINUTES_AFTER.lastIndex = end;
      const mm = MINUTES_AFTER.exec(h);
      if (mm) {
        value += toNumber(mm[1]);
        end += mm[0].length;
      }
    }
    return { value, end, firstUnit: 60 };
  }
  // `8時30分` is a clock time, not thirty minutes.
  if (/\d[ \t]*時[ \t]*$/.test(h.slice(Math.max(0, i - 8), i))) return null;
  MINUTES_ALONE.lastIndex = i;
  const mm = MINUTES_ALONE.exec(h);
  return mm ? { value: toNumber(mm[1]), end: i + mm[0].length, firstUnit: 1 } : null;
}

interface Found {
  value: number;
  unit: string;
  approximate: boolean;
  index: number;
  end: number;
}

/**
 * Shared scan for durations and counts: at each number, try `A〜B` ranges
 * (midpoint, approximate), then a single item, then approximate markers.
 */
function scan(text: string, itemAt: (h: string, i: number) => Span | null, limit: number): Found[] {
  if (typeof text !== 'string') return [];
  const h = toHalfWidth(text);
  const out: Found[] = [];
  const numbers = /\d/g;
  let from = 0;
  for (let n = numbers.exec(h); n !== null && out.length < limit; n = numbers.exec(h)) {
    const i = n.index;
    if (i < from || !canStartNumber(h, i)) continue;
    const found = rangeAt(h, i, itemAt) ?? single(h, i, itemAt);
    if (!found || !Number.isFinite(found.value)) continue;
    // A marker already inside the previous match (its suffix) is not reused.
    const marker = APPROX_BEFORE.exec(h.slice(Math.max(0, i - 16), i));
    const before = marker && i - marker[0].length >= from ? marker : null;
    APPROX_AFTER.lastIndex = found.end;
    const after = APPROX_AFTER.exec(h);
    const index = before ? i - before[0].length : i;
    const end = after ? found.end + after[0].length : found.end;
    // 8,000 digits are a number only to Number(): Infinity is no figure (the record schema refuses it).
    if (Number.isFinite(found.value)) out.push({ value: found.value, unit: found.unit, approximate: found.approximate || !!before || !!after, index, end });
    from = end;
    numbers.lastIndex = end;
  }
  return out;
}

function single(h: string, i: number, itemAt: (h: string, i: number) => Span | null): Found | null {
  const s = itemAt(h, i);
  return s ? { value: s.value, unit: s.unit ?? '', approximate: false, index: i, end: s.end } : null;
}

function rangeAt(h: string, i: number, itemAt: (h: string, i: number) => Span | null): Found | null {
  // Both ends with units: 1時間〜2時間, 30分-1時間.
  const left = itemAt(h, i);
  if (left) {
    RANGE_DASH.lastIndex = left.end;
    const dash = RANGE_DASH.exec(h);
    const rightStart = left.end + (dash ? dash[0].length : 0);
    const right = dash && canStartNumber(h, rightStart) ? itemAt(h, rightStart) : null;
    if (right && left.value < right.value) {
      return { value: (left.value + right.value) / 2, unit: right.unit ?? '', approximate: true, index: i, end: right.end };
    }
    return null;
  }
  // Bare start: 1〜2時間, 30~40分, 1-2h. The start takes the right end's
  // first unit. A start not below the end (`5-2h`) is not a range.
  RANGE_LEFT.lastIndex = i;
  const lm = RANGE_LEFT.exec(h);
  if (!lm) return null;
  const right = itemAt(h, i + lm[0].length);
  if (!right) return null;
  const lv = toNumber(lm[1]) * right.firstUnit;
  if (!(lv < right.value)) return null;
  // The counter of a range is written once, at the right end (3〜5問).
  return { value: (lv + right.value) / 2, unit: right.unit ?? '', approximate: true, index: i, end: right.end };
}

function toDuration(f: Found): Duration {
  return { minutes: Math.round(f.value), approximate: f.approximate, index: f.index, length: f.end - f.index };
}

/** Every duration in `text`, in order and non-overlapping. */
export function parseDurations(text: string, context: StudyContext = {}): Duration[] {
  return scan(text, durationIn(context), Infinity).map(toDuration);
}

/** The first duration in `text`, or null. `2:30` and bare numbers are not durations. */
export function parseDuration(text: string): Duration | null {
  const [first] = scan(text, durationAt, 1);
  return first ? toDuration(first) : null;
}

/**
 * Japanese counters and English count nouns. Longer alternatives first so
 * `ページ` is not cut short. 時間/分 are deliberately absent (durations), and
 * so is 日 (a date or a day count is ambiguous).
 */
const COUNTER = new RegExp(
  `(${NUM})${SP}(?:(ページ|箇所|か所|ヶ所|項目|単語|記事|コミット|タスク|セット|件|個|回|問|つ|本|冊|頁|枚|題|章|節|周|人|行|語|コ)(?!目(?!標))|` +
    '(tasks?|items?|problems?|questions?|exercises?|pages?|chapters?|lessons?|cards?|words?|commits?|articles?|sets?|reps?|times?)(?![A-Za-z]))',
  'iy',
);

function counterAt(h: string, i: number): Span | null {
  // 第3回 is "the third session", an ordinal, not a count.
  if (h[i - 1] === '第') return null;
  COUNTER.lastIndex = i;
  const g = COUNTER.exec(h);
  if (!g) return null;
  return { value: toNumber(g[1]), end: i + g[0].length, firstUnit: 1, unit: g[2] ?? g[3] ?? '' };
}

/** A count like `3件`, `約5問`, `5 tasks`, or a bare integer as the whole text. */
export function parseCount(text: string): Count | null {
  if (typeof text !== 'string') return null;
  const trimmed = toHalfWidth(text).trim();
  if (/^(?:\d{1,3}(?:,\d{3})+|\d+)$/.test(trimmed)) {
    const value = toNumber(trimmed);
    return Number.isFinite(value) ? { value, unit: '', approximate: false } : null;
  }
  const [first] = scan(text, counterAt, 1);
  return first ? { value: first.value, unit: first.unit, approximate: first.approximate } : null;
}

const WHOLE_NUMBER = new RegExp(`^([+-]?${NUM})(?:${SP}(%)|${SP}/${SP}(${NUM}))?$`);

/**
 * A plain number, percentage or fraction as the whole value:
 * `80%` → 80 '%', `80/100` → 80 '/100', `3.5` → 3.5 null.
 */
export function parseNumber(text: string): { value: number; unit: string | null } | null {
  if (typeof text !== 'string') return null;
  const t = toHalfWidth(text).trim();
  const g = WHOLE_NUMBER.exec(t);
  if (!g) return null;
  const value = toNumber(g[1]);
  if (!Number.isFinite(value)) return null;
  if (g[2]) return { value, unit: '%' };
  if (g[3] !== undefined) return { value, unit: `/${g[3].replace(/,/g, '')}` };
  return { value, unit: null };
}

/** A time of day range, `11:15 ~ 24:20` or `22:30-1:15`: its length in minutes and where it is written. */
export interface ClockRange {
  minutes: number;
  index: number;
  length: number;
}

const CLOCK_RANGE = /(?<![\d:])(\d{1,2}):([0-5]\d)[ \t]*[~〜\-–—−][ \t]*(\d{1,2}):([0-5]\d)(?![\d:])/g;
/** A range whose end is before its start runs past midnight only if what it spans is at most half a day: `9:00 ~ 8:30` is a slip, not 23.5 hours. */
const ACROSS_MIDNIGHT_MAX = 12 * 60;

/**
 * Every clock range in `text` that a day can hold. Hours up to 30 are read as
 * written (24:20 is 0:20 after midnight, as many writers put it); an end
 * before the start is taken across midnight only when that spans at most
 * twelve hours. Empty and backward ranges are left out.
 */
export function parseClockRanges(text: string): ClockRange[] {
  const h = toHalfWidth(text);
  const ranges: ClockRange[] = [];
  for (const match of h.matchAll(CLOCK_RANGE)) {
    const start = Number(match[1]) * 60 + Number(match[2]);
    let end = Number(match[3]) * 60 + Number(match[4]);
    if (start > 30 * 60 || end > 30 * 60) continue;
    if (end < start) {
      end += 24 * 60;
      if (end - start > ACROSS_MIDNIGHT_MAX) continue;
    }
    if (end === start) continue;
    ranges.push({ minutes: end - start, index: match.index, length: match[0].length });
  }
  return ranges;
}
