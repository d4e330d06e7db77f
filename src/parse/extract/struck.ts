/**
 * Struck-through items: a list item whose own text is wholly struck through
 * (`- [ ] ~~テストを書く~~`) is a task or plan the writer gave up. Its text
 * stays in the checklist and plans as written (without the marks); this
 * module only records where such items are, so that plan chains can tell a
 * dropped plan (stats/plan-chains.ts).
 */
import type { Nodes, PhrasingContent } from 'mdast';
import type { LogContext } from '../context.ts';
import { lineOf } from '../context.ts';

/** A trailing aside after the struck text: "~~テスト~~（8/1 の計画）" is still wholly struck. */
const asideOnly = /^\s*(?:[（(][^（()）]*[)）]\s*)?$/u;

/** Whether an item's paragraph is struck through: only struck runs, blanks between them and a trailing aside. */
function isStruck(children: readonly PhrasingContent[]): boolean {
  let struck = false;
  for (const [index, child] of children.entries()) {
    if (child.type === 'delete') {
      struck = true;
    } else if (child.type === 'text') {
      const last = index === children.length - 1;
      if (last ? !asideOnly.test(child.value) : child.value.trim() !== '') return false;
    } else {
      return false;
    }
  }
  return struck;
}

/** The lines of the list items, anywhere in the log, whose own text is struck through; in document order. */
export function extractStruckLines(context: LogContext): number[] {
  const lines: number[] = [];
  const visit = (node: Nodes): void => {
    if (node.type === 'listItem') {
      const first = node.children[0];
      if (first?.type === 'paragraph' && isStruck(first.children)) lines.push(lineOf(node));
    }
    if (node.type === 'list' || node.type === 'listItem' || node.type === 'blockquote') node.children.forEach(visit);
  };
  for (const block of context.outline.blocks) visit(block.node);
  return lines;
}
