/**
 * Items of a section: the top-level list items and paragraph lines of every
 * block under a heading of one kind. Nested sub-bullets stay with their item.
 */
import type { ListItem, Nodes } from 'mdast';
import { itemLines, joinLines, type LogContext } from '../context.ts';
import { nearestKind, type SectionHeading } from '../outline.ts';
import type { TextLine } from '../inline.ts';
import { labelIn, type SectionKind } from '../vocabulary.ts';
import { readFigureLine } from './figures.ts';
import { withoutMark } from './marks.ts';

export interface SectionItem {
  text: string;
  line: number;
  /** The list item, when the entry is one (for its task state). */
  item: ListItem | null;
  /** Headings above the entry, from the one naming the section inwards. */
  headings: SectionHeading[];
}

const metricLabels = new WeakMap<object, string[]>();

/** "**学習時間**: 2時間" written at the end of a section is a closing figure, not an item of it. */
function isMetricLine(line: TextLine, context: LogContext): boolean {
  let labels = metricLabels.get(context.vocabulary);
  if (!labels) {
    labels = Object.values(context.vocabulary.metrics).flat();
    metricLabels.set(context.vocabulary, labels);
  }
  const figure = readFigureLine(line, context.vocabulary);
  return figure !== null && labelIn(figure.figure.label, labels);
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
          if (line.text && !isMetricLine(line, context)) entries.push({ text: line.text, line: line.line, item: null, headings });
        }
      } else if (node.type === 'blockquote') {
        node.children.forEach(read);
      }
    };
    read(block.node);
  }
  return entries;
}

/** The items of a section with their done state: a task box's, else a ✅/❌ mark's, else null. */
export function markedItems(context: LogContext, kind: SectionKind): Array<{ text: string; done: boolean | null; line: number }> {
  return sectionItems(context, kind).flatMap((entry) => {
    const { text, done } = withoutMark(entry.text);
    if (!text) return [];
    const checked = entry.item?.checked;
    return [{ text, done: typeof checked === 'boolean' ? checked : done, line: entry.line }];
  });
}
