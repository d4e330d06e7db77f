/**
 * extractLog: the core of nisshi's parser. It reads a log's mdast tree (built
 * by remark or Sätteri, see read-log.ts) with the source text and returns the
 * record: date, goals, checklist, problems, plans, learnings, references,
 * figures, metrics and diagnostics, each extractor in src/parse/extract/.
 *
 * remarkNisshi wraps it as a unified plugin that puts the record on
 * `file.data.nisshi`, so any remark pipeline (with or without
 * remark-frontmatter) can use it.
 */
import type { Root } from 'mdast';
import type { Plugin } from 'unified';
import type { VFile } from 'vfile';
import { diagnose } from '../record/rules.ts';
import type { Diagnostic, LogRecord } from '../record/schema.ts';
import { createContext, type LogContext } from './context.ts';
import { extractChecklist } from './extract/checklist.ts';
import { extractDrops } from './extract/drops.ts';
import { extractFigures } from './extract/figures.ts';
import { extractGoals } from './extract/goals.ts';
import { extractLearningEntries } from './extract/learnings.ts';
import { extractMetrics } from './extract/metrics.ts';
import { extractPlans } from './extract/plans.ts';
import { extractProblems } from './extract/problems.ts';
import { extractReferences } from './extract/references.ts';
import { extractReflections } from './extract/reflections.ts';
import { extractReviewItems } from './extract/review-items.ts';
import { extractWork } from './extract/work.ts';
import { keyLine, readFrontmatter, type Frontmatter } from './frontmatter.ts';
import { defaultLimits, resolveLimits, treeNestingDiagnostic, type InputLimits } from './limits.ts';
import { readDraft, strayDraftLine } from './draft.ts';
import { readLogDate } from './log-date.ts';
import { tagDiagnostics } from './tag-name.ts';
import { refusedRecord } from './refused-record.ts';
import { slugFromPath } from './slug.ts';
import { normalizeTree } from './tree-parity.ts';
import { resolveVocabulary, type Vocabulary, type VocabularyOverrides } from './vocabulary.ts';

export interface NisshiOptions {
  /** Heading names and labels to use instead of (parts of) the defaults. */
  vocabulary?: VocabularyOverrides;
  /** Size and nesting limits (maxLogBytes, maxNesting); the defaults when left out. */
  limits?: Partial<InputLimits>;
}

declare module 'vfile' {
  interface DataMap {
    /** The parsed log record, set by remarkNisshi. */
    nisshi: LogRecord;
    /** Frontmatter already read by readLog, so the extractor need not read it again. */
    nisshiFrontmatter: Frontmatter;
  }
}

export const remarkNisshi: Plugin<[NisshiOptions?], Root> = function (options) {
  const vocabulary = resolveVocabulary(options?.vocabulary);
  const limits = resolveLimits(options?.limits);
  return (tree, file) => {
    file.data.nisshi = extractLog(tree, file, vocabulary, limits);
  };
};

