/**
 * A log's text as lines, and the two ways of counting a column: nisshi's
 * diagnostics count code points from 1 (as `check` prints them), the Language
 * Server Protocol counts UTF-16 code units from 0. Pure.
 */

/** The lines of a text, without their line ends (a `\r` before `\n` dropped). */
export function linesOf(text: string): string[] {
  return text.split('\n').map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line));
}

/** 1-based code-point column → 0-based UTF-16 offset in the line (clamped to the line's end). */
export function utf16Offset(line: string, column: number): number {
  let offset = 0;
  let points = 1;
  for (const char of line) {
    if (points >= column) break;
    offset += char.length;
    points++;
  }
  return offset;
}

/** A range in protocol terms: 0-based lines, UTF-16 characters. */
export interface TextRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

/** A change to the text, as an LSP TextEdit. */
export interface TextChange {
  range: TextRange;
  newText: string;
}

/** The whole of a 1-based line, end of line excluded. */
export function lineRange(lines: readonly string[], line: number): TextRange {
  const text = lines[line - 1] ?? '';
  return { start: { line: line - 1, character: 0 }, end: { line: line - 1, character: text.length } };
}

/** A 1-based line with its line end: what deleting the line removes. */
export function wholeLineRange(lines: readonly string[], line: number): TextRange {
  if (line < lines.length) return { start: { line: line - 1, character: 0 }, end: { line, character: 0 } };
  // The last line: take the line end before it instead.
  const previous = lines[line - 2];
  return previous === undefined
    ? lineRange(lines, line)
    : { start: { line: line - 2, character: previous.length }, end: { line: line - 1, character: (lines[line - 1] ?? '').length } };
}
