/** A log's slug: its file name, or its date where the name alone says too little (2024/05/01.md). */

export function slugFromPath(path: string, date: string | null): string {
  const name = path.split(/[\\/]/).pop() ?? '';
  const stem = name.replace(/\.(md|markdown)$/i, '');
  // "01.md" inside 2024/05/ is one of twelve "01"s: the date is what names it.
  if (date && !/\d{4}/.test(stem)) return date;
  const slug = stem
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}_-]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return slug || date || 'log';
}
