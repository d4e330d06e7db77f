/**
 * Two published logs for one date are allowed (the site shows both on that
 * day and sums their figures) but are usually a slip: `check` warns
 * `same-date` on each, naming the others. Drafts and undated logs take no part.
 */
import { pageSlug } from '../parse/pages.ts';
import type { MessageLanguage } from '../record/messages.ts';
import { diagnose, localizeDiagnostic } from '../record/rules.ts';
import type { LogRecord } from '../record/schema.ts';
import { locate, type LocatedDiagnostic } from '../record/diagnostic-lines.ts';

export function sameDateDiagnostics(
  logs: ReadonlyArray<{ path: string; record: Pick<LogRecord, 'slug' | 'draft' | 'date'> }>,
  language: MessageLanguage = 'en',
): LocatedDiagnostic[] {
  const byDate = new Map<string, string[]>();
  const published = logs.filter(({ record }) => record.date !== null && pageSlug(record) !== null);
  for (const { path, record } of published) byDate.set(record.date!, [...(byDate.get(record.date!) ?? []), path]);
  return published.flatMap(({ path, record }) => {
    const others = byDate.get(record.date!)!.filter((other) => other !== path);
    return others.length === 0 ? [] : [locate(path, localizeDiagnostic(diagnose('same-date', 1, 1, { date: record.date!, others: others.join(', ') }), language))];
  });
}
