/**
 * Two published logs with the same slug would be written to the same page of
 * the site, one silently replacing the other; `check` makes that an error on
 * every clashing file. Drafts get no page and never clash (src/parse/draft.ts),
 * exactly as in the site's loader.
 */
import { pageSlug } from '../parse/draft.ts';
import type { MessageLanguage } from '../record/messages.ts';
import { diagnose, localizeDiagnostic } from '../record/rules.ts';
import type { LogRecord } from '../record/schema.ts';
import { locate, type LocatedDiagnostic } from '../record/diagnostic-lines.ts';

export interface SluggedLog {
  path: string;
  record: Pick<LogRecord, 'slug' | 'draft'>;
}

/** One `duplicate-slug` error per published file whose slug another published file also has, naming the others. */
export function duplicateSlugDiagnostics(logs: readonly SluggedLog[], language: MessageLanguage = 'en'): LocatedDiagnostic[] {
  const pathsBySlug = new Map<string, string[]>();
  for (const { path, record } of logs) {
    const slug = pageSlug(record);
    if (slug === null) continue;
    const paths = pathsBySlug.get(slug);
    if (paths) paths.push(path);
    else pathsBySlug.set(slug, [path]);
  }
  const diagnostics: LocatedDiagnostic[] = [];
  for (const { path, record } of logs) {
    const slug = pageSlug(record);
    if (slug === null) continue;
    const others = (pathsBySlug.get(slug) ?? []).filter((other) => other !== path);
    if (others.length === 0) continue;
    // The slug comes from the file's name (or its date), not from a line in it.
    diagnostics.push(locate(path, localizeDiagnostic(diagnose('duplicate-slug', 1, 1, { slug, others: others.join(', ') }), language)));
  }
  return diagnostics;
}
