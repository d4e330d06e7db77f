/**
 * One log's record and HTML from a single Markdown parse: readLog (the same
 * reading `nisshi parse` does) over Sätteri's tree, and that tree rendered.
 * When Sätteri throws on a log, the log is read by remark instead and the
 * loader warns, naming the file: never a silent fallback.
 */
import { writeLogBody } from '../files/log-bodies.ts';
import { pageSlug } from '../parse/pages.ts';
import { readLog, type ReadSettings, type TreeBuilder } from '../parse/read-log.ts';
import { satteriMisreadsMarkdown } from '../parse/tree-parity.ts';
import { diagnose } from '../record/rules.ts';
import type { LogRecord } from '../record/schema.ts';
import { renderMarkdownTree, type RenderedHeading } from '../render/index.ts';
import { markdownTreeParser, remarkParser, type MarkdownTreeParser } from './markdown-tree.ts';

export interface ProcessOptions {
  /** Relative to the project root, with `/`: names the record (source, slug) and may carry its date. */
  path: string;
  /** What changes a log's meaning (vocabulary …): the site's settings, passed along. */
  settings?: ReadSettings | undefined;
  allowRawHtml: boolean;
  /** False when only the record is wanted (the body of this text is on disk already): html '' and no headings. */
  render?: boolean;
  /**
   * Where to write the rendered body (src/files/log-bodies.ts) instead of
   * returning it: html is '' in the result then. On a worker thread the HTML
   * is written there and never sent back to the main thread. A log that will
   * not be published (a draft, or one with an error) is then not rendered at
   * all: no page shows it, and its text is not kept on disk.
   */
  writeBody?: { folder: string; digest: string };
}

export interface ProcessedLog {
  record: LogRecord;
  html: string;
  headings: RenderedHeading[];
  /** Said about reading this log that is not about the writer's text (a parser fallback), for the build's output. */
  notices: string[];
}

/**
 * The site's tree builder: Sätteri's tree, except for the few constructs it
 * reads against CommonMark (src/parse/tree-parity.ts lists them) and when it
 * throws; then remark's, with a notice naming the file for a failure.
 */
export function siteTreeBuilder(parser: MarkdownTreeParser, path: string, notices: string[]): TreeBuilder {
  return (markdown) => {
    if (parser.name === 'remark' || satteriMisreadsMarkdown(markdown)) return remarkParser.parse(markdown);
    try {
      return parser.parse(markdown);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      notices.push(`${path}: Sätteri could not parse this log (${reason}); it was read with remark instead, as \`nisshi parse\` reads it`);
      return remarkParser.parse(markdown);
    }
  };
}

/** Never throws: what cannot be read or rendered becomes an error diagnostic on the record. */
export async function processLog(text: string, options: ProcessOptions, parser?: MarkdownTreeParser): Promise<ProcessedLog> {
  const notices: string[] = [];
  const buildTree = siteTreeBuilder(parser ?? (await markdownTreeParser()), options.path, notices);
  const { record, tree } = readLog(text, { path: options.path, settings: options.settings }, buildTree);
  const unpublished = options.writeBody !== undefined && (pageSlug(record) === null || record.diagnostics.some((diagnostic) => diagnostic.severity === 'error'));
  if (tree === null || options.render === false || unpublished) return { record, html: '', headings: [], notices };
  try {
    const { html, headings } = await renderMarkdownTree(tree, { allowRawHtml: options.allowRawHtml });
    if (!options.writeBody) return { record, html, headings, notices };
    writeLogBody(options.writeBody.folder, options.writeBody.digest, { html, headings });
    return { record, html: '', headings, notices };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    record.diagnostics.push(diagnose('render-error', 1, 1, { reason }));
    return { record, html: '', headings: [], notices };
  }
}
