/**
 * parseLog: the plain-function face of the parser. Text in, record out, read
 * by readLog over the same tree the site reads (log-tree.ts: Sätteri's, with
 * remark where Sätteri misreads CommonMark); it never throws — whatever it
 * cannot read becomes a diagnostic.
 */
import type { LogRecord } from '../record/schema.ts';
import type { InputLimits } from './limits.ts';
import type { ImageCheck } from './images.ts';
import { readLog, type ReadSettings } from './read-log.ts';
import { defaultTreeParser, logTreeBuilder } from './log-tree.ts';
import type { VocabularyOverrides } from './vocabulary.ts';

export interface ParseLogOptions {
  /** The log's path, as given: it names the record (source, slug) and may carry its date. */
  path: string;
  /** Heading names and labels to use instead of (parts of) the defaults. */
  vocabulary?: VocabularyOverrides | undefined;
  /** Size and nesting limits (maxLogBytes, maxNesting); the defaults when left out. */
  limits?: Partial<InputLimits> | undefined;
  /** The site's settings (vocabulary, limits); `vocabulary` and `limits` above win when given. */
  settings?: ReadSettings | undefined;
  /** Keep private notes (`nisshi parse --include-private`); the site never does. */
  includePrivate?: boolean | undefined;
  /** Check the images beside the log (`missing-image`); the CLI passes its file system. */
  images?: ImageCheck | undefined;
}

export function parseLog(text: string, options: ParseLogOptions): LogRecord {
  const settings: ReadSettings = { ...options.settings };
  if (options.vocabulary) settings.vocabulary = options.vocabulary;
  if (options.limits?.maxLogBytes !== undefined) settings.maxLogBytes = options.limits.maxLogBytes;
  if (options.limits?.maxNesting !== undefined) settings.maxNesting = options.limits.maxNesting;
  return readLog(text, { path: options.path, settings, includePrivate: options.includePrivate, images: options.images }, logTreeBuilder(defaultTreeParser(), options.path)).record;
}
