/**
 * computeStats on the fixture logs, today = Fri 2025-08-08, weeks from Monday.
 *
 *   date   weekday  log(s)                 minutes   checklist  problems
 *   07-30  Wed      2025-07-30             60        2/3        1
 *   07-31  Thu      2025-07-31             30        1/1        0
 *   08-01  Fri      2025-08-01             90        2/3        2
 *   08-02  Sat      —                      —
 *   08-03  Sun      2025-08-03             120       2/4        0
 *   08-04  Mon      2025-08-04             — (no time) 1/2      0
 *   08-05  Tue      2025-08-05 + -evening  45 + 約60 = 105 (approximate)  1/1 + 1/1  0
 *   08-06  Wed      2025-08-06             30        2/2        1
 *   08-07  Thu      2025-08-07             60        1/2        0
 *   08-08  Fri      — (today, not written yet)
 *
 * plus undated.md (300 minutes, date null), which must count nowhere.
 */
import { describe, expect, it } from 'vitest';
import { computeStats, type StatsOptions } from '../../src/stats/index.ts';
import { fixtureRecords, shuffled } from './helpers.ts';

const options: StatsOptions = { today: '2025-08-08', weekStart: 'monday' };
const records = fixtureRecords();
const stats = computeStats(records, options);

describe('computeStats on the fixture logs', () => {
  it('reads the fixtures as the table above says', () => {
    expect(records.map((record) => [record.slug, record.date, record.metrics.studyMinutes])).toEqual([
      ['2025-07-30', '2025-07-30', 60],
      ['2025-07-31', '2025-07-31', 30],
      ['2025-08-01', '2025-08-01', 90],
      ['2025-08-03', '2025-08-03', 120],
      ['2025-08-04', '2025-08-04', null],
      ['2025-08-05-evening', '2025-08-05', 60],
      ['2025-08-05', '2025-08-05', 45],
      ['2025-08-06', '2025-08-06', 30],
      ['2025-08-07', '2025-08-07', 60],
      ['undated', null, 300],
    ]);
  });

  it('gives the same result whatever order the records come in', () => {
    expect(computeStats(shuffled(records), options)).toEqual(stats);
    expect(computeStats([...records].reverse(), options)).toEqual(stats);
  });

  it('totals: 60+30+90+120+105+30+60 = 495 minutes over 8 logged days and 9 logs', () => {
    expect(stats.totals).toEqual({
      minutes: 495,
      days: 8,
      logs: 9,
      approximate: true,
      // Week Mon 8/4 … Sun 8/10: 105 + 30 + 60.
      thisWeekMinutes: 195,
      thisWeekApproximate: true,
      // August: 90 + 120 + 105 + 30 + 60.
      thisMonthMinutes: 405,
      thisMonthApproximate: true,
    });
  });

  it('streaks: today has no log yet, so the current run ends yesterday: 8/3 … 8/7 (8/4 without time counts)', () => {
    expect(stats.streaks).toEqual({
      current: 5,
      currentStart: '2025-08-03',
      currentEnd: '2025-08-07',
      longest: 5,
      longestStart: '2025-08-03',
      longestEnd: '2025-08-07',
    });
  });

  it('daily: every day from the first log to today, gaps as null, two logs of a day added', () => {
    expect(stats.daily.days.map((day) => [day.date, day.minutes, day.approximate, day.slug])).toEqual([
      ['2025-07-30', 60, false, '2025-07-30'],
      ['2025-07-31', 30, false, '2025-07-31'],
      ['2025-08-01', 90, false, '2025-08-01'],
      ['2025-08-02', null, false, null],
      ['2025-08-03', 120, false, '2025-08-03'],
      ['2025-08-04', null, false, '2025-08-04'],
      ['2025-08-05', 105, true, '2025-08-05'],
      ['2025-08-06', 30, false, '2025-08-06'],
      ['2025-08-07', 60, false, '2025-08-07'],
      ['2025-08-08', null, false, null],
    ]);
    // "2025-08-05" sorts before "2025-08-05-evening": a prefix comes first.
    expect(stats.daily.days[6]!.slugs).toEqual(['2025-08-05', '2025-08-05-evening']);
  });

  it('daily: 7-day trailing average (nulls as 0; the first six average over the days so far)', () => {
    // minutes as 0-filled: 60 30 90 0 120 0 105 30 60 0
    expect(stats.daily.movingAverage7).toEqual([
      60 / 1, // 60
      90 / 2, // 60+30
      180 / 3, // +90
      180 / 4, // +0
      300 / 5, // +120
      300 / 6, // +0
      405 / 7, // +105: the first full window
      375 / 7, // 30+90+0+120+0+105+30
      405 / 7, // 90+0+120+0+105+30+60
      315 / 7, // 0+120+0+105+30+60+0
    ]);
  });

  it('daily: cumulative hours at the end of each day', () => {
    // Cumulative minutes 60 90 180 180 300 300 405 435 495 495, / 60.
    expect(stats.daily.cumulativeHours).toEqual([1, 1.5, 3, 3, 5, 5, 6.75, 7.25, 8.25, 8.25]);
  });

  it('weekly: Monday weeks with labels, checklist completion, problems and approximate flags', () => {
    expect(stats.weekly).toEqual([
      {
        start: '2025-07-28', end: '2025-08-03', label: '7/28〜8/3',
        minutes: 300, logs: 4, approximate: false, // 60+30+90+120
        checklistDone: 7, checklistTotal: 11, completionRate: 7 / 11, // (2+1+2+2)/(3+1+3+4)
        problems: 3, // 1+0+2+0
      },
      {
        start: '2025-08-04', end: '2025-08-10', label: '8/4〜8/10',
        minutes: 195, logs: 5, approximate: true, // 105(約)+30+60; 8/4, 8/5 ×2, 8/6, 8/7
        checklistDone: 6, checklistTotal: 8, completionRate: 0.75, // (1+1+1+2+1)/(2+1+1+2+2)
        problems: 1,
      },
    ]);
  });

  it('weekly: Sunday weeks regroup the same days', () => {
    const sundays = computeStats(records, { ...options, weekStart: 'sunday' }).weekly;
    expect(sundays.map((week) => [week.label, week.minutes, week.logs, week.approximate, week.checklistDone, week.checklistTotal])).toEqual([
      ['7/27〜8/2', 180, 3, false, 5, 7], // 7/30, 7/31, 8/1
      ['8/3〜8/9', 315, 6, true, 8, 12], // 8/3 … 8/7: 120+105+30+60
    ]);
  });

  it('monthly: calendar months, the approximate evening only in August', () => {
    expect(stats.monthly).toEqual([
      { start: '2025-07-01', end: '2025-07-31', label: '2025年7月', minutes: 90, logs: 2, approximate: false },
      { start: '2025-08-01', end: '2025-08-31', label: '2025年8月', minutes: 405, logs: 7, approximate: true },
    ]);
  });

  it('heatmap: 365 cells ending today, levels by the quartiles of the days with time', () => {
    expect(stats.heatmap).toHaveLength(365);
    expect(stats.heatmap[0]!.date).toBe('2024-08-09');
    expect(stats.heatmap.at(-1)!.date).toBe('2025-08-08');
    // Days with time, sorted: 30 30 60 60 90 105 120 (n = 7). Quantile p sits at p × 6:
    // Q1 at 1.5 → 30 + (60-30)/2 = 45; Q2 at 3 → 60; Q3 at 4.5 → 90 + (105-90)/2 = 97.5.
    expect(stats.heatmapQuartiles).toEqual([45, 60, 97.5]);
    expect(stats.heatmap.slice(-10).map((cell) => [cell.date.slice(5), cell.minutes, cell.level])).toEqual([
      ['07-30', 60, 2],
      ['07-31', 30, 1],
      ['08-01', 90, 3],
      ['08-02', null, 0],
      ['08-03', 120, 4],
      ['08-04', null, 0], // a log, but no time
      ['08-05', 105, 4],
      ['08-06', 30, 1],
      ['08-07', 60, 2],
      ['08-08', null, 0],
    ]);
    expect(stats.heatmap.slice(0, -10).every((cell) => cell.level === 0 && cell.slug === null)).toBe(true);
    expect(stats.heatmap.find((cell) => cell.date === '2025-08-05')).toMatchObject({ approximate: true, slug: '2025-08-05' });
  });

  it('throws a RangeError when today is not a date', () => {
    expect(() => computeStats(records, { today: '2025/08/08', weekStart: 'monday' })).toThrow(/options\.today/);
  });

  it('with no dated records: zero totals, empty series, an empty heatmap of 365 days', () => {
    const empty = computeStats(records.filter((record) => record.date === null), options);
    expect(empty.totals).toMatchObject({ minutes: 0, days: 0, logs: 0, thisWeekMinutes: 0 });
    expect(empty.streaks).toMatchObject({ current: 0, longest: 0, longestStart: null });
    expect([empty.daily.days, empty.weekly, empty.monthly]).toEqual([[], [], []]);
    expect(empty.heatmap.filter((cell) => cell.level !== 0)).toEqual([]);
    expect(empty.heatmapQuartiles).toBeNull();
  });
});
