/**
 * The shape of a parsed log: the single source of truth for the record that
 * `parseLog` returns, the Astro collection schema and the exported JSON Schema.
 * Every field carries its description (`.meta`), naming the part of
 * src/parse/ that fills it, so schema/log-record.schema.json documents itself.
 */
import { z } from 'zod';
import { HORIZONS } from './horizons.ts';

/** 1-based position of something in the log file. */
const line = z.number().int().min(1);
const lineOf = (what: string) => line.meta({ description: `1-based line in the file of ${what}.` });

export const horizonSchema = z
  .enum(HORIZONS)
  .meta({
    description: 'When a plan is due, from words such as 今日中, 明日, 今週中, 来週 in its item or heading (vocabulary.horizons); "someday" for いつか / そのうち (a backlog, never due); "later" when none.',
  });
export type Horizon = z.infer<typeof horizonSchema>;

export const goalSchema = z
  .object({
    text: z.string().meta({ description: 'The goal as written, without list marker, checkbox or ✅/❌.' }),
    done: z.boolean().nullable().meta({ description: 'true/false when the goal is written as a task item (or ✅/❌), else null.' }),
    line: lineOf('the goal'),
  })
  .meta({ description: 'An item under a goals heading (今日の目標 …). Filled by src/parse/extract/goals.ts.' });
export type Goal = z.infer<typeof goalSchema>;

export const checklistItemSchema = z
  .object({
    text: z.string().meta({ description: 'The task as written, without list marker and checkbox.' }),
    done: z.boolean().meta({ description: 'Whether its box is ticked (- [x]).' }),
    section: z.string().nullable().meta({ description: 'Text of the nearest heading above the item, or null at the top of the log.' }),
    line: lineOf('the task item'),
    carried: z
      .object({
        kind: z.enum(['plan', 'unfinished']).meta({ description: '"unfinished" for a task or finding left open (未完了（12/6）), "plan" for a plan (（12/6 の計画）) or any item under the heading.' }),
        from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable().meta({ description: 'The day its aside names (a month/day is the latest such day on or before the log\'s date); null when it names none.' }),
      })
      .nullable()
      .meta({
        description: 'Set when the item was carried over from an earlier day, not the day\'s own: under a carried heading (持ち越し, vocabulary.carriedHeadings) or ending in the aside `nisshi new` writes (（12/6 の計画）, 未完了（12/6）). Read by src/parse/extract/carried.ts.',
      }),
  })
  .meta({ description: 'A task item (- [ ] / - [x]) anywhere in the log. Filled by src/parse/extract/checklist.ts.' });
export type ChecklistItem = z.infer<typeof checklistItemSchema>;

export const workItemSchema = z
  .object({
    text: z.string().meta({ description: 'The item as written, without list marker, checkbox or ✅/❌.' }),
    done: z.boolean().nullable().meta({ description: 'true/false when written as a task item (or ✅/❌), null for a plain item: worked on, done or not unsaid.' }),
    line: lineOf('the item'),
  })
  .meta({ description: 'An item of the day\'s work under 取り組んだ課題一覧 / やったこと / 実施内容. Filled by src/parse/extract/work.ts.' });
export type WorkItem = z.infer<typeof workItemSchema>;

export const problemStatusSchema = z
  .enum(['open', 'resolved'])
  .meta({ description: '"resolved" when the log wrote the problem as solved (解決済み, ✅, ~~title~~, **状態**: 解決), "open" when it said so (未解決, 対応中, 保留).' });
export type ProblemStatus = z.infer<typeof problemStatusSchema>;

export const problemSchema = z
  .object({
    number: z.number().int().nullable().meta({ description: 'The number the writer gave it (問題2 → 2), or null.' }),
    title: z.string().meta({ description: 'The heading or item text after 問題N:, or the sub-heading or item of a problem section.' }),
    current: z.string().nullable().meta({ description: 'What the 現状 (current state) part says, or null.' }),
    impact: z.string().nullable().meta({ description: 'What the 影響 (impact) part says, or null.' }),
    solution: z.string().nullable().meta({ description: 'What the 解決方法 (solution) part says, code blocks included, or null.' }),
    cause: z.string().nullable().optional().meta({ description: 'What the 原因 (cause) part says, when the log has one.' }),
    status: problemStatusSchema.nullable().meta({ description: 'The status the problem was written with, null when the log said nothing. Read by src/parse/problem-status.ts.' }),
    line: lineOf('the problem heading or item'),
  })
  .meta({ description: 'A problem with its parts: numbered (問題N: / 課題N:), or a sub-heading or item of a problem section (詰まったこと, ハマったこと, 課題, エラー …) with number null. Filled by src/parse/extract/problems.ts.' });
