/**
 * Metrics: the closing figures a writer keeps every day — study time, problems
 * found, tasks planned and done — read from figures, study-time sections or
 * frontmatter, and checked against what the log itself holds.
 */
import type { Nodes, Table } from 'mdast';
import type { Diagnostic, Metrics, Problem } from '../../record/schema.ts';
import { descendants, itemLines, joinLines, type LogContext } from '../context.ts';
import { diagnose } from '../../record/rules.ts';
import { plainText } from '../inline.ts';
import { nearestKind } from '../outline.ts';
import { parseDurations, type Duration } from '../quantity.ts';
import { labelIn, type Vocabulary } from '../vocabulary.ts';
import { readValue, todayAndTotal, type PlacedFigure } from './figures.ts';

interface StudyReading {
  today: Duration;
  total: Duration | null;
}

export function extractMetrics(
  context: LogContext,
  figures: readonly PlacedFigure[],
  problems: readonly Problem[],
  frontmatter: Record<string, unknown>,
): { metrics: Metrics; diagnostics: Diagnostic[] } {
  const { vocabulary } = context;
  const diagnostics: Diagnostic[] = [];
  const countOf = (labels: readonly string[]): PlacedFigure | undefined =>
    figures.find(({ figure }) => labelIn(figure.label, labels) && (figure.kind === 'count' || figure.kind === 'number'));

  const study = studyTime(context, figures, frontmatter, diagnostics);
  const totalFigure = figures.find(({ figure }) => labelIn(figure.label, vocabulary.metrics.studyTotalMinutes) && figure.kind === 'duration');
  const totalSection = totalSectionMinutes(context);
  const problemsFound = countOf(vocabulary.metrics.problemsFound);
  const metrics: Metrics = {
    studyMinutes: study?.minutes ?? null,
    studyApproximate: study ? study.approximate : null,
    studyTotalMinutes: totalFigure?.figure.value ?? totalSection ?? study?.total ?? null,
    problemsFound: problemsFound?.figure.value ?? null,
    tasksPlanned: countOf(vocabulary.metrics.tasksPlanned)?.figure.value ?? null,
    tasksDone: countOf(vocabulary.metrics.tasksDone)?.figure.value ?? null,
  };
  if (problemsFound && problemsFound.figure.value !== problems.length) {
    const { figure } = problemsFound;
    diagnostics.push(diagnose('count-mismatch', figure.line, figure.column, { label: figure.label, raw: figure.raw, count: problems.length }));
  }
  return { metrics, diagnostics };
}

function studyTime(
  context: LogContext,
  figures: readonly PlacedFigure[],
  frontmatter: Record<string, unknown>,
  diagnostics: Diagnostic[],
): { minutes: number; approximate: boolean; total: number | null } | null {
  const { vocabulary } = context;
  const fromFrontmatter = frontmatterStudyTime(frontmatter, vocabulary);
  if (fromFrontmatter) return { ...fromFrontmatter, total: null };

  let figureReading: StudyReading | null = null;
  for (const { figure, total } of figures) {
    if (!labelIn(figure.label, vocabulary.metrics.studyMinutes)) continue;
    if (figure.kind === 'duration' && figure.value !== null) {
      figureReading ??= { today: { minutes: figure.value, approximate: figure.approximate, index: 0, length: 0 }, total };
    } else {
      diagnostics.push(diagnose('study-time-unreadable', figure.line, figure.column, { label: figure.label, raw: figure.raw }));
    }
  }
  // A 学習時間 heading per subject studied adds up; otherwise the first 学習時間 figure is the day's.
  const sections = sectionReadings(context);
  const readings = sections.length > 0 ? sections : figureReading ? [figureReading] : [];
  if (readings.length === 0) return null;
  let minutes = 0;
  let approximate = false;
  let total: number | null = null;
  for (const reading of readings) {
    minutes += reading.today.minutes;
    approximate ||= reading.today.approximate;
    if (reading.total) total = (total ?? 0) + reading.total.minutes;
  }
  return { minutes, approximate, total };
}

/** Study time written under a 学習時間 heading, or as a "学習時間" list item with the time nested below it. */
function sectionReadings(context: LogContext): StudyReading[] {
  const { vocabulary } = context;
  const texts = new Map<number, string[]>();
  const add = (group: number, text: string): void => {
    if (text) texts.set(group, [...(texts.get(group) ?? []), text]);
  };
  for (const block of context.outline.blocks) {
    const nearest = nearestKind(block.trail);
    if (nearest?.kind === 'studyTime') {
      const group = block.trail[nearest.index]!.line;
      for (const node of descendants(block.node)) {
        if (node.type === 'paragraph') context.linesOf(node).forEach((line) => add(group, line.text));
        else if (node.type === 'table') tableLines(node).forEach((line) => add(group, line));
      }
      continue;
    }
    for (const node of descendants(block.node)) {
      if (node.type !== 'listItem' || !labelIn(joinLines(itemLines(node, context)), vocabulary.metrics.studyMinutes)) continue;
      const group = node.position?.start.line ?? 0;
      for (const child of node.children.slice(1)) for (const inner of descendants(child)) {
        if (inner.type === 'paragraph') context.linesOf(inner).forEach((line) => add(group, line.text));
      }
    }
  }
  const readings: StudyReading[] = [];
  for (const [group, lines] of texts) {
    const text = lines.join(' / ');
    const { today, total } = todayAndTotal(text, parseDurations(text), vocabulary);
    if (today) readings.push({ today, total });
  }
  return readings;
}

/** A running total written under its own heading (## 累積学習時間). */
function totalSectionMinutes(context: LogContext): number | null {
  for (const block of context.outline.blocks) {
    if (nearestKind(block.trail)?.kind !== 'studyTotal') continue;
    for (const node of descendants(block.node)) {
      if (node.type !== 'paragraph') continue;
      const [first] = parseDurations(context.linesOf(node).map((line) => line.text).join(' / '));
      if (first) return first.minutes;
    }
  }
  return null;
}

/** A table as lines; with a today/total header row ("| today | total |"), each cell is labelled by its column. */
function tableLines(table: Table): string[] {
  const rows = table.children.map((row) => row.children.map((cell) => plainText(cell as Nodes).trim()));
  const [header, ...body] = rows;
  if (!header) return [];
  const headed = header.some((cell) => /本日|今日|today|累計|合計|total/i.test(cell));
  return headed
    ? body.map((row) => row.map((cell, index) => `${header[index] ?? ''} ${cell}`).join(' / '))
    : rows.map((row) => row.join(' '));
}

function frontmatterStudyTime(frontmatter: Record<string, unknown>, vocabulary: Vocabulary): { minutes: number; approximate: boolean } | null {
  for (const key of vocabulary.studyTimeKeys) {
    const value = frontmatter[key];
    if (typeof value === 'number' && Number.isFinite(value) && value >= 0) {
      // A bare number is minutes only where the key says so; "study: 3" means three hours.
      return { minutes: Math.round(/minute/i.test(key) ? value : value * 60), approximate: false };
    }
    if (typeof value === 'string') {
      const { reading } = readValue(value, true, vocabulary);
      if (reading.kind === 'duration' && reading.value !== null) return { minutes: reading.value, approximate: reading.approximate };
    }
  }
  return null;
}

