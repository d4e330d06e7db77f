/** A log's slug: its file name, or its date where the name alone says too little (2024/05/01.md). */
import { dateFromPath } from './date-forms.ts';

export function slugFromPath(path: string, date: string | null): string {
  const name = path.split(/[\\/]/).pop() ?? '';
  const stem = name.replace(/\.(md|markdown)$/i, '');
  // "01.md" inside 2024/05/ is one of twelve "01"s, "0803.md" one of many years': the date is what names them.
  if (date && /^[\d\s_.\-年月日]*$/u.test(stem) && dateFromPath(name) !== date) return date;
  const slug = stem
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}_-]+/gu, '-')
    .replace(/^-+|(?<!-)-+$/g, '');
  return slug || date || 'log';
}