export type Problem = z.infer<typeof problemSchema>;

export const planSchema = z
  .object({
    text: z.string().meta({ description: 'The plan as written, without list marker or checkbox.' }),
    horizon: horizonSchema,
    section: z.string().nullable().meta({ description: 'The heading the plan is under (4.1 緊急対応（今日中）), or null.' }),
    line: lineOf('the plan'),
  })
  .meta({ description: 'An item under a plans heading (次のステップ, 次のアクション, 実装計画 …). Filled by src/parse/extract/plans.ts.' });
export type Plan = z.infer<typeof planSchema>;

export const dropSchema = z
  .object({
    text: z.string().meta({ description: 'What was given up, as written, without the strike marks, the drop word and any reason after them.' }),
    line: lineOf('the item'),
  })
  .meta({
    description: 'A plan or task item written as given up: wholly struck through (- [ ] ~~…~~, a reason after it allowed) or with a drop word after it (（中止）, （見送り）, (dropped) …: vocabulary.droppedWords). The plan chains read it as dropped that day. Filled by src/parse/extract/drops.ts.',
  });
export type Drop = z.infer<typeof dropSchema>;

export const reflectionSchema = z
  .object({
    heading: z.string().meta({ description: 'The heading it is under (振り返り, 感想 …).' }),
    text: z.string().meta({ description: 'The passage as plain text, a paragraph\'s lines joined by newlines.' }),
    line: lineOf('the passage'),
  })
  .meta({ description: 'A passage of the writer\'s own looking back: a paragraph or list item under a heading of vocabulary.reflectionHeadings. Filled by src/parse/extract/reflections.ts.' });
export type Reflection = z.infer<typeof reflectionSchema>;

export const reviewItemSchema = z
  .object({
    text: z.string().meta({ description: 'The learning as the item gives it, without the （8/3 の学び） aside.' }),
    learnedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable().meta({ description: 'The day the learning was written, from the aside (a month/day is the latest such day on or before the log\'s date); null when it names no real day.' }),
    done: z.boolean().meta({ description: 'Whether it was ticked (- [x]): reviewed that day.' }),
    line: lineOf('the item'),
    learningLine: line.nullable().meta({ description: 'The line of the learning in its own log, from the item\'s link (…md#L31); null without one.' }),
  })
  .meta({ description: 'A learning `nisshi new` brought back under ## 復習 (vocabulary.reviewHeadings), a task item ending in （M/D の学び）; not part of the checklist. Filled by src/parse/extract/review-items.ts.' });
export type ReviewItem = z.infer<typeof reviewItemSchema>;

export const referenceSchema = z
  .object({
    title: z.string().meta({ description: 'The link text (or the URL when there is none).' }),
    url: z.string().meta({ description: 'The link target as written.' }),
  })
  .meta({ description: 'A link under a references heading (参考資料 …). Filled by src/parse/extract/references.ts.' });
export type Reference = z.infer<typeof referenceSchema>;

export const figureSchema = z
  .object({
    label: z.string().meta({ description: 'The label before the colon (学習時間, 特定した問題 …).' }),
    value: z.number().nullable().meta({ description: 'Minutes for durations, the count for counts, the number for plain numbers; null for text.' }),
    unit: z.string().nullable().meta({ description: '"minute" for durations, the counter word for counts (件, 個, 回 …), "%" …; null for text.' }),
    kind: z.enum(['duration', 'count', 'number', 'text']).meta({ description: 'How the value was read (src/parse/quantity.ts).' }),
    raw: z.string().meta({ description: 'The value exactly as written after the colon.' }),
    approximate: z.boolean().meta({ description: 'True when written as approximate (約2時間, 2時間程度, 1〜2時間).' }),
    line: lineOf('the figure'),
    column: line.meta({ description: '1-based column of the figure\'s label, after any list marker or checkbox (the same on the CLI and the site).' }),
  })
  .meta({ description: 'A "**label**: value" line. Filled by src/parse/extract/figures.ts.' });
export type Figure = z.infer<typeof figureSchema>;

