/**
 * Symbolic links among the logs. A link to a file inside the logs folder is
 * read like the file (writers link one log from two places); a link whose
 * target is outside it is refused, with an error on the link: otherwise
 * `logs/x.md → /etc/passwd` would be read by `check` and published as a page.
 */
import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from '../record/schema.ts';

export type LinkVerdict = { kind: 'inside' } | { kind: 'outside'; diagnostic: Diagnostic } | { kind: 'not-a-file' };

/** What to do with the link at `absolutePath`, found below the logs folder whose real path is `realRoot`. */
export async function judgeLink(absolutePath: string, realRoot: string): Promise<LinkVerdict> {
  let target: string;
  try {
    target = await realpath(absolutePath);
    // Links to folders are not followed (a link to `..` would never end); dangling links are skipped.
    if (!(await stat(target)).isFile()) return { kind: 'not-a-file' };
  } catch {
    return { kind: 'not-a-file' };
  }
  const relative = path.relative(realRoot, target);
  if (relative !== '' && !relative.startsWith(`..${path.sep}`) && relative !== '..' && !path.isAbsolute(relative)) return { kind: 'inside' };
  return {
    kind: 'outside',
    diagnostic: {
      severity: 'error',
      rule: 'link-outside-logs',
      line: 1,
      column: 1,
      message:
        `this is a link to ${target}, outside the logs folder; nisshi did not read it: ` +
        'move or copy the log into the logs folder, or remove the link',
    },
  };
}
