/**
 * One log's record and HTML from a single Markdown parse: readLog (the same
 * reading `nisshi parse` does) over Sätteri's tree, and that tree rendered.
 * When Sätteri throws on a log, the log is read by remark instead and the
 * loader warns, naming the file: never a silent fallback.
 */
import type { Root } from 'mdast';
import { readLog, readLogTree, type ReadSettings, type TreeBuilder } from '../parse/read-log.ts';
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
  /** The record the record index holds for this very text: then only the body is rendered, not read again. */
  record?: LogRecord | undefined;
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
  const { record, tree } = options.record ? knownRecord(text, options, options.record, buildTree) : readLog(text, { path: options.path, settings: options.settings }, buildTree);
  if (tree === null) return { record, html: '', headings: [], notices };
  try {
    const { html, headings } = await renderMarkdownTree(tree, { allowRawHtml: options.allowRawHtml });
    return { record, html, headings, notices };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    record.diagnostics.push(diagnose('render-error', 1, 1, { reason }));
    return { record, html: '', headings: [], notices };
  }
}

/** The tree of a log whose record the index gave; read in full (as readLog) should building it fail. */
function knownRecord(text: string, options: ProcessOptions, record: LogRecord, buildTree: TreeBuilder): { record: LogRecord; tree: Root | null } {
  const reading = { path: options.path, settings: options.settings };
  try {
    return { record, tree: readLogTree(text, reading, buildTree) };
  } catch {
    return readLog(text, reading, buildTree);
  }
}
