/**
 * rehype-highlight, run only over the blocks it has something to do with.
 *
 * With `detect: false` it highlights only `<pre><code class="language-…">`
 * (or `lang-…`): fenced code that names its language. Over a whole page it
 * walks every element with unist-util-visit, which keeps each node's
 * ancestors: that walk, not the highlighting, was the dearest pass of
 * rendering a log (200 µs of a 1 KB log's 800). A plain walk finds the blocks;
 * each is then highlighted by rehype-highlight itself, as a tree of its own.
 */
import type { Element, Root, RootContent } from 'hast';
import rehypeHighlight, { type Options } from 'rehype-highlight';
import type { VFile } from 'vfile';

export function rehypeHighlightNamedCode(options: Options & { detect: false }) {
  const highlight = rehypeHighlight(options);
  return (tree: Root, file: VFile): void => {
    // Each block is handed to rehype-highlight on its own, as the root of a tree of one.
    for (const pre of namedCodeBlocks(tree.children)) highlight({ type: 'root', children: [pre] }, file);
  };
}

/** Every `<pre>` that holds a `<code>` whose class names a language, in document order (none inside another). */
export function namedCodeBlocks(nodes: readonly RootContent[], found: Element[] = []): Element[] {
  for (const node of nodes) {
    if (node.type !== 'element') continue;
    if (node.tagName === 'pre' && node.children.some((child) => child.type === 'element' && child.tagName === 'code' && namesLanguage(child))) found.push(node);
    else namedCodeBlocks(node.children, found);
  }
  return found;
}

function namesLanguage(code: Element): boolean {
  const classes = code.properties.className;
  return Array.isArray(classes) && classes.some((value) => String(value).startsWith('language-') || String(value).startsWith('lang-'));
}
