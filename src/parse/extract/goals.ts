/** Goals: the items under 今日の目標 / 目標 / Goals. */
import type { Goal } from '../../record/schema.ts';
import type { LogContext } from '../context.ts';
import { markedItems } from './sections.ts';

export function extractGoals(context: LogContext): Goal[] {
  return markedItems(context, 'goals');
}
