/**
 * One log's record and HTML from a single Markdown parse. Parsing is most of
 * the cost of a log, and parseLog and renderLogBody would each parse the same
 * text: here the tree parseLog would build is built once (by Sätteri when it
 * is there, see markdown-tree.ts), read by the parser's extractor and rendered.
 *
 * This repeats parseLog's few lines of glue (BOM, frontmatter, VFile) on
 * purpose; tests/loader/process-log.test.ts checks that the record is exactly
 * parseLog's, so the site and `nisshi parse` can never disagree about a log.
 */
import type { Root } from 'mdast';
import { VFile } from 'vfile';
import { blankFrontmatter, readFrontmatter } from '../parse/frontmatter.ts';
import { parseLog } from '../parse/parse-log.ts';
import { inputLimitDiagnostic, resolveLimits, type InputLimits } from '../parse/limits.ts';
import { extractLog } from '../parse/plugin.ts';
import { isRefused, refusedRecord } from '../parse/refused-record.ts';
import { resolveVocabulary, type Vocabulary } from '../parse/vocabulary.ts';
import type { LogRecord } from '../record/schema.ts';
import { markdownBody, parseMarkdown, renderMarkdownTree, type RenderedHeading } from '../render/index.ts';
import { markdownTreeParser, type MarkdownTreeParser } from './markdown-tree.ts';

export interface ProcessOptions {
  /** Relative to the project root, with `/`: names the record (source, slug) and may carry its date. */
  path: string;
  vocabulary?: Partial<Vocabulary>;
  allowRawHtml: boolean;
  /** Size and nesting limits from the settings; the defaults when left out. */
  limits?: Partial<InputLimits>;
}

export interface ProcessedLog {
  record: LogRecord;
  /** The Markdown after the frontmatter: the entry's `body`. */
  body: string;
  html: string;
  headings: RenderedHeading[];
}

/** Resolved vocabularies by their JSON: workers receive a fresh copy of the options with every log. */
const vocabularies = new Map<string, Vocabulary>();

function vocabularyFor(partial: Partial<Vocabulary> | undefined): Vocabulary {
  const key = JSON.stringify(partial ?? {});
  let vocabulary = vocabularies.get(key);
  if (!vocabulary) {
    vocabulary = resolveVocabulary(partial);
    vocabularies.set(key, vocabulary);
  }
  return vocabulary;
}

/** A log Sätteri cannot read is read by remark: the same tree, only slower. */
function parseTree(parser: MarkdownTreeParser, markdown: string): Root {
  if (parser.name === 'remark') return parser.parse(markdown);
  try {
    return parser.parse(markdown);
  } catch {
    return parseMarkdown(markdown);
  }
}

/** Never throws: what cannot be read or rendered becomes an error diagnostic on the record. */
export async function processLog(text: string, options: ProcessOptions): Promise<ProcessedLog> {
  let record: LogRecord;
  let body: string;
  let tree: Root;
  try {
    const parser = await markdownTreeParser();
    const clean = text.replace(/^\ufeff/, '');
    const limits = resolveLimits(options.limits);
    const refusal = inputLimitDiagnostic(clean, limits);
    if (refusal) return { record: refusedRecord(options.path, [refusal]), body: '', html: '', headings: [] };
    const frontmatter = readFrontmatter(clean);
    const file = new VFile({ value: clean, path: options.path || undefined });
    file.data.nisshiFrontmatter = frontmatter;
    const markdown = blankFrontmatter(clean, frontmatter);
    tree = parseTree(parser, markdown);
    record = extractLog(tree, file, vocabularyFor(options.vocabulary), limits);
    record.source = options.path;
    // A tree nested too deep is not walked by the renderer either.
    if (isRefused(record)) return { record, body: '', html: '', headings: [] };
    body = markdownBody(clean, frontmatter);
  } catch {
    // parseLog turns the same failure into the record it reports for every unreadable log.
    return { record: parseLog(text, options), body: '', html: '', headings: [] };
  }
  try {
    const { html, headings } = await renderMarkdownTree(tree, { allowRawHtml: options.allowRawHtml });
    return { record, body, html, headings };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    record.diagnostics.push({
      severity: 'error',
      line: 1,
      column: 1,
      rule: 'internal-error',
      message: `nisshi could not render this log as HTML (${message}); please report this with the file`,
    });
    return { record, body, html: '', headings: [] };
  }
}
