/**
 * Frontmatter: found by its own delimiters, read by gray-matter with YAML's
 * core schema (so `date: 2025-08-03` stays the string the writer wrote rather
 * than a UTC Date that can shift the day), and reported with file lines.
 */
import { createRequire } from 'node:module';
import { YAMLException } from 'js-yaml';
import { diagnose } from '../record/rules.ts';
import type { Diagnostic } from '../record/schema.ts';
import { closingLine, FrontmatterRefusal, loadFrontmatterYaml, misplacedOpening, type MisplacedOpening } from './frontmatter-safety.ts';

export interface Frontmatter {
  data: Record<string, unknown>;
  /**
   * Number of lines up to the end of the frontmatter block, delimiters (and
   * anything before the opening one) included; 0 when there is none.
   */
  lineCount: number;
  /** 1-based line of the opening delimiter: 1, unless blank lines or a comment come first. */
  startLine?: number;
  /** The YAML text between the delimiters. */
  yaml: string;
  /** File line of the YAML's first line: 2, unless the block starts after blank lines. */
  yamlLine?: number;
  diagnostics: Diagnostic[];
}

const opening = /^---[ \t]*\r?\n/;
const closing = /^(?:---|\.\.\.)[ \t]*\r?$/m;

const yamlEngine = {
  parse: (text: string): object => (loadFrontmatterYaml(text) ?? {}) as object,
  stringify: (): string => {
    throw new Error('nisshi does not write frontmatter');
  },
};

export function readFrontmatter(raw: string): Frontmatter {
  // The same lines whoever asks: a lone CR is a line end (readLog has already made it one, see tree-parity.ts).
  const text = raw.replace(/\r(?!\n)/g, '\n');
  const none: Frontmatter = { data: {}, lineCount: 0, yaml: '', diagnostics: [] };
  const open = opening.exec(text);
  if (!open) {
    const misplaced = misplacedOpening(text);
    return misplaced ? readMisplaced(text, misplaced) : none;
  }
  const rest = text.slice(open[0].length);
  const close = closing.exec(rest);
  if (!close) {
    // A lone "---" may be a thematic break; only say something when YAML follows.
    return looksLikeYaml(rest) ? unclosed(1) : none;
  }
  const yaml = rest.slice(0, close.index);
  const blockEnd = open[0].length + close.index + close[0].length;
  return { ...readYamlBlock(yaml, countLines(text.slice(0, blockEnd)), 2), startLine: 1 };
}

function looksLikeYaml(text: string): boolean {
  return /^[\w\u3000-\u9fff-]+[ \t]*:/u.test(text);
}

function unclosed(line: number): Frontmatter {
  return {
    data: {}, lineCount: 0, yaml: '', diagnostics: [
      diagnose('frontmatter-unclosed', line, 1),
    ],
  };
}

/**
 * A block opened after blank lines or an HTML comment, with spaces around "---", or by "+++". A
 * YAML mapping there is read as the frontmatter it was meant to be, with a
 * warning; TOML is refused (nisshi reads no TOML, so a `draft = true` in it
 * would be lost); anything else is Markdown — a thematic break — as before.
 */
function readMisplaced(text: string, opening: MisplacedOpening): Frontmatter {
  const none: Frontmatter = { data: {}, lineCount: 0, yaml: '', diagnostics: [] };
  const delimiter = opening.kind === 'yaml' ? '---' : '+++';
  const close = closingLine(text, opening.end, delimiter);
  const rest = text.slice(opening.end, close?.start ?? text.length);
  if (!close) return looksLikeYaml(rest.trimStart()) ? unclosed(opening.line) : none;
  const lineCount = countLines(text.slice(0, close.end));
  if (opening.kind === 'toml') {
    return {
      ...none,
      lineCount,
      startLine: opening.line,
      diagnostics: [
        diagnose('frontmatter-toml', opening.line, 1),
      ],
    };
  }
  const yaml = rest;
  const block = readYamlBlock(yaml, lineCount, opening.line + 1);
  const isMapping = block.diagnostics.length === 0 && Object.keys(block.data).length > 0;
  // Invalid YAML that looks like keys is still frontmatter gone wrong: its error keeps the log off the site.
  if (!isMapping && !(block.diagnostics.length > 0 && looksLikeYaml(yaml.trimStart()))) return none;
  block.diagnostics.unshift(diagnose('frontmatter-not-first', opening.line, 1, { ...opening.by, from: opening.line, to: lineCount }));
  return { ...block, startLine: opening.line };
}

