/**
 * One problem's record, gathered as its content streams past: the labelled
 * parts — **現状**, **影響**, **原因**, **解決方法** — whether each part is its
 * own paragraph or they share one, a list item or a label alone on its line
 * with the content nested below, and whether its content is text on the
 * label's line, a list or a code block.
 */
import type { Nodes } from 'mdast';
import type { Problem } from '../../record/schema.ts';
import type { LogContext } from '../context.ts';
import { plainText, STRONG_CLOSE, STRONG_OPEN, type TextLine } from '../inline.ts';
import { readStatusField, readTitleStatus } from '../problem-status.ts';
import type { Vocabulary } from '../vocabulary.ts';

/** The parts a record holds, and `notes` (学び, 試したこと), read only to end the part before them. */
export type Part = 'current' | 'impact' | 'cause' | 'solution' | 'notes';

export interface Patterns {
  title: RegExp;
  label: RegExp;
  partOf: Map<string, Part>;
}

const patternCache = new WeakMap<Vocabulary, Patterns>();

/** Exported for the test that checks every pattern built from a vocabulary runs in linear time. */
export function patternsFor(vocabulary: Vocabulary): Patterns {
  let patterns = patternCache.get(vocabulary);
  if (patterns) return patterns;
  const partOf = new Map<string, Part>();
  for (const [part, words] of Object.entries(vocabulary.problemParts) as Array<[Part, string[]]>) {
    for (const word of words) partOf.set(word.toLowerCase(), part);
  }
  const labels = [...partOf.keys()].sort((a, b) => b.length - a.length).map(escape).join('|');
  const words = vocabulary.problemWords.map(escape).join('|');
  patterns = {
    // 問題1: title / 課題２：title / Problem 3 - title / "2.1 問題1 title"; the number is what makes it a problem.
    // No two whitespace runs side by side, and the title starts at a non-space: linear on a line of spaces.
    title: new RegExp(`^\\s*(?:\\d+(?:\\.\\d+)*\\.?\\s+)?(?:${words})\\s*(?:(?:#|no\\.?)\\s*)?([0-9０-９]+)(?:\\s*[:：.．、)）\\-–—]|(?=\\s)|$)\\s*(\\S.*)?$`, 'iu'),
    // **現状**: text / **現状:** text / 現状: text / **解決方法** (alone, content follows) / 原因 (alone on its line)
    label: new RegExp(
      `^(?:${STRONG_OPEN}\\s*(${labels})\\s*(?:([:：])\\s*)?${STRONG_CLOSE}\\s*(?:([:：])\\s*)?|(${labels})\\s*([:：])\\s*|(${labels})\\s*(?=$))(\\S.*)?$`,
      'iu',
    ),
    partOf,
  };
  patternCache.set(vocabulary, patterns);
  return patterns;
}

/** "**解決方法**" or "**状態: 解決**" alone on a line: a part of the open problem, not a heading that ends it. */
export function isPartLine(line: TextLine | undefined, patterns: Patterns): boolean {
  return line !== undefined && (patterns.label.test(line.marked) || readStatusField(line.text) !== null);
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export interface BuilderOptions {
  /** Where text before any label goes: `current` for a problem written without parts (詰まったこと), else nowhere. */
  firstPart?: Part | null;
}

/** Gathers the parts of one problem as its content streams past. */
export class ProblemBuilder {
  readonly problem: Problem;
  #part: Part | null;
  /** Whether a part label was read (a problem's shape, for a regrets item). */
  labelled = false;
  readonly #parts = new Map<Part, string[]>();
  readonly #patterns: Patterns;

  constructor(patterns: Patterns, number: number | null, written: string, line: number, struck: boolean, options: BuilderOptions = {}) {
    this.#patterns = patterns;
    this.#part = options.firstPart ?? null;
    const { title, status } = readTitleStatus(written);
    this.problem = { number, title, current: null, impact: null, solution: null, cause: null, status: struck ? 'resolved' : status, line };
  }

  /** A paragraph's lines: a status field sets the status, a label line opens a part; other lines continue the open part. */
  lines(lines: readonly TextLine[]): void {
    for (const line of lines) {
      const status = readStatusField(line.text);
      if (status !== null) {
        // The field outranks a word in the title: it is where writers update a problem.
        this.problem.status = status;
        this.#part = null;
        continue;
      }
      const label = this.#patterns.label.exec(line.marked);
      if (label) {
        const word = (label[1] ?? label[4] ?? label[6] ?? '').toLowerCase();
        this.#part = this.#patterns.partOf.get(word) ?? null;
        this.labelled = true;
        this.#add(label[7] ?? '');
      } else {
        this.#add(line.text);
      }
    }
  }

  /** A block after the title: labelled paragraphs and lists, or the content of the open part. */
  block(node: Nodes, linesOf: LogContext['linesOf']): void {
    if (node.type === 'paragraph') {
      this.lines(linesOf(node));
    } else if (node.type === 'list') {
      const labelled = node.children.some((item) => {
        const first = item.children[0];
        return first?.type === 'paragraph' && this.#patterns.label.test(linesOf(first)[0]?.marked ?? '');
      });
      if (labelled) {
        for (const item of node.children) for (const child of item.children) this.block(child, linesOf);
      } else {
        this.#add(node.children.map((item) => plainText(item).trim()).join('\n'));
      }
    } else if (node.type === 'code') {
      this.#add(node.value);
    } else if (node.type === 'blockquote' || node.type === 'table') {
      this.#add(plainText(node).trim());
    }
  }

  #add(text: string): void {
    const part = this.#part;
    const trimmed = text.replace(/[\u0001\u0002]/g, '').trim();
    if (!part || !trimmed) return;
    const parts = this.#parts.get(part) ?? [];
    parts.push(trimmed);
    this.#parts.set(part, parts);
    if (part !== 'notes') this.problem[part] = parts.join('\n');
  }
}
