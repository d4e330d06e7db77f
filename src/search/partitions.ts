/**
 * The search index is cut into parts: the newest month of logs is the part
 * `recent` (the days a writer edits), every other log is in the part of its
 * year. A day's edit then changes one small part: the build reads a month of
 * pages again instead of ten years, the deploy uploads one file of about 30
 * logs, and a reader's browser, which keeps the other parts (their files are
 * named by content and cached for a year), downloads only that. When a new
 * month starts, the month before joins its year, whose part is built again
 * once. `recent` keeps its name from month to month, so the deploy sees one
 * part changing, not a part vanishing.
 * Pure: which page goes to which part, and the fingerprint that says whether a
 * part must be built again.
 */
import { createHash } from 'node:crypto';

/** A page to index: its path below the site (`logs/2025-08-03/index.html`) and its HTML's bytes. */
export interface IndexedPage {
  sourcePath: string;
  html: Uint8Array;
}

/** Log pages are the only ones indexed (`data-search-body`); one folder each under logs/. */
export const LOG_PAGE = /^logs\/([^/]+)\/index\.html$/;

/** The part of the newest month's logs. */
export const RECENT = 'recent';

/** The year part a log page belongs to: the year its slug starts with, or `other` (a slug with no date). */
export function partitionOf(sourcePath: string): string {
  const slug = LOG_PAGE.exec(sourcePath)?.[1] ?? '';
  return /^\d{4}-/.test(slug) ? slug.slice(0, 4) : 'other';
}

/** `2025-08` for a log page whose slug starts with a date (`2025-08-03`, `2025-08-03-evening`). */
function monthOf(sourcePath: string): string | undefined {
  const slug = LOG_PAGE.exec(sourcePath)?.[1] ?? '';
  return /^\d{4}-\d{2}-\d{2}(?!\d)/.test(slug) ? slug.slice(0, 7) : undefined;
}

/** Which part each of these pages goes to: the newest month's logs to `recent`, the others by year (partitionOf). */
export function partitionsOf(sourcePaths: Iterable<string>): (sourcePath: string) => string {
  let newest: string | undefined;
  for (const sourcePath of sourcePaths) {
    const month = monthOf(sourcePath);
    if (month !== undefined && (newest === undefined || month > newest)) newest = month;
  }
  return (sourcePath) => (newest !== undefined && monthOf(sourcePath) === newest ? RECENT : partitionOf(sourcePath));
}

/** The pages grouped by part, parts newest first (`recent`, then years, `other` last), pages in path order. */
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
  if (a === RECENT || b === RECENT) return a === b ? 0 : a === RECENT ? -1 : 1;
  if (a === 'other' || b === 'other') return a === b ? 0 : a === 'other' ? 1 : -1;
  return a < b ? 1 : a > b ? -1 : 0;
}

/**
 * What a part's index is made from: every page's path and bytes, and the
 * version of the code that indexes them (new code may index the same pages
 * differently).
 */
export function fingerprint(pages: readonly IndexedPage[], indexVersion: string): string {
  const hash = createHash('sha256').update(`index ${indexVersion}\n`);
  for (const page of pages) hash.update(`${page.sourcePath}\0${createHash('sha256').update(page.html).digest('hex')}\n`);
  return hash.digest('hex');
}
