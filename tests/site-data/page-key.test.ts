/** Keys for Astro's incremental build made of what a page shows: logs by their entry keys, the rest as plain data. */
import { describe, expect, it } from 'vitest';
import { entryKeysBySlug, pageKey } from '../../src/site/entry-key.ts';
import type { LogRecord } from '../../src/record/schema.ts';

// An entry's id is its record's slug (parse/draft.ts: pageSlug).
const entry = (id: string, digest: string) => ({ id, digest, data: { slug: id, date: id, tags: ['aws'] } as unknown as LogRecord });

describe('page keys', () => {
  it('finds each record\'s entry key by its slug, and that of anything naming a log by its slug', () => {
    const entries = [entry('2025-08-03', 'a1'), entry('2025-08-04', 'b1')];
    const keyOf = entryKeysBySlug(entries);
    expect(keyOf(entries[0]!.data)).toBe('2025-08-03:a1');
    expect(keyOf(entries[1]!.data)).toBe('2025-08-04:b1');
    // A problem's occurrence names its log by slug (the problem thread pages).
    expect(keyOf({ slug: '2025-08-04', title: 'CORS', line: 9 } as unknown as LogRecord)).toBe('2025-08-04:b1');
    // A record that is no entry's (never in siteData) stands for itself.
    expect(keyOf({ date: 'x' } as unknown as LogRecord)).toBe('{"date":"x"}');
  });

  it('is the same for the same page and changes with any of it', () => {
    const tagPage = (digest: string, page = 1) => {
      const entries = [entry('2025-08-03', digest)];
      const keyOf = entryKeysBySlug(entries);
      return pageKey({ tag: 'aws', page, pages: 2, records: entries.map((each) => keyOf(each.data)) });
    };
    expect(tagPage('a1')).toBe(tagPage('a1'));
    expect(tagPage('a2')).not.toBe(tagPage('a1'));
    expect(tagPage('a1', 2)).not.toBe(tagPage('a1'));
    expect(tagPage('a1')).toMatch(/^[0-9a-f]{32}$/);
  });
});
