/**
 * One part's file of the search index: its log pages read (extract.ts), newest
 * first. Pure over the pages' bytes, so a part can be made on any thread.
 */
import { extractSearchDoc, type SearchDoc } from './extract.ts';
import { LOG_PAGE, type IndexedPage } from './partitions.ts';

/** The format of the files; the search page refuses another. */
export const FORMAT = 1;

/** What a part's file holds. */
export interface SearchPartFile {
  version: typeof FORMAT;
  part: string;
  docs: SearchDoc[];
}

const decoder = new TextDecoder();

export function partJson(part: string, pages: readonly IndexedPage[]): string {
  const docs: SearchDoc[] = [];
  for (const page of pages) {
    const slug = LOG_PAGE.exec(page.sourcePath)![1]!;
    const doc = extractSearchDoc(slug, decoder.decode(page.html));
    if (doc) docs.push(doc);
  }
  docs.reverse();
  return `${JSON.stringify({ version: FORMAT, part, docs } satisfies SearchPartFile)}\n`;
}
