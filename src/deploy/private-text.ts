/**
 * The leak audit's own reading of a log: which lines must never be published
 * (private notes, and every line of a draft), decided WITHOUT the code that
 * blanks them for the site (src/parse/private-notes.ts, log-structure.ts,
 * frontmatter.ts, draft.ts' readDraft). If that code misses a notation, the
 * audit must not miss it with it: a blanker bug shows as an audit failure.
 *
 * The structure comes from micromark (CommonMark's block structure, the
 * reference the spec test holds it to) with every inline construct switched
 * off: block structure does not depend on inline parsing, text stays raw, and
 * no inline input can make the parse super-linear. Markup in a heading's text
 * is taken out here, by this module's own rules.
 *
 * The rules, as README.md states them: a section under a heading (any level;
 * ATX, setext or HTML `<h1>`–`<h6>`; at the top level or inside a quote or list
 * item) whose text, without markup, signs and spaces, is a private heading
 * word, or that carries 🔒/🔐, up to the next top-level heading of the same or
 * a higher level; a `<!-- private -->` … `<!-- /private -->` block (to the end
 * when unclosed); and the whole body of a log with a draft setting anywhere a
 * writer could have meant one (a leading frontmatter block, or a stray line).
 */
import type { Nodes, Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmTable } from 'micromark-extension-gfm-table';
import { decodeString } from 'micromark-util-decode-string';
import { DRAFT_KEYS, FALSE_WORDS, PUBLISH_KEYS, TRUE_WORDS } from '../parse/draft-words.ts';

/** Inline constructs off: only the block structure is read, in time linear in the text. */
const BLOCKS_ONLY = {
  disable: {
    null: ['attention', 'autolink', 'codeText', 'htmlText', 'labelEnd', 'labelStartImage', 'labelStartLink', 'gfmFootnoteCall', 'gfmPotentialFootnoteCall'],
  },
};

function blockTree(text: string): Root {
  return fromMarkdown(text, { extensions: [gfmTable(), gfmFootnote(), BLOCKS_ONLY], mdastExtensions: [gfmTableFromMarkdown(), gfmFootnoteFromMarkdown()] });
}

interface AuditHeading {
  level: number;
  line: number;
  endLine: number;
  text: string;
  topLevel: boolean;
  html: boolean;
}

interface BlockReading {
  headings: AuditHeading[];
  /** 1-based inclusive line ranges of code blocks. */
  code: Array<[number, number]>;
  /** 1-based inclusive line ranges of HTML blocks (a commented-out `draft: true` is not a setting). */
  html: Array<[number, number]>;
}

function endLineOf(node: Nodes): number {
  const { start, end } = node.position!;
  return end.column === 1 && end.line > start.line ? end.line - 1 : end.line;
}

/** The raw text of a block with inline constructs off: its children are text (and line breaks). */
function rawText(node: Nodes): string {
  if (node.type === 'text' || node.type === 'html') return node.value;
  if (!('children' in node)) return '';
  return node.children.map((child) => ('value' in child && typeof child.value === 'string' ? child.value : child.type === 'break' ? '\n' : '')).join('');
}

/** `<h2 …>text</h2>` (to the end of the node when unclosed; the text read up to 2,000 characters, so linear). */
const HTML_HEADING = /<h([1-6])\b[^<>]*>([\s\S]{0,2000}?)(?:<\/h\1\s*>|$)/gi;

