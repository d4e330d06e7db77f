/** How `check`, `parse` and the language server check the images beside a log: on disk, as the build does. */
import { statSync } from 'node:fs';
import path from 'node:path';
import type { LogFile } from './log-files.ts';
import type { LogFileRef } from './read-log-file.ts';
import { toPosix } from './to-posix.ts';
import type { ImageCheck } from '../parse/images.ts';

/**
 * The images beside each log checked on disk as the build checks them: inside
 * the logs folder (`logsDir`, resolved against the working folder) and there.
 * A log read from outside that folder (`nisshi check some/folder`) has its own
 * folder as its logs folder.
 */
export function imageChecker(logsDir: string, cwd: string): (file: LogFileRef | LogFile) => ImageCheck {
  const root = toPosix(path.resolve(cwd, logsDir));
  const exists = (filePath: string): boolean => statSync(filePath, { throwIfNoEntry: false })?.isFile() ?? false;
  return (file) => {
    const logFile = toPosix(file.absolutePath);
    return { logsDir: logFile.startsWith(`${root}/`) ? root : path.posix.dirname(logFile), logFile, exists };
  };
}
