/**
 * The mdast tree remark-parse + remark-gfm make of a log's Markdown: the tree
 * builder of `nisshi parse` / `check` / `new`, and the site's fallback when
 * Sätteri cannot read a log.
 */
import { createRequire } from 'node:module';
import type { Root } from 'mdast';
import type { Processor } from 'unified';

let shared: Processor<Root> | null = null;

export function remarkTree(markdown: string): Root {
  shared ??= remarkProcessor();
  return shared.parse(markdown);
}

/**
 * unified, remark-parse and remark-gfm, loaded the first time a log needs
 * them: Sätteri reads most logs, and remark with its extensions (micromark,
 * mdast-util-gfm and the mdast-util-to-markdown it brings) is two thirds of
 * the parser's modules — what a command that parses one edited log waited
 * for. Node 24 requires these ES modules synchronously.
 */
function remarkProcessor(): Processor<Root> {
  const require = createRequire(import.meta.url);
  const { unified } = require('unified') as typeof import('unified');
  const remarkParse = (require('remark-parse') as typeof import('remark-parse')).default;
  const remarkGfm = (require('remark-gfm') as typeof import('remark-gfm')).default;
  return unified().use(remarkParse).use(remarkGfm).freeze() as unknown as Processor<Root>;
}
