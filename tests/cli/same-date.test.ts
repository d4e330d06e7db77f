/** Two published logs for one date: check warns on both; the site's day navigation skips the same day's other log. */
import { mkdtemp, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dayNeighbours } from '../../src/site/day-neighbours.ts';
import { runCli } from './run-cli.ts';

describe('same-date', () => {
  it('is warned by check on each file, naming the other, in English and Japanese; a draft takes no part', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'nisshi-same-'));
    await mkdir(path.join(folder, 'logs'));
    await writeFile(path.join(folder, 'logs/2025-08-03.md'), '# 2025年8月3日\n\n**学習時間**: 1時間\n');
    await writeFile(path.join(folder, 'logs/afternoon.md'), '---\ndate: 2025-08-03\n---\n# 午後\n\n**学習時間**: 2時間\n');
    await writeFile(path.join(folder, 'logs/draft.md'), '---\ndate: 2025-08-03\ndraft: true\n---\n# 下書き\n');
    const run = runCli(['check', 'logs'], folder);
    expect(run.status).toBe(0);
    expect(run.lines).toEqual([
      'logs/2025-08-03.md:1:1: warning logs/afternoon.md is also the log of 2025-08-03; the site shows both on that day and sums their figures — merge them if that is not what you meant [same-date]',
      'logs/afternoon.md:1:1: warning logs/2025-08-03.md is also the log of 2025-08-03; the site shows both on that day and sums their figures — merge them if that is not what you meant [same-date]',
    ]);
    const ja = runCli(['check', 'logs'], folder, [], { NISSHI_LANG: '' });
    expect(ja.lines[0]).toBe('logs/2025-08-03.md:1:1: warning logs/afternoon.md も 2025-08-03 のログです。サイトではその日に両方を表示し、数値を合計します。意図しないものなら一つにまとめてください [same-date]');
    expect(ja.stderr).toContain('3 件のログ: エラー 0 件、警告 2 件');
  });

  it('previous and next skip the same day\'s other log, which is listed as the day\'s other', () => {
    const entry = (id: string, date: string) => ({ id, data: { date } });
    // Newest first, as the site lists them.
    const entries = [entry('2025-08-04', '2025-08-04'), entry('b', '2025-08-03'), entry('a', '2025-08-03'), entry('2025-08-01', '2025-08-01')];
    const around = dayNeighbours(entries).map(({ newer, older, sameDay }) => [newer?.id ?? null, older?.id ?? null, sameDay.map((other: { id: string }) => other.id)]);
    expect(around).toEqual([
      [null, 'b', []],
      ['2025-08-04', '2025-08-01', ['a']],
      ['2025-08-04', '2025-08-01', ['b']],
      ['a', null, []],
    ]);
  });
});