let matter: typeof import('gray-matter') | null = null;

/**
 * gray-matter, loaded the first time a log has frontmatter: most logs have
 * none, and its 39 modules were a sixth of what a command that parses one
 * edited log loads.
 */
function grayMatter(): typeof import('gray-matter') {
  matter ??= createRequire(import.meta.url)('gray-matter') as typeof import('gray-matter');
  return matter;
}

function readYamlBlock(yaml: string, lineCount: number, yamlLine: number): Frontmatter {
  const result: Frontmatter = { data: {}, lineCount, yaml, yamlLine, diagnostics: [] };
  try {
    const parsed = grayMatter()(`---\n${yaml}\n---\n`, { engines: { yaml: yamlEngine } }).data as unknown;
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
      result.diagnostics.push(diagnose('frontmatter-yaml', yamlLine, 1, { reason: null }));
    } else {
      result.data = { ...(parsed as Record<string, unknown>) };
    }
  } catch (error) {
    if (error instanceof FrontmatterRefusal) {
      result.diagnostics.push(diagnose('frontmatter-alias', Math.min(yamlLine + error.lineIn(yaml), Math.max(lineCount - 1, 1)), 1, { anchor: error.anchor }));
    } else if (error instanceof YAMLException) {
      const mark = error.mark as { line?: number; column?: number } | undefined;
      const line = Math.min(yamlLine + (mark?.line ?? 0), lineCount - 1);
      result.diagnostics.push(diagnose('frontmatter-yaml', Math.max(line, 1), (mark?.column ?? 0) + 1, { reason: error.reason }));
    } else {
      throw error;
    }
  }
  return result;
}

/** The file line of a frontmatter key (for diagnostics about its value), or the first YAML line. */
export function keyLine(frontmatter: Frontmatter, key: string): number {
  const lines = frontmatter.yaml.split('\n');
  const index = lines.findIndex((line) => line.startsWith(key) && /^\s*:/.test(line.slice(key.length)));
  const first = frontmatter.yamlLine ?? 2;
  return index === -1 ? first : index + first;
}

/**
 * The text with the frontmatter block (from its opening delimiter to its
 * closing one) turned into spaces, line ends kept: the same lines, columns and
 * offsets as the file, and blank lines to Markdown. What comes before a block
 * that did not open on line 1 (blank lines, an HTML comment) stays Markdown.
 */
export function blankFrontmatter(text: string, frontmatter: Frontmatter): string {
  const { from, to } = frontmatterRange(text, frontmatter);
  if (from === to) return text;
  return text.slice(0, from) + text.slice(from, to).replace(/[^\r\n]/g, ' ') + text.slice(to);
}

/** Offsets [from, to) of the frontmatter block, from its opening delimiter's line to after its closing one. */
export function frontmatterRange(text: string, frontmatter: Frontmatter): { from: number; to: number } {
  if (frontmatter.lineCount === 0) return { from: 0, to: 0 };
  let from = 0;
  for (let line = 1; line < (frontmatter.startLine ?? 1) && from !== -1; line++) from = nextLineStart(text, from);
  if (from === -1) return { from: 0, to: 0 };
  let to = from;
  for (let line = frontmatter.startLine ?? 1; line <= frontmatter.lineCount && to !== -1; line++) to = nextLineStart(text, to);
  return { from, to: to === -1 ? text.length : to };
}

/** Offset of the line after the one starting at `from`, or -1 when it is the last. */
function nextLineStart(text: string, from: number): number {
  const next = text.indexOf('\n', from);
  return next === -1 ? -1 : next + 1;
}

function countLines(text: string): number {
  let count = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) count++;
  return count;
}
