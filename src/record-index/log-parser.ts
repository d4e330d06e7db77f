/** What the record index reads a log with when the index does not hold its record. */
import type { ReadSettings } from '../parse/read-settings.ts';
import type { LogRecord } from '../record/schema.ts';

/** Reads a log's text into its record (parseLog); tests pass one that counts. */
export type LogParser = (text: string, source: string, settings: ReadSettings, includePrivate: boolean) => LogRecord;

/** The parser is loaded only when a log needs parsing: a morning with every log in the index never loads remark. */
export async function defaultParser(): Promise<LogParser> {
  const { parseLog } = await import('../parse/parse-log.ts');
  return (text, source, settings, includePrivate) => parseLog(text, { path: source, settings, includePrivate });
}