function readBlocks(tree: Root): BlockReading {
  const reading: BlockReading = { headings: [], code: [], html: [] };
  // Iterative, in document order: a log may nest as deep as its text allows.
  const stack: Array<{ node: Nodes; topLevel: boolean }> = [{ node: tree, topLevel: true }];
  while (stack.length > 0) {
    const { node, topLevel } = stack.pop()!;
    const line = node.position?.start.line;
    if (node.type === 'heading' && line !== undefined) {
      reading.headings.push({ level: node.depth, line, endLine: endLineOf(node), text: rawText(node), topLevel, html: false });
      continue;
    }
    if (node.type === 'code' && line !== undefined) {
      reading.code.push([line, endLineOf(node)]);
      continue;
    }
    if ((node.type === 'html' || node.type === 'paragraph' || node.type === 'tableCell') && line !== undefined) {
      if (node.type === 'html') reading.html.push([line, endLineOf(node)]);
      const value = rawText(node);
      // In a paragraph the tags are text here: its heading starts with the paragraph and never ends a section.
      const ownLine = node.type === 'html';
      let offset = 0;
      let lineHere = line;
      for (const match of value.matchAll(HTML_HEADING)) {
        for (; offset < match.index; offset++) if (value[offset] === '\n') lineHere++;
        reading.headings.push({ level: Number(match[1]), line: ownLine ? lineHere : line, endLine: endLineOf(node), text: match[2] ?? '', topLevel: topLevel && ownLine, html: true });
      }
      continue;
    }
    if ('children' in node) {
      for (let i = node.children.length - 1; i >= 0; i--) stack.push({ node: node.children[i] as Nodes, topLevel: node.type === 'root' });
    }
  }
  return reading;
}

/** For the spec test: the heading (Markdown only) and code lines this reading sees, as "start-end hN" and "start-end". */
export function auditStructure(text: string): { headingLines: string[]; codeLines: string[] } {
  const reading = readBlocks(blockTree(text));
  return {
    headingLines: reading.headings.filter((heading) => !heading.html).map((heading) => `${heading.line}-${heading.endLine} h${heading.level}`),
    codeLines: reading.code.map(([start, end]) => `${start}-${end}`),
  };
}

/** HTML comments out of a text, in one pass (an unclosed one hides the rest, as in a browser). */
export function dropComments(text: string): string {
  const parts: string[] = [];
  let from = 0;
  for (;;) {
    const open = text.indexOf('<!--', from);
    if (open === -1) break;
    parts.push(text.slice(from, open));
    const close = text.indexOf('-->', open + 4);
    if (close === -1) return parts.join('');
    from = close + 3;
  }
  parts.push(text.slice(from));
  return parts.join('');
}

/** Letters and digits of a text, after NFKC and in lower case: how heading words are compared. */
function lettersOf(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/** A heading's raw text without its markup: tags and comments, link targets, then every sign. */
function headingWords(raw: string): string {
  const text = decodeString(dropComments(raw).replace(/<[^<>]*>/g, ''))
    .replace(/\]\([^()]*\)/g, ']')
    .replace(/\]\[[^\]]*\]/g, ']');
  return lettersOf(text);
}

const PADLOCKS = /\u{1f512}|\u{1f510}/u;

function headingIsPrivate(raw: string, words: readonly string[]): boolean {
  if (PADLOCKS.test(raw)) return true;
  const bare = headingWords(raw);
  for (const word of words) {
    const wanted = lettersOf(word);
    if (wanted === '' ? word.trim() !== '' && raw.includes(word.trim()) : wanted === bare) return true;
  }
  return false;
}

/** Every line of the text, split at CommonMark's line ends. */
export function textLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

/** Private line ranges (1-based, inclusive) of the sections, walking the headings once with a stack of open sections. */
function sectionRanges(headings: readonly AuditHeading[], words: readonly string[], lastLine: number): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  const open: AuditHeading[] = [];
  for (const heading of headings) {
    if (heading.topLevel) {
      while (open.length > 0 && open.at(-1)!.level >= heading.level) {
        const section = open.pop()!;
        ranges.push([section.line, Math.max(section.endLine, heading.line - 1)]);
      }
    }
    if (headingIsPrivate(heading.text, words)) {
      // Sections are closed by level: keep the stack ordered so a deeper one closes first.
      let at = open.length;
      while (at > 0 && open[at - 1]!.level > heading.level) at--;
      open.splice(at, 0, heading);
    }
  }
  for (const section of open) ranges.push([section.line, lastLine]);
  return ranges;
}

