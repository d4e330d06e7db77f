/**
 * Reads log files and parses them into records; shared by `parse` and `check`
 * so both see exactly the same record for a file.
 */
import path from 'node:path';
import { parseLog } from '../index.ts';
import type { LogRecord } from '../record/schema.ts';
import { readLogFile, type LogFile } from './files.ts';

export interface LoadedLog {
  file: LogFile;
  /** The decoded text the record was read from. */
  text: string;
  record: LogRecord;
}

export async function loadLogs(files: readonly LogFile[]): Promise<LoadedLog[]> {
  const loaded: LoadedLog[] = [];
  // One file at a time: parsing is the slow part and is single-threaded anyway,
  // and thousands of concurrent reads would only risk running out of file handles.
  for (const file of files) {
    const { text, encodingError } = await readLogFile(file);
    const record = parseLog(text, { path: toPosix(file.displayPath) });
    // What the parser says about mojibake is noise: the encoding is what to fix first.
    if (encodingError) record.diagnostics = [encodingError];
    loaded.push({ file, text, record });
  }
  return loaded;
}

/** Records carry `/` paths on every OS, so the JSON and the slugs do not depend on where it ran. */
function toPosix(filePath: string): string {
  return filePath.split(path.sep).join('/');
}
