/**
 * Problems: "問題N: title" headings, list items or lines, with the labelled
 * parts that follow them — **現状**, **影響**, **原因**, **解決方法** — whether
 * each part is its own paragraph or they share one, and whether its content
 * is text on the label's line, a list or a code block.
 */
import type { Nodes, Paragraph, RootContent } from 'mdast';
import type { Problem } from '../../record/schema.ts';
import type { LogContext } from '../context.ts';
import { plainText, STRONG_CLOSE, STRONG_OPEN, type TextLine } from '../inline.ts';
import type { PlacedHeading } from '../outline.ts';
import { afterCheckMark, readStatusField, readTitleStatus } from '../problem-status.ts';
import type { Vocabulary } from '../vocabulary.ts';

type Part = 'current' | 'impact' | 'cause' | 'solution';

interface Patterns {
  title: RegExp;
  label: RegExp;
  partOf: Map<string, Part>;
}

const patternCache = new WeakMap<Vocabulary, Patterns>();

/** Exported for the test that checks every pattern built from a vocabulary runs in linear time. */
export function patternsFor(vocabulary: Vocabulary): Patterns {
  let patterns = patternCache.get(vocabulary);
  if (patterns) return patterns;
  const partOf = new Map<string, Part>();
  for (const [part, words] of Object.entries(vocabulary.problemParts) as Array<[Part, string[]]>) {
    for (const word of words) partOf.set(word.toLowerCase(), part);
  }
  const labels = [...partOf.keys()].sort((a, b) => b.length - a.length).map(escape).join('|');
  const words = vocabulary.problemWords.map(escape).join('|');
  patterns = {
    // 問題1: title / 課題２：title / Problem 3 - title / "2.1 問題1 title"; the number is what makes it a problem.
    // No two whitespace runs side by side, and the title starts at a non-space: linear on a line of spaces.
    title: new RegExp(`^\\s*(?:\\d+(?:\\.\\d+)*\\.?\\s+)?(?:${words})\\s*(?:(?:#|no\\.?)\\s*)?([0-9０-９]+)(?:\\s*[:：.．、)）\\-–—]|(?=\\s)|$)\\s*(\\S.*)?$`, 'iu'),
    // **現状**: text / **現状:** text / 現状: text / **解決方法** (alone, content follows)
    label: new RegExp(
      `^(?:${STRONG_OPEN}\\s*(${labels})\\s*(?:([:：])\\s*)?${STRONG_CLOSE}\\s*(?:([:：])\\s*)?|(${labels})\\s*([:：])\\s*)(\\S.*)?$`,
      'iu',
    ),
    partOf,
  };
  patternCache.set(vocabulary, patterns);
  return patterns;
}

/** "**解決方法**" or "**状態: 解決**" alone on a line: a part of the open problem, not a heading that ends it. */
function isPartLine(line: TextLine | undefined, patterns: Patterns): boolean {
  return line !== undefined && (patterns.label.test(line.marked) || readStatusField(line.text) !== null);
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Gathers the parts of one problem as its content streams past. */
class ProblemBuilder {
  readonly problem: Problem;
  #part: Part | null = null;
  readonly #parts = new Map<Part, string[]>();
  readonly #patterns: Patterns;

  constructor(patterns: Patterns, number: number | null, written: string, line: number, struck: boolean) {
    this.#patterns = patterns;
    const { title, status } = readTitleStatus(written);
    this.problem = { number, title, current: null, impact: null, solution: null, cause: null, status: struck ? 'resolved' : status, line };
  }

  /** A paragraph's lines: a status field sets the status, a label line opens a part; other lines continue the open part. */
  lines(lines: readonly TextLine[]): void {
    for (const line of lines) {
      const status = readStatusField(line.text);
      if (status !== null) {
        // The field outranks a word in the title: it is where writers update a problem.
        this.problem.status = status;
        this.#part = null;
        continue;
      }
      const label = this.#patterns.label.exec(line.marked);
      if (label) {
        const word = (label[1] ?? label[4] ?? '').toLowerCase();
        this.#part = this.#patterns.partOf.get(word) ?? null;
        this.#add(label[6] ?? '');
      } else {
        this.#add(line.text);
      }
    }
  }

  /** A block after the title: labelled paragraphs and lists, or the content of the open part. */
  block(node: Nodes, linesOf: LogContext['linesOf']): void {
    if (node.type === 'paragraph') {
      this.lines(linesOf(node));
    } else if (node.type === 'list') {
      const labelled = node.children.some((item) => {
        const first = item.children[0];
        return first?.type === 'paragraph' && this.#patterns.label.test(linesOf(first)[0]?.marked ?? '');
      });
      if (labelled) {
        for (const item of node.children) for (const child of item.children) this.block(child, linesOf);
      } else {
        this.#add(node.children.map((item) => plainText(item).trim()).join('\n'));
      }
    } else if (node.type === 'code') {
      this.#add(node.value);
    } else if (node.type === 'blockquote' || node.type === 'table') {
      this.#add(plainText(node).trim());
    }
  }

  #add(text: string): void {
    const part = this.#part;
    const trimmed = text.replace(/[\u0001\u0002]/g, '').trim();
    if (!part || !trimmed) return;
    const parts = this.#parts.get(part) ?? [];
    parts.push(trimmed);
    this.#parts.set(part, parts);
    this.problem[part] = parts.join('\n');
  }
}

