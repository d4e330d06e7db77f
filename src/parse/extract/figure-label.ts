/**
 * Splitting a figure line into its label and value without a regular
 * expression. The patterns this replaces (a lazy label between `\s*` runs)
 * took time in the cube of a line of spaces: 8,000 spaces between `**` held a
 * build for four minutes. These walks look at each character a fixed number of
 * times, and return exactly what those patterns captured.
 */
import { STRONG_CLOSE, STRONG_OPEN } from '../inline.ts';

export interface LabelSplit {
  label: string;
  /** The text after the colon (the value as written), possibly with spaces around it. */
  raw: string;
}

const COLONS = ':：';
/** Characters `.` does not match: a value holding one was not a figure line to the old pattern either. */
const LINE_BREAK = /[\n\r\u2028\u2029]/;

/** `**label**: value`, `**label:** value`, `**label：**value`: the colon may sit inside or after the bold. */
export function splitBoldLabel(marked: string): LabelSplit | null {
  if (!marked.startsWith(STRONG_OPEN)) return null;
  const close = marked.indexOf(STRONG_CLOSE, STRONG_OPEN.length);
  if (close <= STRONG_OPEN.length) return null;
  const inner = marked.slice(STRONG_OPEN.length, close);
  if (inner.includes(STRONG_OPEN)) return null;
  const inside = trailingColon(inner);
  let rest = marked.slice(close + STRONG_CLOSE.length).trimStart();
  const after = rest !== '' && COLONS.includes(rest[0]!);
  if (after) rest = rest.slice(1).trimStart();
  if (!(inside.colon || after) || LINE_BREAK.test(rest)) return null;
  return { label: inside.label, raw: rest };
}

/** `label: value` in plain text: a label of at most 40 characters before the first colon. */
export function splitPlainLabel(text: string): LabelSplit | null {
  let colon = -1;
  for (let i = 0; i < text.length; i++) {
    if (COLONS.includes(text[i]!)) {
      colon = i;
      break;
    }
  }
  if (colon <= 0) return null;
  const before = text.slice(0, colon);
  if (before.includes(STRONG_OPEN) || before.includes(STRONG_CLOSE)) return null;
  // The label keeps at least one character, as `{1,40}?` did, even when that character is a space.
  const label = before.trimEnd() || before[0]!;
  if (label.length > 40) return null;
  const raw = text.slice(colon + 1);
  const value = raw.trimStart();
  // `\s*(.+)$`: one character at least, and no line break in the part `.` has to match.
  if (LINE_BREAK.test(value)) return null;
  if (value === '') return raw === '' || LINE_BREAK.test(raw.slice(-1)) ? null : { label, raw: raw.slice(-1) };
  return { label, raw: value };
}

/** "学習時間 ：" → label "学習時間", colon; a colon alone stays the label, since a label is never empty. */
function trailingColon(inner: string): { label: string; colon: boolean } {
  const end = inner.trimEnd();
  if (end.length > 1 && COLONS.includes(end[end.length - 1]!)) {
    const label = end.slice(0, -1).trimEnd();
    return { label: label || end.slice(0, -1), colon: true };
  }
  return { label: end || inner, colon: false };
}

const SPACES = ' \t\u3000';

/**
 * `学習時間 2h`, `**作業時間** 3時間`, `所要時間　約3時間`: a label with no colon,
 * then spaces, then the value. Only for the labels `known` accepts (the
 * study-time ones): a line opening with any word and a space is no figure.
 */
export function splitSpacedLabel(marked: string, known: (label: string) => boolean): LabelSplit | null {
  let label: string;
  let rest: string;
  if (marked.startsWith(STRONG_OPEN)) {
    const close = marked.indexOf(STRONG_CLOSE, STRONG_OPEN.length);
    if (close <= STRONG_OPEN.length) return null;
    label = marked.slice(STRONG_OPEN.length, close).trim();
    rest = marked.slice(close + STRONG_CLOSE.length);
  } else {
    let end = 0;
    while (end < marked.length && !SPACES.includes(marked[end]!)) end++;
    if (end === 0 || end === marked.length) return null;
    label = marked.slice(0, end);
    rest = marked.slice(end);
  }
  const raw = trimSpaces(rest);
  if (raw === '' || raw.includes(STRONG_OPEN) || LINE_BREAK.test(raw) || !known(label)) return null;
  return { label, raw };
}

function trimSpaces(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && SPACES.includes(text[start]!)) start++;
  while (end > start && SPACES.includes(text[end - 1]!)) end--;
  return text.slice(start, end);
}
