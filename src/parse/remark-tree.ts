/**
 * The mdast tree remark-parse + remark-gfm make of a log's Markdown: the tree
 * builder of `nisshi parse` / `check` / `new`, and the site's fallback when
 * Sätteri cannot read a log.
 */
import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified, type Processor } from 'unified';

let shared: Processor<Root> | null = null;

export function remarkTree(markdown: string): Root {
  shared ??= unified().use(remarkParse).use(remarkGfm).freeze() as unknown as Processor<Root>;
  return shared.parse(markdown);
}
