/**
 * Which path a CI run takes, from the files the push or pull request changed:
 * `fast` when every changed file is a log or a static file (logs/**, public/**),
 * so tests, the browser, fonts and cfn-lint cannot be affected; `full` for
 * anything else, and whenever the list is unknown or empty (a new branch, a
 * base commit that cannot be fetched): never skip tests by accident.
 *
 *   node scripts/ci/changed-paths.ts <base-sha> <head-sha>   → prints path=fast|full
 *   git diff --name-only … | node scripts/ci/changed-paths.ts -   (list on stdin)
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

export type CiPath = 'fast' | 'full';

/** Folders whose changes cannot change code, tests or infrastructure. */
export const FAST_PATH_FOLDERS = ['logs/', 'public/'] as const;

export function ciPathFor(changedFiles: readonly string[]): CiPath {
  const files = changedFiles.map((file) => file.trim()).filter((file) => file !== '');
  if (files.length === 0) return 'full';
  return files.every((file) => FAST_PATH_FOLDERS.some((folder) => file.startsWith(folder) && !file.includes('..')))
    ? 'fast'
    : 'full';
}

/** The changed files between two commits, or undefined when git cannot tell (unknown or missing base). */
export function changedFilesBetween(base: string | undefined, head: string, cwd = process.cwd()): string[] | undefined {
  if (!base || /^0+$/.test(base)) return undefined;
  try {
    // --no-renames: a log moved out of logs/ must count as a change outside it.
    const output = execFileSync('git', ['diff', '--name-only', '--no-renames', base, head], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    return output.split('\n');
  } catch {
    return undefined;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [base, head = 'HEAD'] = process.argv.slice(2);
  const files = base === '-' ? readFileSync(0, 'utf8').split('\n') : changedFilesBetween(base, head);
  const path = files === undefined ? 'full' : ciPathFor(files);
  process.stderr.write(
    files === undefined
      ? `changed files unknown (base ${base ?? '(none)'}): full path\n`
      : `${files.filter((file) => file.trim() !== '').length} changed file(s): ${path} path\n`,
  );
  process.stdout.write(`path=${path}\n`);
}
