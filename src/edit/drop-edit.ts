/**
 * Writing a drop into a day's log: the one edit `nisshi drop` makes, and the
 * language server's code action will make, to give a plan or task up without
 * touching the log it was first written in. Pure: the day's text in, one
 * text edit out (an LSP TextEdit: 0-based lines, UTF-16 characters).
 *
 * - When the day's log has the item (carried over under ## 持ち越し, or written
 *   that day), its line is struck through, its label kept:
 *     - [ ] テストを書く（8/1 の計画）  →  - [ ] ~~テストを書く~~（8/1 の計画）
 * - Otherwise a struck line is added at the end of the carried section,
 *   which is made (after the day's goals) when the log has none:
 *     ## 持ち越し
 *     - [ ] ~~テストを書く~~（8/1 の計画）
 *
 * The parser then reads it as a drop (extract/drops.ts), and the plan chains
 * as dropped that day.
 */
import { carriedAsideText, isCarriedHeading, readCarriedAside, type CarriedKind } from '../parse/extract/carried.ts';
import { parseLog } from '../parse/parse-log.ts';
import type { ReadSettings } from '../parse/read-log.ts';
import { resolveVocabulary, sectionKind, type Vocabulary } from '../parse/vocabulary.ts';
import type { LogRecord } from '../record/schema.ts';
import { planKeyer } from '../stats/plan-key.ts';

/** A place in a text: 0-based line and UTF-16 character, as the LSP counts. */
export interface Position {
  line: number;
  character: number;
}

/** An LSP TextEdit: replace `range` with `newText`. */
export interface TextEdit {
  range: { start: Position; end: Position };
  newText: string;
}

/** What to give up: its text, and where it came from (the label a new line gets). */
export interface DropTarget {
  text: string;
  /** A plan first written, or a task left open, on `from`; a new line is labelled so (carried.ts). */
  kind?: CarriedKind | undefined;
  from?: string | null | undefined;
}

export type DropEditResult =
  | {
      kind: 'edit';
      edit: TextEdit;
      /** 1-based line of the struck item after the edit. */
      line: number;
      /** That line as it will read. */
      written: string;
    }
  /** The day's log gives it up already: nothing to write. */
  | { kind: 'already'; line: number };

export interface DropEditOptions {
  /** The log's path (its record's source): names it and may carry its date. */
  path: string;
  /** The site's settings (vocabulary …), so the log is read as the site reads it. */
  settings?: ReadSettings | undefined;
  /** The log's date when its text gives none (a new line's label names the year when it is another). */
  date?: string | undefined;
}

