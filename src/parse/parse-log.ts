/**
 * parseLog: the plain-function face of the parser. Text in, record out, read
 * by readLog over remark's tree; it never throws — whatever it cannot read
 * becomes a diagnostic.
 */
import type { LogRecord } from '../record/schema.ts';
import { readLog, type ReadSettings } from './read-log.ts';
import { remarkTree } from './remark-tree.ts';
import type { VocabularyOverrides } from './vocabulary.ts';

export interface ParseLogOptions {
  /** The log's path, as given: it names the record (source, slug) and may carry its date. */
  path: string;
  /** Heading names and labels to use instead of (parts of) the defaults. */
  vocabulary?: VocabularyOverrides | undefined;
  /** The site's settings (vocabulary and the like); `vocabulary` above wins when both are given. */
  settings?: ReadSettings | undefined;
  /** Keep private notes (`nisshi parse --include-private`); the site never does. */
  includePrivate?: boolean | undefined;
}

export function parseLog(text: string, options: ParseLogOptions): LogRecord {
  const settings = options.vocabulary ? { ...options.settings, vocabulary: options.vocabulary } : options.settings;
  return readLog(text, { path: options.path, settings, includePrivate: options.includePrivate }, remarkTree).record;
}
