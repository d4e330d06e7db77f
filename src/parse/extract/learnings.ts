/** Learnings: the items under 学び / わかったこと / 技術的な学び / TIL, with their lines (record.learnings and record.learningLines, in step). */
import type { LogContext } from '../context.ts';
import { sectionItems } from './sections.ts';

export function extractLearningEntries(context: LogContext): Array<{ text: string; line: number }> {
  return sectionItems(context, 'learnings').map(({ text, line }) => ({ text, line }));
}
