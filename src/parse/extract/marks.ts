/** The marks writers put before done / not-done items: ✅ ☑️ ✔️ and ❌ ⬜ ☐. */

const doneMarks = ['✅', '☑️', '☑', '✔️', '✔', '✓', '🗹'];
const openMarks = ['❌', '⬜', '⬜️', '☐', '✗', '✖️', '✖', '🔲'];
const marks = [...doneMarks, ...openMarks].sort((a, b) => b.length - a.length);

export interface Marked {
  done: boolean;
  /** The text after the mark, trimmed. */
  text: string;
}

/** The mark a line starts with, if any. */
export function readMark(line: string): Marked | null {
  const trimmed = line.trimStart();
  for (const mark of marks) {
    if (trimmed.startsWith(mark)) {
      return { done: doneMarks.includes(mark), text: trimmed.slice(mark.length).replace(/^[\ufe0f\s]+/u, '').trim() };
    }
  }
  return null;
}

/** Text without a leading mark, and whether the mark said done (null: no mark). */
export function withoutMark(line: string): { text: string; done: boolean | null } {
  const marked = readMark(line);
  return marked ? marked : { text: line.trim(), done: null };
}

/** Bullets Japanese writers type as text: 「・」 and 「•」 with or without a space after them. */
const BULLETS = '・•●○◦‣▪';
/** Markdown's own markers, which make a list only with an ASCII space after them: "-　HTML" (a full-width space) stays a paragraph line. */
const MARKERS = '-*+';
const SPACES = ' \t\u3000';

/**
 * A paragraph line without the list marker it was typed with: "-　HTML の復習"
 * (the full-width space makes it no Markdown list) and "・Flexbox" are list
 * items to their writer. A marker alone ("・") leaves nothing.
 */
export function withoutListMarker(text: string): string {
  let at = 0;
  // "・・・" is an ellipsis, not a bullet.
  if (BULLETS.includes(text[0] ?? '\u0000') && !BULLETS.includes(text[1] ?? '\u0000')) at = 1;
  else if (MARKERS.includes(text[0] ?? '\u0000') && (SPACES.includes(text[1] ?? '\u0000') || text.length === 1)) at = 1;
  else return text;
  while (at < text.length && SPACES.includes(text[at]!)) at++;
  return text.slice(at);
}
