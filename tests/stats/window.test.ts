/** Charts of a writer who paused: the windows end at the newest log, not in an empty stretch up to today. */
import { describe, expect, it } from 'vitest';
import { completionRateChart, newestLogDate, studyTimeChart, weeklyTotalsChart } from '../../src/components/dashboard-charts.ts';
import { computeStats, windowEnd } from '../../src/stats/index.ts';
import { tinyLog } from './helpers.ts';

const records = [tinyLog('2025-01-06', 60), tinyLog('2025-01-07', 30), tinyLog('2025-03-01', 45)];

describe('chart windows after a pause', () => {
  it('ends a window today while the newest log is inside it, else on the newest log', () => {
    expect(windowEnd('2025-03-01', '2025-03-20', 90)).toBe('2025-03-20');
    expect(windowEnd('2025-03-01', '2025-05-30', 90)).toBe('2025-03-01');
    expect(windowEnd('2025-03-01', '2025-05-29', 90)).toBe('2025-05-29');
    expect(windowEnd(null, '2025-05-30', 90)).toBe('2025-05-30');
  });

  it('ends the heatmap on the newest log after more than a year without logs', () => {
    const paused = computeStats(records, { today: '2026-06-01', weekStart: 'monday' });
    expect(paused.heatmap).toHaveLength(365);
    expect(paused.heatmap.at(-1)!.date).toBe('2025-03-01');
    expect(paused.heatmap.filter((cell) => cell.slug !== null)).toHaveLength(3);
    const writing = computeStats(records, { today: '2025-03-10', weekStart: 'monday' });
    expect(writing.heatmap.at(-1)!.date).toBe('2025-03-10');
  });

  it('ends the daily and weekly charts on the newest log after a pause longer than their windows', () => {
    const stats = computeStats(records, { today: '2025-12-01', weekStart: 'monday' });
    expect(newestLogDate(stats)).toBe('2025-03-01');
    const daily = studyTimeChart(stats);
    expect(daily.rows.at(-1)![0]).toBe('2025-03-01');
    // The series starts at the first log: 55 days, not 90.
    expect(daily.rows.map((row) => row[0])[0]).toBe('2025-01-06');
    expect(daily.rows).toHaveLength(55);
    expect(daily.rows.filter((row) => row[1] !== '—')).toHaveLength(3);
    const weekly = weeklyTotalsChart(stats);
    expect(weekly.spec.labels.at(-1)).toBe('2/24〜3/2');
    expect(completionRateChart(stats).spec.labels.at(-1)).toBe('2/24〜3/2');
  });

  it('keeps the windows ending today while the writer writes', () => {
    const stats = computeStats(records, { today: '2025-03-20', weekStart: 'monday' });
    expect(studyTimeChart(stats).rows.at(-1)![0]).toBe('2025-03-20');
    expect(weeklyTotalsChart(stats).spec.labels.at(-1)).toBe('3/17〜3/23');
  });
});
