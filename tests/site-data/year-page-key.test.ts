/**
 * The year archive pages' props and keys for Astro's incremental build, made from real records by the
 * stats the site uses: a year's key changes with what its page shows, and an edit in another year keeps it.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseLog } from '../../src/index.ts';
import type { LogRecord } from '../../src/record/schema.ts';
import { recordsByMonth, yearPages } from '../../src/site/archive-pages.ts';
import { entryKeysBySlug } from '../../src/site/entry-key.ts';
import { archiveYears, computeStats, logDays, problemThreads, type StatsOptions } from '../../src/stats/index.ts';

interface Log {
  date: string;
  hours: number;
  /** A problem written that day: its title, and whether the day says it is solved. */
  problem?: { title: string; resolved: boolean };
  note?: string;
}

const markdown = ({ date, hours, problem, note }: Log): string =>
  [
    `# ${date}`,
    '',
    '## 学び',
    `- ${note ?? 'Astro のルーティング'}`,
    '',
    ...(problem ? [`#### 問題1: ${problem.title}${problem.resolved ? '（解決済み）' : ''}`, '**現状**: ブロックされる', ''] : []),
    `**学習時間**: ${hours}時間`,
    '',
  ].join('\n');

const logs: Log[] = [
  { date: '2023-06-01', hours: 1 },
  { date: '2024-03-01', hours: 2, problem: { title: 'CORS エラー', resolved: false } },
  { date: '2024-03-02', hours: 3 },
  { date: '2025-01-10', hours: 1 },
  { date: '2025-02-01', hours: 2 },
];

/** Every year's key, as the year route makes them from siteData's parts. */
function keys(list: readonly Log[], weekStart: 'monday' | 'sunday' = 'monday', targetMinutes: number | null = 120): Map<string, string> {
  const entries = list.map((log) => {
    const text = markdown(log);
    const data: LogRecord = parseLog(text, { path: `logs/${log.date}.md` });
    return { id: log.date, digest: createHash('sha256').update(text).digest('hex').slice(0, 16), data };
  });
  const records = entries.map((entry) => entry.data);
  const options: StatsOptions = { today: '2026-01-01', weekStart, vocabulary: undefined, carryOver: undefined } as unknown as StatsOptions;
  const days = logDays(records);
  const pages = yearPages({
    years: archiveYears(days),
    days,
    threads: problemThreads(records),
    months: recordsByMonth(records),
    weekly: computeStats(records, options).weekly,
    weekStart,
    targetMinutes,
    keyOf: entryKeysBySlug(entries),
  });
  return new Map(pages.map(({ shown, cacheKey }) => [shown.year.year, cacheKey]));
}

/** The years whose key differs between two sets of logs (a year present in only one counts). */
function changed(after: Map<string, string>, before = keys(logs)): string[] {
  return [...new Set([...before.keys(), ...after.keys()])].filter((year) => before.get(year) !== after.get(year)).sort();
}

const edit = (date: string, change: Partial<Log>): Log[] => logs.map((log) => (log.date === date ? { ...log, ...change } : log));

describe('year pages', () => {
  it('show each year its own totals, neighbours and threads', () => {
    const entries = logs.map((log) => ({ id: log.date, digest: log.date, data: parseLog(markdown(log), { path: `logs/${log.date}.md` }) }));
    const records = entries.map((entry) => entry.data);
    const days = logDays(records);
    const pages = yearPages({ years: archiveYears(days), days, threads: problemThreads(records), months: recordsByMonth(records), weekly: [], weekStart: 'monday', targetMinutes: null, keyOf: entryKeysBySlug(entries) });
    expect(pages.map(({ shown }) => [shown.year.year, shown.previous, shown.next])).toEqual([['2023', null, '2024'], ['2024', '2023', '2025'], ['2025', '2024', null]]);
    const y2024 = pages[1]!.shown;
    expect(y2024.threads).toEqual({ opened: 1, resolved: 0 });
    expect(y2024.threadsByMonth['2024-03']).toEqual({ opened: 1, resolved: 0 });
    expect(y2024.cells).toHaveLength(366);
    expect(y2024.cells.filter((cell) => cell.minutes !== null).map((cell) => cell.date)).toEqual(['2024-03-01', '2024-03-02']);
  });

  it.each<[string, Map<string, string>, string[]]>([
    ['a log edited in its text only: its year', keys(edit('2024-03-02', { note: 'Vite の設定' })), ['2024']],
    ['a log\'s study time: its year', keys(edit('2025-02-01', { hours: 4 })), ['2025']],
    ['a log added to a year: that year', keys([...logs, { date: '2023-07-01', hours: 1 }]), ['2023']],
    ['a log in a new year: it, and the year before (its next link)', keys([...logs, { date: '2026-01-02', hours: 1 }]), ['2025', '2026']],
    ['a problem of 2024 solved in 2025: 2025 (its log and resolved count), not 2024', keys(edit('2025-01-10', { problem: { title: 'CORS エラー', resolved: true } })), ['2025']],
    ['the week start: every year', keys(logs, 'sunday'), ['2023', '2024', '2025']],
    ['the weekly target turned off: every year', keys(logs, 'monday', null), ['2023', '2024', '2025']],
  ])('change with %s', (_name, after, years) => {
    expect(changed(after)).toEqual(years);
  });

  it('keep every key when nothing changed', () => {
    expect(changed(keys(logs))).toEqual([]);
  });
});
