/**
 * rehype-highlight, run only over a tree that has something for it to do.
 *
 * With `detect: false` it highlights only `<pre><code class="language-…">`
 * (or `lang-…`): fenced code that names its language. Most logs have none, yet
 * the plugin walks every element of every log with unist-util-visit, which
 * made it the dearest pass of a first build (a third of rendering a 1 KB log).
 * A plain walk that stops at the first such block decides whether to run it;
 * what it does then is rehype-highlight's own.
 */
import type { Element, Root, RootContent } from 'hast';
import rehypeHighlight, { type Options } from 'rehype-highlight';
import type { VFile } from 'vfile';

export function rehypeHighlightNamedCode(options: Options & { detect: false }) {
  const highlight = rehypeHighlight(options);
  return (tree: Root, file: VFile): void => {
    if (hasNamedCode(tree.children)) highlight(tree, file);
  };
}

/** Whether any `<pre>` holds a `<code>` whose class names a language, as rehype-highlight reads it. */
export function hasNamedCode(nodes: readonly RootContent[]): boolean {
  for (const node of nodes) {
    if (node.type !== 'element') continue;
    if (node.tagName === 'pre' && node.children.some((child) => child.type === 'element' && child.tagName === 'code' && namesLanguage(child))) return true;
    if (hasNamedCode(node.children)) return true;
  }
  return false;
}

function namesLanguage(code: Element): boolean {
  const classes = code.properties.className;
  return Array.isArray(classes) && classes.some((value) => String(value).startsWith('language-') || String(value).startsWith('lang-'));
}
