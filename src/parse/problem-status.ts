/**
 * Whether a problem was written as solved: a status word beside its title
 * ("問題1: …（解決済み）", "問題1: … - 解決", "✅ 問題1: …", "~~…~~") or a status
 * field among its parts ("**状態**: 解決"). Read without regular expressions
 * over the whole line, so no title, however long, costs more than one pass.
 */
import type { ProblemStatus } from '../record/schema.ts';

/** Words that close a problem. Compared after NFKC and lower-casing, whole, never as part of a longer word. */
export const RESOLVED_WORDS: readonly string[] = ['解決済み', '解決済', '解決', '対応済み', '対応済', '完了', '解消', '解消済み', 'resolved', 'done', 'fixed', 'solved', 'closed'];
/** Words that keep a problem open: 未解決 must never read as 解決. */
export const OPEN_WORDS: readonly string[] = ['未解決', '対応中', '保留', '調査中', '未対応', '継続', 'open', 'wip', 'pending', 'unresolved'];
/** Labels of a status field among a problem's parts. "status" is also a 現状 label: it is a status only when its value is a status word. */
export const STATUS_LABELS: readonly string[] = ['状態', 'ステータス', '状況', 'status'];

const CHECK_MARKS = ['✅', '✔️', '✔', '☑️', '☑'];
const BRACKETS: ReadonlyArray<readonly [string, string]> = [['(', ')'], ['（', '）'], ['[', ']'], ['［', '］'], ['【', '】'], ['「', '」'], ['『', '』'], ['〔', '〕']];
/** What may stand between a title and a trailing status word: "… - 解決", "… → 解決済み", "… | done". */
const SEPARATORS = new Set(['-', '－', '–', '—', '→', '⇒', '|', '｜', '/', '／', ':', '：', '・']);
const ASCII = /^[a-z]+$/;

/** The status a word names, or null: "解決済み" → resolved, "未解決" → open, "解決策" → null. */
export function statusOfWord(word: string): ProblemStatus | null {
  let folded = word.normalize('NFKC').trim().toLowerCase();
  while (folded.length > 0 && '。.!！、,'.includes(folded.at(-1)!)) folded = folded.slice(0, -1);
  if (OPEN_WORDS.includes(folded)) return 'open';
  if (RESOLVED_WORDS.includes(folded)) return 'resolved';
  return null;
}

/** A check mark at the start of `text`, and what follows it; null when there is none. */
export function afterCheckMark(text: string): string | null {
  const mark = CHECK_MARKS.find((candidate) => text.startsWith(candidate));
  return mark === undefined ? null : text.slice(mark.length).trimStart();
}

/**
 * The status written in or beside a problem's title, and the title without it:
 * "Lambdaが遅い（解決済み）" → { title: "Lambdaが遅い", status: "resolved" }.
 * A word is a status only when it is bracketed, after a separator or a check
 * mark, or (Japanese words) set apart by a space at the end — so "解決策を探す"
 * and "get it done" stay titles.
 */
export function readTitleStatus(written: string): { title: string; status: ProblemStatus | null } {
  // The title keeps its own characters (full-width ones included); only the words are compared folded.
  let title = written.trim();
  let status: ProblemStatus | null = null;
  const found = (value: ProblemStatus | null): void => {
    if (value !== null && status !== 'open') status = value;
  };
  for (let pass = 0; pass < 3; pass++) {
    const before = title;
    const leading = afterCheckMark(title);
    if (leading !== null) {
      found('resolved');
      title = leading;
    }
    title = stripBracketed(title, found);
    title = stripTrailing(title, found);
    if (title === before) break;
  }
  // A title that was nothing but a status keeps its words: there must be something to call it.
  return title === '' ? { title: written.trim(), status } : { title, status };
}

function stripBracketed(title: string, found: (status: ProblemStatus | null) => void): string {
  for (const [open, close] of BRACKETS) {
    if (title.endsWith(close)) {
      const start = title.lastIndexOf(open);
      const status = start === -1 ? null : wordStatus(title.slice(start + open.length, -close.length));
      if (status !== null) {
        found(status);
        return title.slice(0, start).trimEnd();
      }
    }
    if (title.startsWith(open)) {
      const end = title.indexOf(close);
      const status = end === -1 ? null : wordStatus(title.slice(open.length, end));
      if (status !== null) {
        found(status);
        return title.slice(end + close.length).trimStart();
      }
    }
  }
  return title;
}

/** A bracketed or trailing word: may itself carry a check mark ("✅解決"). */
function wordStatus(word: string): ProblemStatus | null {
  const trimmed = word.trim();
  const unmarked = afterCheckMark(trimmed);
  if (unmarked === '') return 'resolved';
  return statusOfWord(unmarked ?? trimmed);
}

function stripTrailing(title: string, found: (status: ProblemStatus | null) => void): string {
  const words = title.split(/[ \u3000]/u).filter((word) => word !== '');
  if (words.length < 2) return title;
  const last = words.at(-1)!;
  const previous = words.at(-2)!;
  // "… ✅" alone at the end.
  if (afterCheckMark(last) === '') {
    found('resolved');
    return words.slice(0, -1).join(' ');
  }
  const status = wordStatus(last);
  if (status === null) return title;
  const marked = afterCheckMark(last) !== null;
  if (SEPARATORS.has(previous)) {
    found(status);
    return words.slice(0, -2).join(' ');
  }
  const separated = SEPARATORS.has(previous.at(-1)!) && previous.length > 1;
  const japanese = !ASCII.test(statusWordOf(last));
  if (separated || marked || japanese) {
    found(status);
    const rest = words.slice(0, -1);
    if (separated) rest[rest.length - 1] = previous.slice(0, -1);
    return rest.join(' ');
  }
  return title;
}

function statusWordOf(word: string): string {
  return (afterCheckMark(word) ?? word).normalize('NFKC').toLowerCase();
}

/**
 * A status field line ("状態: 解決", "Status: resolved (8/5)"), given as plain
 * text: the status, or null when the line is no status field or its value
 * names no status (then it is left to the other part labels).
 */
export function readStatusField(text: string): ProblemStatus | null {
  const folded = text.normalize('NFKC').trim();
  const lower = folded.toLowerCase();
  const label = STATUS_LABELS.find((candidate) => lower.startsWith(candidate));
  if (label === undefined) return null;
  const rest = folded.slice(label.length).trimStart();
  if (!rest.startsWith(':')) return null;
  const value = rest.slice(1).trim();
  const marked = afterCheckMark(value);
  if (marked === '') return 'resolved';
  const first = (marked ?? value).split(/[\s(（、,。]/u, 1)[0] ?? '';
  return statusOfWord(first) ?? (marked !== null ? 'resolved' : null);
}
