/**
 * The search index is cut into parts, one per year of logs, so that a day's
 * edit re-indexes one year and not ten: Pagefind has no incremental mode (it
 * reads and segments every page on every run, 31 s for 3,602 generated log
 * pages here, 2.5 s for one year), but its search UI merges several indexes
 * at query time (`mergeIndex`). Pure: which page goes to which part, and the
 * fingerprint that says whether a part must be built again.
 */
import { createHash } from 'node:crypto';

/** A page to index: its path below the site (`logs/2025-08-03/index.html`) and its HTML's bytes. */
export interface IndexedPage {
  sourcePath: string;
  html: Uint8Array;
}

/** Log pages are the only ones Pagefind indexes (`data-pagefind-body`); one folder each under logs/. */
export const LOG_PAGE = /^logs\/([^/]+)\/index\.html$/;

/** The part a log page belongs to: the year its slug starts with, or `other` (a slug with no date). */
export function partitionOf(sourcePath: string): string {
  const slug = LOG_PAGE.exec(sourcePath)?.[1] ?? '';
  return /^\d{4}-/.test(slug) ? slug.slice(0, 4) : 'other';
}

/** The pages grouped by part, parts newest first (`other` last), pages in path order. */
export function groupPages(pages: readonly IndexedPage[], partOf: (sourcePath: string) => string = partitionOf): Map<string, IndexedPage[]> {
  const groups = new Map<string, IndexedPage[]>();
  for (const page of [...pages].sort((a, b) => (a.sourcePath < b.sourcePath ? -1 : a.sourcePath > b.sourcePath ? 1 : 0))) {
    const key = partOf(page.sourcePath);
    const group = groups.get(key);
    if (group) group.push(page);
    else groups.set(key, [page]);
  }
  return new Map([...groups].sort(([a], [b]) => partOrder(a, b)));
}

function partOrder(a: string, b: string): number {
  if (a === 'other' || b === 'other') return a === b ? 0 : a === 'other' ? 1 : -1;
  return a < b ? 1 : a > b ? -1 : 0;
}

/**
 * What a part's index is made from: every page's path and bytes, and the
 * Pagefind version (a new one may write a different index from the same pages).
 */
export function fingerprint(pages: readonly IndexedPage[], pagefindVersion: string): string {
  const hash = createHash('sha256').update(`pagefind ${pagefindVersion}\n`);
  for (const page of pages) hash.update(`${page.sourcePath}\0${createHash('sha256').update(page.html).digest('hex')}\n`);
  return hash.digest('hex');
}
