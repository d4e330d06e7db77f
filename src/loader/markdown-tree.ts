/**
 * The Markdown tree a log is read from. Sätteri (the native Markdown parser
 * Astro 7 ships, https://github.com/bruits/satteri) builds the same mdast as
 * remark-parse + remark-gfm about twenty times faster, and parsing is most of
 * what a log costs: with remark, 3,650 logs took the build 2.5 times as long
 * as a bare glob() build; with Sätteri they fit the 1.5× target.
 *
 * Same tree means: every record equal to parseLog's and every page equal to
 * renderLogBody's, which tests/loader/process-log.test.ts checks on the test
 * fixtures and generated logs (and was checked on 3,650 generated logs). The
 * one difference seen is the offset of a task item's paragraph, which neither
 * the extractors nor the HTML read.
 *
 * remark is used when Sätteri cannot be loaded, or when NISSHI_MARKDOWN_PARSER=remark
 * (to rule Sätteri out when a log looks wrong on the site but right in `nisshi parse`).
 */
import type { Root } from 'mdast';
import { parseMarkdown } from '../render/index.ts';

export interface MarkdownTreeParser {
  name: 'satteri' | 'remark';
  parse(markdown: string): Root;
}

const remark: MarkdownTreeParser = { name: 'remark', parse: parseMarkdown };

let chosen: Promise<MarkdownTreeParser> | null = null;

export function markdownTreeParser(): Promise<MarkdownTreeParser> {
  chosen ??= choose();
  return chosen;
}

async function choose(): Promise<MarkdownTreeParser> {
  if (process.env.NISSHI_MARKDOWN_PARSER === 'remark') return remark;
  try {
    const { markdownToMdast } = await import('satteri');
    // Frontmatter is blanked before parsing (as parseLog does); GFM is on by default, as remark-gfm is for us.
    const options = { features: { frontmatter: false } };
    return { name: 'satteri', parse: (markdown) => markdownToMdast(markdown, options) as Root };
  } catch {
    return remark;
  }
}
