import { describe, expect, it } from 'vitest';
import { cumulativeHours, dailySeries, heatLevel, heatmap, logDays, movingAverage, quartiles, totals } from '../../src/stats/index.ts';
import { tinyLog } from './helpers.ts';

describe('movingAverage', () => {
  it('averages the trailing window, nulls as 0, over the values so far at the start', () => {
    // (10)/1, (10+20)/2, (10+20+0)/3, (20+0+60)/3, (0+60+30)/3
    expect(movingAverage([10, 20, null, 60, 30], 3)).toEqual([10, 15, 10, 80 / 3, 30]);
    expect(movingAverage([5, 7], 1)).toEqual([5, 7]);
    expect(movingAverage([], 7)).toEqual([]);
  });

  it('refuses a window that is not a whole number ≥ 1', () => {
    expect(() => movingAverage([1], 0)).toThrow(RangeError);
    expect(() => movingAverage([1], 2.5)).toThrow(RangeError);
  });
});

describe('cumulativeHours', () => {
  it('adds minutes and gives hours', () => {
    expect(cumulativeHours([30, null, 45, 15])).toEqual([0.5, 0.5, 1.25, 1.5]);
  });
});

describe('dailySeries', () => {
  it('runs to the last log when it is after today', () => {
    const days = logDays([tinyLog('2025-08-09', 60), tinyLog('2025-08-07', 30)]);
    const series = dailySeries(days, { today: '2025-08-08', weekStart: 'monday' });
    expect(series.days.map((day) => [day.date, day.minutes])).toEqual([['2025-08-07', 30], ['2025-08-08', null], ['2025-08-09', 60]]);
  });
});

describe('totals', () => {
  it('take this week and this month as the calendar ones holding today, across a month end', () => {
    // Today Tue 2025-09-02: the Monday week is 9/1 … 9/7, so 8/31 (Sun) is last week but 9/1 counts.
    const days = logDays([tinyLog('2025-08-31', 40), tinyLog('2025-09-01', 25), tinyLog('2025-09-02', 35)]);
    expect(totals(days, { today: '2025-09-02', weekStart: 'monday' })).toMatchObject({ thisWeekMinutes: 60, thisMonthMinutes: 60 });
    // With Sunday weeks, 8/31 starts this week: 40 + 25 + 35.
    expect(totals(days, { today: '2025-09-02', weekStart: 'sunday' })).toMatchObject({ thisWeekMinutes: 100, thisMonthMinutes: 60 });
  });
});

describe('quartiles and heat levels', () => {
  it('interpolate between the closest ranks', () => {
    // Sorted 10 20 30 40: positions 0.75, 1.5, 2.25 → 17.5, 25, 32.5.
    expect(quartiles([40, 10, 30, 20])).toEqual([17.5, 25, 32.5]);
    expect(quartiles([50])).toEqual([50, 50, 50]);
  });

  it('put a value at or below a quartile into that quartile', () => {
    const q: [number, number, number] = [17.5, 25, 32.5];
    expect([10, 17.5, 20, 25, 30, 32.5, 40].map((minutes) => heatLevel(minutes, q))).toEqual([1, 1, 2, 2, 3, 3, 4]);
  });
});

describe('heatmap', () => {
  it('spans 365 days in a leap year too, and ignores days before the window for the scale', () => {
    // Today 2024-12-31: 2024 has 366 days, so the window starts on 2024-01-02 and 2024-01-01 is left out.
    const days = logDays([tinyLog('2024-01-01', 600), tinyLog('2024-01-02', 20), tinyLog('2024-12-31', 40)]);
    const map = heatmap(days, { today: '2024-12-31', weekStart: 'monday' });
    expect(map.cells).toHaveLength(365);
    expect([map.cells[0]!.date, map.cells[0]!.minutes, map.cells.at(-1)!.date]).toEqual(['2024-01-02', 20, '2024-12-31']);
    // Days with time in the window: 20, 40 → Q1 25, Q2 30, Q3 35.
    expect(map.quartiles).toEqual([25, 30, 35]);
    expect([map.cells[0]!.level, map.cells.at(-1)!.level]).toEqual([1, 4]);
  });

  it('gives level 0 to a day written as 0 minutes, and it does not move the scale', () => {
    const days = logDays([tinyLog('2025-08-07', 0), tinyLog('2025-08-08', 30)]);
    const map = heatmap(days, { today: '2025-08-08', weekStart: 'monday' });
    expect(map.cells.slice(-2).map((cell) => [cell.minutes, cell.level, cell.slug])).toEqual([[0, 0, '2025-08-07'], [30, 1, '2025-08-08']]);
    expect(map.quartiles).toEqual([30, 30, 30]);
  });
});
