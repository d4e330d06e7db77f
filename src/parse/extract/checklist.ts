/**
 * Checklist: GFM task items (`- [x]`, `- [ ]`) and lines that start with a
 * done / not-done mark (✅ ❌ …), anywhere in the log. Items carried over
 * from earlier days are marked so (carried.ts): they are not the day's own.
 */
import type { Nodes } from 'mdast';
import type { ChecklistItem } from '../../record/schema.ts';
import { itemLines, joinLines, lineOf, type LogContext } from '../context.ts';
import { sectionOf } from '../outline.ts';
import { carriedMark } from './carried.ts';
import { readMark, withoutMark } from './marks.ts';
import { isReviewItem } from './review-items.ts';

/** @param logDate the log's date, for the day a carried item's aside names (null when the log has none). */
export function extractChecklist(context: LogContext, logDate: string | null = null): ChecklistItem[] {
  const items: ChecklistItem[] = [];
  for (const block of context.outline.blocks) {
    const section = sectionOf(block.trail);
    const mark = (text: string) => carriedMark(text, block.trail, context.vocabulary, logDate);
    const visit = (node: Nodes): void => {
      if (node.type === 'listItem' && typeof node.checked === 'boolean') {
        // A learning brought back under ## 復習 is a review, not one of the day's tasks.
        if (isReviewItem(node, block.trail, context)) return;
        const text = withoutMark(joinLines(itemLines(node, context))).text;
        if (text) items.push({ text, done: node.checked, section, line: lineOf(node), carried: mark(text) });
        // The item's own paragraph is read; its nested items may be tasks of their own.
        node.children.slice(1).forEach(visit);
        return;
      }
      if (node.type === 'paragraph') {
        for (const line of context.linesOf(node)) {
          const marked = readMark(line.text);
          if (marked?.text) items.push({ text: marked.text, done: marked.done, section, line: line.line, carried: mark(marked.text) });
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
