/**
 * Metrics: the closing figures a writer keeps every day — study time, problems
 * found, tasks planned and done — read from figures, study-time sections or
 * frontmatter, and checked against what the log itself holds.
 */
import type { Diagnostic, Metrics, Problem } from '../../record/schema.ts';
import type { LogContext } from '../context.ts';
import { diagnose } from '../../record/rules.ts';
import { labelIn } from '../vocabulary.ts';
import type { PlacedFigure } from './figures.ts';
import { readStudyTime, totalSectionMinutes } from './study-time.ts';

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

  const study = readStudyTime(context, figures, frontmatter, diagnostics);
  const totalFigure = figures.find(({ figure }) => labelIn(figure.label, vocabulary.metrics.studyTotalMinutes) && figure.kind === 'duration');
  const totalSection = totalSectionMinutes(context);
  const problemsFound = countOf(vocabulary.metrics.problemsFound);
  const metrics: Metrics = {
    studyMinutes: study?.minutes ?? null,
    studyApproximate: study && study.minutes !== null ? study.approximate : null,
    // The total read beside today's time (summed over subjects) first, then a total figure or section of its own.
    studyTotalMinutes: study?.total ?? totalFigure?.figure.value ?? totalSection ?? null,
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
