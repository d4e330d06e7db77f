/**
 * A copy of the project as a fresh clone would have it — the files git tracks
 * (and new ones not ignored), as they are in the working tree — in a temporary
 * folder, with the installed packages linked in rather than installed again.
 * For tests that change a file of the project (a broken settings file) or run
 * the README's commands, without touching the project itself.
 *
 * node_modules is a folder of its own holding a link per package: Astro and
 * Vite keep their caches in node_modules/.astro and .vite, and a build in the
 * copy must not write into the project's (nor race a build of the site tests).
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = fileURLToPath(new URL('../../', import.meta.url));

export interface ProjectCopy {
  root: string;
  remove(): void;
}

export function copyProject(): ProjectCopy {
  const root = mkdtempSync(path.join(tmpdir(), 'nisshi-project-'));
  const listed = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: projectRoot, encoding: 'utf8' });
  for (const file of listed.split('\0').filter(Boolean)) {
    const target = path.join(root, file);
    mkdirSync(path.dirname(target), { recursive: true });
    try {
      copyFileSync(path.join(projectRoot, file), target);
    } catch (error) {
      // A file deleted in the working tree but not yet in git's index is not in a clone either.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  const modules = path.join(root, 'node_modules');
  mkdirSync(modules);
  for (const entry of readdirSync(path.join(projectRoot, 'node_modules'))) {
    // .bin holds the commands npm scripts run; other dot-entries are caches and npm's own bookkeeping.
    if (entry.startsWith('.') && entry !== '.bin') continue;
    symlinkSync(path.join(projectRoot, 'node_modules', entry), path.join(modules, entry));
  }
  return { root, remove: () => rmSync(root, { recursive: true, force: true }) };
}