/**
 * The text inside `<!-- private -->` … `<!-- /private -->` blocks, as offsets
 * [start, end) (to the end of the text when unclosed). A comment runs from the
 * last `<!--` before a `-->` to it; one pass over both, in order.
 */
function markerBlocks(text: string): Array<[number, number]> {
  const blocks: Array<[number, number]> = [];
  let insideFrom: number | null = null;
  let opening = -1;
  let nextOpen = text.indexOf('<!--');
  for (let close = text.indexOf('-->'); close !== -1; close = text.indexOf('-->', close + 3)) {
    while (nextOpen !== -1 && nextOpen + 4 <= close) {
      opening = nextOpen;
      nextOpen = text.indexOf('<!--', nextOpen + 4);
    }
    if (opening === -1) continue;
    const inner = text.slice(opening + 4, close).trim().toLowerCase();
    if (insideFrom === null && inner === 'private') insideFrom = close + 3;
    else if (insideFrom !== null && /^\/\s*private$/.test(inner)) {
      blocks.push([insideFrom, opening]);
      insideFrom = null;
    }
    opening = -1;
  }
  if (insideFrom !== null) blocks.push([insideFrom, text.length]);
  return blocks;
}

/** `key: value` or TOML's `key = value`, its key starting with a letter: not a list item, quote or comment. */
function settingOf(line: string): { key: string; value: string } | null {
  const at = line.search(/[:：=]/);
  if (at <= 0) return null;
  let key = line.slice(0, at).trim();
  if (key.length >= 2 && (key[0] === '"' || key[0] === "'") && key.at(-1) === key[0]) key = key.slice(1, -1);
  if (!/^\p{L}/u.test(key)) return null;
  return { key: key.normalize('NFKC').toLowerCase().replace(/[\s_-]/g, ''), value: unquote(line.slice(at + 1)) };
}

