/**
 * The record of a log nisshi did not read (too large, nested too deep, or a
 * bug of ours): its path, its diagnostics, and nothing that could be
 * published — it is a draft with no content, and its errors stop a build.
 */
import type { Diagnostic, LogRecord } from '../record/schema.ts';
import { slugFromPath } from './slug.ts';

/** Rules whose error means the log's text was not read at all. */
export const REFUSAL_RULES: ReadonlySet<string> = new Set(['log-too-large', 'nesting-too-deep', 'marks-too-dense', 'internal-error']);

export function refusedRecord(path: string, diagnostics: Diagnostic[]): LogRecord {
  return {
    source: path, slug: slugFromPath(path, null), date: null, dateSource: null, title: null, tags: [], draft: true,
    goals: [], checklist: [], work: [], problems: [], plans: [], drops: [], learnings: [], learningLines: [], reflections: [], reviewItems: [], references: [],
    metrics: { studyMinutes: null, studyApproximate: null, studyTotalMinutes: null, problemsFound: null, tasksPlanned: null, tasksDone: null },
    figures: [],
    diagnostics,
    frontmatter: {},
  };
}

export function isRefused(record: LogRecord): boolean {
  return record.diagnostics.some((diagnostic) => diagnostic.severity === 'error' && REFUSAL_RULES.has(diagnostic.rule));
}
