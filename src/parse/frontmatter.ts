/**
 * Frontmatter: found by its own delimiters, read by gray-matter with YAML's
 * core schema (so `date: 2025-08-03` stays the string the writer wrote rather
 * than a UTC Date that can shift the day), and reported with file lines.
 */
import matter from 'gray-matter';
import { YAMLException } from 'js-yaml';
import type { Diagnostic } from '../record/schema.ts';
import { closingLine, FrontmatterRefusal, loadFrontmatterYaml, misplacedOpening, type MisplacedOpening } from './frontmatter-safety.ts';

export interface Frontmatter {
  data: Record<string, unknown>;
  /** Number of lines the frontmatter block takes, delimiters included (0 when there is none). */
  lineCount: number;
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

export function readFrontmatter(text: string): Frontmatter {
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
  return readYamlBlock(yaml, countLines(text.slice(0, blockEnd)), 2);
}

function looksLikeYaml(text: string): boolean {
  return /^[\w\u3000-\u9fff-]+[ \t]*:/u.test(text);
}

function unclosed(line: number): Frontmatter {
  return {
    data: {}, lineCount: 0, yaml: '', diagnostics: [
      diagnostic('error', 'frontmatter-unclosed', line, 1,
        'frontmatter starts with "---" but has no closing "---" line; add one after the last key'),
    ],
  };
}

/**
 * A block opened after blank lines, with spaces around "---", or by "+++". A
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
      diagnostics: [
        diagnostic('error', 'frontmatter-toml', opening.line, 1,
          'this log starts with TOML frontmatter ("+++"), which nisshi does not read (a draft setting in it would be lost); ' +
            'write it as YAML between "---" lines on the first line (draft: true, tags: [a, b])'),
      ],
    };
  }
  const yaml = rest;
  const block = readYamlBlock(yaml, lineCount, opening.line + 1);
  const isMapping = block.diagnostics.length === 0 && Object.keys(block.data).length > 0;
  // Invalid YAML that looks like keys is still frontmatter gone wrong: its error keeps the log off the site.
  if (!isMapping && !(block.diagnostics.length > 0 && looksLikeYaml(yaml.trimStart()))) return none;
  block.diagnostics.unshift(diagnostic('warning', 'frontmatter-not-first', opening.line, 1,
    `frontmatter ${opening.why}: nisshi read lines ${opening.line}–${lineCount} as frontmatter; ` +
      'put "---" alone on the very first line'));
  return block;
}

function readYamlBlock(yaml: string, lineCount: number, yamlLine: number): Frontmatter {
  const result: Frontmatter = { data: {}, lineCount, yaml, yamlLine, diagnostics: [] };
  try {
    const parsed = matter(`---\n${yaml}\n---\n`, { engines: { yaml: yamlEngine } }).data as unknown;
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
      result.diagnostics.push(diagnostic('error', 'frontmatter-yaml', yamlLine, 1,
        'frontmatter must be "key: value" lines (a YAML mapping)'));
    } else {
      result.data = { ...(parsed as Record<string, unknown>) };
    }
  } catch (error) {
    if (error instanceof FrontmatterRefusal) {
      result.diagnostics.push(diagnostic('error', error.rule, Math.min(yamlLine + error.lineIn(yaml), Math.max(lineCount - 1, 1)), 1, error.message));
    } else if (error instanceof YAMLException) {
      const mark = error.mark as { line?: number; column?: number } | undefined;
      const line = Math.min(yamlLine + (mark?.line ?? 0), lineCount - 1);
      result.diagnostics.push(diagnostic('error', 'frontmatter-yaml', Math.max(line, 1), (mark?.column ?? 0) + 1,
        `frontmatter is not valid YAML: ${error.reason}; fix the line or quote the value`));
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

/** Replace the frontmatter by as many empty lines, so Markdown positions stay the file's own. */
export function blankFrontmatter(text: string, frontmatter: Frontmatter): string {
  if (frontmatter.lineCount === 0) return text;
  let offset = 0;
  for (let seen = 0; seen < frontmatter.lineCount; seen++) {
    const next = text.indexOf('\n', offset);
    if (next === -1) return '\n'.repeat(frontmatter.lineCount - 1);
    offset = next + 1;
  }
  return '\n'.repeat(frontmatter.lineCount) + text.slice(offset);
}

function countLines(text: string): number {
  let count = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) count++;
  return count;
}

export function diagnostic(severity: Diagnostic['severity'], rule: string, line: number, column: number, message: string): Diagnostic {
  return { severity, rule, line, column, message };
}
