/** The month archive page's key for Astro's incremental build: it changes with what the page shows, and only then. */
import { describe, expect, it } from 'vitest';
import { monthPageCacheKey, recordsByMonth, type MonthPageParts } from '../../src/site/archive-pages.ts';
import { entryKeysBySlug } from '../../src/site/entry-key.ts';
import type { LogRecord } from '../../src/record/schema.ts';

const entry = (id: string, date: string | null, digest: string) => ({ id, digest, data: { date, slug: id } as unknown as LogRecord });
const entries = [
  entry('2025-08-03', '2025-08-03', 'a1'),
  entry('2025-08-04', '2025-08-04', 'b1'),
  entry('2025-09-01', '2025-09-01', 'c1'),
  entry('no-date', null, 'd1'),
];
const archive = { month: '2025-08', logs: 2, days: 2, studyMinutes: 180, approximate: false } as unknown as MonthPageParts['archive'];

/** The key as the month page makes it: the logs it lists (recordsByMonth, as siteData's months) by their entry keys. */
function keyOf(list: typeof entries, change: Partial<MonthPageParts> = {}): string {
  const logs = (recordsByMonth(list.map((each) => each.data)).get('2025-08') ?? []).map(entryKeysBySlug(list));
  return monthPageCacheKey({ archive, previous: '/logs/2025/07/', next: '/logs/2025/09/', weekStart: 'monday', logs, ...change });
}

describe('monthPageCacheKey', () => {
  it('groups the dated logs by month and leaves an undated one out', () => {
    const byMonth = recordsByMonth(entries.map((each) => each.data));
    expect([...byMonth.keys()]).toEqual(['2025-08', '2025-09']);
    expect(byMonth.get('2025-08')).toHaveLength(2);
    // Each listed log is keyed by its entry (id and digest), found by the record itself.
    expect(byMonth.get('2025-08')!.map(entryKeysBySlug(entries))).toEqual(['2025-08-03:a1', '2025-08-04:b1']);
  });

  it('is kept when a log of another month or an undated log changes', () => {
    const before = keyOf(entries);
    expect(keyOf(entries.map((each) => (each.id === '2025-09-01' ? entry('2025-09-01', '2025-09-01', 'c2') : each)))).toBe(before);
    expect(keyOf(entries.map((each) => (each.id === 'no-date' ? entry('no-date', null, 'd2') : each)))).toBe(before);
  });

  it.each<[string, (list: typeof entries) => typeof entries, Partial<MonthPageParts>]>([
    ['a log of the month edited', (list) => list.map((each) => (each.id === '2025-08-04' ? entry('2025-08-04', '2025-08-04', 'b2') : each)), {}],
    ['a log added to the month', (list) => [...list, entry('2025-08-05', '2025-08-05', 'e1')], {}],
    ['a log of the month removed', (list) => list.filter((each) => each.id !== '2025-08-03'), {}],
    ['its totals', (list) => list, { archive: { ...archive, studyMinutes: 200 } }],
    ['a neighbour month appearing', (list) => list, { previous: '/logs/2025/06/' }],
    ['the week start', (list) => list, { weekStart: 'sunday' }],
  ])('changes with %s', (_name, change, parts) => {
    expect(keyOf(change(entries), parts)).not.toBe(keyOf(entries));
  });
});
