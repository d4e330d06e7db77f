/**
 * Where a log writes its study time: a 学習時間 section (heading, bold line,
 * list item or a line of its own, with the figure below it, even inside a
 * quote or an indented block), or a heading that holds the figure
 * (### 学習時間: 8h). Each place is a group of lines with the kind of time its
 * headings name (time-kind.ts): a section's sub-headings (### 予定, ### 実績,
 * ### React) are groups of their own.
 */
import type { Blockquote, Nodes, RootContent, Table } from 'mdast';
import { descendants, itemLines, type LogContext } from '../context.ts';
import { plainText } from '../inline.ts';
import { nearestKind, outlineOf, type Block } from '../outline.ts';
import { labelIn, sectionKind, type Vocabulary } from '../vocabulary.ts';
import { kindOfTrail, type TimeKind } from './time-kind.ts';

/** Lines read together as one study-time entry: a section, or a title and the figure after it. */
export interface Group {
  lines: Array<{ text: string; line: number; column: number }>;
  kind: TimeKind;
}

/** Every place that announces study time, with the lines that hold its figure. */
export function studyGroups(context: LogContext): Group[] {
  const { vocabulary } = context;
  const groups = new Map<string, Group>();
  const add = (key: string, kind: TimeKind, lines: Group['lines']): void => {
    const found = lines.filter((line) => line.text);
    if (found.length === 0) return;
    const group = groups.get(key);
    if (group) group.lines.push(...found);
    else groups.set(key, { lines: [...found], kind });
  };
  const visitOutline = (blocks: readonly Block[], scope: string): void => {
    blocks.forEach((block, index) => {
      const nearest = nearestKind(block.trail);
      const next = blocks[index + 1];
      const following = next && next.trail === block.trail ? next.node : undefined;
      if (nearest?.kind === 'studyTime') {
        // From the study-time heading inwards: ### 予定 under ## 学習時間 is a plan, ### React a subject.
        const headings = block.trail.slice(nearest.index);
        const kind = kindOfTrail(headings.map((heading) => heading.text), vocabulary);
        add(`${scope}:${headings.map((heading) => heading.line).join('/')}`, kind, blockLines(block.node, context));
        return;
      }
      if (block.node.type === 'blockquote') {
        visitOutline(quoteBlocks(block.node, context), `${scope}>${block.node.position?.start.line ?? 0}`);
        return;
      }
      for (const [key, title, lines] of titledEntries(block.node, following, context)) add(`${scope}:${key}`, kindOfTrail([title], vocabulary), lines);
    });
  };
  visitOutline(context.outline.blocks, '');
  for (const heading of context.outline.headings) {
    const lines = headingFigure(heading.text, heading.line, heading.column, vocabulary);
    if (lines) add(`heading:${heading.line}`, kindOfTrail([heading.text], vocabulary), lines);
  }
  return [...groups.values()];
}

/** The outline of a quote's own contents ("> ## 学習時間\n> 1.5h"). */
function quoteBlocks(quote: Blockquote, context: LogContext): Block[] {
  return outlineOf({ type: 'root', children: quote.children as RootContent[] }, context.vocabulary, 1).blocks;
}

/** "### 学習時間: 8h" — a heading that is itself the figure. */
function headingFigure(text: string, line: number, column: number, vocabulary: Vocabulary): Group['lines'] | null {
  const colon = text.search(/[:：]/);
  if (colon < 0 || !labelIn(text.slice(0, colon), vocabulary.metrics.studyMinutes)) return null;
  return [{ text: text.slice(colon + 1).trim(), line, column }];
}

/** A short line without figures that names a study-time section; long lines are text, and skipping them keeps this cheap. */
function isTitle(text: string, vocabulary: Vocabulary): boolean {
  return text.length <= 40 && !/\d/.test(text) && sectionKind(text, vocabulary) === 'studyTime';
}

/**
 * A study-time title that is not a heading, with its figure: a "学習時間" list
 * item with the time nested below it or in the paragraph after the list, or a
 * "学習時間" line with the time on the lines (or the paragraph) after it.
 */
function titledEntries(node: RootContent, following: RootContent | undefined, context: LogContext): Array<[string, string, Group['lines']]> {
  const { vocabulary } = context;
  const entries: Array<[string, string, Group['lines']]> = [];
  if (node.type === 'list') {
    node.children.forEach((item, index) => {
      const [first, ...rest] = itemLines(item, context);
      if (!first || !isTitle(first.text, vocabulary)) return;
      const key = String(first.line);
      // "* 学習時間\n3h" without a blank line is one item whose second line is the figure.
      const nested = [...rest, ...item.children.slice(1).flatMap((child) => blockLines(child, context))];
      if (nested.length > 0) entries.push([key, first.text, nested]);
      else if (index === node.children.length - 1 && following) entries.push([key, first.text, blockLines(following, context)]);
    });
  } else if (node.type === 'paragraph') {
    // A title opens its paragraph: "学習時間\n今日 7h 合計 96h", or a paragraph of its own before the figure.
    const [title, ...rest] = context.linesOf(node);
    if (title && isTitle(title.text, vocabulary)) {
      const key = String(title.line);
      if (rest.length > 0) entries.push([key, title.text, rest]);
      else if (following) entries.push([key, title.text, blockLines(following, context)]);
    }
  }
  return entries;
}

/** The text lines of a block: paragraphs (in lists and quotes too), table rows and indented or fenced text. */
function blockLines(node: Nodes, context: LogContext): Group['lines'] {
  const lines: Group['lines'] = [];
  for (const inner of descendants(node)) {
    if (inner.type === 'paragraph') lines.push(...context.linesOf(inner));
    else if (inner.type === 'table') {
      const line = inner.position?.start.line ?? 1;
      lines.push(...tableLines(inner).map((text) => ({ text, line, column: 1 })));
    } else if (inner.type === 'code' && inner.position) {
      const values = inner.value.split('\n');
      const fenced = inner.position.end.line - inner.position.start.line + 1 > values.length;
      const first = inner.position.start.line + (fenced ? 1 : 0);
      values.forEach((text, i) => lines.push({ text: text.trim(), line: first + i, column: 1 }));
    }
  }
  return lines;
}

/** A table as lines; with a today/total header row ("| today | total |"), each cell is labelled by its column. */
function tableLines(table: Table): string[] {
  const rows = table.children.map((row) => row.children.map((cell) => plainText(cell as Nodes).trim()));
  const [header, ...body] = rows;
  if (!header) return [];
  const headed = header.some((cell) => /本日|今日|today|累計|合計|total/i.test(cell));
  return headed
    ? body.map((row) => row.map((cell, index) => `${header[index] ?? ''} ${cell}`).join(' / '))
    : rows.map((row) => row.join(' '));
}
