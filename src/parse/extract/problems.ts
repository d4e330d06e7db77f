/**
 * Problems, in the two ways logs write them:
 *
 * - numbered: "問題N: title" headings, list items or lines, anywhere;
 * - a problem section — 詰まったこと, ハマったこと, 困ったこと, 課題, エラー …
 *   (vocabulary.sections.problems), often under a topic heading — where each
 *   sub-heading or top-level item is one problem, unnumbered, and
 *   "- 詰まったこと: …" or a "- 困ったこと" item with problems nested below.
 *
 * Either way the parts that follow (原因 / 解決 / 現状 …) are read by
 * problem-builder.ts. An unnumbered problem's text before any label is its
 * 現状, and a 解決 written for it makes it resolved (詰まったこと tells what
 * solved it). A regrets section (よくなかったこと, 反省) gives a problem only
 * for an item that names a failure (vocabulary.failureWords: エラー, 失敗,
 * 動かない …) or has a problem's parts; 夜更かしした is a regret, not a
 * problem. "特になし" is no problem.
 */
import type { List, ListItem, Nodes, Paragraph, RootContent } from 'mdast';
import type { Problem } from '../../record/schema.ts';
import type { LogContext } from '../context.ts';
import { plainText, type TextLine } from '../inline.ts';
import { nearestKind, type PlacedHeading, type SectionHeading } from '../outline.ts';
import { afterCheckMark } from '../problem-status.ts';
import { sectionKind, type Vocabulary } from '../vocabulary.ts';
import { withoutListMarker } from './marks.ts';
import { isPartLine, patternsFor, ProblemBuilder } from './problem-builder.ts';

export { patternsFor } from './problem-builder.ts';

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
  const { vocabulary } = context;
  const patterns = patternsFor(vocabulary);
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
  const unnumbered: Array<{ builder: ProblemBuilder; section: ProblemSection }> = [];
  const startUnnumbered: StartUnnumbered = (title, line, section, node) => {
    if (isNone(title, vocabulary)) return null;
    const builder = new ProblemBuilder(patterns, null, title, line, struckThrough(node, title), { firstPart: 'current' });
    problems.push(builder.problem);
    unnumbered.push({ builder, section });
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
  // The last problem of a problem section's list, for a part written after the list.
  const inSection: { last: { builder: ProblemBuilder; heading: SectionHeading } | null } = { last: null };

  for (const entry of context.outline.sequence) {
    const open = state.open;
    if (entry.heading) {
      const heading: PlacedHeading = entry.heading;
      const found = titleOf(heading.text);
      const section = problemSectionOf(heading.trail);
      const firstLine = heading.node.type === 'paragraph' ? context.linesOf(heading.node)[0] : { text: heading.text, marked: heading.text, line: heading.line, column: heading.column };
      const partLine = isPartLine(firstLine, patterns);
      inSection.last = null;
      if (found) {
        start(found.number, found.title, heading.line, heading.depth, heading.node);
      } else if (open && partLine && (heading.node.type === 'paragraph' || heading.depth > open.depth)) {
        // "**解決方法**" alone on its line reads as a bold heading (or "#### 原因" as a heading); inside a problem it is a label.
        open.builder.lines(heading.node.type === 'paragraph' ? context.linesOf(heading.node) : [firstLine!]);
      } else if (section && heading.kind === null && !partLine) {
        // A sub-heading of 詰まったこと is one problem, its content below it.
        const builder = startUnnumbered(heading.text, heading.line, section, heading.node);
        state.open = builder ? { builder, depth: heading.depth } : null;
      } else if (open && heading.depth <= open.depth) {
        state.open = null;
      }
      continue;
    }
    const { node, trail } = entry.block;
    if (node.type === 'thematicBreak') {
      // "---" ends the problem: the closing figures after it are the day's, not the problem's last part.
      state.open = null;
      continue;
    }
    if (scanForProblems(node, context, titleOf, start, state)) continue;
    if (open) {
      open.builder.block(node, context.linesOf);
      continue;
    }
    const section = problemSectionOf(trail);
    const sectionHeading = trail.at(-1);
    if (section && sectionHeading && problemSectionOf([sectionHeading])) {
      // Directly under 詰まったこと: each top-level item, or each paragraph, is one problem.
      const lines = node.type === 'paragraph' ? context.linesOf(node) : [];
      if (inSection.last?.heading === sectionHeading && isPartLine(lines[0], patterns)) {
        inSection.last.builder.lines(lines);
        continue;
      }
      const last = sectionBlock(node, section, context, startUnnumbered);
      if (last) inSection.last = { builder: last, heading: sectionHeading };
    } else if (node.type === 'list' || node.type === 'paragraph') {
      titledProblems(node, context, startUnnumbered);
    }
  }
  return settleUnnumbered(problems, unnumbered, vocabulary);
}

type ProblemSection = 'problems' | 'regrets';
type StartUnnumbered = (title: string, line: number, section: ProblemSection, node: TitleNode | undefined) => ProblemBuilder | null;

