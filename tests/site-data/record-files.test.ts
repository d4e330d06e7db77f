/** The published records as one JSON file a year, each keyed for Astro's incremental build. */
import { describe, expect, it } from 'vitest';
import type { LogEntry } from '../../src/site/logs.ts';
import type { SiteRecord } from '../../src/record/stored-record.ts';
import { recordIndex, recordYears, UNDATED } from '../../src/site/record-files.ts';

const entry = (id: string, date: string | null, digest = `d-${id}`) => ({ id, digest, data: { slug: id, date } }) as unknown as LogEntry;

/** The years of these entries, each entry's record standing in for the one siteData reads (its data, with its id to follow it). */
const yearsOf = (list: readonly LogEntry[]) => recordYears(list, list.map((one) => ({ ...one.data, title: `record of ${one.id}` }) as unknown as SiteRecord));

// Newest first, as the site lists them.
const entries = [entry('2026-01-02', '2026-01-02'), entry('2025-12-31', '2025-12-31'), entry('2025-01-01', '2025-01-01'), entry('notes', null), entry('2024-06-30', '2024-06-30')];

describe('recordYears', () => {
  it('puts each record in its year, newest year first and the undated last, keeping the order within a year', () => {
    const years = yearsOf(entries);
    expect(years.map((year) => [year.year, year.entries.map((each) => each.data.slug)])).toEqual([
      ['2026', ['2026-01-02']],
      ['2025', ['2025-12-31', '2025-01-01']],
      ['2024', ['2024-06-30']],
      [UNDATED, ['notes']],
    ]);
    // Each entry's own record goes with it.
    for (const year of years) expect(year.records.map((record) => record.title)).toEqual(year.entries.map((each) => `record of ${each.id}`));
  });

  it('changes a year\'s key when one of its logs changes, and no other year\'s', () => {
    const before = yearsOf(entries);
    const edited = entries.map((one) => (one.id === '2025-01-01' ? entry('2025-01-01', '2025-01-01', 'edited') : one));
    const after = yearsOf(edited);
    expect(after.map((year) => year.cacheKey !== before.find((old) => old.year === year.year)!.cacheKey)).toEqual([false, true, false, false]);
  });

  it('changes a year\'s key when a log is added to it or leaves it', () => {
    const before = new Map(yearsOf(entries).map((year) => [year.year, year.cacheKey]));
    const added = new Map(yearsOf([entry('2025-12-31b', '2025-12-31'), ...entries]).map((year) => [year.year, year.cacheKey]));
    expect(added.get('2025')).not.toBe(before.get('2025'));
    expect(added.get('2024')).toBe(before.get('2024'));
    const removed = new Map(yearsOf(entries.filter((one) => one.id !== '2025-12-31')).map((year) => [year.year, year.cacheKey]));
    expect(removed.get('2025')).not.toBe(before.get('2025'));
  });
});

describe('recordIndex', () => {
  it('lists each year\'s file with its number of logs, under the site\'s base path', () => {
    expect(recordIndex(yearsOf(entries), (year) => `/nisshi/data/logs/${year}.json`)).toEqual({
      years: [
        { year: '2026', logs: 1, path: '/nisshi/data/logs/2026.json' },
        { year: '2025', logs: 2, path: '/nisshi/data/logs/2025.json' },
        { year: '2024', logs: 1, path: '/nisshi/data/logs/2024.json' },
        { year: UNDATED, logs: 1, path: `/nisshi/data/logs/${UNDATED}.json` },
      ],
    });
  });
});