export const metricsSchema = z
  .object({
    studyMinutes: z.number().nullable().meta({ description: 'The day\'s study time in minutes (frontmatter key, 学習時間 figure or section), or null.' }),
    studyApproximate: z.boolean().nullable().meta({ description: 'True when the study time was written as approximate (約2時間, 2時間程度, 1〜2時間).' }),
    studyTotalMinutes: z.number().nullable().meta({ description: 'A running total written beside today\'s time (累計 400.5h), in minutes.' }),
    problemsFound: z.number().nullable().meta({ description: 'The declared count of problems (特定した問題: 3件), or null.' }),
    tasksPlanned: z.number().nullable().meta({ description: 'The declared count of planned tasks (計画したタスク: 9件), or null.' }),
    tasksDone: z.number().nullable().meta({ description: 'The declared count of done tasks (完了したタスク: 5件), or null.' }),
  })
  .meta({ description: 'The figures the site charts, read from the labels of vocabulary.metrics. Filled by src/parse/extract/metrics.ts.' });
export type Metrics = z.infer<typeof metricsSchema>;

export const severitySchema = z.enum(['error', 'warning']).meta({ description: 'error stops `nisshi check` and the build; warning does not.' });
export type Severity = z.infer<typeof severitySchema>;

export const diagnosticSchema = z
  .object({
    severity: severitySchema,
    message: z.string().meta({ description: 'What is wrong and what to do, from the rule\'s text in src/record/rules.ts.' }),
    line: lineOf('the problem'),
    column: line.meta({ description: '1-based column of the problem.' }),
    rule: z.string().meta({ description: 'A stable rule id from src/record/rules.ts, e.g. "no-date", "frontmatter-yaml".' }),
  })
  .meta({ description: 'A problem found in the log. Made by the rule registry src/record/rules.ts wherever a check runs.' });
export type Diagnostic = z.infer<typeof diagnosticSchema>;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const logRecordSchema = z.object({
  source: z.string().meta({ description: 'The log\'s path as given, with / (src/parse/read-log.ts).' }),
  slug: z.string().meta({ description: 'The page name: the date, or the file name when several logs share a day (src/parse/slug.ts).' }),
  date: isoDate.nullable().meta({ description: '"YYYY-MM-DD" from the frontmatter, a heading, a date line in the body (日付: 2025-08-03) or the path, or null (always with an error diagnostic) (src/parse/log-date.ts).' }),
  dateSource: z.enum(['frontmatter', 'heading', 'line', 'path']).nullable().meta({ description: 'Where the date came from; "line" is a date line in the body (日付: 2025-08-03, or a first line starting with the date) (src/parse/log-date.ts).' }),
  title: z.string().nullable().meta({ description: 'The frontmatter title, or the lone H1 without its date (src/parse/log-date.ts).' }),
  tags: z.array(z.string()).meta({ description: 'Frontmatter tags, a list or a comma-separated string, without # (src/parse/extract-log.ts).' }),
  draft: z.boolean().meta({ description: 'Frontmatter draft: a draft gets no page and never clashes over a slug (src/parse/draft.ts).' }),
  goals: z.array(goalSchema),
  checklist: z.array(checklistItemSchema),
  work: z.array(workItemSchema).meta({ description: 'The day\'s work: the items under 取り組んだ課題一覧 / やったこと / 実施内容 (src/parse/extract/work.ts).' }),
  problems: z.array(problemSchema),
  plans: z.array(planSchema),
  drops: z.array(dropSchema),
  learnings: z.array(z.string()).meta({ description: 'Items under a learnings heading (学び, 気づき …) (src/parse/extract/learnings.ts).' }),
  learningLines: z.array(line).meta({ description: 'The 1-based line of each learning, in the order of learnings (src/parse/extract/learnings.ts).' }),
  reflections: z.array(reflectionSchema),
  reviewItems: z.array(reviewItemSchema),
  references: z.array(referenceSchema),
  metrics: metricsSchema,
  figures: z.array(figureSchema),
  diagnostics: z.array(diagnosticSchema),
  frontmatter: z.record(z.string(), z.unknown()).meta({
    description: 'Frontmatter as written (YAML core schema: dates stay strings); on the site only the keys nisshi reads and those the settings\' publicFrontmatter names, `nisshi parse` shows them all (src/parse/frontmatter.ts, src/loader/public-frontmatter.ts).',
  }),
});
export type LogRecord = z.infer<typeof logRecordSchema>;
