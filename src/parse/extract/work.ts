/** The day's work: the items under 取り組んだ課題一覧 / やったこと / 実施内容, done when ticked. */
import type { WorkItem } from '../../record/schema.ts';
import type { LogContext } from '../context.ts';
import { markedItems } from './sections.ts';

export function extractWork(context: LogContext): WorkItem[] {
  return markedItems(context, 'work');
}
