/**
 * The structure of a log as CommonMark reads it: its headings (ATX, setext and
 * HTML `<h1>`–`<h6>`, in any container) with their level, text and lines, and
 * the lines that are code. Read from the parsed mdast tree — remark-parse +
 * remark-gfm (micromark) for the CLI, Sätteri on the site, made to agree by
 * tree-parity.ts — rather than by a line scanner of our own: line ends,
 * fences, HTML blocks, setext underlines, block quotes and list items are
 * where a scanner of our own went wrong, and the parsers are CommonMark's.
 * tests/parser/log-structure-spec.test.ts holds both trees to commonmark.js
 * (the reference implementation) on every example of the spec's block
 * sections, in all three line ends.
 *
 * What decides privacy (private-notes.ts) reads this, and nothing else.
 */
import type { Html, Nodes, Root } from 'mdast';
import { decodeString } from 'micromark-util-decode-string';

export interface StructureHeading {
  /** 1 to 6. */
  level: number;
  /** The heading's text as a reader sees it: markup and HTML tags out, references decoded. */
  text: string;
  /** 1-based lines the heading takes (a setext heading: its text lines and the underline). */
  startLine: number;
  endLine: number;
  notation: 'markdown' | 'html';
  /**
   * Written at the top level of the log, not inside a block quote, list item,
   * footnote or paragraph: only such a heading ends a section (see private-notes.ts).
   */
  topLevel: boolean;
}

export interface CodeLines {
  startLine: number;
  endLine: number;
}

export interface LogStructure {
  /** In document order. */
  headings: StructureHeading[];
  /** Code blocks (fenced and indented), in document order. */
  code: CodeLines[];
}

export function readStructure(tree: Root): LogStructure {
  const headings: StructureHeading[] = [];
  const code: CodeLines[] = [];
  // Iterative, depth first, in document order: the tree may nest up to the nesting limit.
  const stack: Array<{ node: Nodes; topLevel: boolean }> = [{ node: tree, topLevel: true }];
  while (stack.length > 0) {
    const { node, topLevel } = stack.pop()!;
    const start = node.position?.start.line;
    if (node.type === 'heading' && start !== undefined) {
      headings.push({ level: node.depth, text: headingText(node), startLine: start, endLine: lastLine(node), notation: 'markdown', topLevel });
    } else if (node.type === 'code' && start !== undefined) {
      code.push({ startLine: start, endLine: lastLine(node) });
    } else if (node.type === 'html') {
      headings.push(...htmlHeadings(node, topLevel));
    } else if (node.type === 'paragraph' || node.type === 'tableCell') {
      headings.push(...inlineHtmlHeadings(node));
    }
    if ('children' in node && node.type !== 'heading' && node.type !== 'paragraph' && node.type !== 'tableCell') {
      const childrenTopLevel = node.type === 'root';
      for (let i = node.children.length - 1; i >= 0; i--) stack.push({ node: node.children[i] as Nodes, topLevel: childrenTopLevel });
    }
  }
  return { headings, code };
}

/**
 * The last line a node takes. An unclosed fence ends at the end of the file,
 * which mdast puts at column 1 of the line after the last one; that line holds
 * nothing of the node.
 */
function lastLine(node: Nodes): number {
  const { start, end } = node.position!;
  return end.column === 1 && end.line > start.line ? end.line - 1 : end.line;
}

/** Text and code of a heading, image descriptions included, raw HTML left out. */
function headingText(node: Nodes): string {
  let text = '';
  const stack: Nodes[] = [node];
  while (stack.length > 0) {
    const next = stack.pop()!;
    if (next.type === 'text' || next.type === 'inlineCode') text += next.value;
    else if (next.type === 'image' || next.type === 'imageReference') text += next.alt ?? '';
    else if (next.type === 'break') text += ' ';
    if ('children' in next) for (let i = next.children.length - 1; i >= 0; i--) stack.push(next.children[i] as Nodes);
  }
  return text;
}

/**
 * `<h2 …>text</h2>`; an unclosed one runs to the end of its node. The text is
 * read up to 2,000 characters (no heading word is longer), so a run of
 * openers without closers costs linear time, not quadratic.
 */
const HTML_HEADING = /<h([1-6])(?=[\s/>])[^<>]*>([\s\S]{0,2000}?)(?:<\/h\1\s*>|$)/gi;

/** `<h2>…</h2>` in an HTML block or inline HTML node, with the text between the tags. */
function htmlHeadings(node: Html, topLevel: boolean): StructureHeading[] {
  const start = node.position?.start.line;
  if (start === undefined || !/<h[1-6]/i.test(node.value)) return [];
  return headingsInHtml(node.value, start, topLevel);
}

function headingsInHtml(html: string, firstLine: number, topLevel: boolean): StructureHeading[] {
  const found: StructureHeading[] = [];
  for (const match of html.matchAll(HTML_HEADING)) {
    const startLine = firstLine + countLineEnds(html, 0, match.index);
    found.push({
      level: Number(match[1]),
      text: htmlText(match[2] ?? ''),
      startLine,
      endLine: startLine + countLineEnds(match[0], 0, match[0].length),
      notation: 'html',
      topLevel,
    });
  }
  return found;
}

/**
 * A paragraph or table cell whose inline HTML opens a heading (`text
 * <h2>非公開</h2>`): the tags and the text between them are separate nodes, so
 * its inline content is read as HTML. Such a heading is never top level, and
 * is taken to start where the paragraph starts (earlier is the safe side).
 */
function inlineHtmlHeadings(parent: Extract<Nodes, { type: 'paragraph' | 'tableCell' }>): StructureHeading[] {
  const start = parent.position?.start.line;
  if (start === undefined || !parent.children.some((child) => child.type === 'html' && /<h[1-6]/i.test(child.value))) return [];
  const raw = parent.children.map((child) => (child.type === 'html' || child.type === 'text' || child.type === 'inlineCode' ? child.value : headingText(child))).join('');
  return headingsInHtml(raw, start, false).map((heading) => ({ ...heading, startLine: start, endLine: Math.max(start, lastLine(parent)) }));
}

function htmlText(inner: string): string {
  return decodeString(withoutComments(inner).replace(/<[^<>]*>/g, ''));
}

/** The text without HTML comments (an unclosed one hides the rest), in one pass. */
function withoutComments(text: string): string {
  let out = '';
  let from = 0;
  for (let open = text.indexOf('<!--'); open !== -1; open = text.indexOf('<!--', from)) {
    out += text.slice(from, open);
    const close = text.indexOf('-->', open + 4);
    if (close === -1) return out;
    from = close + 3;
  }
  return out + text.slice(from);
}

function countLineEnds(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) count++;
  }
  return count;
}