/** The problem section a trail of headings is in (its nearest named section), if any. */
function problemSectionOf(trail: readonly SectionHeading[]): ProblemSection | null {
  const kind = nearestKind(trail)?.kind;
  return kind === 'problems' || kind === 'regrets' ? kind : null;
}

/** "特になし", "なし。", "None": what a writer puts in a section with nothing to say. */
function isNone(title: string, vocabulary: Vocabulary): boolean {
  let folded = title.normalize('NFKC').trim().toLowerCase();
  while (folded.length > 0 && '。.!、, '.includes(folded.at(-1)!)) folded = folded.slice(0, -1);
  return folded === '' || vocabulary.noneWords.includes(folded);
}

/** A block directly under a problem section: a list's top-level items, or a paragraph (its first line the title). Returns the last problem started. */
function sectionBlock(node: RootContent, section: ProblemSection, context: LogContext, startUnnumbered: StartUnnumbered): ProblemBuilder | null {
  let last: ProblemBuilder | null = null;
  if (node.type === 'paragraph') {
    const lines = context.linesOf(node);
    // "-　A が動かない\n-　B も" (a full-width space after the marker is no Markdown list): a problem a line.
    if (lines.length > 1 && lines.every((line) => withoutListMarker(line.text) !== line.text)) {
      for (const line of lines) last = startUnnumbered(withoutListMarker(line.text), line.line, section, undefined) ?? last;
      return last;
    }
    const [first, ...rest] = lines;
    if (!first) return null;
    last = startUnnumbered(withoutListMarker(first.text), first.line, section, node);
    last?.lines(rest);
  } else if (node.type === 'list') {
    for (const item of node.children) last = itemProblem(item, section, context, startUnnumbered) ?? last;
  }
  return last;
}

/** One list item as a problem: its first line the title, its other lines and nested blocks the parts. */
function itemProblem(item: ListItem, section: ProblemSection, context: LogContext, startUnnumbered: StartUnnumbered, title?: TextLine): ProblemBuilder | null {
  const first = item.children[0];
  const [line, ...rest] = first?.type === 'paragraph' ? context.linesOf(first) : [];
  const heading = title ?? line;
  if (!heading) return null;
  const builder = startUnnumbered(heading.text, heading.line, section, title ? undefined : (first as Paragraph));
  if (!builder) return null;
  builder.lines(rest);
  for (const child of item.children.slice(1)) builder.block(child, context.linesOf);
  return builder;
}

/**
 * Outside a problem section: "- 詰まったこと: Vite の HMR が効かない" (a line or an
 * item naming the section, the problem after the colon), or a "- 困ったこと"
 * item with the problems nested below it.
 */
function titledProblems(node: List | Paragraph, context: LogContext, startUnnumbered: StartUnnumbered): void {
  const { vocabulary } = context;
  const titled = (line: TextLine): { section: ProblemSection; rest: TextLine | null } | null => {
    const colon = line.text.search(/[:：]/);
    const name = colon < 0 ? line.text : line.text.slice(0, colon);
    // Section names are short: a longer line is text, and skipping it keeps every list and paragraph cheap.
    if (name.length > 24) return null;
    const kind = sectionKind(name, vocabulary);
    if (kind !== 'problems' && kind !== 'regrets') return null;
    const rest = colon < 0 ? '' : line.text.slice(colon + 1).trim();
    return { section: kind, rest: rest ? { ...line, text: rest, marked: rest } : null };
  };
  if (node.type === 'paragraph') {
    for (const line of context.linesOf(node)) {
      const found = titled(line);
      if (found?.rest) startUnnumbered(found.rest.text, line.line, found.section, undefined);
    }
    return;
  }
  for (const item of node.children) {
    const [line] = item.children[0]?.type === 'paragraph' ? context.linesOf(item.children[0]) : [];
    const found = line && titled(line);
    if (!found) continue;
    if (found.rest) {
      itemProblem(item, found.section, context, startUnnumbered, found.rest);
      continue;
    }
    for (const child of item.children.slice(1)) {
      if (child.type === 'list') for (const nested of child.children) itemProblem(nested, found.section, context, startUnnumbered);
    }
  }
}

/**
 * The last word on unnumbered problems: one with a 解決 written and no status is
 * resolved; an item of a regrets section that names no failure and has no
 * problem's parts is a regret, not a problem, and is left out.
 */
function settleUnnumbered(problems: Problem[], unnumbered: ReadonlyArray<{ builder: ProblemBuilder; section: ProblemSection }>, vocabulary: Vocabulary): Problem[] {
  const dropped = new Set<Problem>();
  for (const { builder, section } of unnumbered) {
    const { problem } = builder;
    if (problem.status === null && problem.solution !== null) problem.status = 'resolved';
    if (section === 'regrets' && !namesFailure(problem, vocabulary) && !(problem.cause || problem.solution || problem.impact)) dropped.add(problem);
  }
  return dropped.size === 0 ? problems : problems.filter((problem) => !dropped.has(problem));
}

function namesFailure(problem: Problem, vocabulary: Vocabulary): boolean {
  const text = [problem.title, problem.current].join('\n').normalize('NFKC').toLowerCase();
  return vocabulary.failureWords.some((word) => text.includes(word.toLowerCase()));
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
