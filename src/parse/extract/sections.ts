/**
 * Items of a section: the top-level list items and paragraph lines of every
 * block under a heading of one kind. Nested sub-bullets stay with their item.
 */
import type { ListItem, Nodes } from 'mdast';
import { itemLines, joinLines, type LogContext } from '../context.ts';
import { nearestKind, type SectionHeading } from '../outline.ts';
import type { SectionKind } from '../vocabulary.ts';

export interface SectionItem {
  text: string;
  line: number;
  /** The list item, when the entry is one (for its task state). */
  item: ListItem | null;
  /** Headings above the entry, from the one naming the section inwards. */
  headings: SectionHeading[];
}

export function sectionItems(context: LogContext, kind: SectionKind): SectionItem[] {
  const entries: SectionItem[] = [];
  for (const block of context.outline.blocks) {
    const nearest = nearestKind(block.trail);
    if (nearest?.kind !== kind) continue;
    const headings = block.trail.slice(nearest.index);
    const read = (node: Nodes): void => {
      if (node.type === 'list') {
        for (const item of node.children) {
          const lines = itemLines(item, context);
          const text = joinLines(lines);
          if (text) entries.push({ text, line: lines[0]?.line ?? item.position?.start.line ?? 1, item, headings });
        }
      } else if (node.type === 'paragraph') {
        for (const line of context.linesOf(node)) {
          if (line.text) entries.push({ text: line.text, line: line.line, item: null, headings });
        }
      } else if (node.type === 'blockquote') {
        node.children.forEach(read);
      }
    };
    read(block.node);
  }
  return entries;
}