export function extractLog(tree: Root, file: VFile, vocabulary: Vocabulary, limits: InputLimits = defaultLimits): LogRecord {
  const text = String(file.value ?? '');
  const frontmatter = file.data.nisshiFrontmatter ?? readFrontmatter(text.replace(/^\ufeff/, ''));
  const path = file.path ?? '';
  // Checked before any walk: every walk below may then recurse without fear for the stack.
  const tooDeep = treeNestingDiagnostic(tree, limits);
  if (tooDeep) return refusedRecord(path, [tooDeep]);
  // The two Markdown parsers place a few nodes differently; settle that before any position is read.
  const context = createContext(normalizeTree(tree), text, vocabulary, frontmatter.lineCount + 1);
  const diagnostics: Diagnostic[] = [...frontmatter.diagnostics];

  const { date, dateSource, title, diagnostics: dateDiagnostics } = readLogDate(frontmatter, context, path);
  diagnostics.push(...dateDiagnostics);
  const figures = extractFigures(context);
  const problems = extractProblems(context);
  const { metrics, diagnostics: metricDiagnostics } = extractMetrics(context, figures, problems, frontmatter.data);
  diagnostics.push(...metricDiagnostics, ...headingsWithoutSpace(context));
  const { tags, draft, diagnostics: fmDiagnostics } = readTagsAndDraft(frontmatter, context);
  diagnostics.push(...fmDiagnostics);
  const learnings = extractLearningEntries(context);
  const checklist = extractChecklist(context, date);
  const plans = extractPlans(context);

  return {
    source: path,
    slug: slugFromPath(path, date),
    date,
    dateSource,
    title,
    tags,
    draft,
    goals: extractGoals(context),
    checklist,
    work: extractWork(context),
    problems,
    plans,
    drops: extractDrops(context, checklist, plans),
    learnings: learnings.map((learning) => learning.text),
    learningLines: learnings.map((learning) => learning.line),
    reflections: extractReflections(context),
    reviewItems: extractReviewItems(context, date),
    references: extractReferences(context),
    metrics,
    figures: figures.map(({ figure }) => figure),
    diagnostics: diagnostics.sort((a, b) => a.line - b.line || a.column - b.column),
    frontmatter: frontmatter.data,
  };
}

function readTagsAndDraft(frontmatter: Frontmatter, context: LogContext): { tags: string[]; draft: boolean; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const { tags: rawTags } = frontmatter.data;
  let tags: string[] = [];
  // Only plain values are tags: a mapping in the list is not one (frontmatter-shape.ts warns about it).
  if (Array.isArray(rawTags)) tags = rawTags.filter((tag) => typeof tag === 'string' || typeof tag === 'number' || typeof tag === 'boolean').map(String);
  else if (typeof rawTags === 'string') tags = rawTags.split(/[,、\s]+/);
  else if (rawTags !== undefined && rawTags !== null) {
    diagnostics.push(diagnose('frontmatter-tags', keyLine(frontmatter, 'tags'), 1));
  }
  tags = [...new Set(tags.map((tag) => tag.trim().replace(/^#/, '')).filter(Boolean))];

  const read = readDraft(frontmatter);
  const stray = strayDraftLines(context);
  diagnostics.push(...read.diagnostics, ...stray, ...tagDiagnostics(tags, keyLine(frontmatter, 'tags')));
  return { tags, draft: read.draft || stray.length > 0, diagnostics };
}

/**
 * A `draft: true` in the body — a paragraph or heading line at the top level,
 * where a frontmatter block after the title or a heading ends up — is a draft
 * setting all the same (draft.ts): never a published page.
 */
function strayDraftLines(context: LogContext): Diagnostic[] {
  const found: Diagnostic[] = [];
  for (const node of context.tree.children) {
    if ((node.type !== 'paragraph' && node.type !== 'heading') || !node.position) continue;
    for (let line = node.position.start.line; line <= node.position.end.line; line++) {
      const text = context.source.line(line);
      if (strayDraftLine(text)) found.push(diagnose('frontmatter-stray-draft', line, 1, { text: text.trim().slice(0, 40) }));
    }
  }
  return found;
}

/** "##今日やったこと" is a paragraph to Markdown, not a heading: say so, since the writer meant one. */
function headingsWithoutSpace(context: LogContext): Diagnostic[] {
  const found: Diagnostic[] = [];
  for (const block of context.outline.blocks) {
    if (block.node.type !== 'paragraph') continue;
    for (const line of context.linesOf(block.node)) {
      const text = line.text;
      // Hashtag lines (#学習 #AWS) and issue numbers (#12) are not meant as headings.
      if (!/^#{1,6}[^\s#]/.test(text) || /^#\S+(?:\s+#\S+)+\s*$/.test(text) || /^#\d+\s*$/.test(text)) continue;
      found.push(diagnose('heading-missing-space', line.line, line.column, { text: text.slice(0, 24) }));
    }
  }
  return found;
}
