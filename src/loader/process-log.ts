/**
 * One log's record and HTML from a single Markdown parse: readLog over the
 * same tree `nisshi parse` reads (Sätteri's, remark's where it must:
 * src/parse/log-tree.ts), and that tree rendered. When Sätteri throws on a
 * log, the log is read by remark instead and the loader warns, naming the
 * file: never a silent fallback.
 */
import { logTreeBuilder, type TreeBuilder } from '../parse/log-tree.ts';
import { readLog, type ReadSettings } from '../parse/read-log.ts';
import { diagnose } from '../record/rules.ts';
import type { LogRecord } from '../record/schema.ts';
import { linkedLines, renderMarkdownTree, type RenderedHeading } from '../render/index.ts';
import { markdownTreeParser, type MarkdownTreeParser } from './markdown-tree.ts';

export interface ProcessOptions {
  /** Relative to the project root, with `/`: names the record (source, slug) and may carry its date. */
  path: string;
  /** What changes a log's meaning (vocabulary …): the site's settings, passed along. */
  settings?: ReadSettings | undefined;
  allowRawHtml: boolean;
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
  if (tree === null) return { record, html: '', headings: [], notices };
  try {
    // The lines a week's or month's review links to get an anchor (#L31).
    const { html, headings } = await renderMarkdownTree(tree, { allowRawHtml: options.allowRawHtml, anchorLines: linkedLines(record), path: options.path });
    return { record, html, headings, notices };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    record.diagnostics.push(diagnose('render-error', 1, 1, { reason }));
    return { record, html: '', headings: [], notices };
  }
}
