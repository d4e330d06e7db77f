/**
 * What `nisshi check` reports, as a pure function of the records read: each
 * log's own diagnostics and the findings across logs (duplicate slug, same
 * date). The one code path of `check` and of the language server (src/lsp),
 * so the editor shows exactly the lines `check` prints.
 */
import { byPosition, locate, type LocatedDiagnostic } from '../record/diagnostic-lines.ts';
import type { MessageLanguage } from '../record/messages.ts';
import type { LogRecord } from '../record/schema.ts';
import { pageSlug } from '../parse/draft.ts';
import { duplicateSlugDiagnostics } from './duplicate-slugs.ts';
import { sameDateDiagnostics } from './same-dates.ts';

/** What `check` needs of a log once it is read. */
export interface CheckedLog {
  file: { displayPath: string };
  record: Pick<LogRecord, 'slug' | 'draft' | 'date' | 'diagnostics'>;
}

/** All findings, file by file in the order the files were found, top to bottom within a file. */
export function collectDiagnostics(logs: readonly CheckedLog[], language: MessageLanguage = 'en'): LocatedDiagnostic[] {
  const byFile = new Map<string, LocatedDiagnostic[]>();
  for (const { file, record } of logs) {
    byFile.set(
      file.displayPath,
      record.diagnostics.map((diagnostic) => locate(file.displayPath, diagnostic)),
    );
  }
  const slugged = logs.map(({ file, record }) => ({ path: file.displayPath, record }));
  for (const found of [...duplicateSlugDiagnostics(slugged, language), ...sameDateDiagnostics(slugged, language)]) {
    byFile.get(found.path)?.push(found);
  }
  return [...byFile.values()].flatMap((list) => list.sort(byPosition));
}

/**
 * The findings of one log among the others, as collectDiagnostics over all of
 * them would give them for it: only logs sharing its page slug or its date
 * can add a finding across logs, so only those are passed along (a keystroke
 * in one log costs a lookup, not a pass over ten years).
 */
export function findingsOf(log: CheckedLog, others: CrossLogIndex, language: MessageLanguage = 'en'): LocatedDiagnostic[] {
  const slug = pageSlug(log.record);
  const path = log.file.displayPath;
  const related = new Map<string, CheckedLog>();
  if (slug !== null) for (const other of others.bySlug.get(slug) ?? []) related.set(other.file.displayPath, other);
  if (log.record.date !== null) for (const other of others.byDate.get(log.record.date) ?? []) related.set(other.file.displayPath, other);
  related.delete(path);
  return collectDiagnostics([log, ...related.values()], language).filter((found) => found.path === path);
}

/** The logs by page slug and by date: what findingsOf looks others up in. */
export interface CrossLogIndex {
  bySlug: ReadonlyMap<string, readonly CheckedLog[]>;
  byDate: ReadonlyMap<string, readonly CheckedLog[]>;
}

export function crossLogIndex(logs: readonly CheckedLog[]): CrossLogIndex {
  const bySlug = new Map<string, CheckedLog[]>();
  const byDate = new Map<string, CheckedLog[]>();
  for (const log of logs) {
    const slug = pageSlug(log.record);
    if (slug !== null) bySlug.set(slug, [...(bySlug.get(slug) ?? []), log]);
    if (log.record.date !== null) byDate.set(log.record.date, [...(byDate.get(log.record.date) ?? []), log]);
  }
  return { bySlug, byDate };
}
