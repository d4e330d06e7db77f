/**
 * How a command reads logs: through the record index (src/record-index), so
 * that `parse`, `check`, `new`, `status` and `review` — and the build — parse
 * a log once between its edits, and each sees exactly the same record for a
 * file.
 */
import { cacheFolder } from '../record-index/cache-folder.ts';
import { openRecordIndex } from '../record-index/open-record-index.ts';
import type { IndexedLog, RecordIndex } from '../record-index/record-index.ts';
import type { LogRecord } from '../record/schema.ts';
import type { Settings } from '../settings/settings.ts';
import type { CliIo } from './io.ts';

export interface IndexChoice {
  /** `--no-cache`: read every log from its file, neither using nor updating the index. */
  noCache?: boolean | undefined;
  /** `parse --include-private`: records with private notes kept, which never touch the index. */
  includePrivate?: boolean | undefined;
}

/**
 * The record index of the project the command runs in (cache-folder.ts), or
 * none; its notices (a damaged index rebuilt, a folder it cannot write) go to
 * stderr as one line each.
 */
export function openIndex(command: string, io: CliIo, settings: Settings, choice: IndexChoice = {}): Promise<RecordIndex> {
  return openRecordIndex({
    folder: choice.noCache ? null : cacheFolder(io.cwd),
    settings,
    includePrivate: choice.includePrivate,
    notice: (line) => io.stderr(`nisshi ${command}: ${line}\n`),
  });
}

/**
 * What `status`, `new` and `drop` read of each record: the morning's record
 * (record-columns.ts: the slim checklist, problems and plans, the drops that
 * give a plan up, and the learnings and review ticks of the spaced review).
 */
export const MORNING_FIELDS = 'morning';

/**
 * The records of a read the site publishes (no draft, no log with errors),
 * gathered as they come: what the morning's statistics read. Only the records
 * are kept, not the files and digests they came with, so ten years of them
 * take less memory at the morning's peak.
 */
export async function publishedRecords<R extends Pick<LogRecord, 'draft' | 'diagnostics'>>(reading: AsyncIterable<IndexedLog<R>>): Promise<R[]> {
  const records: R[] = [];
  for await (const { record } of reading) {
    if (!record.draft && !record.diagnostics.some((diagnostic) => diagnostic.severity === 'error')) records.push(record);
  }
  return records;
}

/** Every log a read of the index hands out, gathered. */
export async function loadLogs<R>(reading: AsyncIterable<IndexedLog<R>>): Promise<Array<IndexedLog<R>>> {
  const loaded: Array<IndexedLog<R>> = [];
  for await (const log of reading) loaded.push(log);
  return loaded;
}

/**
 * Says how many logs were parsed and how many came from the index when
 * NISSHI_REPORT_INDEX is set: for tests that count parses, and for a writer
 * wondering why a morning was slow.
 */
export async function closeIndex(command: string, index: RecordIndex, io: CliIo): Promise<void> {
  const location = index.location;
  await index.close();
  if (process.env.NISSHI_REPORT_INDEX) {
    io.stderr(`nisshi ${command}: record index: ${index.counts.parsed} parsed, ${index.counts.fromIndex} from the index${location ? '' : ' (no index)'}\n`);
  }
}

export { imageChecker } from '../files/image-checker.ts';
