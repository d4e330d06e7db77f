/**
 * Items of a section: the top-level list items and paragraph lines of every
 * block under a heading of one kind. Nested sub-bullets stay with their item.
 */
import type { ListItem, Nodes, RootContent } from 'mdast';
import { itemLines, joinLines, type LogContext } from '../context.ts';
import { nearestKind, type SectionHeading } from '../outline.ts';
import type { TextLine } from '../inline.ts';
import { labelIn, type SectionKind } from '../vocabulary.ts';
import { isTimeLine, readFigureLine } from './figures.ts';
import { withoutListMarker, withoutMark } from './marks.ts';

export interface SectionItem {
  text: string;
  line: number;
  /** The list item, when the entry is one (for its task state). */
  item: ListItem | null;
  /** Headings above the entry, from the one naming the section inwards. */
  headings: SectionHeading[];
  /** The line that led into the entry's list ("明日は", "以下の続き"), not an item itself. */
  leadIn: string | null;
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
  const { blocks } = context.outline;
  blocks.forEach((block, index) => {
    const nearest = nearestKind(block.trail);
    if (nearest?.kind !== kind) return;
    const headings = block.trail.slice(nearest.index);
    const previous = blocks[index - 1];
    const leadIn = previous && previous.trail === block.trail && block.node.type === 'list' ? leadInOf(previous.node, context) : null;
    const read = (node: Nodes): void => {
      if (node.type === 'list') {
        for (const item of node.children) {
          const lines = itemLines(item, context);
          const text = joinLines(lines);
          // "- 今日：8h14m" among the next steps is the day's figure, not a plan.
          if (kind === 'plans' && lines.length === 1 && isTimeLine(lines[0]!.text, context.vocabulary)) continue;
          if (text) entries.push({ text, line: lines[0]?.line ?? item.position?.start.line ?? 1, item, headings, leadIn });
        }
      } else if (node.type === 'paragraph') {
        const next = blocks[index + 1];
        if (next && next.trail === block.trail && next.node.type === 'list' && leadInOf(node, context) !== null) return;
        for (const line of context.linesOf(node)) {
          const text = withoutListMarker(line.text);
          if (!text || isMetricLine(line, context) || (kind === 'plans' && isTimeLine(text, context.vocabulary))) continue;
          entries.push({ text, line: line.line, item: null, headings, leadIn: null });
        }
      } else if (node.type === 'blockquote') {
        node.children.forEach(read);
      }
    };
    read(block.node);
  });
  return entries;
}

/**
 * A one-line paragraph that leads into the list after it — "明日は", "以下の続き",
 * "次のことを学んだ：" — rather than being an item: it ends like the start of a
 * sentence (は, も, a colon) or points at what follows (以下, 下記, 次の).
 */
function leadInOf(node: RootContent, context: LogContext): string | null {
  if (node.type !== 'paragraph') return null;
  const lines = context.linesOf(node);
  if (lines.length !== 1) return null;
  const text = lines[0]!.text.trim();
  if (text.length === 0 || text.length > 40) return null;
  const folded = text.normalize('NFKC').toLowerCase();
  const endings = ['は', 'も', ':', '、', '…', '...', 'には', 'では'];
  const pointers = ['以下', '下記', '次の', '次は', 'the following', 'as follows'];
  return endings.some((end) => folded.endsWith(end)) || pointers.some((word) => folded.includes(word)) ? text : null;
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
