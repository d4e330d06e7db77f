/** A folder of logs, an index folder beside it, and a parser that counts its calls. */
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generateLogs } from '../../scripts/generate-logs.ts';
import { findLogFiles, type LogFile } from '../../src/files/log-files.ts';
import { readLogFileSync, withEncodingError } from '../../src/files/read-log-file.ts';
import { toPosix } from '../../src/files/to-posix.ts';
import { parseLog } from '../../src/parse/parse-log.ts';
import type { ReadSettings } from '../../src/parse/read-settings.ts';
import { refusedRecord } from '../../src/parse/refused-record.ts';
import { openRecordIndex, type RecordIndexOptions } from '../../src/record-index/open-record-index.ts';
import { withoutImageWarnings, type LogParser } from '../../src/record-index/log-parser.ts';
import { readLog } from '../../src/parse/read-log.ts';
import { defaultTreeParser, logTreeBuilder } from '../../src/parse/log-tree.ts';
import type { IndexedLog } from '../../src/record-index/record-index.ts';
import type { FieldChoice, RecordField } from '../../src/record-index/record-columns.ts';
import type { LogRecord } from '../../src/record/schema.ts';

export interface Project {
  root: string;
  logs: string;
  cache: string;
}

/** A project with `count` generated logs under logs/ (plus any `extra` files), and its cache folder's path (not made). */
export async function project(count = 12, extra: Record<string, string> = {}): Promise<Project> {
  const root = await mkdtemp(path.join(tmpdir(), 'nisshi-index-'));
  const logs = path.join(root, 'logs');
  await mkdir(logs);
  for (const log of generateLogs(count, { seed: 7, startDate: '2024-03-01' })) await writeFile(path.join(logs, log.path), log.text);
  for (const [name, text] of Object.entries(extra)) {
    await mkdir(path.dirname(path.join(logs, name)), { recursive: true });
    await writeFile(path.join(logs, name), text);
  }
  return { root, logs, cache: path.join(root, 'cache') };
}

export function countingParser(): LogParser & { calls: string[] } {
  const calls: string[] = [];
  const parse: LogParser = (text, source, settings, includePrivate, images) => {
    calls.push(source);
    const read = readLog(text, { path: source, settings, includePrivate, images: images ?? { logsDir: '', exists: () => true } }, logTreeBuilder(defaultTreeParser(), source));
    return { record: images ? read.record : withoutImageWarnings(read.record), images: read.images.map(({ url, line, column }) => ({ url, line, column })) };
  };
  return Object.assign(parse, { calls });
}

export interface Reading {
  logs: Array<IndexedLog<LogRecord>>;
  parsed: string[];
  fromIndex: number;
  counts: { parsed: number; fromIndex: number; read: number };
  notices: string[];
}

/** One command's worth: open the index, read every log of the project, close it. */
export async function readAll(where: Project, options: Partial<RecordIndexOptions> = {}, fields: FieldChoice = 'all'): Promise<Reading> {
  const parser = countingParser();
  const notices: string[] = [];
  const index = await openRecordIndex({ folder: where.cache, settings: { messages: 'en' }, notice: (line) => notices.push(line), parse: parser, ...options });
  const files = await findLogFiles(['logs'], where.root);
  const logs: Array<IndexedLog<LogRecord>> = [];
  for await (const log of index.read(files, fields as 'all')) logs.push(log as IndexedLog<LogRecord>);
  await index.close();
  return { logs, parsed: parser.calls, fromIndex: index.counts.fromIndex, counts: { ...index.counts }, notices };
}

/** The records as they are without any index: read and parsed now. */
export function freshRecords(files: readonly LogFile[], settings: ReadSettings = { messages: 'en' }): LogRecord[] {
  return files.map((file) => {
    const content = readLogFileSync(file);
    const source = toPosix(file.displayPath);
    if (content.refusal) return refusedRecord(source, [content.refusal]);
    return withEncodingError(parseLog(content.text, { path: source, settings }), content);
  });
}
