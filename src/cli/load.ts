/**
 * Reads log files and parses them into records; shared by `parse` and `check`
 * so both see exactly the same record for a file.
 */
import path from 'node:path';
import { parseLog } from '../parse/parse-log.ts';
import type { ReadSettings } from '../parse/read-log.ts';
import type { LogRecord } from '../record/schema.ts';
import { readLogFile, type LogFile } from '../files/log-files.ts';
import { refusedRecord } from '../parse/refused-record.ts';

export interface LoadedLog {
  file: LogFile;
  record: LogRecord;
}

/** @param settings what changes a log's meaning (the vocabulary): the site's, so the CLI reads logs as the site does. */
export async function loadLogs(files: readonly LogFile[], settings?: ReadSettings, includePrivate = false): Promise<LoadedLog[]> {
  const loaded: LoadedLog[] = [];
  // One file at a time: parsing is the slow part and is single-threaded anyway,
  // and thousands of concurrent reads would only risk running out of file handles.
  for (const file of files) {
    if (file.refusal) {
      loaded.push({ file, record: refusedRecord(toPosix(file.displayPath), [file.refusal]) });
      continue;
    }
    const { text, encodingError } = await readLogFile(file);
    const record = parseLog(text, { path: toPosix(file.displayPath), settings, includePrivate });
    // What the parser says about mojibake is noise: the encoding is what to fix first.
    if (encodingError) record.diagnostics = [encodingError];
    loaded.push({ file, record });
  }
  return loaded;
}

/** Records carry `/` paths on every OS, so the JSON and the slugs do not depend on where it ran. */
function toPosix(filePath: string): string {
  return filePath.split(path.sep).join('/');
}
