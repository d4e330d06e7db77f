/**
 * Tags that can become a page. Each tag is a page at /tags/<tag>/, so a tag is
 * a path segment: "/" would make two, "." and ".." climb out of /tags/, "%"
 * reads as an escape, "?" and "#" end the path, "\" is a separator on
 * Windows, and control characters are no name at all. Such a tag is an error
 * here, in the parser `nisshi check` and the build share, so `check` passes
 * exactly the tags the build can make pages of.
 */
import type { Diagnostic } from '../record/schema.ts';

const UNSAFE = /[/\\%?#\u0000-\u001f\u007f-\u009f]/u;

/** Why a tag cannot be a page name, or null when it can. */
export function tagProblem(tag: string): string | null {
  if (tag === '.' || tag === '..') return `"${tag}" is a folder name, not a page name`;
  const bad = UNSAFE.exec(tag);
  if (!bad) return null;
  const shown = /[\u0000-\u001f\u007f-\u009f]/u.test(bad[0]) ? `control character U+${bad[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}` : `"${bad[0]}"`;
  return `it holds ${shown}`;
}

export function tagDiagnostics(tags: readonly string[], line: number): Diagnostic[] {
  const found: Diagnostic[] = [];
  for (const tag of tags) {
    const problem = tagProblem(tag);
    if (!problem) continue;
    found.push({
      severity: 'error',
      rule: 'tag-not-a-page',
      line,
      column: 1,
      message:
        `tag ${JSON.stringify(tag)} cannot be a page under /tags/ (${problem}); ` +
        'rename it without "/", "\\", "%", "?", "#" or control characters, and not "." or ".."',
    });
  }
  return found;
}
