/**
 * Finding log files on disk, for the CLI, the site's loader and the record
 * index alike: which files are logs, in which order. The walk is the only I/O
 * here (reading a file is read-log-file.ts, its bytes into text
 * decode-log.ts). A path that cannot be used is a LogPathError: the CLI turns
 * it into a usage error, the loader into "no logs yet".
 */
import { readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from '../record/schema.ts';
import { judgeLink } from './log-links.ts';
import { toPosix } from './to-posix.ts';

/** A path given to read logs from that does not exist, or is not a file or a folder. */
export class LogPathError extends Error {
  /** What went wrong with which path, for a message in the writer's language (the message itself is English). */
  readonly detail: { kind: 'missing' | 'not-file-or-folder' | 'unreadable'; path: string; reason?: string } | undefined;

  constructor(message: string, detail?: LogPathError['detail']) {
    super(message);
    this.name = 'LogPathError';
    this.detail = detail;
  }
}

export interface LogFile {
  /** What the person typed, joined with the part found inside a folder (`logs/2025/08/03.md`). */
  displayPath: string;
  /** Resolved against the working folder, used to read the file and to spot repeats. */
  absolutePath: string;
  /** Set for a link out of the logs folder: the error to report instead of reading it. */
  refusal?: Diagnostic;
}

/**
 * Expands the paths given on the command line into log files: a file stands for
 * itself (whatever its extension, because the person asked for it), a folder for
 * every `*.md` below it. Files keep the order of the arguments; within a folder
 * they are sorted by path so output is the same on every machine. A file reached
 * twice (`logs logs/a.md`) is listed once, or `check` would call it a duplicate slug.
 */
export async function findLogFiles(args: readonly string[], cwd: string): Promise<LogFile[]> {
  const found: LogFile[] = [];
  const seen = new Set<string>();
  for (const arg of args) {
    const absolutePath = path.resolve(cwd, arg);
    const kind = await pathKind(arg, absolutePath);
    const files =
      kind === 'file'
        ? [{ displayPath: path.normalize(arg), absolutePath }]
        : (await markdownBelow(absolutePath)).map(({ relative, refusal }) => ({
            displayPath: path.join(arg, relative),
            // Both parts are normal already (a resolved folder, names the walk joined): no path.join for thousands of files.
            absolutePath: (absolutePath.endsWith(path.sep) ? absolutePath : absolutePath + path.sep) + relative,
            ...(refusal ? { refusal } : {}),
          }));
    for (const file of files) {
      if (seen.has(file.absolutePath)) continue;
      seen.add(file.absolutePath);
      found.push(file);
    }
  }
  return found;
}

async function pathKind(arg: string, absolutePath: string): Promise<'file' | 'folder'> {
  try {
    const stats = await stat(absolutePath);
    if (stats.isDirectory()) return 'folder';
    if (stats.isFile()) return 'file';
    throw new LogPathError(`${arg} is neither a file nor a folder; give log files or folders of logs`, { kind: 'not-file-or-folder', path: arg });
  } catch (error) {
    if (error instanceof LogPathError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      throw new LogPathError(`no such file or folder: ${arg}`, { kind: 'missing', path: arg });
    }
    throw new LogPathError(`cannot read ${arg}: ${(error as Error).message}`, { kind: 'unreadable', path: arg, reason: (error as Error).message });
  }
}

/** Relative paths of the `*.md` files below `root`, sorted by code unit so the order is locale-free. */
async function markdownBelow(root: string): Promise<Array<{ relative: string; refusal?: Diagnostic }>> {
  const results: Array<{ relative: string; refusal?: Diagnostic }> = [];
  const realRoot = await realpath(root);
  async function walk(relativeDir: string): Promise<void> {
    const entries = await readdir(path.join(root, relativeDir), { withFileTypes: true });
    for (const entry of entries) {
      if (isSkippedName(entry.name)) continue;
      const relative = relativeDir === '' ? entry.name : relativeDir + path.sep + entry.name;
      if (entry.isDirectory()) {
        await walk(relative);
      } else if (isLogName(entry.name) && entry.isFile()) {
        results.push({ relative });
      } else if (isLogName(entry.name) && entry.isSymbolicLink()) {
        // Linked files inside the logs folder are read; links out of it are refused (log-links.ts).
        const verdict = await judgeLink(path.join(root, relative), realRoot);
        if (verdict.kind === 'inside') results.push({ relative });
        else if (verdict.kind === 'outside') results.push({ relative, refusal: verdict.diagnostic });
      }
    }
  }
  await walk('');
  return results.sort((a, b) => comparePaths(a.relative, b.relative));
}

function comparePaths(a: string, b: string): number {
  const left = toPosix(a);
  const right = toPosix(b);
  return left < right ? -1 : left > right ? 1 : 0;
}

/**
 * Dot entries are editor and VCS litter (.git, .obsidian, Emacs' `.#x.md` lock
 * links that point nowhere); node_modules is never somebody's diary. Neither is
 * walked into or read, at any depth.
 */
function isSkippedName(name: string): boolean {
  return name.startsWith('.') || name === 'node_modules';
}

function isLogName(name: string): boolean {
  return name.endsWith('.md');
}

/**
 * Whether a path below the logs folder is a log by the rule the walk above
 * follows: what `astro dev`'s watcher and a language server ask of a file they
 * are told about. (A link's target is judged when it is read: log-links.ts.)
 */
export function isLogPath(absolutePath: string, baseDir: string): boolean {
  const relative = path.relative(baseDir, absolutePath);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return false;
  const parts = relative.split(path.sep);
  return !parts.some(isSkippedName) && isLogName(relative);
}

// Decoding a log's bytes lives in decode-log.ts (its code keys the record index; the walk above does not).
export { decodeLog, firstInvalidUtf8Offset, legacyJapaneseEncoding, type DecodedLog } from './decode-log.ts';
