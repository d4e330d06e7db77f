/**
 * Reads log files and parses them into records; shared by `parse` and `check`
 * so both see exactly the same record for a file.
 */
import path from 'node:path';
import { parseLog } from '../parse/parse-log.ts';
import type { ReadSettings } from '../parse/read-log.ts';
import type { LogRecord } from '../record/schema.ts';
import { readLogFile, type DecodedLog, type LogFile } from '../files/log-files.ts';
import { refusedRecord } from '../parse/refused-record.ts';

export interface LoadedLog {
  file: LogFile;
  /** The decoded text the record was read from. */
  text: string;
  record: LogRecord;
}

/** How many files are read ahead while earlier ones are parsed: enough to hide the reads, few enough for any file-handle limit. */
const READ_AHEAD = 32;

/** @param settings what changes a log's meaning (the vocabulary, the limits): the site's, so the CLI reads logs as the site does. */
export async function loadLogs(files: readonly LogFile[], settings?: ReadSettings, includePrivate = false): Promise<LoadedLog[]> {
  const loaded: LoadedLog[] = [];
  for await (const log of readLogs(files, settings, includePrivate)) loaded.push(log);
  return loaded;
}

/**
 * The files read and parsed one at a time, in order, keeping none: `parse`
 * writes each record out as it comes and `check` keeps only the findings, so
 * ten years of logs and their records never sit in memory at once.
 */
export async function* readLogs(files: readonly LogFile[], settings?: ReadSettings, includePrivate = false): AsyncGenerator<LoadedLog> {
  // Parsing is single-threaded, so files are parsed one at a time in order; the
  // reads run ahead of it, a window at a time, so the parser never waits on one
  // read after another (a 1 KB log takes about as long to read as to parse).
  const reads: Array<Promise<DecodedLog> | undefined> = [];
  const startRead = (index: number): void => {
    const file = files[index];
    if (!file || file.refusal) return;
    const read = readLogFile(file);
    // Handled where it is awaited; this keeps a failure read ahead of time from counting as unhandled meanwhile.
    read.catch(() => undefined);
    reads[index] = read;
  };
  for (let index = 0; index < Math.min(READ_AHEAD, files.length); index++) startRead(index);
  for (let index = 0; index < files.length; index++) {
    const file = files[index]!;
    const read = reads[index];
    delete reads[index];
    startRead(index + READ_AHEAD);
    if (file.refusal) {
      yield { file, text: '', record: refusedRecord(toPosix(file.displayPath), [file.refusal]) };
      continue;
    }
    const { text, encodingError } = await read!;
    const record = parseLog(text, { path: toPosix(file.displayPath), settings, includePrivate });
    // What the parser says about mojibake is noise: the encoding is what to fix first.
    if (encodingError) record.diagnostics = [encodingError];
    yield { file, text, record };
  }
}

/** Records carry `/` paths on every OS, so the JSON and the slugs do not depend on where it ran. */
function toPosix(filePath: string): string {
  return filePath.split(path.sep).join('/');
}
