/** The day's work: the items under 取り組んだ課題一覧 / やったこと / 実施内容, done when ticked. */
import type { WorkItem } from '../../record/schema.ts';
import type { LogContext } from '../context.ts';
import { withoutMark } from './marks.ts';
import { sectionItems } from './sections.ts';

export function extractWork(context: LogContext): WorkItem[] {
  return sectionItems(context, 'work').flatMap((entry) => {
    const { text, done } = withoutMark(entry.text);
    if (!text) return [];
    const checked = entry.item?.checked;
    return [{ text, done: typeof checked === 'boolean' ? checked : done, line: entry.line }];
  });
}
