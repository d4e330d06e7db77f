/**
 * One log's record and HTML from a single Markdown parse. Parsing is most of
 * the cost of a log (remark runs at about a megabyte a second), and parseLog
 * and renderLogBody would each parse the same text: here the tree parseLog
 * would build is built once, read by the parser's extractor and then rendered.
 *
 * This repeats parseLog's few lines of glue (BOM, frontmatter, VFile) on
 * purpose; tests/loader/process-log.test.ts checks that the record is exactly
 * parseLog's, so the site and `nisshi parse` can never disagree about a log.
 */
import { VFile } from 'vfile';
import { blankFrontmatter, readFrontmatter } from '../parse/frontmatter.ts';
import { parseLog } from '../parse/parse-log.ts';
import { extractLog } from '../parse/plugin.ts';
import { resolveVocabulary, type Vocabulary } from '../parse/vocabulary.ts';
import type { LogRecord } from '../record/schema.ts';
import { markdownBody, parseMarkdown, renderMarkdownTree, type RenderedHeading } from '../render/index.ts';

export interface ProcessOptions {
  /** Relative to the project root, with `/`: names the record (source, slug) and may carry its date. */
  path: string;
  vocabulary?: Partial<Vocabulary>;
  allowRawHtml: boolean;
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

/** Never throws: what cannot be read or rendered becomes an error diagnostic on the record. */
export async function processLog(text: string, options: ProcessOptions): Promise<ProcessedLog> {
  let record: LogRecord;
  let body: string;
  let tree: ReturnType<typeof parseMarkdown>;
  try {
    const clean = text.replace(/^\ufeff/, '');
    const frontmatter = readFrontmatter(clean);
    const file = new VFile({ value: clean, path: options.path || undefined });
    file.data.nisshiFrontmatter = frontmatter;
    tree = parseMarkdown(blankFrontmatter(clean, frontmatter));
    record = extractLog(tree, file, vocabularyFor(options.vocabulary));
    record.source = options.path;
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
