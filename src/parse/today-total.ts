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

interface Labelled {
  duration: Duration;
  today: boolean;
  notToday: boolean;
  total: boolean;
}

const openBracket = /^[(（[【]$/;
const bracketAside = /^[ \t]*[(（[【]([^)）\]】\n]*)[)）\]】]/;

export function todayAndTotal(text: string, durations: readonly Duration[], vocabulary: Vocabulary): TodayAndTotal {
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
    return {
      duration,
      today: has(vocabulary.todayWords, before) && !totalWord,
      notToday: has(vocabulary.notTodayWords, before) || bracketed || has(vocabulary.notTodayWords, aside) || has(vocabulary.periodWords, aside),
      total: (totalWord && !has(vocabulary.periodWords, before)) || (bracketed && !has(vocabulary.periodWords, before)),
    };
  });
  const labelledToday = labelled.find((entry) => entry.today);
  const open = labelled.filter((entry) => !entry.notToday);
  const today = labelledToday ?? open[0];
  const total = labelled.find((entry) => entry !== today && entry.total);
  const ambiguous = !labelledToday && new Set(open.map((entry) => entry.duration.minutes)).size > 1;
  return { today: today?.duration ?? null, total: total?.duration ?? null, ambiguous };
}
