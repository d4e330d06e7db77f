/** Learnings: the items under 学び / わかったこと / 技術的な学び / TIL. */
import type { LogContext } from '../context.ts';
import { sectionItems } from './sections.ts';

export function extractLearnings(context: LogContext): string[] {
  return sectionItems(context, 'learnings').map((entry) => entry.text);
}
