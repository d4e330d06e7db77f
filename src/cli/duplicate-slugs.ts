/**
 * Two logs with the same slug would be written to the same page of the site, one
 * silently replacing the other; `check` makes that an error on every clashing file.
 */
import type { LocatedDiagnostic } from './diagnostics.ts';

export interface SluggedLog {
  path: string;
  slug: string;
}

/** One `duplicate-slug` error per file whose slug another file also has, naming the others. */
export function duplicateSlugDiagnostics(logs: readonly SluggedLog[]): LocatedDiagnostic[] {
  const pathsBySlug = new Map<string, string[]>();
  for (const { path, slug } of logs) {
    const paths = pathsBySlug.get(slug);
    if (paths) paths.push(path);
    else pathsBySlug.set(slug, [path]);
  }
  const diagnostics: LocatedDiagnostic[] = [];
  for (const { path, slug } of logs) {
    const others = (pathsBySlug.get(slug) ?? []).filter((other) => other !== path);
    if (others.length === 0) continue;
    diagnostics.push({
      path,
      // The slug comes from the file's name (or its date), not from a line in it.
      line: 1,
      column: 1,
      severity: 'error',
      message: `slug "${slug}" is also used by ${others.join(', ')}; two logs would share one page: merge them, or rename one so its slug differs`,
      rule: 'duplicate-slug',
    });
  }
  return diagnostics;
}
