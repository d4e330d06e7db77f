/**
 * Telling today's study time from the running total beside it:
 * "本日 8h / 累計 400.5h", "3 h （今週: 28.5h, 累計: 277 h）",
 * "today: 3.0h / total: 91.5h", "1h(216h)", "89.0h(1ヶ月分)".
 *
 * Each duration is labelled by the words just before it on its own line (a
 * label never reaches across a line break: "今日 時間\n累計 313時間" has no
 * today's time) and by a bracketed aside right after it.
 */
import type { Duration } from './quantity.ts';
import type { Vocabulary } from './vocabulary.ts';

export interface TodayAndTotal {
  today: Duration | null;
  total: Duration | null;
  /** No duration is labelled today's and more than one could be: the first was taken. */
  ambiguous: boolean;
}

/**
 * Where the text stands under a time heading, a line that opens with a sum
 * word (`- 合計: 8h00min`) is the day's sum (of the lines beside it, if they
 * give times) — unless a line says today's, it names a period (今週の合計) or
 * it is not the sum of those lines. Elsewhere 合計 is a running total.
 */
export interface DaySum {
  maxMinutes: number;
}

interface Labelled {
  duration: Duration;
  today: boolean;
  notToday: boolean;
  total: boolean;
  /** Opens its line with a sum word and names no period or running total. */
  sum: boolean;
}

const openBracket = /^[(（[【]$/;
const bracketAside = /^[ \t]*[(（[【]([^)）\]】\n]*)[)）\]】]/;

export function todayAndTotal(text: string, durations: readonly Duration[], vocabulary: Vocabulary, daySum?: DaySum): TodayAndTotal {
  const has = (words: readonly string[], s: string): boolean => words.some((word) => s.includes(word));
  const labelled: Labelled[] = durations.map((duration, index) => {
    const previous = durations[index - 1];
    const lineStart = text.lastIndexOf('\n', duration.index - 1) + 1;
    const from = Math.max(lineStart, previous ? previous.index + previous.length : 0);
    const before = text.slice(from, duration.index).normalize('NFKC').toLowerCase();
    const end = duration.index + duration.length;
    const aside = bracketAside.exec(text.slice(end, durations[index + 1]?.index ?? text.length))?.[1]?.normalize('NFKC').toLowerCase() ?? '';
    // "1h(216h)": a bare duration in brackets right after another is that one's running total.
    const bracketed = previous !== undefined && previous.index + previous.length >= lineStart && openBracket.test(before.trim());
    const totalWord = has(vocabulary.totalWords, before);
    const period = has(vocabulary.periodWords, before);
    return {
      duration,
      today: has(vocabulary.todayWords, before) && !totalWord,
      notToday: has(vocabulary.notTodayWords, before) || bracketed || has(vocabulary.notTodayWords, aside) || has(vocabulary.periodWords, aside),
      total: (totalWord && !period) || (bracketed && !period),
      sum: !bracketed && !period && opensWithSum(before, from === lineStart, vocabulary) && !has(runningWords(vocabulary), before),
    };
  });
  const labelledToday = labelled.find((entry) => entry.today);
  const open = labelled.filter((entry) => !entry.notToday);
  const sum = daySum && !labelledToday ? labelled.find((entry) => entry.sum && isDaySum(entry, open, daySum)) : undefined;
  const today = labelledToday ?? sum ?? open[0];
  const total = labelled.find((entry) => entry !== today && entry.total);
  const ambiguous = !labelledToday && !sum && new Set(open.map((entry) => entry.duration.minutes)).size > 1;
  return { today: today?.duration ?? null, total: total?.duration ?? null, ambiguous };
}

/** `合計: 8h`, `- 計 5h` — the words before the duration are a sum word alone, at the start of its line. */
function opensWithSum(before: string, atLineStart: boolean, vocabulary: Vocabulary): boolean {
  if (!atLineStart) return false;
  const label = trimEnd(before.replace(/^[\s\-*+・•]+/u, ''), ' \t:：=');
  return vocabulary.timeKinds.sum.includes(label) || vocabulary.timeKinds.sum.some((word) => label === `${word}時間`);
}

function trimEnd(text: string, characters: string): string {
  let end = text.length;
  while (end > 0 && characters.includes(text[end - 1]!)) end--;
  return text.slice(0, end);
}

/**
 * A sum is of its parts: at most a day, and, when lines beside it give times
 * (- Rails: 3h / - AWS: 5h / - 合計: 8h), their total within a minute each.
 * "5h / 合計: 10h53m" is not a sum of the day but the running total.
 */
function isDaySum(entry: Labelled, open: readonly Labelled[], daySum: DaySum): boolean {
  const minutes = entry.duration.minutes;
  if (minutes > daySum.maxMinutes) return false;
  if (open.length === 0) return true;
  const parts = open.reduce((total, other) => total + other.duration.minutes, 0);
  return Math.abs(parts - minutes) <= open.length;
}

const runningCache = new WeakMap<Vocabulary, string[]>();

/** Total words that always mean the running total (累計, 通算, total): the total words less the sum words. */
function runningWords(vocabulary: Vocabulary): string[] {
  let words = runningCache.get(vocabulary);
  if (!words) {
    words = vocabulary.totalWords.filter((word) => !vocabulary.timeKinds.sum.includes(word));
    runningCache.set(vocabulary, words);
  }
  return words;
}
