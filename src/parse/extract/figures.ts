/**
 * Figures: every "**label**: value" or "label：value" line in the log, with
 * the value read as a duration, a count, a number or left as text.
 */
import type { Nodes } from 'mdast';
import type { Figure } from '../../record/schema.ts';
import type { LogContext } from '../context.ts';
import type { TextLine } from '../inline.ts';
import type { SectionHeading } from '../outline.ts';
import { parseCount, parseDurations, parseNumber, type Duration } from '../quantity.ts';
import { todayAndTotal } from '../today-total.ts';
import { labelIn, type Vocabulary } from '../vocabulary.ts';
import { splitBoldLabel, splitPlainLabel, splitSpacedLabel, type LabelSplit } from './figure-label.ts';

/** A figure together with where it stands, for the metrics that read it. */
export interface PlacedFigure {
  figure: Figure;
  trail: SectionHeading[];
  /** The running total written beside today's value, if any. */
  total: Duration | null;
}

export function extractFigures(context: LogContext): PlacedFigure[] {
  const placed: PlacedFigure[] = [];
  for (const block of context.outline.blocks) {
    const visit = (node: Nodes): void => {
      if (node.type === 'paragraph') {
        for (const line of context.linesOf(node)) {
          const found = readFigureLine(line, context.vocabulary);
          if (found) placed.push({ ...found, trail: block.trail });
        }
      } else if ('children' in node && node.type !== 'table') {
        (node.children as Nodes[]).forEach(visit);
      }
    };
    visit(block.node);
  }
  return placed;
}

const figureOfLine = new WeakMap<TextLine, { vocabulary: Vocabulary; found: Omit<PlacedFigure, 'trail'> | null }>();

/**
 * The figure a line holds, if any. Lines are read once per paragraph and shared
 * (context.linesOf), so the answer is kept with the line: the figures, the
 * sections and the date all ask about the same lines.
 */
export function readFigureLine(line: TextLine, vocabulary: Vocabulary): Omit<PlacedFigure, 'trail'> | null {
  const known = figureOfLine.get(line);
  if (known?.vocabulary === vocabulary) return known.found;
  const found = figureIn(line, vocabulary);
  figureOfLine.set(line, { vocabulary, found });
  return found;
}

function figureIn(line: TextLine, vocabulary: Vocabulary): Omit<PlacedFigure, 'trail'> | null {
  let split = splitBoldLabel(line.marked);
  if (!split) {
    split = splitPlainLabel(line.text);
    if (split && !isPlainLabel(split.label, split.raw)) split = null;
  }
  // "学習時間 2h", "**作業時間** 3時間": a study-time label needs no colon when a time follows it.
  split ??= spacedTimeFigure(line, vocabulary);
  if (!split) return null;
  const label = split.label.trim();
  const raw = split.raw.replace(/[\u0001\u0002]/g, '').trim();
  if (!label || !raw) return null;
  const value = readValue(raw, labelIn(label, vocabulary.metrics.studyMinutes) || labelIn(label, vocabulary.metrics.studyTotalMinutes), vocabulary);
  return {
    figure: { label, raw, ...value.reading, line: line.line, column: line.column },
    total: value.total,
  };
}

/** The labels that may go without a colon: today's time, the study time and the running total. */
function isTimeLabel(label: string, vocabulary: Vocabulary): boolean {
  const { metrics } = vocabulary;
  return labelIn(label, metrics.studyMinutes) || labelIn(label, metrics.studyToday) || labelIn(label, metrics.studyTotalMinutes);
}

/** "所要時間　約3時間", "Total 17:37": a time label and, right after the spaces, a time. */
function spacedTimeFigure(line: TextLine, vocabulary: Vocabulary): LabelSplit | null {
  const split = splitSpacedLabel(line.marked, (label) => isTimeLabel(label, vocabulary));
  if (!split) return null;
  const [first] = parseDurations(split.raw.replace(/[\u0001\u0002]/g, ''), { clock: true });
  return first?.index === 0 ? split : null;
}

