/**
 * One log's record and HTML from a single Markdown parse: readLog over the
 * same tree `nisshi parse` reads (Sätteri's, remark's where it must:
 * src/parse/log-tree.ts), and that tree rendered. When Sätteri throws on a
 * log, the log is read by remark instead and the loader warns, naming the
 * file: never a silent fallback.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { writeLogBody } from '../files/log-bodies.ts';
import { recordExtras, recordLists } from '../record/stored-record.ts';
import { pageSlug } from '../parse/draft.ts';
import type { Root } from 'mdast';
import { checkImages, logImages, type CheckedImage, type ImageCheck, type LogImage } from '../parse/images.ts';
import { logTreeBuilder, type TreeBuilder } from '../parse/log-tree.ts';
import { readLog, readLogTree, type ReadSettings } from '../parse/read-log.ts';
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
  /**
   * Check the images beside the log on disk (`missing-image`) and hand those that
   * are there to Astro's image pipeline: the logs folder and the project root,
   * the folder `path` is relative to. Left out (tests), images are left as written.
   */
  images?: { logsDir: string; rootDir: string } | undefined;
  /**
   * The record the record index holds for this very text, and the images its
   * text names: then only the body is rendered (when asked), not read again.
   */
  known?: { record: LogRecord; images: LogImage[] } | undefined;
}

export interface ProcessedLog {
  record: LogRecord;
  html: string;
  headings: RenderedHeading[];
  /** Images beside the log for Astro's image pipeline, as written (relative to the log). */
  imagePaths: string[];
  /** The images beside the log its public text names (what `missing-image` is decided on), for the record index. */
  images: LogImage[];
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
  const { record, tree, images } = options.known ? knownRecord(text, options, options.known, buildTree) : readLog(text, { path: options.path, settings: options.settings, images: imageCheck(options) }, buildTree);
  const named = options.known?.images ?? (tree ? logImages(tree) : []);
  const unpublished = options.writeBody !== undefined && (pageSlug(record) === null || record.diagnostics.some((diagnostic) => diagnostic.severity === 'error'));
  if (tree === null || options.render === false || unpublished) return { record, html: '', headings: [], imagePaths: [], images: named, notices };
  try {
    const rendered = await renderMarkdownTree(tree, {
      allowRawHtml: options.allowRawHtml,
      record,
      vocabulary: options.settings?.vocabulary,
      images: options.images ? images : undefined,
      // The lines a week's or month's review links to get an anchor (#L31).
      anchorLines: linkedLines(record),
      path: options.path,
      // The folded carried section counts as the page's summary does.
      carriedCount: checklistCounts(record).carried,
    });
    const { html, headings, imagePaths } = rendered;
    // A body with images beside the log stays with the record: Astro's image pipeline resolves its markers at render().
    if (!options.writeBody || imagePaths.length > 0) return { record, html, headings, imagePaths, images: named, notices };
    // The parts of the record the store leaves out go with the body (src/record/stored-record.ts).
    writeLogBody(options.writeBody.folder, options.writeBody.digest, { html, headings, lists: recordLists(record), extras: recordExtras(record) });
    return { record, html: '', headings, imagePaths, images: named, notices };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    record.diagnostics.push(diagnose('render-error', 1, 1, { reason }));
    return { record, html: '', headings: [], imagePaths: [], images: named, notices };
  }
}

/**
 * The tree of a log whose record the index gave, and its images checked as
 * readLog would check them; read in full (as readLog) should building the
 * tree fail.
 */
function knownRecord(text: string, options: ProcessOptions, known: { record: LogRecord; images: LogImage[] }, buildTree: TreeBuilder): { record: LogRecord; tree: Root | null; images: CheckedImage[] } {
  const reading = { path: options.path, settings: options.settings };
  const check = imageCheck(options);
  try {
    const tree = readLogTree(text, reading, buildTree);
    return { record: known.record, tree, images: check && tree ? checkImages(known.images, options.path, check) : [] };
  } catch {
    return readLog(text, { ...reading, images: check }, buildTree);
  }
}

/** The file system's answer for the images beside a log: paths relative to the project root, as the log's path is. */
export function imageCheck(options: Pick<ProcessOptions, 'images'>): ImageCheck | undefined {
  if (!options.images) return undefined;
  const { rootDir, logsDir } = options.images;
  return {
    logsDir,
    exists: (filePath) => statSync(path.resolve(rootDir, filePath), { throwIfNoEntry: false })?.isFile() ?? false,
  };
}
