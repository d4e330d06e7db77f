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
