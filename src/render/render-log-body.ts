/**
 * A log's Markdown as HTML for its page. Our own unified pipeline rather than
 * Astro's renderer, so the site decides what is sanitised and highlighted:
 *
 *   remark-parse → remark-gfm → remark-rehype → rehype-sanitize (unless raw
 *   HTML is allowed) → data:-image check → heading ids → line anchors →
 *   links to other logs → task checkboxes named → carried sections folded →
 *   rehype-highlight → rehype-stringify
 *
 * Sanitising comes first on purpose: everything after it adds only what we
 * compute (ids, highlight spans), so the schema needs nothing beyond GitHub's.
 */
import type { Root as MdastRoot } from 'mdast';
import rehypeHighlight from 'rehype-highlight';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { readFrontmatter, type Frontmatter } from '../parse/frontmatter.ts';
import { DEFAULT_PRIVATE_HEADINGS } from '../parse/private-notes.ts';
import { bodyAfter, readVisible } from '../parse/read-log.ts';
import { remarkTree } from '../parse/remark-tree.ts';
import { logSourceText } from '../parse/tree-parity.ts';
import type { VocabularyOverrides } from '../parse/vocabulary.ts';
import { rehypeCarriedSections } from './carried-sections.ts';
import { rehypeHeadingIds, type RenderedHeading } from './heading-ids.ts';
import { rehypeLineAnchors } from './line-anchors.ts';
import { rehypeLogLinks } from './log-links.ts';
import { rehypeTaskCheckboxes } from './task-checkboxes.ts';
import { dropUnsafeDataImages, sanitizeSchema } from './sanitize-schema.ts';

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
  /** The writer's words (settings vocabulary): the carried sections (持ち越し) are folded after the goals (carried-sections.ts). */
  vocabulary?: VocabularyOverrides | undefined;
  /** The record's carried items, done and in all (stats' checklistCounts): the folded section's count. */
  carriedCount?: { done: number; total: number } | undefined;
}

export interface RenderedLogBody {
  html: string;
  /** Every heading of the writer's, in order, with the id it got: Astro's `MarkdownHeading`. */
  headings: RenderedHeading[];
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
    .use(remarkRehype, { ...footnoteLabels, allowDangerousHtml: allowRawHtml });
  const safe = allowRawHtml ? toHast : toHast.use(rehypeSanitize, sanitizeSchema).use(() => dropUnsafeDataImages);
  return safe
    .use(rehypeHeadingIds)
    .use(rehypeLineAnchors)
    .use(rehypeLogLinks)
    .use(rehypeTaskCheckboxes)
    .use(rehypeCarriedSections)
    // Only fenced code that names its language: guessing the language is slow and often wrong.
    .use(rehypeHighlight, { detect: false })
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

/** The log's body as HTML, without its frontmatter (which is data, not text to show). */
export async function renderLogBody(markdown: string, options: RenderOptions): Promise<RenderedLogBody> {
  const raw = logSourceText(markdown);
  // Private notes blanked as readLog blanks them, on the same reading: a page never shows one.
  const { tree } = readVisible(raw, readFrontmatter(raw), remarkTree, options.privateHeadings ?? DEFAULT_PRIVATE_HEADINGS);
  return renderMarkdownTree(tree, options);
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
  if (options.vocabulary) file.data.vocabulary = options.vocabulary;
  if (options.carriedCount) file.data.carriedCount = options.carriedCount;
  const hast = await processor.run(tree, file);
  return { html: processor.stringify(hast, file), headings: file.data.headings ?? [] };
}

/**
 * The Markdown after the frontmatter, as Astro's glob() loader stores an
 * entry's `body`. Pass the frontmatter when it has been read already.
 */
export function markdownBody(markdown: string, frontmatter?: Frontmatter): string {
  const text = logSourceText(markdown);
  return bodyAfter(text, (frontmatter ?? readFrontmatter(text)).lineCount);
}
