/**
 * The Markdown tree the site reads a log from. Sätteri (the native Markdown
 * parser Astro 7 ships, https://github.com/bruits/satteri) builds the same
 * mdast as remark-parse + remark-gfm about twenty times faster, and parsing is
 * most of what a log costs: with remark, 3,650 logs took the build 2.5 times
 * as long as a bare glob() build.
 *
 * Same tree means: every record equal to `nisshi parse`'s. Both trees go
 * through readLog, and where the two parsers place a node differently
 * src/parse/tree-parity.ts settles it; tests/parser/parity.test.ts runs
 * thousands of seeded inputs through both and requires identical records.
 *
 * remark is used when Sätteri cannot be loaded, when it fails on one log (the
 * loader then warns, naming the file), or when NISSHI_MARKDOWN_PARSER=remark
 * (to rule Sätteri out when a log looks wrong on the site but right in `nisshi parse`).
 */
import type { Root } from 'mdast';
import { remarkTree } from '../parse/remark-tree.ts';

export interface MarkdownTreeParser {
  name: 'satteri' | 'remark';
  parse(markdown: string): Root;
}

export const remarkParser: MarkdownTreeParser = { name: 'remark', parse: remarkTree };

let chosen: Promise<MarkdownTreeParser> | null = null;

export function markdownTreeParser(): Promise<MarkdownTreeParser> {
  chosen ??= choose();
  return chosen;
}

async function choose(): Promise<MarkdownTreeParser> {
  if (process.env.NISSHI_MARKDOWN_PARSER === 'remark') return remarkParser;
  try {
    const { markdownToMdast } = await import('satteri');
    // Frontmatter is blanked before parsing (readLog does it); GFM is on by default, as remark-gfm is for us.
    const options = { features: { frontmatter: false } };
    return { name: 'satteri', parse: (markdown) => markdownToMdast(markdown, options) as Root };
  } catch {
    return remarkParser;
  }
}
