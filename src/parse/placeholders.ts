/**
 * The placeholders of the template `nisshi new` writes (src/cli/template.ts),
 * recognised in a log so that an untouched or half-filled template is warned
 * about (`template-placeholder`, one per placeholder left, with its line)
 * instead of being published as a real day of 0 hours.
 *
 * The template builds its text from this list, so the two cannot drift.
 */
import type { Diagnostic } from '../record/schema.ts';
import { diagnose } from '../record/rules.ts';

/** The words inside （　） the template writes, for the writer to overwrite. */
export const PLACEHOLDERS = {
  goal1: '目標1',
  goal2: '目標2',
  did: '取り組んだこと',
  done: 'できたこと',
  details: '詳しく',
  notDone: 'できなかったこと',
  problemTitle: '問題の見出し',
  current: '何が起きているか',
  impact: 'そのままだと何が困るか',
  solution: 'どう直したか、どう直すか',
  learning: '学んだこと',
  today: '急ぎのタスク',
  thisWeek: '短期のタスク',
  nextWeek: 'その次のタスク',
  reference: '資料の名前',
} as const;

/** The template's study time line: a day of 0 hours is almost always the template left as it was. */
export const STUDY_TIME_PLACEHOLDER = '**学習時間**: 0時間';

const placeholderWords = new Set<string>(Object.values(PLACEHOLDERS));

/** `（目標1）` as written in the template. */
export function placeholder(word: string): string {
  return `（${word}）`;
}

/** One warning per placeholder left in the text (lines after the frontmatter's only). */
export function placeholderDiagnostics(text: string, frontmatterLines: number): Diagnostic[] {
  if (!text.includes('（') && !text.includes(STUDY_TIME_PLACEHOLDER)) return [];
  const found: Diagnostic[] = [];
  const lines = text.split('\n');
  for (let index = frontmatterLines; index < lines.length; index++) {
    const line = lines[index]!;
    if (line.trim() === STUDY_TIME_PLACEHOLDER) {
      found.push(diagnose('template-placeholder', index + 1, line.indexOf('*') + 1, { text: '0時間' }));
    }
    let from = 0;
    for (;;) {
      const open = line.indexOf('（', from);
      if (open === -1) break;
      const close = line.indexOf('）', open + 1);
      if (close === -1) break;
      const word = line.slice(open + 1, close);
      if (placeholderWords.has(word)) {
        found.push(diagnose('template-placeholder', index + 1, [...line.slice(0, open)].length + 1, { text: placeholder(word) }));
      }
      from = open + 1;
    }
  }
  return found;
}

/** Whether a text holds one of the template's placeholders (an untouched goal or problem is nothing to carry). */
export function isPlaceholderText(text: string): boolean {
  for (const word of placeholderWords) if (text.includes(placeholder(word))) return true;
  return false;
}
