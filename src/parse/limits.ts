/**
 * Input limits: a log too large or nested too deep is refused before it is
 * parsed (or, for nesting only a parse reveals, before anything walks the
 * tree), with an error naming the size or depth and the setting to change.
 * Without them one pasted file could hold a build for minutes and gigabytes,
 * and a tree thousands of levels deep would overflow the stack of every
 * recursive walk after the parser — ours and the renderer's.
 */
import type { Nodes, Root } from 'mdast';
import type { Diagnostic } from '../record/schema.ts';
import { deepestEmphasis } from './emphasis-depth.ts';

export interface InputLimits {
  /** Largest log read, in bytes of UTF-8. */
  maxLogBytes: number;
  /** Deepest nesting of block quotes, lists and inline marks (emphasis, links …) in a log. */
  maxNesting: number;
}

/** Where the limits are set, for messages. */
const SETTINGS_FILE = 'src/site.config.ts';

/** 1 MiB: ten times the longest real log seen, and far below what takes a parser seconds. */
export const DEFAULT_MAX_LOG_BYTES = 1024 * 1024;
/** Real logs nest lists four or five deep; 100 leaves room for any of them. */
export const DEFAULT_MAX_NESTING = 100;
/**
 * The highest maxNesting may be set: every walk over the tree (nisshi's and the
 * renderer's) is depth-bounded by it, and this many levels fit any stack.
 */
export const NESTING_CEILING = 500;

export const defaultLimits: InputLimits = { maxLogBytes: DEFAULT_MAX_LOG_BYTES, maxNesting: DEFAULT_MAX_NESTING };

export function resolveLimits(partial?: Partial<InputLimits>): InputLimits {
  const maxLogBytes = partial?.maxLogBytes ?? DEFAULT_MAX_LOG_BYTES;
  const maxNesting = partial?.maxNesting ?? DEFAULT_MAX_NESTING;
  if (!Number.isInteger(maxLogBytes) || maxLogBytes < 1) {
    throw new Error(`maxLogBytes must be a whole number of bytes ≥ 1, not ${String(maxLogBytes)} (in ${SETTINGS_FILE})`);
  }
  if (!Number.isInteger(maxNesting) || maxNesting < 1 || maxNesting > NESTING_CEILING) {
    throw new Error(`maxNesting must be a whole number from 1 to ${NESTING_CEILING}, not ${String(maxNesting)} (in ${SETTINGS_FILE})`);
  }
  return { maxLogBytes, maxNesting };
}

/** The refusal of a log over the size limit or visibly nested too deep, or null to go on and parse it. */
export function inputLimitDiagnostic(text: string, limits: InputLimits): Diagnostic | null {
  const bytes = utf8Length(text);
  if (bytes > limits.maxLogBytes) {
    return {
      severity: 'error',
      rule: 'log-too-large',
      line: 1,
      column: 1,
      message:
        `this log is ${formatBytes(bytes)}, over the limit of ${formatBytes(limits.maxLogBytes)}: nisshi did not read it; ` +
        `split it into smaller logs, or raise maxLogBytes in ${SETTINGS_FILE}`,
    };
  }
  const deep = deepestLinePrefix(text, limits.maxNesting) ?? deepestEmphasis(text, limits.maxNesting);
  return deep ? nestingDiagnostic(deep.depth, deep.line, limits) : null;
}

/**
 * Block quotes and list markers at the start of a line (`> > - - 1. x`): the
 * nesting a single line can write, found before the parser spends minutes on
 * 50,000 of them. Stops counting past the limit; returns the first line over it.
 */
function deepestLinePrefix(text: string, max: number): { depth: number; line: number } | null {
  let line = 1;
  for (let start = 0; start <= text.length; line++) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const depth = linePrefixDepth(text, start, end, max + 1);
    if (depth > max) return { depth: countToEnd(text, start, end), line };
    start = end + 1;
  }
  return null;
}

function linePrefixDepth(text: string, start: number, end: number, stopAt: number): number {
  const lastOther = lastNonBreakCharacter(text, start, end);
  let depth = 0;
  let i = start;
  while (i < end && depth < stopAt) {
    while (i < end && (text[i] === ' ' || text[i] === '\t')) i++;
    const c = text[i];
    if (c === '>') {
      depth++;
      i++;
      continue;
    }
    let next = i;
    if (c === '-' || c === '*' || c === '+') {
      // "- - -" and "* * *" are thematic breaks, not lists: nothing but marks and spaces left.
      if (i > lastOther) break;
      next = i + 1;
    } else {
      while (next < end && next - i < 9 && text[next]! >= '0' && text[next]! <= '9') next++;
      if (next === i || (text[next] !== '.' && text[next] !== ')')) break;
      next++;
    }
    if (next < end && text[next] !== ' ' && text[next] !== '\t') break;
    depth++;
    i = next;
  }
  return depth;
}

/** The whole depth of a line already known to be over the limit, for the message. */
function countToEnd(text: string, start: number, end: number): number {
  return linePrefixDepth(text, start, end, Infinity);
}

/** Index of the line's last character that could not be part of a thematic break (start - 1 when none). */
function lastNonBreakCharacter(text: string, start: number, end: number): number {
  for (let i = end - 1; i >= start; i--) if (!' \t\r-*_+'.includes(text[i]!)) return i;
  return start - 1;
}

/**
 * The first node nested deeper than the limit, counting block quotes, lists
 * and inline containers (list items, paragraphs and the root do not add a
 * level). Iterative: this walk is what makes every later one safe.
 */
export function treeNestingDiagnostic(tree: Root, limits: InputLimits): Diagnostic | null {
  const stack: Array<{ node: Nodes; depth: number }> = [{ node: tree, depth: 0 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    const here = depth + (addsLevel(node) ? 1 : 0);
    if (here > limits.maxNesting) return nestingDiagnostic(here, node.position?.start.line ?? 1, limits, deepest(node, here));
    if ('children' in node) for (const child of node.children) stack.push({ node: child as Nodes, depth: here });
  }
  return null;
}

function addsLevel(node: Nodes): boolean {
  switch (node.type) {
    case 'root':
    case 'listItem':
    case 'paragraph':
    case 'heading':
    case 'tableRow':
    case 'tableCell':
      return false;
    default:
      return 'children' in node;
  }
}

/** How deep the nesting goes below a node that crossed the limit (iteratively, for the message). */
function deepest(node: Nodes, depth: number): number {
  let max = depth;
  const stack: Array<{ node: Nodes; depth: number }> = [{ node, depth }];
  while (stack.length > 0) {
    const next = stack.pop()!;
    max = Math.max(max, next.depth);
    if ('children' in next.node) {
      for (const child of next.node.children) stack.push({ node: child as Nodes, depth: next.depth + (addsLevel(child as Nodes) ? 1 : 0) });
    }
  }
  return max;
}

function nestingDiagnostic(depth: number, line: number, limits: InputLimits, total = depth): Diagnostic {
  return {
    severity: 'error',
    rule: 'nesting-too-deep',
    line,
    column: 1,
    message:
      `quotes, lists or inline marks here are nested ${total.toLocaleString('en-US')} levels deep, over the limit of ` +
      `${limits.maxNesting}: nisshi did not read this log; flatten the nesting, or raise maxNesting in ${SETTINGS_FILE}`,
  };
}

function utf8Length(text: string): number {
  // Buffer.byteLength counts without copying; the text can be megabytes.
  return Buffer.byteLength(text, 'utf8');
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MiB (${bytes.toLocaleString('en-US')} bytes)`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KiB (${bytes.toLocaleString('en-US')} bytes)`;
  return `${bytes} bytes`;
}
