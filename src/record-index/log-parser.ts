/** What the record index reads a log with when the index does not hold its record. */
import type { ImageCheck, LogImage } from '../parse/images.ts';
import type { ReadSettings } from '../parse/read-settings.ts';
import type { LogRecord } from '../record/schema.ts';

/** A log read: its record, and the images beside it that its public text names (what `missing-image` is decided on). */
export interface ParsedLog {
  record: LogRecord;
  images: LogImage[];
}

/**
 * Reads a log's text into its record, checking the images beside it when
 * `images` is given (readLog); tests pass one that counts.
 */
export type LogParser = (text: string, source: string, settings: ReadSettings, includePrivate: boolean, images: ImageCheck | undefined) => ParsedLog;

/** Asked of no file: the images a log names are listed, and their `missing-image` warnings left to the reader. */
const LIST_ONLY: ImageCheck = { logsDir: '', exists: () => true };

/** The parser is loaded only when a log needs parsing: a morning with every log in the index never loads it. */
export async function defaultParser(): Promise<LogParser> {
  const [{ readLog }, { defaultTreeParser, logTreeBuilder }] = await Promise.all([import('../parse/read-log.ts'), import('../parse/log-tree.ts')]);
  return (text, source, settings, includePrivate, images) => {
    const read = readLog(text, { path: source, settings, includePrivate, images: images ?? LIST_ONLY }, logTreeBuilder(defaultTreeParser(), source));
    const record = images ? read.record : withoutImageWarnings(read.record);
    return { record, images: read.images.map(({ url, line, column }) => ({ url, line, column })) };
  };
}

/** The record without its `missing-image` warnings: the index keeps records so, and a reader adds them as the images are now. */
export function withoutImageWarnings(record: LogRecord): LogRecord {
  return { ...record, diagnostics: record.diagnostics.filter((diagnostic) => diagnostic.rule !== 'missing-image') };
}
