/**
 * Private notes: what a writer marks as not for publishing is blanked out of
 * the text BEFORE the tree that anything reads is built, so no extractor,
 * renderer, count, chart, feed or search index can ever see it. Blanking
 * (every character but line breaks becomes a space) keeps every other line
 * and column where it was, so diagnostics still point at the right place.
 *
 * Two markings:
 * - a section whose heading — of any level and notation: `## …`, a setext
 *   underline, `<h2>…</h2>`, inside a block quote or a list item — reads, with
 *   markup, variation selectors, spaces and punctuation taken out, as one of
 *   the private heading words (settings `privateHeadings`, default 非公開 /
 *   private; compared after NFKC and in lower case), or carries the lock 🔒 (or
 *   🔐). The section is the heading and everything after it up to the next
 *   top-level heading of the same or a higher level (a heading inside a quote
 *   or list never ends one: keeping too much private is the safe mistake);
 * - a block from `<!-- private -->` to `<!-- /private -->`, any spacing and
 *   case (`<!--PRIVATE-->`, `<!-- / private -->`), anywhere in a line, over any
 *   number of lines. An unclosed block runs to the end of the file. A marker
 *   counts even inside code: the writer who typed it meant it.
 *
 * What is a heading is read from the parsed tree (log-structure.ts), never
 * from lines of our own: readLog builds the tree, asks here, and builds it
 * again from the blanked text when anything was private.
 */
import type { Root } from 'mdast';
import { readStructure, type StructureHeading } from './log-structure.ts';

/** Headings that make a section private unless the settings say otherwise. */
export const DEFAULT_PRIVATE_HEADINGS: readonly string[] = ['非公開', 'private'];

/** The locked padlocks: 🔒 and 🔐 (🔓 is open, so not private). */
const LOCKS = ['\u{1f512}', '\u{1f510}'];
const OPEN_MARKER = /<!--\s*private\s*-->/i;
const CLOSE_MARKER = /<!--\s*\/\s*private\s*-->/i;

/** One private passage as written: lines are 1-based and inclusive. */
export interface PrivatePassage {
  kind: 'section' | 'block';
  startLine: number;
  endLine: number;
  /** The passage's text as written (markers and heading included). */
  text: string;
  /** A block with no closing marker, blanked to the end of the file. */
  unclosed: boolean;
}

export interface PrivateNotes {
  /** The text with every private passage blanked (same lines, same columns). */
  text: string;
  passages: PrivatePassage[];
}

/** A heading's text folded for comparison: NFKC, lower case, letters and digits only. */
function fold(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}

/** Whether a heading's text makes its section private. */
export function isPrivateHeading(text: string, words: readonly string[] = DEFAULT_PRIVATE_HEADINGS): boolean {
  if (LOCKS.some((lock) => text.includes(lock))) return true;
  const folded = fold(text);
  return words.some((word) => {
    const foldedWord = fold(word);
    // A word of signs only (🙈) cannot be compared letter by letter: carrying it is enough.
    return foldedWord === '' ? word.trim() !== '' && text.normalize('NFKC').includes(word.normalize('NFKC').trim()) : foldedWord === folded;
  });
}

/** Line ranges (1-based, inclusive) of the private sections, from the log's structure. */
export function privateSectionLines(headings: readonly StructureHeading[], words: readonly string[], lastLine: number): Array<{ startLine: number; endLine: number }> {
  const sections: Array<{ startLine: number; endLine: number }> = [];
  // From the end: endsAt[level] is the first later top-level heading of that level or higher (one pass, however many headings).
  const endsAt: Array<StructureHeading | undefined> = [];
  for (let index = headings.length - 1; index >= 0; index--) {
    const heading = headings[index]!;
    if (isPrivateHeading(heading.text, words)) {
      const next = endsAt[heading.level];
      sections.push({ startLine: heading.startLine, endLine: next ? Math.max(heading.endLine, next.startLine - 1) : lastLine });
    }
    if (heading.topLevel) for (let level = heading.level; level <= 6; level++) endsAt[level] = heading;
  }
  return sections.reverse();
}

function blank(text: string): string {
  return text.replace(/[^\r\n]/g, ' ');
}

interface Range {
  kind: PrivatePassage['kind'];
  start: number;
  end: number;
  unclosed: boolean;
}

function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function markerBlocks(text: string): Range[] {
  const ranges: Range[] = [];
  // Sticky searches from where the last block ended: one pass, however many blocks.
  const open = new RegExp(OPEN_MARKER.source, 'gi');
  const close = new RegExp(CLOSE_MARKER.source, 'gi');
  for (let opening = open.exec(text); opening; opening = open.exec(text)) {
    close.lastIndex = opening.index + opening[0].length;
    const closing = close.exec(text);
    const end = closing ? closing.index + closing[0].length : text.length;
    ranges.push({ kind: 'block', start: opening.index, end, unclosed: !closing });
    if (!closing) break;
    open.lastIndex = end;
  }
  return ranges;
}

/**
 * Finds and blanks the private passages of a log's text.
 * @param text the text `tree` was built from (frontmatter masked, same lines and offsets as the file).
 * @param words the private heading words (settings `privateHeadings`).
 */
export function dropPrivateNotes(text: string, tree: Root, words: readonly string[] = DEFAULT_PRIVATE_HEADINGS): PrivateNotes {
  const starts = lineStartsOf(text);
  const ranges = markerBlocks(text);
  for (const section of privateSectionLines(readStructure(tree).headings, words, starts.length)) {
    const start = starts[section.startLine - 1];
    if (start === undefined) continue;
    ranges.push({ kind: 'section', start, end: starts[section.endLine] ?? text.length, unclosed: false });
  }
  if (ranges.length === 0) return { text, passages: [] };
  ranges.sort((a, b) => a.start - b.start);
  let blanked = '';
  let cursor = 0;
  for (const range of ranges) {
    const start = Math.max(range.start, cursor);
    if (range.end <= start) continue;
    blanked += text.slice(cursor, start) + blank(text.slice(start, range.end));
    cursor = range.end;
  }
  blanked += text.slice(cursor);
  const lineAt = (position: number) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle]! <= position) low = middle;
      else high = middle - 1;
    }
    return low + 1;
  };
  const passages = ranges.map((range): PrivatePassage => ({
    kind: range.kind,
    startLine: lineAt(range.start),
    // A section's range ends after its last line break: report its last line.
    endLine: lineAt(Math.max(range.start, Math.min(range.end - 1, text.length - 1))),
    text: text.slice(range.start, range.end),
    unclosed: range.unclosed,
  }));
  return { text: blanked, passages };
}
