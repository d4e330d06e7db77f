/**
 * The kind of time a study-time heading or title announces. Logs keep the
 * planned time, the actual time, their difference, the week so far and the
 * running total side by side (## 予定 / ## 実績 / ## 差分 / ## 今週 / ## 累計);
 * only the actual, today's and plain ones are the day's time, and they are
 * never added up across kinds.
 */
import { headingKey, type Vocabulary } from '../vocabulary.ts';

export type TimeKind = 'plan' | 'difference' | 'week' | 'month' | 'total' | 'actual' | 'today' | 'plain';

/** Kinds that may hold the day's time, most trusted first: a measured 実績 over a 今日 over a plain 学習時間. */
export const DAY_KINDS: readonly TimeKind[] = ['actual', 'today', 'plain'];

const weekWords = ['今週', '週間', '先週', '週', 'week'];
const monthWords = ['今月', '月間', '先月', 'ヶ月', 'か月', 'カ月', 'month', '今年', '年間', 'year'];

/**
 * The kind named by a heading or title, or null when it names none (a subject,
 * 午前): then the heading around it decides. The order settles headings that
 * name two: 予実の差 is a difference, 今週の合計 a week's, 目標の累計 a plan.
 */
export function timeKindOf(text: string, vocabulary: Vocabulary): TimeKind | null {
  // Compared as a heading key: a bracketed aside (学習時間（目標3時間）) names no kind.
  const folded = headingKey(text);
  const has = (words: readonly string[]): boolean => words.some((word) => folded.includes(word.toLowerCase()));
  const { timeKinds } = vocabulary;
  if (has(timeKinds.difference)) return 'difference';
  if (has(timeKinds.plan)) return 'plan';
  if (has(weekWords)) return 'week';
  if (has(monthWords)) return 'month';
  if (has(vocabulary.totalWords.filter((word) => !timeKinds.sum.includes(word)))) return 'total';
  if (has(timeKinds.actual)) return 'actual';
  if (has(timeKinds.sum) || has(vocabulary.todayWords)) return 'today';
  return null;
}

/** The kind of a group of lines under headings (outermost first): the innermost heading that names one decides. */
export function kindOfTrail(texts: readonly string[], vocabulary: Vocabulary): TimeKind {
  for (let i = texts.length - 1; i >= 0; i--) {
    const kind = timeKindOf(texts[i]!, vocabulary);
    if (kind) return kind;
  }
  return 'plain';
}
