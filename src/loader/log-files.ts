/**
 * Where the loader's logs are: the same walk as `nisshi check` (every `*.md`
 * below the folder, dot-folders and node_modules skipped), with paths named
 * relative to the project root so that records, messages and the store agree.
 */
import path from 'node:path';
import { findLogFiles, LogPathError } from '../files/log-files.ts';
import { toPosix } from '../files/to-posix.ts';
import type { Diagnostic } from '../record/schema.ts';

export interface LogLocation {
  /** Absolute path on disk, for reading and for the watcher's events. */
  absolutePath: string;
  /** Relative to the project root with `/` (`logs/2025/08/03.md`): the record's source and the entry's filePath. */
  relativePath: string;
  /** Set for a link out of the logs folder: the error to report instead of reading it. */
  refusal?: Diagnostic;
}

/** Every log below `baseDir`, in a stable order; null when the folder does not exist. */
export async function listLogs(baseDir: string, rootDir: string): Promise<LogLocation[] | null> {
  try {
    const files = await findLogFiles([baseDir], rootDir);
    return files.map((file) => ({ ...locate(file.absolutePath, rootDir), ...(file.refusal ? { refusal: file.refusal } : {}) }));
  } catch (error) {
    // For the CLI a missing path is a usage error; here a missing folder is simply "no logs yet".
    if (error instanceof LogPathError) return null;
    throw error;
  }
}

export function locate(absolutePath: string, rootDir: string): LogLocation {
  return { absolutePath, relativePath: toPosix(path.relative(rootDir, absolutePath)) };
}