/** Not a URL ("https://…"), a clock time ("7:30") or a sentence that happens to hold a colon. */
function isPlainLabel(label: string, value: string): boolean {
  if (value.startsWith('//') || /^\d+$/.test(label.trim())) return false;
  if (/[。、！？!?]/.test(label)) return false;
  return label.trim().length > 0;
}

type Reading = Pick<Figure, 'value' | 'unit' | 'kind' | 'approximate'>;

/**
 * Read a figure's value. A line with durations is a duration when it is
 * mostly durations ("本日 8h / 累計 400.5h") or its label names study time;
 * today's part is chosen over running totals.
 */
export function readValue(raw: string, isStudyTime: boolean, vocabulary: Vocabulary): { reading: Reading; total: Duration | null } {
  // After a study-time or total label, 117:37 is hours and minutes (Total: 117:37), not a time of day.
  let durations = parseDurations(raw);
  if (durations.length === 0 && isStudyTime) durations = parseDurations(raw, { clock: true });
  if (durations.length > 0 && (isStudyTime || mostlyDurations(raw, durations, vocabulary))) {
    const { today, total } = todayAndTotal(raw, durations, vocabulary);
    if (today) {
      return { reading: { value: today.minutes, unit: 'minute', kind: 'duration', approximate: today.approximate }, total };
    }
  }
  const count = parseCount(raw);
  if (count) return { reading: { value: count.value, unit: count.unit || null, kind: 'count', approximate: count.approximate }, total: null };
  const number = parseNumber(raw);
  if (number) return { reading: { value: number.value, unit: number.unit, kind: 'number', approximate: false }, total: null };
  return { reading: { value: null, unit: null, kind: 'text', approximate: false }, total: null };
}

/**
 * A line that is a time and little else — "今日：8h14m", "今週 12h / 今月 40h",
 * "2h" — once its durations and the words that name times (今日, 累計, 学習時間)
 * are taken out: a figure, not an item of a list. "SQL 1h" stays an item.
 */
export function isTimeLine(text: string, vocabulary: Vocabulary): boolean {
  const durations = parseDurations(text);
  if (durations.length === 0) return false;
  let rest = cutOut(text, durations).normalize('NFKC').toLowerCase();
  let named = false;
  for (const word of timeWords(vocabulary)) {
    if (!rest.includes(word)) continue;
    named = true;
    rest = rest.split(word).join('');
  }
  const left = rest.replace(/[\s\p{P}\p{S}\d]/gu, '').length;
  return left === 0 || (named && left <= 4);
}

const timeWordCache = new WeakMap<Vocabulary, string[]>();

/** The words that name a time, longest first so 今日の学習時間 goes before 今日. */
function timeWords(vocabulary: Vocabulary): string[] {
  let words = timeWordCache.get(vocabulary);
  if (!words) {
    const all = [...vocabulary.todayWords, ...vocabulary.notTodayWords, ...vocabulary.metrics.studyMinutes, ...vocabulary.metrics.studyToday];
    words = [...new Set(all.map((word) => word.normalize('NFKC').toLowerCase()))].sort((a, b) => b.length - a.length);
    timeWordCache.set(vocabulary, words);
  }
  return words;
}

function mostlyDurations(raw: string, durations: readonly Duration[], vocabulary: Vocabulary): boolean {
  let rest = cutOut(raw, durations).normalize('NFKC').toLowerCase();
  for (const word of [...vocabulary.todayWords, ...vocabulary.notTodayWords]) rest = rest.split(word).join('');
  return rest.replace(/[\s\p{P}\p{S}\d]/gu, '').length <= 4;
}

function cutOut(raw: string, durations: readonly Duration[]): string {
  let rest = '';
  let at = 0;
  for (const duration of durations) {
    rest += raw.slice(at, duration.index);
    at = duration.index + duration.length;
  }
  return rest + raw.slice(at);
}