type TitleOf = (text: string) => { number?: string; title: string } | null;
type Start = (number: string | undefined, title: string, line: number, depth: number, node: TitleNode | undefined) => ProblemBuilder;
type TitleNode = { children: Nodes[] };

/** Is most of the title struck through (~~問題1: …~~)? Then the writer crossed it off: resolved. */
function struckThrough(node: TitleNode | undefined, title: string): boolean {
  if (!node) return false;
  const struck = node.children.filter((child) => child.type === 'delete').map((child) => plainText(child).trim()).join('');
  return struck.length > 0 && struck.length * 2 >= title.length;
}

export function extractProblems(context: LogContext): Problem[] {
  const patterns = patternsFor(context.vocabulary);
  const problems: Problem[] = [];
  // The problem whose parts are still being read, and the heading depth that ends it.
  const state: { open: { builder: ProblemBuilder; depth: number } | null } = { open: null };
  const start: Start = (number, title, line, depth, node) => {
    const written = number ? Number(number.normalize('NFKC')) : NaN;
    // 問題 followed by a pasted run of digits has no number a record can hold.
    const builder = new ProblemBuilder(patterns, Number.isSafeInteger(written) ? written : null, title, line, struckThrough(node, title));
    problems.push(builder.problem);
    state.open = { builder, depth };
    return builder;
  };
  const titleOf: TitleOf = (text) => {
    // "✅ 問題1: …": the mark before the number is kept on the title, where its status is read.
    const unmarked = afterCheckMark(text.trimStart());
    const match = patterns.title.exec(unmarked ?? text);
    if (!match) return null;
    const title = (match[2] ?? '').trim() || (unmarked ?? text).trim();
    return { number: match[1], title: unmarked === null ? title : `✅ ${title}` };
  };

  for (const entry of context.outline.sequence) {
    const open = state.open;
    if (entry.heading) {
      const heading: PlacedHeading = entry.heading;
      const found = titleOf(heading.text);
      if (found) {
        start(found.number, found.title, heading.line, heading.depth, heading.node);
      } else if (open && heading.node.type === 'paragraph' && isPartLine(context.linesOf(heading.node)[0], patterns)) {
        // "**解決方法**" alone on its line reads as a bold heading; inside a problem it is a label.
        open.builder.lines(context.linesOf(heading.node));
      } else if (open && heading.depth <= open.depth) {
        state.open = null;
      }
      continue;
    }
    if (entry.block.node.type === 'thematicBreak') {
      // "---" ends the problem: the closing figures after it are the day's, not the problem's last part.
      state.open = null;
      continue;
    }
    if (!scanForProblems(entry.block.node, context, titleOf, start, state)) open?.builder.block(entry.block.node, context.linesOf);
  }
  return problems;
}

/**
 * Problems written as list items ("- 問題1: …" with the parts nested) or as a
 * paragraph line. Returns true when the block started a problem.
 */
function scanForProblems(
  node: RootContent,
  context: LogContext,
  titleOf: TitleOf,
  start: Start,
  state: { open: unknown },
): boolean {
  if (node.type === 'paragraph') {
    const lines = context.linesOf(node);
    const index = lines.findIndex((line) => titleOf(line.text));
    if (index === -1) return false;
    const first = lines[index]!;
    const found = titleOf(first.text)!;
    // A paragraph problem runs on until the next heading, like a heading problem one level down.
    start(found.number, found.title, first.line, 7, index === 0 ? node : undefined).lines(lines.slice(index + 1));
    return true;
  }
  if (node.type !== 'list') return false;
  let started = false;
  for (const item of node.children) {
    const first = item.children[0];
    const lines = first?.type === 'paragraph' ? context.linesOf(first) : [];
    const found = lines[0] ? titleOf(lines[0].text) : null;
    if (!found) continue;
    const builder = start(found.number, found.title, lines[0]!.line, 7, first as Paragraph);
    builder.lines(lines.slice(1));
    for (const child of item.children.slice(1)) builder.block(child, context.linesOf);
    started = true;
  }
  // A list-item problem holds its parts inside the item; what follows the list is not its.
  if (started) state.open = null;
  return started;
}
