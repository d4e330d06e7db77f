import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writerDate } from '../../src/site/today.ts';

const tokyoDate = (now: Date) => writerDate({ timezone: 'Asia/Tokyo' }, now);
import { isIsoDate } from '../../src/stats/calendar.ts';
import { japaneseDate, logTemplate } from '../../src/cli/template.ts';
import { parseLog } from '../../src/index.ts';
import { emptyFolder, runCli } from './run-cli.ts';

describe('tokyoDate', () => {
  it('gives the day in Japan, not on the machine', () => {
    // 15:00 UTC is midnight in Tokyo (UTC+9, no daylight saving).
    expect(tokyoDate(new Date('2025-08-02T14:59:59Z'))).toBe('2025-08-02');
    expect(tokyoDate(new Date('2025-08-02T15:00:00Z'))).toBe('2025-08-03');
    expect(tokyoDate(new Date('2025-12-31T15:00:00Z'))).toBe('2026-01-01');
  });
});

describe('isIsoDate, as new --date uses it', () => {
  it.each(['2025-08-03', '2024-02-29', '2000-02-29'])('accepts %s', (date) => {
    expect(isIsoDate(date)).toBe(true);
  });
  it.each(['2025-02-29', '1900-02-29', '2025-13-01', '2025-04-31', '2025-8-3', '2025/08/03', '20250803', 'today', ''])(
    'refuses %j',
    (date) => {
      expect(isIsoDate(date)).toBe(false);
    },
  );
});

describe('logTemplate', () => {
  it('writes the heading date the way the logs do', () => {
    expect(japaneseDate('2025-08-03')).toBe('2025年8月3日');
    expect(logTemplate('2025-08-03').split('\n')[0]).toBe('# 2025年8月3日 - 学習ログ');
  });

  // Issue 8: an untouched template is no longer silent — each placeholder left is a template-placeholder warning.
  it.each(['2025-08-03', '2024-02-29', '2026-01-01'])('reads back as a record whose only findings are its placeholders for %s', (date) => {
    const record = parseLog(logTemplate(date), { path: `logs/${date}.md` });
    expect(record.diagnostics.length).toBeGreaterThan(0);
    expect(record.diagnostics.filter((diagnostic) => diagnostic.rule !== 'template-placeholder')).toEqual([]);
    expect(record).toMatchObject({ date, dateSource: 'heading', slug: date, draft: false });
    expect(record.goals.map((goal) => goal.done)).toEqual([false, false]);
    expect(record.problems).toHaveLength(1);
    expect(record.problems[0]).toMatchObject({ number: 1, current: expect.any(String), impact: expect.any(String), solution: expect.any(String) });
    expect(record.plans.map((plan) => plan.horizon)).toEqual(['today', 'this-week', 'next-week']);
    expect(record.learnings).toHaveLength(1);
    expect(record.references).toHaveLength(1);
    expect(record.metrics).toMatchObject({ studyMinutes: 0, problemsFound: 1, tasksPlanned: 3 });
  });

  it('has every section a writer fills in', () => {
    const text = logTemplate('2025-08-03');
    for (const part of ['## 今日の目標', '## 実施内容', '問題1:', '**現状**:', '**影響**:', '**解決方法**:', '## 学び',
      '## 次のステップ', '### 今日中', '### 今週中', '### 来週', '## 参考資料', '**学習時間**: 0時間']) {
      expect(text).toContain(part);
    }
  });
});

describe('nisshi new', () => {
  let folder = '';
  beforeEach(async () => {
    folder = await emptyFolder();
  });
  afterEach(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('writes logs/DATE.md from the template and prints its path', async () => {
    const run = runCli(['new', '--date', '2025-08-03'], folder);
    expect(run).toMatchObject({
      status: 0,
      stdout: `${path.join('logs', '2025-08-03.md')}\n`,
      stderr: 'carried over 0 item(s) (0 plan(s) and unchecked item(s), 0 open problem(s))\n',
    });
    expect(await readFile(path.join(folder, 'logs', '2025-08-03.md'), 'utf8')).toBe(logTemplate('2025-08-03'));
    // …and check passes it, warning about each placeholder still to write over (issue 8).
    expect(runCli(['check'], folder)).toMatchObject({ status: 0, stderr: '1 file checked: 0 errors, 17 warnings\n' });
  });

  it('defaults to today in Tokyo and honours --dir', async () => {
    const before = tokyoDate(new Date());
    const run = runCli(['new', '--dir', 'diary/2025'], folder);
    const after = tokyoDate(new Date());
    expect(run.status).toBe(0);
    // Run at the stroke of midnight in Tokyo, either day is right.
    expect([before, after].map((date) => `${path.join('diary', '2025', `${date}.md`)}\n`)).toContain(run.stdout);
  });

  it('never overwrites an existing log', async () => {
    expect(runCli(['new', '--date', '2025-08-03'], folder).status).toBe(0);
    await writeFile(path.join(folder, 'logs', '2025-08-03.md'), '# 2025年8月3日\n書きかけ\n');
    const run = runCli(['new', '--date', '2025-08-03'], folder);
    expect(run.stderr).toBe(
      `nisshi new: ${path.join('logs', '2025-08-03.md')} already exists; open it to keep writing, or pass --date for another day\n`,
    );
    expect(run.status).toBe(1);
    expect(await readFile(path.join(folder, 'logs', '2025-08-03.md'), 'utf8')).toBe('# 2025年8月3日\n書きかけ\n');
  });

  it.each(['2025-02-30', '2025/08/03', 'tomorrow'])('refuses --date %s with exit 2', (date) => {
    const run = runCli(['new', '--date', date], folder);
    expect(run.stderr).toBe(`nisshi new: --date must be a real day written YYYY-MM-DD, e.g. 2025-08-03 (got "${date}")\n`);
    expect(run.status).toBe(2);
  });

  it('takes no positional arguments', () => {
    const run = runCli(['new', '2025-08-03'], folder);
    expect(run.stderr).toBe('nisshi new: unexpected argument 2025-08-03; see nisshi new --help\n');
    expect(run.status).toBe(2);
  });
});
