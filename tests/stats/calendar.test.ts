import { describe, expect, it } from 'vitest';
import {
  addDays, dateOfDayNumber, dayNumber, dayOfWeek, daysBetween, daysInMonth, eachDay, endOfMonth, endOfWeek,
  isIsoDate, isLeapYear, startOfMonth, startOfNextMonth, weekStartOf,
} from '../../src/stats/calendar.ts';
import { monthLabel, weekLabel } from '../../src/stats/labels.ts';

describe('day numbers', () => {
  it('count from 1970-01-01 and go back to the same date', () => {
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(dayNumber('1970-01-02')).toBe(1);
    expect(dayNumber('1969-12-31')).toBe(-1);
    // 2000-01-01: 30 years of 365 days + 7 leap days (72, 76, …, 96) = 10,957.
    expect(dayNumber('2000-01-01')).toBe(10_957);
    expect(dateOfDayNumber(10_957)).toBe('2000-01-01');
  });

  it('agree with UTC Date arithmetic on every day from 1899 to 2101', () => {
    const mismatches: string[] = [];
    for (let dayNo = Date.UTC(1899, 0, 1) / 86_400_000; dayNo <= Date.UTC(2101, 11, 31) / 86_400_000; dayNo++) {
      const iso = new Date(dayNo * 86_400_000).toISOString().slice(0, 10);
      if (dateOfDayNumber(dayNo) !== iso || dayNumber(iso) !== dayNo) mismatches.push(iso);
    }
    expect(mismatches).toEqual([]);
  });
});

describe('isIsoDate and leap years', () => {
  it('accepts real days only', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('2025-04-31')).toBe(false);
    expect(isIsoDate('2025-13-01')).toBe(false);
    expect(isIsoDate('2025-8-3')).toBe(false);
    expect(isIsoDate(null)).toBe(false);
  });

  it('follows the Gregorian rule: every 4th year, not every 100th, but every 400th', () => {
    expect([2024, 2025, 1900, 2000, 2100].map(isLeapYear)).toEqual([true, false, false, true, false]);
    expect([daysInMonth(2024, 2), daysInMonth(2025, 2), daysInMonth(1900, 2), daysInMonth(2000, 2)]).toEqual([29, 28, 28, 29]);
  });

  it('throws a RangeError for a date it cannot read', () => {
    expect(() => addDays('2025-02-30', 1)).toThrow(RangeError);
  });
});

describe('addDays, daysBetween, eachDay', () => {
  it('cross month and year ends', () => {
    expect(addDays('2025-01-31', 1)).toBe('2025-02-01');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2025-01-01', -1)).toBe('2024-12-31');
    expect(addDays('2025-08-08', -364)).toBe('2024-08-09');
  });

  it('know leap days', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addDays('1900-02-28', 1)).toBe('1900-03-01');
    expect(addDays('2000-02-28', 1)).toBe('2000-02-29');
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
    expect(daysBetween('2025-01-01', '2026-01-01')).toBe(365);
    expect(daysBetween('2025-08-08', '2025-08-01')).toBe(-7);
  });

  it('lists every day inclusive, and nothing for a reversed range', () => {
    expect(eachDay('2024-12-30', '2025-01-02')).toEqual(['2024-12-30', '2024-12-31', '2025-01-01', '2025-01-02']);
    expect(eachDay('2024-02-28', '2024-03-01')).toEqual(['2024-02-28', '2024-02-29', '2024-03-01']);
    expect(eachDay('2025-08-08', '2025-08-08')).toEqual(['2025-08-08']);
    expect(eachDay('2025-08-09', '2025-08-08')).toEqual([]);
  });
});

describe('weeks', () => {
  it('name the day of the week (2025-08-03 was a Sunday, 2025-01-01 a Wednesday)', () => {
    expect(dayOfWeek('2025-08-03')).toBe(0);
    expect(dayOfWeek('2025-08-04')).toBe(1);
    expect(dayOfWeek('2025-01-01')).toBe(3);
    expect(dayOfWeek('1969-12-28')).toBe(0);
  });

  it('start on Monday by default, across a year end', () => {
    // Wed 2025-01-01 lies in the week Mon 2024-12-30 … Sun 2025-01-05.
    expect(weekStartOf('2025-01-01', 'monday')).toBe('2024-12-30');
    expect(endOfWeek('2025-01-01', 'monday')).toBe('2025-01-05');
    expect(weekStartOf('2025-08-04', 'monday')).toBe('2025-08-04');
    expect(weekStartOf('2025-08-10', 'monday')).toBe('2025-08-04');
    expect(endOfWeek('2025-08-10', 'monday')).toBe('2025-08-10');
  });

  it('can start on Sunday', () => {
    // Sun 2024-12-29 … Sat 2025-01-04.
    expect(weekStartOf('2025-01-01', 'sunday')).toBe('2024-12-29');
    expect(endOfWeek('2025-01-01', 'sunday')).toBe('2025-01-04');
    // A Sunday starts its own week, a Saturday ends it.
    expect(weekStartOf('2025-08-03', 'sunday')).toBe('2025-08-03');
    expect(weekStartOf('2025-08-03', 'monday')).toBe('2025-07-28');
    expect(endOfWeek('2025-08-09', 'sunday')).toBe('2025-08-09');
  });

  it('span a leap day', () => {
    // Thu 2024-02-29: Mon 02-26 … Sun 03-03.
    expect(weekStartOf('2024-02-29', 'monday')).toBe('2024-02-26');
    expect(endOfWeek('2024-02-29', 'monday')).toBe('2024-03-03');
  });
});

describe('months', () => {
  it('end on their last day, February by the year', () => {
    expect(endOfMonth('2024-02-10')).toBe('2024-02-29');
    expect(endOfMonth('2025-02-10')).toBe('2025-02-28');
    expect(endOfMonth('2100-02-01')).toBe('2100-02-28');
    expect(endOfMonth('2025-04-30')).toBe('2025-04-30');
    expect(endOfMonth('2025-12-01')).toBe('2025-12-31');
    expect(startOfMonth('2025-08-08')).toBe('2025-08-01');
  });

  it('are followed by the next, across a year end', () => {
    expect(startOfNextMonth('2025-12-15')).toBe('2026-01-01');
    expect(startOfNextMonth('2024-01-31')).toBe('2024-02-01');
  });
});

describe('labels', () => {
  it('write weeks as M/D〜M/D without leading zeros, months as YYYY年M月', () => {
    expect(weekLabel('2025-08-04', '2025-08-10')).toBe('8/4〜8/10');
    expect(weekLabel('2024-12-30', '2025-01-05')).toBe('12/30〜1/5');
    expect(monthLabel('2025-08-31')).toBe('2025年8月');
    expect(monthLabel('2025-12-01')).toBe('2025年12月');
  });
});
