/**
 * Frontmatter: found by its own delimiters, read by gray-matter with YAML's
 * core schema (so `date: 2025-08-03` stays the string the writer wrote rather
 * than a UTC Date that can shift the day), and reported with file lines.
 */
import matter from 'gray-matter';
import { load, CORE_SCHEMA, YAMLException } from 'js-yaml';
import { diagnose } from '../record/rules.ts';
import type { Diagnostic } from '../record/schema.ts';

export interface Frontmatter {
  data: Record<string, unknown>;
  /** Number of lines the frontmatter block takes, delimiters included (0 when there is none). */
  lineCount: number;
  /** The YAML text between the delimiters. */
  yaml: string;
  diagnostics: Diagnostic[];
}

const opening = /^---[ \t]*\r?\n/;
const closing = /^(?:---|\.\.\.)[ \t]*\r?$/m;

const yamlEngine = {
  parse: (text: string): object => (load(text, { schema: CORE_SCHEMA }) ?? {}) as object,
  stringify: (): string => {
    throw new Error('nisshi does not write frontmatter');
  },
};

export function readFrontmatter(text: string): Frontmatter {
  const none: Frontmatter = { data: {}, lineCount: 0, yaml: '', diagnostics: [] };
  const open = opening.exec(text);
  if (!open) return none;
  const rest = text.slice(open[0].length);
  const close = closing.exec(rest);
  if (!close) {
    // A lone "---" may be a thematic break; only say something when YAML follows.
    if (/^[\w\u3000-\u9fff-]+[ \t]*:/u.test(rest)) {
      return {
        ...none,
        diagnostics: [
          diagnose('frontmatter-unclosed', 1, 1),
        ],
      };
    }
    return none;
  }
  const yaml = rest.slice(0, close.index);
  const blockEnd = open[0].length + close.index + close[0].length;
  const lineCount = countLines(text.slice(0, blockEnd));
  const result: Frontmatter = { data: {}, lineCount, yaml, diagnostics: [] };
  try {
    const parsed = matter(`---\n${yaml}\n---\n`, { engines: { yaml: yamlEngine } }).data as unknown;
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
      result.diagnostics.push(diagnose('frontmatter-yaml', 2, 1, { reason: null }));
    } else {
      result.data = { ...(parsed as Record<string, unknown>) };
    }
  } catch (error) {
    if (error instanceof YAMLException) {
      const mark = error.mark as { line?: number; column?: number } | undefined;
      const line = Math.min(2 + (mark?.line ?? 0), lineCount - 1);
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
  return index === -1 ? 2 : index + 2;
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
