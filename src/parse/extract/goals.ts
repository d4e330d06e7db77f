/** Goals: the items under 今日の目標 / 目標 / Goals. */
import type { Goal } from '../../record/schema.ts';
import type { LogContext } from '../context.ts';
import { withoutMark } from './marks.ts';
import { sectionItems } from './sections.ts';

export function extractGoals(context: LogContext): Goal[] {
  return sectionItems(context, 'goals').flatMap((entry) => {
    const { text, done } = withoutMark(entry.text);
    if (!text) return [];
    const checked = entry.item?.checked;
    return [{ text, done: typeof checked === 'boolean' ? checked : done, line: entry.line }];
  });
}
