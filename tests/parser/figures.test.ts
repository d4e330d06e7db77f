import { describe, expect, it } from 'vitest';
import { fixtureText, parseFixture, rules } from './helpers.ts';
import { parseLog } from '../../src/index.ts';

describe('figures', () => {
  const record = parseFixture('figures.md');
  const byLabel = (label: string) => record.figures.find((figure) => figure.label === label);

  it('reads bold and plain labels with ASCII or full-width colons', () => {
    expect(record.figures.map((figure) => figure.label)).toEqual([
      '学習時間', '勉強時間', '作業時間', '特定した問題', '計画したタスク', '完了したタスク', '理解度', '自己評価', 'メモ', '読んだページ', 'URL',
    ]);
  });

  it('reads durations, counts, numbers and text', () => {
    expect(byLabel('学習時間')).toMatchObject({ value: 150, unit: 'minute', kind: 'duration', raw: '2時間30分', approximate: false, line: 4, column: 1 });
    expect(byLabel('勉強時間')).toMatchObject({ value: 90, kind: 'duration' });
    expect(byLabel('作業時間')).toMatchObject({ value: 90, kind: 'duration', approximate: true, raw: '約90分' });
    expect(byLabel('特定した問題')).toMatchObject({ value: 2, unit: '件', kind: 'count' });
    expect(byLabel('計画したタスク')).toMatchObject({ value: 5, unit: '個', kind: 'count' });
    expect(byLabel('完了したタスク')).toMatchObject({ value: 10, unit: '回', kind: 'count' });
    expect(byLabel('読んだページ')).toMatchObject({ value: 2, unit: '問', kind: 'count' });
    expect(byLabel('理解度')).toMatchObject({ value: 80, unit: '%', kind: 'number' });
    expect(byLabel('自己評価')).toMatchObject({ value: 4, unit: '/5', kind: 'number' });
    expect(byLabel('メモ')).toMatchObject({ value: null, unit: null, kind: 'text', raw: '今日は集中できた' });
  });

  it('feeds the metrics from the first matching label, and cross-checks declared counts', () => {
    expect(record.metrics).toMatchObject({ studyMinutes: 150, studyApproximate: false, problemsFound: 2, tasksPlanned: 5, tasksDone: 10 });
    // 特定した問題: 2件 but no 問題N in the log: the writer's own cross-check fails.
    expect(rules(record)).toEqual(['count-mismatch']);
    expect(record.diagnostics[0]).toMatchObject({ severity: 'warning', line: 7, column: 1 });
  });

  it('reads every duration form, full-width digits and approximations', () => {
    const minutes = parseLog(fixtureText('durations.md'), { path: 'logs/2025-01-01.md' }).figures.map((figure) => [figure.label, figure.value, figure.approximate]);
    expect(minutes).toEqual([
      ['a', 120, true], ['b', 150, false], ['c', 90, false], ['d', 90, false], ['e', 90, false], ['f', 90, false], ['g', 120, false],
      ['h', 120, false], ['i', 90, true], ['j', 120, true], ['k', 180, true], ['l', 120, false], ['m', 180, false], ['n', 420, false],
    ]);
  });

  it('warns when a count declared by the writer disagrees with the problems found', () => {
    const record = parseFixture('count-mismatch.md');
    expect(record.problems).toHaveLength(2);
    expect(record.metrics.problemsFound).toBe(3);
    expect(record.diagnostics).toEqual([
      expect.objectContaining({ rule: 'count-mismatch', severity: 'warning', line: 10, column: 1 }),
    ]);
  });
});

describe('study time', () => {
  const study = (name: string) => {
    const { metrics } = parseFixture(name, 'logs/2024-05-01.md');
    return [metrics.studyMinutes, metrics.studyTotalMinutes];
  };

  it("takes today's time beside a running total, in a list", () => expect(study('study-today-total.md')).toEqual([480, 24030]));
  it('reads a table with today / total columns', () => expect(study('study-table.md')).toEqual([60, 32130]));
  it('reads a table with a row per period', () => expect(study('study-row-table.md')).toEqual([425, 116946]));
  it('reads today and total on one figure line', () => expect(study('study-inline-total.md')).toEqual([180, 5490]));
  it('reads full-width units and brackets after the time', () => expect(study('study-fullwidth.md')).toEqual([180, 16620]));
  it('reads "Today：4h Total：145.5h" under a 学習時間 heading', () => expect(study('study-one-line.md')).toEqual([240, 8730]));
  it('adds up study time written per subject', () => expect(study('study-two-subjects.md')).toEqual([180, 128514]));

  it('warns when a study time cannot be read', () => {
    const record = parseFixture('study-unreadable.md');
    expect(record.metrics.studyMinutes).toBeNull();
    expect(record.diagnostics).toEqual([expect.objectContaining({ rule: 'study-time-unreadable', severity: 'warning', line: 3 })]);
  });

  it('prefers the frontmatter study time', () => {
    const record = parseFixture('robustness/frontmatter-study.md');
    expect(record.metrics).toMatchObject({ studyMinutes: 90, studyApproximate: false });
  });
});
