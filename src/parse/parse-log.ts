/**
 * parseLog: the plain-function face of remarkNisshi. Text in, record out; it
 * never throws — whatever it cannot read becomes a diagnostic.
 */
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified, type Processor } from 'unified';
import type { Root } from 'mdast';
import { VFile } from 'vfile';
import type { LogRecord } from '../record/schema.ts';
import { blankFrontmatter, readFrontmatter } from './frontmatter.ts';
import { extractLog, type NisshiOptions } from './plugin.ts';
import { inputLimitDiagnostic, resolveLimits } from './limits.ts';
import { refusedRecord } from './refused-record.ts';
import { resolveVocabulary, type Vocabulary } from './vocabulary.ts';

export interface ParseLogOptions extends NisshiOptions {
  /** The log's path, as given: it names the record (source, slug) and may carry its date. */
  path: string;
}

let sharedParser: Processor<Root> | null = null;

function parser(): Processor<Root> {
  sharedParser ??= unified().use(remarkParse).use(remarkGfm).freeze() as unknown as Processor<Root>;
  return sharedParser;
}

const vocabularies = new WeakMap<object, Vocabulary>();

export function parseLog(text: string, options: ParseLogOptions): LogRecord {
  const path = options.path;
  try {
    const clean = String(text ?? '').replace(/^\ufeff/, '');
    const limits = resolveLimits(options.limits);
    const refusal = inputLimitDiagnostic(clean, limits);
    if (refusal) return refusedRecord(path, [refusal]);
    const frontmatter = readFrontmatter(clean);
    const file = new VFile({ value: clean, path: path || undefined });
    file.data.nisshiFrontmatter = frontmatter;
    const tree = parser().parse(blankFrontmatter(clean, frontmatter));
    const record = extractLog(tree, file, vocabularyFor(options), limits);
    record.source = path;
    return record;
  } catch (error) {
    // A bug of ours must not lose the writer's log: report it against the file instead.
    const message = error instanceof Error ? error.message : String(error);
    return failedRecord(path, `nisshi could not read this log (${message}); please report this with the file`);
  }
}

function vocabularyFor(options: ParseLogOptions): Vocabulary {
  if (!options.vocabulary) return resolveVocabulary();
  let vocabulary = vocabularies.get(options.vocabulary);
  if (!vocabulary) {
    vocabulary = resolveVocabulary(options.vocabulary);
    vocabularies.set(options.vocabulary, vocabulary);
  }
  return vocabulary;
}

function failedRecord(path: string, message: string): LogRecord {
  return refusedRecord(path, [{ severity: 'error', message, line: 1, column: 1, rule: 'internal-error' }]);
}
