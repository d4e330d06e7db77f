/**
 * One log's record and HTML from a single Markdown parse: readLog over the
 * same tree `nisshi parse` reads (Sätteri's, remark's where it must:
 * src/parse/log-tree.ts), and that tree rendered. When Sätteri throws on a
 * log, the log is read by remark instead and the loader warns, naming the
 * file: never a silent fallback.
 */
import { writeLogBody } from '../files/log-bodies.ts';
import { pageSlug } from '../parse/draft.ts';
import { logTreeBuilder, type TreeBuilder } from '../parse/log-tree.ts';
import { readLog, type ReadSettings } from '../parse/read-log.ts';
import { diagnose } from '../record/rules.ts';
import type { LogRecord } from '../record/schema.ts';
import { linkedLines, renderMarkdownTree, type RenderedHeading } from '../render/index.ts';
import { checklistCounts } from '../stats/checklist-counts.ts';
import { markdownTreeParser, type MarkdownTreeParser } from './markdown-tree.ts';

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

/** The site's tree builder: the one `nisshi parse` uses (src/parse/log-tree.ts), with its notices kept for the build's output. */
export function siteTreeBuilder(parser: MarkdownTreeParser, path: string, notices: string[]): TreeBuilder {
  return logTreeBuilder(parser, path, notices);
}

/** Never throws: what cannot be read or rendered becomes an error diagnostic on the record. */
export async function processLog(text: string, options: ProcessOptions, parser?: MarkdownTreeParser): Promise<ProcessedLog> {
  const notices: string[] = [];
  const buildTree = siteTreeBuilder(parser ?? (await markdownTreeParser()), options.path, notices);
  const { record, tree } = readLog(text, { path: options.path, settings: options.settings }, buildTree);
  const unpublished = options.writeBody !== undefined && (pageSlug(record) === null || record.diagnostics.some((diagnostic) => diagnostic.severity === 'error'));
  if (tree === null || options.render === false || unpublished) return { record, html: '', headings: [], notices };
  try {
    // The lines a week's or month's review links to get an anchor (#L31).
    const { html, headings } = await renderMarkdownTree(tree, {
      allowRawHtml: options.allowRawHtml,
      anchorLines: linkedLines(record),
      path: options.path,
      vocabulary: options.settings?.vocabulary,
      // The folded carried section counts as the page's summary does.
      carriedCount: checklistCounts(record).carried,
    });
    if (!options.writeBody) return { record, html, headings, notices };
    writeLogBody(options.writeBody.folder, options.writeBody.digest, { html, headings });
    return { record, html: '', headings, notices };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    record.diagnostics.push(diagnose('render-error', 1, 1, { reason }));
    return { record, html: '', headings: [], notices };
  }
}
