/**
 * The Markdown tree a log is read from, the same for `nisshi parse` / `check`
 * and the site: Sätteri's (the native parser Astro 7 ships,
 * https://github.com/bruits/satteri), which builds the same mdast as
 * remark-parse + remark-gfm in time linear in the text, about twenty times
 * faster. remark (micromark, the CommonMark reference the spec tests hold
 * both to) is used only where it must be:
 *
 * - for the few constructs Sätteri reads against CommonMark (tree-parity.ts
 *   lists them: `\**現状**`, `_` beside a `*` run, a URL run into a `|`);
 * - when Sätteri throws on a log (a notice names the file), or cannot be
 *   loaded on this machine, or NISSHI_MARKDOWN_PARSER=remark asks for it.
 *
 * remark is not linear: its emphasis, strikethrough, link and code-span
 * resolution walks back over a paragraph for every closing mark, so a
 * paragraph of thousands of marks takes minutes (50 KB of `*_` on one line:
 * 68 s). So before remark reads a log, every paragraph, heading and table
 * cell is held to MAX_MARKS marks; past it, the log that has Sätteri's tree is
 * read from that tree (with a warning: its few misread marks may show as
 * typed), and one that has none is refused (without Sätteri nothing reads it
 * in reasonable time). No writer's text pays remark's worst case.
 */
import { createRequire } from 'node:module';
import type { Nodes, Root } from 'mdast';
import { diagnose } from '../record/rules.ts';
import type { Diagnostic } from '../record/schema.ts';
import { remarkTree } from './remark-tree.ts';
import { satteriMisreadsMarkdown } from './tree-parity.ts';

export interface MarkdownTreeParser {
  name: 'satteri' | 'remark';
  parse(markdown: string): Root;
}

/** Builds the mdast tree of a log's Markdown (frontmatter already blanked); may report a warning about how; may throw. */
export type TreeBuilder = (markdown: string, report?: (diagnostic: Diagnostic) => void) => Root;

export const remarkParser: MarkdownTreeParser = { name: 'remark', parse: remarkTree };

/**
 * Marks (runs of `*`, `_`, `~` or backticks, and single `[` `]`) one paragraph,
 * heading or table cell may hold for remark to read it: real logs have at
 * most about 60; at 500, remark's worst case for a paragraph stays within
 * tens of milliseconds, and a log's time grows with its length only.
 */
export const MAX_MARKS = 500;

/** Marks in text[start, end): a run of one of * _ ~ ` counts once, each [ or ] once (a loop, no matched strings to collect). */
function countMarks(text: string, start: number, end: number): number {
  let marks = 0;
  let previous = '';
  for (let i = start; i < end; i++) {
    const c = text[i]!;
    if (c === '[' || c === ']') marks++;
    else if ((c === '*' || c === '_' || c === '~' || c === '`') && c !== previous) marks++;
    previous = c;
  }
  return marks;
}

/** A log that cannot be read in reasonable time: readLog turns it into the refused record. */
export class TreeRefusal extends Error {
  readonly diagnostic: Diagnostic;
  constructor(diagnostic: Diagnostic) {
    super(diagnostic.message);
    this.diagnostic = diagnostic;
  }
}

let satteri: MarkdownTreeParser | null | undefined;

/** Sätteri, loaded once (synchronously: `nisshi parse` reads logs in a plain loop); null when it cannot be, or is not wanted. */
export function satteriParser(): MarkdownTreeParser | null {
  if (satteri !== undefined) return satteri;
  satteri = null;
  if (process.env.NISSHI_MARKDOWN_PARSER === 'remark') return satteri;
  try {
    const { markdownToMdast } = createRequire(import.meta.url)('satteri') as typeof import('satteri');
    // Frontmatter is blanked before parsing (readLog does it); GFM is on by default, as remark-gfm is for us.
    const options = { features: { frontmatter: false } };
    satteri = { name: 'satteri', parse: (markdown) => markdownToMdast(markdown, options) as Root };
  } catch {
    satteri = null;
  }
  return satteri;
}

/** The parser logs are read with: Sätteri when it can be loaded, remark otherwise. */
export function defaultTreeParser(): MarkdownTreeParser {
  return satteriParser() ?? remarkParser;
}

/** The first paragraph, heading or table cell of a tree holding more than `limit` marks in its text. */
export function denseInline(markdown: string, tree: Root, limit = MAX_MARKS): { line: number; marks: number } | null {
  const stack: Nodes[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell') {
      const start = node.position?.start.offset;
      const end = node.position?.end.offset;
      if (start === undefined || end === undefined) continue;
      const marks = countMarks(markdown, start, end);
      if (marks > limit) return { line: node.position!.start.line, marks };
      continue;
    }
    if ('children' in node) for (const child of node.children) stack.push(child as Nodes);
  }
  return null;
}

/**
 * Without a tree to go by: the first run of non-blank lines holding more than
 * `limit` marks (code included, so it may count more than remark would read).
 */
export function denseLines(markdown: string, limit = MAX_MARKS): { line: number; marks: number } | null {
  let marks = 0;
  let blockLine = 1;
  let line = 1;
  for (let start = 0; start <= markdown.length; line++) {
    let end = markdown.indexOf('\n', start);
    if (end === -1) end = markdown.length;
    const text = markdown.slice(start, end);
    if (text.trim() === '') {
      marks = 0;
      blockLine = line + 1;
    } else {
      marks += countMarks(markdown, start, end);
      if (marks > limit) return { line: blockLine, marks: marks + countRest(markdown, end, limit) };
    }
    start = end + 1;
  }
  return null;
}

/** Marks in the rest of a run of non-blank lines, for the message. */
function countRest(markdown: string, from: number, limit: number): number {
  let marks = 0;
  for (let start = from + 1; start < markdown.length; ) {
    let end = markdown.indexOf('\n', start);
    if (end === -1) end = markdown.length;
    if (markdown.slice(start, end).trim() === '') break;
    marks += countMarks(markdown, start, end);
    if (marks > limit * 1000) break;
    start = end + 1;
  }
  return marks;
}

/**
 * The tree builder of a log: Sätteri's tree, except where it misreads
 * CommonMark, or throws (then remark's, a notice naming the file); remark's
 * only for a log without a paragraph too dense for it.
 */
export function logTreeBuilder(parser: MarkdownTreeParser, path: string, notices: string[] = [], reference: MarkdownTreeParser = remarkParser): TreeBuilder {
  return (markdown, report) => {
    let fast: Root | null = null;
    if (parser.name === 'satteri') {
      try {
        fast = parser.parse(markdown);
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        notices.push(`${path}: Sätteri could not parse this log (${reason}); it was read with remark instead (the CommonMark reference reader)`);
      }
      if (fast && !satteriMisreadsMarkdown(markdown)) return fast;
    }
    const dense = fast ? denseInline(markdown, fast) : denseLines(markdown);
    if (dense && fast) {
      report?.(diagnose('marks-read-fast', dense.line, 1, { marks: dense.marks.toLocaleString('en-US'), limit: MAX_MARKS }));
      return fast;
    }
    if (dense) throw new TreeRefusal(diagnose('marks-too-dense', dense.line, 1, { marks: dense.marks.toLocaleString('en-US'), limit: MAX_MARKS }));
    return reference.parse(markdown);
  };
}
