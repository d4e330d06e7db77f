/**
 * How a command reads logs: through the record index (src/record-index), so
 * that `parse`, `check`, `new` and `status` — and the build — parse a log once
 * between its edits, and each sees exactly the same record for a file.
 */
import type { IndexedLog, RecordIndex } from '../record-index/record-index.ts';
import { openRecordIndex } from '../record-index/open-record-index.ts';
import { cacheFolder } from '../record-index/cache-folder.ts';
import type { Settings } from '../settings/settings.ts';
import type { CliIo } from './io.ts';

/**
 * The record index of the project the command runs in (cache-folder.ts), or
 * none with --no-cache; its notices (a damaged index rebuilt, a folder it
 * cannot write) go to stderr as one line each.
 */
export function openIndex(command: string, io: CliIo, settings: Settings, includePrivate = false): Promise<RecordIndex> {
  return openRecordIndex({
    folder: io.noCache ? null : cacheFolder(io.cwd),
    settings,
    includePrivate,
    notice: (line) => io.stderr(`nisshi ${command}: ${line}\n`),
  });
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
