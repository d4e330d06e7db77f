/** Where the real-log corpora are: ../shared/corpus/<name> beside the project, on developer machines and in CI. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const project = fileURLToPath(new URL('../../', import.meta.url));

/** shared/corpus/<name> in the nearest folder above the project that has one (a worktree sits deeper than a clone). */
export function corpusFolder(name: string): string | null {
  for (let dir = path.dirname(path.resolve(project)); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'shared', 'corpus', name);
    if (existsSync(candidate)) return candidate;
    if (path.dirname(dir) === dir) return null;
  }
}
