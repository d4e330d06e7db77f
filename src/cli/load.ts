/**
 * Reads log files and parses them into records; shared by `parse` and `check`
 * so both see exactly the same record for a file.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import type { ImageCheck } from '../parse/images.ts';
import { parseLog } from '../parse/parse-log.ts';
import type { ReadSettings } from '../parse/read-log.ts';
import type { LogRecord } from '../record/schema.ts';
import { readLogFileSync, type LogFile } from '../files/log-files.ts';
import { refusedRecord } from '../parse/refused-record.ts';

export interface LoadedLog {
  file: LogFile;
  /** The decoded text the record was read from. */
  text: string;
  record: LogRecord;
}

/** @param settings what changes a log's meaning (the vocabulary, the limits): the site's, so the CLI reads logs as the site does. */
export function loadLogs(files: readonly LogFile[], settings?: ReadSettings, includePrivate = false): LoadedLog[] {
  return [...readLogs(files, settings, includePrivate)];
}

/**
 * The files read and parsed one at a time, in order, keeping none: `parse`
 * writes each record out as it comes and `check` keeps only the findings, so
 * ten years of logs and their records never sit in memory at once.
 */
export function* readLogs(files: readonly LogFile[], settings?: ReadSettings, includePrivate = false, images?: (file: LogFile) => ImageCheck): Generator<LoadedLog> {
  for (const file of files) {
    if (file.refusal) {
      yield { file, text: '', record: refusedRecord(toPosix(file.displayPath), [file.refusal]) };
      continue;
    }
    // Read synchronously: parsing is one log at a time on this thread, and a
    // blocking read of a small file is far cheaper than a trip through the
    // thread pool (3,650 logs of 1 KB: about 0.8 s of 7 s went to async reads).
    const { text, encodingError } = readLogFileSync(file);
    const record = parseLog(text, { path: toPosix(file.displayPath), settings, includePrivate, images: images?.(file) });
    // What the parser says about mojibake is noise: the encoding is what to fix first.
    if (encodingError) record.diagnostics = [encodingError];
    yield { file, text, record };
  }
}

/** Records carry `/` paths on every OS, so the JSON and the slugs do not depend on where it ran. */
function toPosix(filePath: string): string {
  return filePath.split(path.sep).join('/');
}

/**
 * The images beside each log checked on disk as the build checks them: inside
 * the logs folder (`logsDir`, resolved against the working folder) and there.
 * A log read from outside that folder (`nisshi check some/folder`) has its own
 * folder as its logs folder.
 */
export function imageChecker(logsDir: string, cwd: string): (file: LogFile) => ImageCheck {
  const root = toPosix(path.resolve(cwd, logsDir));
  const exists = (filePath: string): boolean => statSync(filePath, { throwIfNoEntry: false })?.isFile() ?? false;
  return (file) => {
    const logFile = toPosix(file.absolutePath);
    return { logsDir: logFile.startsWith(`${root}/`) ? root : path.posix.dirname(logFile), logFile, exists };
  };
}
