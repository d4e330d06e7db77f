/** Keys for Astro's incremental build made of what a page shows: logs by their entry keys, the rest as plain data. */
import { describe, expect, it } from 'vitest';
import { entryKeysByRecord, pageKey } from '../../src/site/entry-key.ts';
import type { LogRecord } from '../../src/record/schema.ts';

const entry = (id: string, digest: string) => ({ id, digest, data: { date: id, tags: ['aws'] } as unknown as LogRecord });

describe('page keys', () => {
  it('finds each record\'s entry key by the record itself', () => {
    const entries = [entry('2025-08-03', 'a1'), entry('2025-08-04', 'b1')];
    const keyOf = entryKeysByRecord(entries, entries.map((each) => each.data));
    expect(keyOf(entries[0]!.data)).toBe('2025-08-03:a1');
    expect(keyOf(entries[1]!.data)).toBe('2025-08-04:b1');
    // A record that is no entry's (never in siteData) stands for itself.
    expect(keyOf({ date: 'x' } as unknown as LogRecord)).toBe('{"date":"x"}');
  });

  it('is the same for the same page and changes with any of it', () => {
    const tagPage = (digest: string, page = 1) => {
      const entries = [entry('2025-08-03', digest)];
      const keyOf = entryKeysByRecord(entries, entries.map((each) => each.data));
      return pageKey({ tag: 'aws', page, pages: 2, records: entries.map((each) => keyOf(each.data)) });
    };
    expect(tagPage('a1')).toBe(tagPage('a1'));
    expect(tagPage('a2')).not.toBe(tagPage('a1'));
    expect(tagPage('a1', 2)).not.toBe(tagPage('a1'));
    expect(tagPage('a1')).toMatch(/^[0-9a-f]{32}$/);
  });
});