/** A value as YAML or TOML would read it for a yes or no: quotes and a trailing comment off, lower case. */
function unquote(raw: string): string {
  let value = raw.trim();
  const comment = value.search(/\s#/);
  if (comment !== -1) value = value.slice(0, comment).trim();
  if (value.length >= 2 && (value[0] === '"' || value[0] === "'") && value.at(-1) === value[0]) value = value.slice(1, -1).trim();
  return value.toLowerCase();
}

/**
 * The lines of the leading frontmatter-like block — after blank lines and HTML
 * comments, between "---" (or "+++") lines — as [first, last] (1-based), or null.
 */
function leadingBlock(lines: readonly string[]): [number, number] | null {
  let index = 0;
  if (lines[0]?.startsWith('\ufeff')) lines = [lines[0].slice(1), ...lines.slice(1)];
  for (;;) {
    while (index < lines.length && lines[index]!.trim() === '') index++;
    if (!lines[index]?.trimStart().startsWith('<!--')) break;
    while (index < lines.length && !lines[index]!.includes('-->')) index++;
    index++;
  }
  const delimiter = lines[index]?.trim();
  if (delimiter !== '---' && delimiter !== '+++') return null;
  for (let end = index + 1; end < lines.length; end++) {
    const line = lines[end]!.trim();
    if (line === delimiter || (delimiter === '---' && line === '...')) return [index + 1, end + 1];
  }
  return [index + 1, lines.length];
}

/**
 * Whether the log is a draft to the audit: a draft key set to anything but a
 * clear no (or a publish key to anything but a clear yes) in the leading
 * block; elsewhere outside code, a line that sets a draft key to a clear yes
 * or a publish key to a clear no.
 */
function auditIsDraft(lines: readonly string[], block: [number, number] | null, raw: ReadonlyArray<[number, number]>): { draft: boolean; bodyFrom: number } {
  const inRaw = (line: number) => raw.some(([start, end]) => line >= start && line <= end);
  for (let index = 0; index < lines.length; index++) {
    const line = index + 1;
    const setting = settingOf(lines[index]!);
    if (!setting) continue;
    const key = setting.key;
    if (!DRAFT_KEYS.has(key) && !PUBLISH_KEYS.has(key)) continue;
    let value = setting.value;
    const inBlock = block !== null && line > block[0] && line < block[1];
    if (inBlock) {
      // A value on the next, indented line (YAML allows it).
      if (value === '' && /^[ \t]+\S/.test(lines[index + 1] ?? '')) value = unquote(lines[index + 1]!);
      if (value === '' || value === 'null' || value === '~') continue;
      if (DRAFT_KEYS.has(key) ? !FALSE_WORDS.test(value) : !TRUE_WORDS.test(value)) return { draft: true, bodyFrom: block[1] + 1 };
    } else if (!inRaw(line) && (DRAFT_KEYS.has(key) ? TRUE_WORDS.test(value) : FALSE_WORDS.test(value))) {
      return { draft: true, bodyFrom: block ? block[1] + 1 : 1 };
    }
  }
  return { draft: false, bodyFrom: block ? block[1] + 1 : 1 };
}

export interface AuditedLog {
  draft: boolean;
  /** Whole lines that must not be published (1-based, inclusive ranges): private sections, a draft's body. */
  sections: Array<[number, number]>;
  /** Text that must not be published, as offsets [start, end) of the text: inside private blocks. */
  blocks: Array<[number, number]>;
  /** The frontmatter-like block's lines, published by right when the log is (title, tags). */
  lead: [number, number] | null;
}

/**
 * Whether a log could hold a private heading at all: a padlock, a character
 * reference (which could spell anything), or a private word among its letters
 * once tags and link targets are out. When not, no tree is needed.
 */
function mayHoldPrivateHeading(text: string, words: readonly string[]): boolean {
  if (PADLOCKS.test(text) || /&[#a-z0-9]+;/i.test(text)) return true;
  const letters = lettersOf(dropComments(text).replace(/<[^<>]*>/g, '').replace(/\]\([^()]*\)/g, ']'));
  return words.some((word) => {
    const wanted = lettersOf(word);
    return wanted === '' ? word.trim() !== '' && text.includes(word.trim()) : letters.includes(wanted);
  });
}

/** Whether a line outside the leading block could set a draft (then code and HTML blocks must be known). */
function mayBeStraySetting(lines: readonly string[], lead: [number, number] | null): boolean {
  return lines.some((line, index) => {
    if (lead !== null && index + 1 >= lead[0] && index + 1 <= lead[1]) return false;
    const setting = settingOf(line);
    return setting !== null && (DRAFT_KEYS.has(setting.key) || PUBLISH_KEYS.has(setting.key));
  });
}

/** The audit's reading of one log's text (as in the file, decoded, without a byte order mark). */
export function auditLog(text: string, words: readonly string[]): AuditedLog {
  const lines = textLines(text);
  const lead = leadingBlock(lines);
  let blocks: BlockReading = { headings: [], code: [], html: [] };
  if (mayHoldPrivateHeading(text, words) || mayBeStraySetting(lines, lead)) {
    // The frontmatter-like block is not Markdown: its lines are read as blank, so none of them is a heading.
    const markdown = lead === null ? lines.join('\n') : lines.map((line, index) => (index + 1 >= lead[0] && index + 1 <= lead[1] ? '' : line)).join('\n');
    blocks = readBlocks(blockTree(markdown));
  }
  const { draft, bodyFrom } = auditIsDraft(lines, lead, [...blocks.code, ...blocks.html]);
  if (draft) return { draft, sections: bodyFrom <= lines.length ? [[bodyFrom, lines.length]] : [], blocks: [], lead };
  return { draft, sections: sectionRanges(blocks.headings, words, lines.length), blocks: markerBlocks(text), lead };
}
