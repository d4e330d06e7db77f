/**
 * A log's Markdown as HTML for its page. Our own unified pipeline rather than
 * Astro's renderer, so the site decides what is sanitised and highlighted:
 *
 *   remark-parse → remark-gfm → remark-rehype → rehype-sanitize (unless raw
 *   HTML is allowed) → data:-image check → heading ids → line anchors →
 *   links to other logs → problem cards and the figures table (from the
 *   record) → images beside the log → checkbox names and focusable code
 *   blocks → carried sections folded → rehype-highlight → rehype-stringify
 *
 * Sanitising comes first on purpose: everything after it adds only what we
 * compute (ids, highlight spans), so the schema needs nothing beyond GitHub's.
 */
import type { Root as MdastRoot } from 'mdast';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { readFrontmatter, type Frontmatter } from '../parse/frontmatter.ts';
import { bodyAfter, readLog } from '../parse/read-log.ts';
import { remarkTree } from '../parse/remark-tree.ts';
import { logSourceText } from '../parse/tree-parity.ts';
import type { VocabularyOverrides } from '../parse/vocabulary.ts';
import { rehypeCarriedSections } from './carried-sections.ts';
import { rehypeAccessibleParts } from './accessible-parts.ts';
import { rehypeHeadingIds, type RenderedHeading } from './heading-ids.ts';
import { rehypeHighlightNamedCode } from './highlight-code.ts';
import { rehypeLineAnchors } from './line-anchors.ts';
import { rehypeLogImages } from './log-images.ts';
import { rehypeLogLinks } from './log-links.ts';
import { rehypeProblemCards, type LogShape } from './problem-cards.ts';
import { dropUnsafeDataImages, sanitizeSchema } from './sanitize-schema.ts';
import { remarkWrapTree, wrappedTreeHandlers } from './wrapped-tree.ts';

export type { RenderedHeading } from './heading-ids.ts';

export interface RenderOptions {
  /**
   * Pass raw HTML in the Markdown through as written, unsanitised: for a writer
   * who trusts every log (they are all their own) and wants <details>, <br> …
   * Off, the HTML is sanitised and raw HTML in the Markdown is dropped.
   */
  allowRawHtml: boolean;
  /** Private heading words (settings privateHeadings); private notes are never rendered (src/parse/private-notes.ts). */
  privateHeadings?: readonly string[] | undefined;
  /** Lines to give an anchor (id="L31"): the lines a review links to (line-anchors.ts). */
  anchorLines?: Iterable<number> | undefined;
  /** The log's path (its record's source): a relative link to another log's file then points to that log's page (log-links.ts). */
  path?: string | undefined;
  /** The log's record: its problems become cards and its closing figures a table (src/render/problem-cards.ts). */
  record?: LogShape | undefined;
  /** The writer's words, for problem parts labelled without bold. */
  vocabulary?: VocabularyOverrides | undefined;
  /** The images beside the log, checked (src/parse/images.ts): those that are there go to Astro's image pipeline. */
  images?: ReadonlyArray<{ url: string; ok: boolean }> | undefined;
  /** The record's carried items, done and in all (stats' checklistCounts): the folded carried section's count (carried-sections.ts). */
  carriedCount?: { done: number; total: number } | undefined;
}

export interface RenderedLogBody {
  html: string;
  /** Every heading of the writer's, in order, with the id it got: Astro's `MarkdownHeading`. */
  headings: RenderedHeading[];
  /** Images beside the log marked for Astro's image pipeline (paths as written, relative to the log). */
  imagePaths: string[];
}

/** The labels GFM footnotes get, in the language of the site. */
const footnoteLabels = {
  footnoteLabel: '脚注',
  footnoteBackLabel: (referenceIndex: number, rereferenceIndex: number) =>
    `本文の参照 ${referenceIndex + 1}${rereferenceIndex > 1 ? `-${rereferenceIndex}` : ''} に戻る`,
};

function createProcessor(allowRawHtml: boolean) {
  const toHast = unified()
    .use(remarkParse)
    .use(remarkGfm)
    // The tree goes to remark-rehype wrapped, so its walk of every node is skipped (wrapped-tree.ts).
    .use(remarkWrapTree)
    .use(remarkRehype, { ...footnoteLabels, allowDangerousHtml: allowRawHtml, handlers: wrappedTreeHandlers });
  const safe = allowRawHtml ? toHast : toHast.use(rehypeSanitize, sanitizeSchema).use(() => dropUnsafeDataImages);
  return safe
    .use(rehypeHeadingIds)
    .use(rehypeLineAnchors)
    .use(rehypeLogLinks)
    .use(rehypeProblemCards)
    .use(rehypeLogImages)
    .use(rehypeAccessibleParts)
    .use(rehypeCarriedSections)
    // Only fenced code that names its language: guessing the language is slow and often wrong.
    .use(rehypeHighlightNamedCode, { detect: false })
    .use(rehypeStringify, { allowDangerousHtml: allowRawHtml })
    .freeze();
}

type LogBodyProcessor = ReturnType<typeof createProcessor>;

/** Built on first use and then shared: building one costs more than rendering a log. */
const processors = new Map<boolean, LogBodyProcessor>();

function processorFor(allowRawHtml: boolean): LogBodyProcessor {
  let processor = processors.get(allowRawHtml);
  if (!processor) {
    processor = createProcessor(allowRawHtml);
    processors.set(allowRawHtml, processor);
  }
  return processor;
}

/**
 * The log's body as HTML, without its frontmatter (which is data, not text to
 * show), read as `nisshi parse` reads it: its record arranges the page (problem
 * cards, the figures table) unless one is given.
 */
export async function renderLogBody(markdown: string, options: RenderOptions): Promise<RenderedLogBody> {
  // Private notes blanked as readLog blanks them, on the same reading: a page never shows one.
  const read = readLog(markdown, { path: options.path ?? 'log.md', settings: { privateHeadings: options.privateHeadings, vocabulary: options.vocabulary } }, remarkTree);
  if (read.tree === null) return { html: '', headings: [], imagePaths: [] };
  return renderMarkdownTree(read.tree, { ...options, record: options.record ?? read.record });
}

/**
 * The Markdown tree remark-parse + remark-gfm make of `markdown`: the same
 * tree nisshi's parser reads, so one parse can serve both the record and the page.
 */
export function parseMarkdown(markdown: string): MdastRoot {
  return remarkTree(markdown);
}

/** HTML for a tree from {@link parseMarkdown} (of a body without frontmatter). The tree is not changed. */
export async function renderMarkdownTree(tree: MdastRoot, options: RenderOptions): Promise<RenderedLogBody> {
  const processor = processorFor(options.allowRawHtml);
  const file = new VFile();
  if (options.anchorLines) file.data.anchorLines = new Set(options.anchorLines);
  if (options.path) file.data.logPath = options.path;
  if (options.record) file.data.logShape = options.record;
  file.data.vocabulary = options.vocabulary;
  if (options.images) file.data.logImages = options.images;
  if (options.carriedCount) file.data.carriedCount = options.carriedCount;
  const hast = await processor.run(tree, file);
  return { html: processor.stringify(hast, file), headings: file.data.headings ?? [], imagePaths: file.data.imagePaths ?? [] };
}

/**
 * The Markdown after the frontmatter, as Astro's glob() loader stores an
 * entry's `body`. Pass the frontmatter when it has been read already.
 */
export function markdownBody(markdown: string, frontmatter?: Frontmatter): string {
  const text = logSourceText(markdown);
  return bodyAfter(text, (frontmatter ?? readFrontmatter(text)).lineCount);
}
