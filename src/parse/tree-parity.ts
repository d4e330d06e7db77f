/**
 * The one place where the two Markdown parsers nisshi uses (remark-parse +
 * remark-gfm for the CLI, Sätteri in the site's loader) are made to agree
 * before the extractors read their trees. tests/parser/parity.test.ts runs
 * thousands of seeded inputs through both and requires identical records;
 * every difference it ever found is listed and settled here.
 *
 * 1. A task item's paragraph. For `- [x] **学習時間**: 2時間` remark starts the
 *    paragraph at the `[x]` (column 3) when its first child is not plain text,
 *    and at the text after the checkbox when it is; Sätteri always starts it
 *    after the checkbox (column 7). The extractors read that start (inline.ts
 *    → figures.ts give a figure's column), so it is set to where the
 *    paragraph's first child starts: the writer's text, after the checkbox.
 */
import type { Nodes, Root } from 'mdast';

export function normalizeTree(tree: Root): Root {
  const stack: Nodes[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'listItem' && typeof node.checked === 'boolean') startTaskParagraphAtText(node);
    if ('children' in node) for (const child of node.children) stack.push(child as Nodes);
  }
  return tree;
}

function startTaskParagraphAtText(item: Extract<Nodes, { type: 'listItem' }>): void {
  const paragraph = item.children[0];
  if (paragraph?.type !== 'paragraph') return;
  const head = paragraph.children[0]?.position?.start;
  const start = paragraph.position?.start;
  if (!head || !start || head.offset === undefined || start.offset === undefined) return;
  if (head.offset > start.offset) paragraph.position!.start = { ...head };
}
