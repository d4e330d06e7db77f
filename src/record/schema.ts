/**
 * The shape of a parsed log: the single source of truth for the record that
 * `parseLog` returns, the Astro collection schema and the exported JSON Schema.
 */
import { z } from 'zod';

/** 1-based position of something in the log file. */
const line = z.number().int().min(1);

export const horizonSchema = z.enum([
  'today',
  'tomorrow',
  'this-week',
  'weekend',
  'next-week',
  'this-month',
  'next-month',
  'later',
]);
export type Horizon = z.infer<typeof horizonSchema>;

export const goalSchema = z.object({
  text: z.string(),
  /** true/false when the goal is written as a task item (or ✅/❌), else null. */
  done: z.boolean().nullable(),
  line,
});
export type Goal = z.infer<typeof goalSchema>;

export const checklistItemSchema = z.object({
  text: z.string(),
  done: z.boolean(),
  /** Text of the nearest heading above the item, or null at the top of the log. */
  section: z.string().nullable(),
  line,
});
export type ChecklistItem = z.infer<typeof checklistItemSchema>;

export const workItemSchema = z.object({
  text: z.string(),
  /** true/false when written as a task item (or ✅/❌), null for a plain item: worked on, done or not unsaid. */
  done: z.boolean().nullable(),
  line,
});
export type WorkItem = z.infer<typeof workItemSchema>;

export const problemSchema = z.object({
  /** The number the writer gave it (問題2 → 2), or null. */
  number: z.number().int().nullable(),
  title: z.string(),
  current: z.string().nullable(),
  impact: z.string().nullable(),
  solution: z.string().nullable(),
  cause: z.string().nullable().optional(),
  line,
});
export type Problem = z.infer<typeof problemSchema>;

export const planSchema = z.object({
  text: z.string(),
  horizon: horizonSchema,
  section: z.string().nullable(),
  line,
});
export type Plan = z.infer<typeof planSchema>;

export const referenceSchema = z.object({
  title: z.string(),
  url: z.string(),
});
export type Reference = z.infer<typeof referenceSchema>;

export const figureSchema = z.object({
  label: z.string(),
  /** Minutes for durations, the count for counts, the number for plain numbers; null for text. */
  value: z.number().nullable(),
  /** "minute" for durations, the counter word for counts (件, 個, 回 …), "%" …; null for text. */
  unit: z.string().nullable(),
  kind: z.enum(['duration', 'count', 'number', 'text']),
  /** The value exactly as written after the colon. */
  raw: z.string(),
  approximate: z.boolean(),
  line,
  column: line,
});
export type Figure = z.infer<typeof figureSchema>;

export const metricsSchema = z.object({
  studyMinutes: z.number().nullable(),
  /** True when the study time was written as approximate (約2時間, 2時間程度, 1〜2時間). */
  studyApproximate: z.boolean().nullable(),
  /** A running total written beside today's time (累計 400.5h), in minutes. */
  studyTotalMinutes: z.number().nullable(),
  problemsFound: z.number().nullable(),
  tasksPlanned: z.number().nullable(),
  tasksDone: z.number().nullable(),
});
export type Metrics = z.infer<typeof metricsSchema>;

export const severitySchema = z.enum(['error', 'warning']);
export type Severity = z.infer<typeof severitySchema>;

export const diagnosticSchema = z.object({
  severity: severitySchema,
  message: z.string(),
  line,
  column: line,
  /** A stable identifier of the check, e.g. "no-date", "frontmatter-yaml". */
  rule: z.string(),
});
export type Diagnostic = z.infer<typeof diagnosticSchema>;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const logRecordSchema = z.object({
  source: z.string(),
  slug: z.string(),
  /** "YYYY-MM-DD", or null when no date could be found (always with an error diagnostic). */
  date: isoDate.nullable(),
  /** Where the date came from: "line" is a date line in the body (日付: 2025-08-03, or a first line starting with the date). */
  dateSource: z.enum(['frontmatter', 'heading', 'line', 'path']).nullable(),
  title: z.string().nullable(),
  tags: z.array(z.string()),
  draft: z.boolean(),
  goals: z.array(goalSchema),
  checklist: z.array(checklistItemSchema),
  /** The day's work: the items under 取り組んだ課題一覧 / やったこと / 実施内容. */
  work: z.array(workItemSchema),
  problems: z.array(problemSchema),
  plans: z.array(planSchema),
  learnings: z.array(z.string()),
  references: z.array(referenceSchema),
  metrics: metricsSchema,
  figures: z.array(figureSchema),
  diagnostics: z.array(diagnosticSchema),
  /**
   * Frontmatter as written (YAML core schema: dates stay strings). On the site only the keys nisshi
   * reads and those the settings' publicFrontmatter names; `nisshi parse` shows them all.
   */
  frontmatter: z.record(z.string(), z.unknown()),
});
export type LogRecord = z.infer<typeof logRecordSchema>;
