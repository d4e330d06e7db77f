/** The year and month archive figures, from tiny logs parsed for real. */
import { describe, expect, it } from 'vitest';
import { archiveYears, daysByDate, heatmapOf, logDays, monthBounds } from '../../src/stats/index.ts';
import { tinyLog } from './helpers.ts';

describe('archive', () => {
  const records = [
    tinyLog('2024-12-31', 30),
    tinyLog('2025-02-03', 60, '## 今日\n- [x] 読む\n- [ ] 書く\n\n### 問題1: 遅い\n**現状**: 遅い\n'),
    tinyLog('2025-02-04', 90),
    tinyLog('2025-08-01', undefined),
  ];
  const years = archiveYears(logDays(records));

  it('gives every year with a log its twelve months, with totals, checklist completion and problems', () => {
    expect(years.map((year) => [year.year, year.logs, year.days, year.minutes])).toEqual([
      ['2024', 1, 1, 30],
      ['2025', 3, 3, 150],
    ]);
    const months = years[1]!.months;
    expect(months).toHaveLength(12);
    expect(months[1]).toMatchObject({ month: '2025-02', logs: 2, minutes: 150, studyMinutes: 150, checklistDone: 1, checklistTotal: 2, completionRate: 0.5, problems: 1 });
    // A month whose logs give no study time: its total is unknown, not 0.
    expect(months[7]).toMatchObject({ month: '2025-08', logs: 1, minutes: 0, studyMinutes: null, completionRate: null });
    expect(months[0]).toMatchObject({ month: '2025-01', logs: 0, studyMinutes: null });
  });

  it('looks days up in one map a list of days, made once however many pages ask', () => {
    const days = logDays(records);
    const byDate = daysByDate(days);
    expect([...byDate.keys()]).toEqual(['2024-12-31', '2025-02-03', '2025-02-04', '2025-08-01']);
    expect(byDate.get('2025-02-03')).toBe(days[1]);
    expect(daysByDate(days)).toBe(byDate);
    // Another list (another build's, in astro dev) gets its own.
    expect(daysByDate(logDays(records))).not.toBe(byDate);
  });

  it('draws a heatmap of any span: a whole year, levels by the days within it', () => {
    const cells = heatmapOf(logDays(records), '2025-01-01', '2025-12-31').cells;
    expect(cells).toHaveLength(365);
    expect(cells.filter((cell) => cell.slug !== null).map((cell) => [cell.date, cell.level])).toEqual([
      ['2025-02-03', 1],
      ['2025-02-04', 4],
      ['2025-08-01', 0],
    ]);
    expect(monthBounds('2024-02')).toEqual({ start: '2024-02-01', end: '2024-02-29' });
  });
});
