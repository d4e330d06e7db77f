/**
 * The forms a date is written in, and finding one: in a text (a heading such
 * as `# 2025年8月3日 - 学習ログ`, `2025/08/03（日）`, `令和7年8月3日`, a
 * frontmatter value) or in a file's path (`2025-08-03.md`, `2025/08/03.md`).
 * Which of them is a log's date is decided in log-date.ts.
 *
 * All matching runs on `toHalfWidth(text)`, which keeps string length, so the
 * indices reported here are indices into the caller's original string.
 */
import { toHalfWidth } from './normalize.ts';

export interface DateMatch {
  /** YYYY-MM-DD */
  date: string;
  /** Position of the date (and any weekday after it) in the original text. */
  index: number;
  length: number;
  /** false when the text only gave month and day and opts.year filled in. */
  yearGiven: boolean;
}

export function isValidDate(y: number, m: number, d: number): boolean {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return false;
  // Four-digit years only, so formatDate always gives a well-formed string.
  if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1) return false;
  return d <= daysInMonth(y, m);
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

export function formatDate(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** First year of each era; era year n is start + n - 1 (元年 is year 1). */
const ERAS: Record<string, number> = {
  明治: 1868,
  大正: 1912,
  昭和: 1926,
  平成: 1989,
  令和: 2019,
};

// Up to three spaces between parts: enough for `2025 年 6 月 26 日` while
// keeping backtracking bounded on long runs of whitespace.
const S = '[ \\t]{0,3}';

/** A weekday in brackets after a date: (日), （金）, (日曜日), (月・祝), (Sun). */
const WEEKDAY = new RegExp(
  `${S}\\(${S}(?:[日月火水木金土](?:曜日?)?(?:[・,、]?祝日?)?|祝日?|` +
    '(?:sun(?:day)?|mon(?:day)?|tue(?:s|sday)?|wed(?:nesday)?|thu(?:r|rs|rsday)?|fri(?:day)?|sat(?:urday)?)\\.?' +
    `)${S}\\)`,
  'iy',
);

interface Candidate {
  index: number;
  end: number;
  /** null when the text gave no year and none was supplied. */
  y: number | null;
  m: number;
  d: number;
  yearGiven: boolean;
}

interface Form {
  re: RegExp;
  read: (g: RegExpExecArray, year: number | undefined) => Omit<Candidate, 'index' | 'end'> | null;
}

const num = (s: string | undefined): number => (s === undefined ? NaN : Number(s));

const FORMS: Form[] = [
  // 令和7年8月3日, 令和元年8月3日
  {
    re: new RegExp(`(明治|大正|昭和|平成|令和)${S}(元|\\d{1,2})${S}年${S}(\\d{1,2})${S}月${S}(\\d{1,2})${S}日`, 'g'),
    read: (g) => {
      const start = ERAS[g[1] ?? ''];
      if (start === undefined) return null;
      const n = g[2] === '元' ? 1 : num(g[2]);
      if (n < 1) return null;
      return { y: start + n - 1, m: num(g[3]), d: num(g[4]), yearGiven: true };
    },
  },
  // 2025年8月3日, 2025 年 6 月 26 日
  {
    re: new RegExp(`(?<!\\d)(\\d{4})${S}年${S}(\\d{1,2})${S}月${S}(\\d{1,2})${S}日`, 'g'),
    read: (g) => ({ y: num(g[1]), m: num(g[2]), d: num(g[3]), yearGiven: true }),
  },
  // 2025/8/3, 2025-08-03, 2025.8.3, 2025-06-03T23:00 (the time is left out).
  // The same separator twice, and not glued to a longer number like 1.2025.8.3.
  {
    re: /(?<!\d|\d[./-])(\d{4})([./-])(\d{1,2})\2(\d{1,2})(?!\d)/g,
    read: (g) => ({ y: num(g[1]), m: num(g[3]), d: num(g[4]), yearGiven: true }),
  },
  // 20250803 only as a whole token, and only with a plausible year, because
  // eight digits are just as often an ID or a count.
  {
    re: /(?<![0-9A-Za-z_])((?:19|20|21)\d{2})(\d{2})(\d{2})(?![0-9A-Za-z_])/g,
    read: (g) => ({ y: num(g[1]), m: num(g[2]), d: num(g[3]), yearGiven: true }),
  },
  // 8月3日 — not after `25年` or `去年` etc., whose year we would get wrong.
  {
    re: new RegExp(`(?<![\\d元去昨来翌前]${S}年${S}|\\d)(\\d{1,2})${S}月${S}(\\d{1,2})${S}日`, 'g'),
    read: (g, year) => ({ y: year ?? null, m: num(g[1]), d: num(g[2]), yearGiven: false }),
  },
  // 6/3, 06/05 — not part of 2025/6/3, a ratio like 80/100, or a time 12:06/...
  {
    re: /(?<![\d./:-])(\d{1,2})\/(\d{1,2})(?![\d/]|\.\d)/g,
    read: (g, year) => ({ y: year ?? null, m: num(g[1]), d: num(g[2]), yearGiven: false }),
  },
];

function candidates(h: string, year: number | undefined): Candidate[] {
  const out: Candidate[] = [];
  for (const form of FORMS) {
    form.re.lastIndex = 0;
    for (let g = form.re.exec(h); g !== null; g = form.re.exec(h)) {
      const c = form.read(g, year);
      if (c) out.push({ ...c, index: g.index, end: g.index + g[0].length });
    }
  }
  // Leftmost first; at the same start the longest (most specific) form wins.
  out.sort((a, b) => a.index - b.index || b.end - a.end);
  return out;
}

/**
 * The first date written in `text`. Month/day-only forms (`8月3日`, `6/3`)
 * need `opts.year`; without it they are skipped.
 */
export function findDate(text: string, opts?: { year?: number }): DateMatch | null {
  if (typeof text !== 'string' || text.length === 0) return null;
  const h = toHalfWidth(text);
  const year = opts?.year;
  let examinedUntil = 0;
  for (const c of candidates(h, year)) {
    // A shorter match inside a rejected one (`2月29日` inside `2025年2月29日`)
    // must not be taken: it would pair the day with the wrong year.
    if (c.index < examinedUntil) continue;
    examinedUntil = c.end;
    if (c.y === null || !isValidDate(c.y, c.m, c.d)) continue;
    WEEKDAY.lastIndex = c.end;
    const wd = WEEKDAY.exec(h);
    const end = wd ? c.end + wd[0].length : c.end;
    return { date: formatDate(c.y, c.m, c.d), index: c.index, length: end - c.index, yearGiven: c.yearGiven };
  }
  return null;
}

const MONTH_NAMES = [
  'january', 'february', 'march', 'april', 'may', 'june',
  'july', 'august', 'september', 'october', 'november', 'december',
];

/** `Aug`, `August`, `Sept` → 8, 8, 9; anything else → null. */
function monthFromName(name: string): number | null {
  const n = name.toLowerCase();
  // At least three letters, and a prefix of the full name: Aug, Sept, Augu, not Augx.
  if (n.length < 3) return null;
  const i = MONTH_NAMES.findIndex((full) => full.startsWith(n));
  return i < 0 ? null : i + 1;
}

function splitPath(path: string): string[] {
  const parts = toHalfWidth(path).split(/[\\/]+/).filter((p) => p !== '');
  const last = parts.pop();
  if (last === undefined) return [];
  // Strip an extension only if it has a letter in it, so `2025.8.3` stays whole.
  parts.push(last.replace(/\.(?=[^.]*[A-Za-z])[A-Za-z0-9]+$/, ''));
  return parts;
}

/** A full date inside one path segment: 2025-08-03, 20250803, 2025年8月3日. */
const FULL_IN_NAME: RegExp[] = [
  /(?<!\d)(\d{4})([-_.])(\d{1,2})\2(\d{1,2})(?!\d)/g,
  /(?<!\d)((?:19|20|21)\d{2})(\d{2})(\d{2})(?!\d)/g,
  /(?<!\d)(\d{4})[ ]{0,3}年[ ]{0,3}(\d{1,2})[ ]{0,3}月[ ]{0,3}(\d{1,2})[ ]{0,3}日/g,
];

function plausibleYear(y: number): boolean {
  return y >= 1900 && y <= 2199;
}

function fullDateIn(segment: string): string | null {
  for (const re of FULL_IN_NAME) {
    re.lastIndex = 0;
    for (let g = re.exec(segment); g !== null; g = re.exec(segment)) {
      // The separator form has an extra group for the separator itself.
      const [y, m, d] = g.length === 5 ? [g[1], g[3], g[4]] : [g[1], g[2], g[3]];
      // A plausible year only: in `ystk3411-11-25.md` the digits belong to a name.
      if (plausibleYear(num(y)) && isValidDate(num(y), num(m), num(d))) return formatDate(num(y), num(m), num(d));
    }
  }
  return null;
}

/** A year folder: `2025`, `2025年`. */
function yearSegment(s: string | undefined): number | null {
  const g = s === undefined ? null : /^(\d{4})年?$/.exec(s);
  return g ? num(g[1]) : null;
}

/**
 * A month folder: `08`, `8月`, `08-August`, `August`. A name that disagrees
 * with the number (`08-July`) makes the segment unusable.
 */
function monthSegment(s: string | undefined): number | null {
  if (s === undefined) return null;
  const g = /^(\d{1,2})(?:月|[-_. ]+([A-Za-z]+))?$/.exec(s);
  if (g) {
    const m = num(g[1]);
    if (m < 1 || m > 12) return null;
    if (g[2] !== undefined && monthFromName(g[2]) !== m) return null;
    return m;
  }
  return /^[A-Za-z]+$/.test(s) ? monthFromName(s) : null;
}

/** A year-and-month folder: `202310`, `2023-10`, `2023年10月`, `Aug.2024`, `2024-Aug`. */
function yearMonthSegment(s: string | undefined): { y: number; m: number } | null {
  if (s === undefined) return null;
  let g = /^(\d{4})(?:[-_.]?|年)(\d{2}|\d(?=月))月?$/.exec(s);
  if (g) {
    const m = num(g[2]);
    return m >= 1 && m <= 12 ? { y: num(g[1]), m } : null;
  }
  g = /^([A-Za-z]+)[-_. ]?(\d{4})$/.exec(s) ?? /^(\d{4})[-_. ]?([A-Za-z]+)$/.exec(s);
  if (!g) return null;
  const [name, y] = /^\d/.test(g[1] ?? '') ? [g[2], g[1]] : [g[1], g[2]];
  const m = monthFromName(name ?? '');
  return m === null ? null : { y: num(y), m };
}

/**
 * The date a log's path names. The file name wins if it holds a full date;
 * otherwise the trailing segments are combined (`2025/08/03.md`,
 * `202310/11.md`, `2025/0803.md`). Null rather than a guess.
 */
export function dateFromPath(path: string): string | null {
  if (typeof path !== 'string') return null;
  const parts = splitPath(path);
  const name = parts.at(-1);
  if (name === undefined) return null;

  const inName = fullDateIn(name);
  if (inName) return inName;

  const parent = parts.at(-2);
  const grand = parts.at(-3);

  // Day-only file: 03.md, 3日.md, 21st.md; a log of two days (10-11.md) is dated by its first.
  const monthFolder = yearMonthSegment(parent) !== null || monthSegment(parent) !== null;
  const day = /^(\d{1,2})(?:st|nd|rd|th|日)?$/i.exec(name) ?? (monthFolder ? dayRange(name) : null);
  if (day) {
    const d = num(day[1]);
    const ym = yearMonthSegment(parent);
    if (ym) return isValidDate(ym.y, ym.m, d) ? formatDate(ym.y, ym.m, d) : null;
    const m = monthSegment(parent);
    const y = yearSegment(grand);
    if (m !== null && y !== null && isValidDate(y, m, d)) return formatDate(y, m, d);
    return null;
  }

  // Month name and day, under a year-and-month folder or with the year after it: Sep_2023/Sep.14_23.md, Aug-21.md.
  const named = /^([A-Za-z]{3,9})[._ -]?(\d{1,2})(?:[._ -](\d{2}|\d{4}))?$/.exec(name);
  if (named) {
    const m = monthFromName(named[1]!);
    const ym = yearMonthSegment(parent);
    const y = named[3] ? (named[3].length === 2 ? 2000 + num(named[3]) : num(named[3])) : ym?.y ?? yearSegment(parent) ?? yearSegment(grand);
    if (m !== null && (ym === null || ym.m === m) && y != null && isValidDate(y, m, num(named[2]))) return formatDate(y, m, num(named[2]));
    return null;
  }

  // Month-and-day file under a year folder: 2025/08-03.md, 2025/0803.md, 2025/8月3日.md.
  const md = /^(\d{1,2})[-_.](\d{1,2})$/.exec(name) ?? /^(\d{2})(\d{2})$/.exec(name) ?? /^(\d{1,2})月(\d{1,2})日$/.exec(name);
  const y = yearSegment(parent);
  if (md && y !== null && isValidDate(y, num(md[1]), num(md[2]))) return formatDate(y, num(md[1]), num(md[2]));
  return null;
}

/** `10-11` (a log of the 10th and 11th): the first day, when the second follows it. */
function dayRange(name: string): RegExpExecArray | null {
  const g = /^(\d{1,2})[-_~〜](\d{1,2})$/.exec(name);
  return g && num(g[2]) > num(g[1]) ? g : null;
}

/**
 * The year a path suggests, for headings that give only month and day:
 * the year of dateFromPath, else the nearest year-like folder or name part.
 */
export function yearFromPath(path: string): number | null {
  if (typeof path !== 'string') return null;
  const full = dateFromPath(path);
  if (full) return Number(full.slice(0, 4));
  const parts = splitPath(path);
  for (let i = parts.length - 1; i >= 0; i--) {
    const s = parts[i] ?? '';
    const y = yearSegment(s) ?? yearMonthSegment(s)?.y ?? null;
    if (y !== null) return y;
    // `2025-08.md`, `logs-2025`, `2025年8月`: a free-standing plausible year.
    const g = /(?<!\d)((?:19|20|21)\d{2})(?!\d)/.exec(s);
    if (g) return num(g[1]);
  }
  return null;
}
