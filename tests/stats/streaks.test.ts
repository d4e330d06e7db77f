import { describe, expect, it } from 'vitest';
import { logDays, streaks, type StatsOptions } from '../../src/stats/index.ts';
import { tinyLog } from './helpers.ts';

const monday = (today: string): StatsOptions => ({ today, weekStart: 'monday' });
const logsOn = (...dates: string[]) => logDays(dates.map((date) => tinyLog(date, 30)));

describe('streaks', () => {
  // Runs: 12/29 … 1/2 across the year end (5 days), then 1/4 … 1/6 (3 days).
  const days = logsOn('2024-12-29', '2024-12-30', '2024-12-31', '2025-01-01', '2025-01-02', '2025-01-04', '2025-01-05', '2025-01-06');

  it('current ends today when today has a log', () => {
    expect(streaks(days, monday('2025-01-06'))).toMatchObject({ current: 3, currentStart: '2025-01-04', currentEnd: '2025-01-06' });
  });

  it('current ends yesterday when today has no log yet', () => {
    expect(streaks(days, monday('2025-01-07'))).toMatchObject({ current: 3, currentStart: '2025-01-04', currentEnd: '2025-01-06' });
  });

  it('current is 0 when neither today nor yesterday has a log', () => {
    expect(streaks(days, monday('2025-01-08'))).toMatchObject({ current: 0, currentStart: null, currentEnd: null });
  });

  it('longest runs across a year end, and keeps counting when it is not current', () => {
    expect(streaks(days, monday('2025-01-08'))).toMatchObject({ longest: 5, longestStart: '2024-12-29', longestEnd: '2025-01-02' });
    // On 1/3 (no log), the run through 1/2 is still current.
    expect(streaks(days, monday('2025-01-03'))).toMatchObject({ current: 5, longest: 5 });
  });

  it('counts a day with a log but no study time, and one day once however many logs it has', () => {
    const mixed = logDays([
      tinyLog('2024-02-28', 30),
      tinyLog('2024-02-29'), // leap day, no time
      tinyLog('2024-03-01', 10),
      tinyLog('2024-03-01', 20, '', '2024-03-01-b.md'),
    ]);
    expect(streaks(mixed, monday('2024-03-01'))).toEqual({
      current: 3, currentStart: '2024-02-28', currentEnd: '2024-03-01',
      longest: 3, longestStart: '2024-02-28', longestEnd: '2024-03-01',
    });
  });

  it('of equally long runs the longest is the earliest', () => {
    const ties = logsOn('2025-03-01', '2025-03-02', '2025-03-10', '2025-03-11');
    expect(streaks(ties, monday('2025-03-20'))).toMatchObject({ longest: 2, longestStart: '2025-03-01', longestEnd: '2025-03-02' });
  });

  it('does not count days after today into the current streak', () => {
    const ahead = logsOn('2025-05-01', '2025-05-02', '2025-05-03', '2025-05-04');
    expect(streaks(ahead, monday('2025-05-02'))).toMatchObject({ current: 2, currentEnd: '2025-05-02', longest: 4 });
  });

  it('is all zeros and nulls without logs', () => {
    expect(streaks([], monday('2025-05-02'))).toEqual({
      current: 0, currentStart: null, currentEnd: null, longest: 0, longestStart: null, longestEnd: null,
    });
  });
});
