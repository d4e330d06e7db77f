import { describe, expect, it } from 'vitest';
import { generateLogs } from '../../scripts/generate-logs.ts';
import { Random } from '../../scripts/log-generator/random.ts';
import { parseLog } from '../../src/index.ts';

describe('Random', () => {
  it('is the same stream for the same seed and another for another seed', () => {
    const draw = (seed: number) => {
      const random = new Random(seed);
      return Array.from({ length: 5 }, () => random.float());
    };
    expect(draw(7)).toEqual(draw(7));
    expect(draw(7)).not.toEqual(draw(8));
    expect(draw(7).every((value) => value >= 0 && value < 1)).toBe(true);
  });
});

describe('generateLogs', () => {
  const logs = generateLogs(400, { seed: 42, startDate: '2024-12-30' });

  it('gives one log per consecutive day from startDate', () => {
    expect(logs).toHaveLength(400);
    expect(logs.slice(0, 4).map((log) => log.path)).toEqual(['2024-12-30.md', '2024-12-31.md', '2025-01-01.md', '2025-01-02.md']);
    expect(logs.at(-1)?.path).toBe('2026-02-02.md');
    expect(generateLogs(2, { startDate: '2024-02-28', layout: 'nested' }).map((log) => log.path)).toEqual([
      '2024/02/28.md',
      '2024/02/29.md',
    ]);
  });

  it('is deterministic: same seed, same bytes; a log does not depend on how many were asked for', () => {
    expect(generateLogs(400, { seed: 42, startDate: '2024-12-30' })).toEqual(logs);
    expect(generateLogs(10, { seed: 42, startDate: '2024-12-30' })).toEqual(logs.slice(0, 10));
    expect(generateLogs(10, { seed: 43, startDate: '2024-12-30' })).not.toEqual(logs.slice(0, 10));
  });

  it('writes logs of about the sample’s size, in several writers’ styles', () => {
    const sizes = logs.map((log) => Buffer.byteLength(log.text));
    const mean = sizes.reduce((sum, size) => sum + size, 0) / sizes.length;
    expect(mean).toBeGreaterThan(5_000);
    expect(mean).toBeLessThan(10_000);
    expect(Math.min(...sizes)).toBeLessThan(3_000);
    expect(Math.max(...sizes)).toBeGreaterThan(9_000);
    const count = (pattern: RegExp) => logs.filter((log) => pattern.test(log.text)).length;
    expect(count(/^# \d{4}年\d{1,2}月\d{1,2}日 - 学習ログ$/m)).toBeGreaterThan(100);
    expect(count(/^---\ntitle: /)).toBeGreaterThan(50);
    expect(count(/^draft: true$/m)).toBeGreaterThan(0);
    expect(count(/^- \[x\] /m)).toBeGreaterThan(50);
    expect(count(/^✅ /m)).toBeGreaterThan(100);
    expect(count(/^\*\*学習時間\*\*: \d+h(\d+m)?/m)).toBeGreaterThan(20);
    expect(count(/^\*\*学習時間\*\*: \d+分$/m)).toBeGreaterThan(5);
    expect(count(/^\*\*学習時間\*\*: 約/m)).toBeGreaterThan(20);
  });

  // Parsing costs ~10 ms a log, so a slice of the days (every writer's style is in it).
  it('writes logs the parser reads without a single diagnostic, dated by their path', { timeout: 60_000 }, () => {
    for (const log of logs.slice(0, 150)) {
      const record = parseLog(log.text, { path: log.path });
      expect(record.diagnostics, log.path).toEqual([]);
      expect(`${record.date}.md`).toBe(log.path);
      expect(record.goals.length, log.path).toBeGreaterThan(0);
      expect(record.problems.length, log.path).toBeGreaterThan(0);
      expect(record.plans.length, log.path).toBeGreaterThan(0);
      expect(record.metrics.studyMinutes, log.path).toBeGreaterThan(0);
    }
  });
});
