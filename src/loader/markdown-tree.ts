/**
 * The Markdown tree the site reads a log from: the same as `nisshi parse`
 * (src/parse/log-tree.ts), Sätteri's with remark where it must. Loaded here
 * by a dynamic import, as Astro's module runner prefers for a native module;
 * remark is used when Sätteri cannot be loaded, or when
 * NISSHI_MARKDOWN_PARSER=remark (to rule Sätteri out when a log looks wrong).
 *
 * Same tree means: every record equal to `nisshi parse`'s. Both go through
 * readLog, and where the two parsers place a node differently
 * src/parse/tree-parity.ts settles it; tests/parser/parity.test.ts runs
 * thousands of seeded inputs through both and requires identical records.
 */
import type { Root } from 'mdast';
import { remarkParser, type MarkdownTreeParser } from '../parse/log-tree.ts';

export { remarkParser, type MarkdownTreeParser } from '../parse/log-tree.ts';

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
