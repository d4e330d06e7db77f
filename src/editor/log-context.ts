/**
 * What the editor's answers are worked out from: the log being edited (its
 * record read from the editor's text), every log's record with this one in
 * place of its file's, and the cross-log facts over them (problem threads,
 * plan chains), computed by the language server once per change and passed in.
 */
import type { MessageLanguage } from '../record/messages.ts';
import type { LogRecord } from '../record/schema.ts';
import type { ChecklistCore, PlanChain, PlanCore, ProblemCore, ProblemThread } from '../stats/index.ts';
import type { VocabularyOverrides } from '../parse/vocabulary.ts';

/** What the answers read of the other logs: the head and the slim lists the record index keeps for the morning's statistics. */
export type ContextRecord = Pick<LogRecord, 'slug' | 'date' | 'draft' | 'metrics' | 'drops'> & {
  plans: readonly PlanCore[];
  problems: readonly ProblemCore[];
  checklist: readonly ChecklistCore[];
};

export interface LogContext {
  /** The log being edited, as its text in the editor reads. */
  record: LogRecord;
  /** Its text, as lines (text-lines.ts linesOf). */
  lines: readonly string[];
  /** Every log's record (the edited one among them), in the folder's order. */
  records: readonly ContextRecord[];
  threads: ReadonlyArray<ProblemThread<ProblemCore>>;
  chains: readonly PlanChain[];
  /** The writer's today, YYYY-MM-DD. */
  today: string;
  weekStart: 'monday' | 'sunday';
  weeklyTargetMinutes: number | null;
  vocabulary?: VocabularyOverrides | undefined;
  language: MessageLanguage;
}

/** A place in a log: its slug (the site's page) and 1-based line. */
export interface LogPlace {
  slug: string;
  line: number;
}

/** The thread the problem written at `line` of the record belongs to. */
export function threadAt(context: Pick<LogContext, 'record' | 'threads'>, line: number): ProblemThread<ProblemCore> | null {
  const { slug } = context.record;
  return context.threads.find((thread) => thread.occurrences.some((occurrence) => occurrence.slug === slug && occurrence.line === line)) ?? null;
}

/** The chain the plan written at `line` of the record belongs to. */
export function chainAt(context: Pick<LogContext, 'record' | 'chains'>, line: number): PlanChain | null {
  const { slug } = context.record;
  return context.chains.find((chain) => chain.occurrences.some((occurrence) => occurrence.slug === slug && occurrence.line === line)) ?? null;
}