const blank = (char: string | undefined): boolean => char === ' ' || char === '\t';
const fence = /^ {0,3}(?:`{3}|~{3})/u;

/** A list item's line cut after its marker and checkbox (quote markers too): the prefix kept, the content struck. Null for another line. */
function splitListItem(line: string): { prefix: string; content: string } | null {
  let at = 0;
  for (;;) {
    let next = at;
    while (blank(line[next])) next++;
    if (line[next] !== '>') break;
    at = next + 1;
    if (blank(line[at])) at++;
  }
  while (blank(line[at])) at++;
  if (line[at] === '-' || line[at] === '*' || line[at] === '+') at++;
  else {
    const digits = /^\d{1,9}[.)]/u.exec(line.slice(at));
    if (!digits) return null;
    at += digits[0].length;
  }
  if (!blank(line[at])) return null;
  while (blank(line[at])) at++;
  if (/^\[[ xX]\][ \t]/u.test(line.slice(at, at + 4))) {
    at += 3;
    while (blank(line[at])) at++;
  }
  return { prefix: line.slice(0, at), content: line.slice(at).trimEnd() };
}

/** Where a run of bracketed asides at the end of a text starts ("（今日中）", "（メモ）（中止）"); the text's length when it ends in none. */
function trailingAsidesStart(text: string): number {
  let start = text.length;
  for (;;) {
    const end = text.slice(0, start).trimEnd().length;
    const close = text[end - 1];
    if (close !== ')' && close !== '）') return start;
    const open = Math.max(text.lastIndexOf('(', end - 1), text.lastIndexOf('（', end - 1));
    if (open === -1 || /[()（）]/u.test(text.slice(open + 1, end - 1))) return start;
    start = open;
  }
}

/** An ATX heading's level and text (closing #s dropped), or null. */
function atxHeading(line: string): { depth: number; text: string } | null {
  const marks = /^ {0,3}(#{1,6})(?=[ \t]|$)/u.exec(line);
  if (!marks) return null;
  let text = line.slice(marks[0].length).trim();
  let end = text.length;
  while (end > 0 && text[end - 1] === '#') end--;
  if (end === 0 || blank(text[end - 1])) text = text.slice(0, end).trim();
  return { depth: marks[1]!.length, text };
}

/**
 * The edit that gives `target` up in the day's log `text`, or says the log
 * gives it up already. Matching is by plan key (plan-key.ts): the same plan
 * in another spelling is found.
 */
export function dropEdit(text: string, target: DropTarget, options: DropEditOptions): DropEditResult {
  const record = parseLog(text, { path: options.path, settings: options.settings, includePrivate: true });
  const vocabulary = resolveVocabulary(options.settings?.vocabulary);
  const keyOf = planKeyer(vocabulary);
  const key = keyOf(target.text);
  const already = record.drops.find((drop) => keyOf(drop.text) === key);
  if (already) return { kind: 'already', line: already.line };
  const lines = text.split(/\r?\n|\r/u);
  for (const line of itemLines(record, key, keyOf)) {
    const struck = strikeLine(lines[line - 1] ?? '');
    if (struck !== null) return { kind: 'edit', edit: replaceLine(lines, line, struck), line, written: struck };
  }
  const date = record.date ?? options.date ?? null;
  const label = target.from && date ? carriedAsideText(target.kind ?? 'plan', target.from, date) : '';
  return insertLine(text, lines, `- [ ] ~~${oneLine(target.text)}~~${label}`, vocabulary);
}

/** Applies an edit to a text, as an editor does (a line ends at \n, \r\n or \r, as the LSP counts). */
export function applyTextEdit(text: string, edit: TextEdit): string {
  const starts = [0];
  for (const end of text.matchAll(/\r\n|\r|\n/gu)) starts.push(end.index + end[0].length);
  const offset = (position: Position): number => Math.min((starts[position.line] ?? text.length) + position.character, text.length);
  return text.slice(0, offset(edit.range.start)) + edit.newText + text.slice(offset(edit.range.end));
}

/** Lines of the day's open task items and plans with that key: carried items first, then tasks, then plans. */
function itemLines(record: LogRecord, key: string, keyOf: (text: string) => string): number[] {
  const tasks = record.checklist.filter((item) => !item.done && keyOf(item.text) === key);
  const carried = tasks.filter((item) => item.carried !== null).map((item) => item.line);
  const own = tasks.filter((item) => item.carried === null).map((item) => item.line);
  const plans = record.plans.filter((plan) => keyOf(plan.text) === key).map((plan) => plan.line);
  return [...new Set([...carried, ...own, ...plans])];
}

/** A list item's line with its text struck through and its asides kept; null for a line that is no list item or holds a strike already. */
function strikeLine(line: string): string | null {
  const item = splitListItem(line);
  if (!item) return null;
  const { prefix, content } = item;
  if (content === '' || content.includes('~~')) return null;
  const carried = readCarriedAside(content, null);
  const asideAt = carried?.index ?? trailingAsidesStart(content);
  const own = content.slice(0, asideAt).trimEnd();
  if (own === '') return null;
  return `${prefix}~~${own}~~${content.slice(own.length)}`;
}

function replaceLine(lines: readonly string[], line: number, newText: string): TextEdit {
  const index = line - 1;
  return { range: { start: { line: index, character: 0 }, end: { line: index, character: lines[index]!.length } }, newText };
}

function oneLine(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

/** The headings of a text, outside fenced code: 0-based line, level and text. */
function headingsOf(lines: readonly string[]): Array<{ index: number; depth: number; text: string }> {
  const found: Array<{ index: number; depth: number; text: string }> = [];
  let open: string | null = null;
  lines.forEach((line, index) => {
    const fenced = fence.exec(line);
    if (fenced) {
      const mark = fenced[0].trimStart()[0]!;
      if (open === null) open = mark;
      else if (mark === open) open = null;
      return;
    }
    if (open !== null) return;
    const heading = atxHeading(line);
    if (heading) found.push({ index, ...heading });
  });
  return found;
}

/** The line after a section's last line that is not blank: where a line is added to it. */
function sectionEnd(lines: readonly string[], headings: ReturnType<typeof headingsOf>, at: number): number {
  const heading = headings[at]!;
  const next = headings.slice(at + 1).find((other) => other.depth <= heading.depth);
  let end = next ? next.index : lines.length;
  while (end > heading.index + 1 && lines[end - 1]!.trim() === '') end--;
  return end;
}

/** Adds the line at the end of the carried section, or a carried section after the goals (else at the end of the log). */
function insertLine(text: string, lines: readonly string[], added: string, vocabulary: Vocabulary): DropEditResult {
  const eol = /\r\n/u.test(text) ? '\r\n' : /\r/u.test(text) ? '\r' : '\n';
  const headings = headingsOf(lines);
  const carried = headings.findIndex((heading) => isCarriedHeading(heading.text, vocabulary));
  if (carried !== -1) {
    const end = sectionEnd(lines, headings, carried);
    return insertAt(lines, end, [added], eol, added, end + 1);
  }
  const goals = headings.findIndex((heading) => sectionKind(heading.text, vocabulary) === 'goals');
  const section = [`## ${vocabulary.carriedHeadings[0] ?? '持ち越し'}`, added];
  if (goals !== -1) {
    const end = sectionEnd(lines, headings, goals);
    // A blank line after the new section too, when the next one follows at once.
    const after = end < lines.length && lines[end]!.trim() !== '' ? [''] : [];
    return insertAt(lines, end, ['', ...section, ...after], eol, added, end + 3);
  }
  // At the end: after the last line that is not blank, a blank line between.
  let end = lines.length;
  while (end > 0 && lines[end - 1]!.trim() === '') end--;
  return insertAt(lines, end, end === 0 ? section : ['', ...section], eol, added, end + (end === 0 ? 2 : 3));
}

/**
 * Inserts whole lines before the 0-based line `index`: at the start of that
 * line, or after the end of the last one when the text ends there.
 */
function insertAt(lines: readonly string[], index: number, added: readonly string[], eol: string, written: string, line: number): DropEditResult {
  if (index < lines.length) {
    return { kind: 'edit', edit: { range: { start: { line: index, character: 0 }, end: { line: index, character: 0 } }, newText: added.map((text) => text + eol).join('') }, line, written };
  }
  const last = lines.length - 1;
  const position = { line: last, character: lines[last]!.length };
  return { kind: 'edit', edit: { range: { start: position, end: position }, newText: added.map((text) => eol + text).join('') + eol }, line, written };
}
