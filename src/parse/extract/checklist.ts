/**
 * Checklist: GFM task items (`- [x]`, `- [ ]`) and lines that start with a
 * done / not-done mark (✅ ❌ …), anywhere in the log.
 */
import type { Nodes } from 'mdast';
import type { ChecklistItem } from '../../record/schema.ts';
import { itemLines, joinLines, lineOf, type LogContext } from '../context.ts';
import { sectionOf } from '../outline.ts';
import { readMark, withoutMark } from './marks.ts';
import { isReviewItem } from './review-items.ts';

export function extractChecklist(context: LogContext): ChecklistItem[] {
  const items: ChecklistItem[] = [];
  for (const block of context.outline.blocks) {
    const section = sectionOf(block.trail);
    const visit = (node: Nodes): void => {
      if (node.type === 'listItem' && typeof node.checked === 'boolean') {
        // A learning brought back under ## 復習 is a review, not one of the day's tasks.
        if (isReviewItem(node, block.trail, context)) return;
        const text = withoutMark(joinLines(itemLines(node, context))).text;
        if (text) items.push({ text, done: node.checked, section, line: lineOf(node) });
        // The item's own paragraph is read; its nested items may be tasks of their own.
        node.children.slice(1).forEach(visit);
        return;
      }
      if (node.type === 'paragraph') {
        for (const line of context.linesOf(node)) {
          const marked = readMark(line.text);
          if (marked?.text) items.push({ text: marked.text, done: marked.done, section, line: line.line });
        }
        return;
      }
      if (node.type === 'list' || node.type === 'listItem' || node.type === 'blockquote' || node.type === 'footnoteDefinition') {
        node.children.forEach(visit);
      }
    };
    visit(block.node);
  }
  return items;
}
