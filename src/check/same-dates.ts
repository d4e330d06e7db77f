/**
 * Two published logs for one date are allowed (the site shows both on that
 * day and sums their figures) but are usually a slip: `check` warns
 * `same-date` on each, naming the others. Drafts and undated logs take no part,
 * nor logs that also share the slug (they are a duplicate-slug error).
 */
import { pageSlug } from '../parse/draft.ts';
import type { MessageLanguage } from '../record/messages.ts';
import { diagnose, localizeDiagnostic } from '../record/rules.ts';
import type { LogRecord } from '../record/schema.ts';
import { locate, type LocatedDiagnostic } from '../record/diagnostic-lines.ts';

export function sameDateDiagnostics(
  logs: ReadonlyArray<{ path: string; record: Pick<LogRecord, 'slug' | 'draft' | 'date'> }>,
  language: MessageLanguage = 'en',
): LocatedDiagnostic[] {
  const byDate = new Map<string, Array<{ path: string; slug: string }>>();
  const published = logs.filter(({ record }) => record.date !== null && pageSlug(record) !== null);
  for (const { path, record } of published) byDate.set(record.date!, [...(byDate.get(record.date!) ?? []), { path, slug: pageSlug(record)! }]);
  return published.flatMap(({ path, record }) => {
    // Logs that also share the slug are already a duplicate-slug error: one finding is enough.
    const slug = pageSlug(record);
    const others = byDate.get(record.date!)!.filter((other) => other.path !== path && other.slug !== slug).map((other) => other.path);
    return others.length === 0 ? [] : [locate(path, localizeDiagnostic(diagnose('same-date', 1, 1, { date: record.date!, others: others.join(', ') }), language))];
  });
}
