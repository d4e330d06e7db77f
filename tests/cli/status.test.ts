/**
 * `nisshi status` in both languages, the weekly target, and the day boundary
 * (dayStartsAt) at its edges: 03:59 and 04:00 in Asia/Tokyo, and the same
 * instant on machines in other time zones.
 */
import { spawnSync } from 'node:child_process';
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.ts';
import type { CliIo } from '../../src/cli/io.ts';
import { parseSettings, type Settings } from '../../src/settings/settings.ts';
import { writerDate } from '../../src/site/today.ts';
import { repoRoot } from './run-cli.ts';

const base = {
  title: 't', description: '', site: 'https://example.com', timezone: 'Asia/Tokyo', weekStart: 'monday', locale: 'ja',
  logsDir: 'logs', allowRawHtml: false,
};

function settings(extra: Record<string, unknown> = {}): Settings {
  return parseSettings({ ...base, dayStartsAt: '04:00', targets: { weeklyMinutes: 600 }, ...extra });
}

async function threeDays(): Promise<string> {
  const folder = await mkdtemp(path.join(tmpdir(), 'nisshi-status-'));
  await cp(path.join(repoRoot, 'tests/fixtures/carry'), path.join(folder, 'logs'), { recursive: true });
  return folder;
}

async function status(folder: string, now: string, args: string[] = [], given = settings()): Promise<{ code: number; out: string }> {
  let out = '';
  const io: CliIo = { cwd: folder, stdout: (text) => void (out += text), stderr: () => {}, now: () => new Date(now) };
  const code = await main(['status', ...args], io, given);
  return { code, out };
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('the day boundary', () => {
  it('counts a time before dayStartsAt as the day before, at 03:59 and 04:00 in Tokyo', () => {
    const late = { timezone: 'Asia/Tokyo', dayStartsAt: '04:00' };
    expect(writerDate(late, new Date('2025-08-04T03:59:59+09:00'))).toBe('2025-08-03');
    expect(writerDate(late, new Date('2025-08-04T04:00:00+09:00'))).toBe('2025-08-04');
    expect(writerDate({ timezone: 'Asia/Tokyo' }, new Date('2025-08-03T23:59:59+09:00'))).toBe('2025-08-03');
    expect(writerDate({ timezone: 'Asia/Tokyo', dayStartsAt: '00:00' }, new Date('2025-08-04T00:00:00+09:00'))).toBe('2025-08-04');
    // Over a month and a year end.
    expect(writerDate(late, new Date('2026-01-01T02:00:00+09:00'))).toBe('2025-12-31');
  });

  it('gives the same day whatever the machine\'s time zone', () => {
    const script = "import { writerDate } from './src/site/today.ts'; const s = { timezone: 'Asia/Tokyo', dayStartsAt: '04:00' }; " +
      "console.log(writerDate(s, new Date('2025-08-04T03:59:00+09:00')), writerDate(s, new Date('2025-08-04T04:00:00+09:00')))";
    for (const zone of ['UTC', 'America/Los_Angeles', 'Pacific/Kiritimati', 'Asia/Tokyo']) {
      const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: repoRoot, encoding: 'utf8', env: { ...process.env, TZ: zone } });
      expect(run.stdout.trim(), zone).toBe('2025-08-03 2025-08-04');
    }
  });

  it('is validated: a time that is not HH:MM is refused with the field named', () => {
    expect(() => settings({ dayStartsAt: '4時' })).toThrow(/dayStartsAt \(is "4時"\): must be a time written HH:MM/);
    expect(() => settings({ targets: { weeklyMinutes: 0 } })).toThrow(/targets\.weeklyMinutes \(is 0\): must be more than 0 minutes/);
    expect(() => settings({ targets: { weeklyMinutes: 99_999 } })).toThrow(/targets\.weeklyMinutes/);
  });
});

describe('nisshi status', () => {
  it('at 03:59 on Monday: Sunday\'s log is today\'s, the week is 4.5 of 10 hours, streak 3 (English)', async () => {
    const folder = await threeDays();
    const { code, out } = await status(folder, '2025-08-04T03:59:00+09:00');
    expect(code).toBe(0);
    expect(out).toBe(
      [
        'status for 2025-08-03',
        'today\'s log: written (logs/2025-08-03.md)',
        'this week: 4.5 / 10 hours (45%)',
        'this week\'s checklist: own items 3/7, carried over 0/0',
        'streak: 3 day(s)',
        'open problems: 1',
        '  - Lambdaのコールドスタートが遅い',
        'overdue plans: 1',
        '  - テストを書き足す (2025-08-02)',
        // Today's log is written: what tomorrow's log will start from.
        'carried by nisshi new tomorrow (2025-08-04): 2',
        '  - 依存関係を更新する (left open 8/3)',
        '  - テストを書き足す (planned 8/1)',
        'someday (backlog): 0',
        'learnings to review: 0',
        '',
      ].join('\n'),
    );
  });

  it('at 04:00 on Monday: a new day and a new week, in Japanese', async () => {
    vi.stubEnv('NISSHI_LANG', '');
    const folder = await threeDays();
    const { out } = await status(folder, '2025-08-04T04:00:00+09:00');
    expect(out.split('\n').slice(0, 6)).toEqual([
      '2025-08-04 の状況',
      `今日のログ: まだ（nisshi new で ${path.join('logs', '2025-08-04.md')} を作れます）`,
      '今週: 0 / 10 時間（0%）',
      '今週のチェックリスト: 自分の項目 0/0・持ち越し 0/0',
      '連続: 3 日',
      '未解決の問題: 1 件',
    ]);
    expect(out).toContain('期限切れの計画: 1 件');
    expect(out).toContain('今日の nisshi new が持ち越すもの: 2 件\n  - 依存関係を更新する 未完了（8/3）\n  - テストを書き足す（8/1 の計画）\n');
    expect(out).toContain('いつか（バックログ）: 0 件');
  });

  it('meets the target at its edge, and says when there is none', async () => {
    const folder = await threeDays();
    const at = '2025-08-04T03:00:00+09:00';
    const exact = JSON.parse((await status(folder, at, ['--json'], settings({ targets: { weeklyMinutes: 270 } }))).out);
    expect(exact.week).toEqual({ minutes: 270, targetMinutes: 270, met: true });
    const short = JSON.parse((await status(folder, at, ['--json'], settings({ targets: { weeklyMinutes: 271 } }))).out);
    expect(short.week.met).toBe(false);
    const none = await status(folder, at, [], settings({ targets: undefined }));
    expect(none.out).toContain('this week: 4.5 hours (no target');
  });

  it('--json carries every count for scripts', async () => {
    const folder = await threeDays();
    const json = JSON.parse((await status(folder, '2025-08-04T03:59:00+09:00', ['--json'])).out);
    expect(json).toEqual({
      today: '2025-08-03',
      todayLogs: ['logs/2025-08-03.md'],
      week: { minutes: 270, targetMinutes: 600, met: false },
      weekChecklist: { own: { done: 3, total: 7 }, carried: { done: 0, total: 0 } },
      streak: 3,
      openProblems: { count: 1, titles: ['Lambdaのコールドスタートが遅い'] },
      overduePlans: { count: 1, stale: 0, items: [{ text: 'テストを書き足す', due: '2025-08-02', stale: false }] },
      carry: {
        date: '2025-08-04',
        count: 2,
        items: [
          { text: '依存関係を更新する', kind: 'unfinished', from: '2025-08-03' },
          { text: 'テストを書き足す', kind: 'plan', from: '2025-08-01' },
        ],
      },
      someday: { count: 0, items: [] },
      dueLearnings: { count: 0, items: [] },
    });
  });

  it('counts the learnings due for review today and names the first five, oldest due first', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'nisshi-status-'));
    await cp(path.join(repoRoot, 'tests/fixtures/reviews'), path.join(folder, 'logs'), { recursive: true });
    const { out } = await status(folder, '2025-09-15T09:00:00+09:00');
    expect(out.split('\n').slice(-7)).toEqual([
      'learnings to review: 6',
      '  - IAM のポリシーは最小権限から始める (learned 9/1)',
      '  - GitHub Actions のキャッシュはキーで決まる (learned 9/2)',
      '  - Docker のレイヤーは順番でキャッシュが効く (learned 9/4)',
      '  - Lambda のコールドスタートは初回だけ遅い (learned 9/1)',
      '  - 日付は設定のタイムゾーンで数える (learned 9/10)',
      '',
    ]);
  });

  it('counts the backlog: stale plans and someday ones; --all lists everything, without it five of each and how many more', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'nisshi-status-'));
    await cp(path.join(repoRoot, 'tests/fixtures/carry-week'), path.join(folder, 'logs'), { recursive: true });
    const at = '2025-01-06T09:00:00+09:00';
    const { out } = await status(folder, at);
    expect(out).toContain('overdue plans: 4 (1 of them long past due, in the backlog)\n');
    expect(out).toContain('  - 古いAPIの移行 (2024-12-02) (backlog)\n');
    expect(out).toContain('carried by nisshi new today: 5\n');
    expect(out).toContain('  - CIの高速化 (planned 2024/12/2)\n');
    expect(out).toContain('someday (backlog): 1\n  - Rust を学ぶ (planned 2024/12/30)\n');
    expect(out).toContain('this week\'s checklist: own items 0/0, carried over 0/0');
    const json = JSON.parse((await status(folder, at, ['--json'])).out);
    expect(json.overduePlans).toMatchObject({ count: 4, stale: 1 });
    expect(json.someday).toEqual({ count: 1, items: [{ text: 'Rust を学ぶ', plannedOn: '2024-12-30' }] });

    // Ten more plans due on 1/5: five are named, the rest counted; --all names them all.
    const many = Array.from({ length: 10 }, (_, index) => `- [ ] 追加の計画${index + 1}`).join('\n');
    await writeFile(path.join(folder, 'logs/2025-01-05.md'), `${await readFile(path.join(folder, 'logs/2025-01-05.md'), 'utf8')}\n## 次のステップ\n### 今日中\n${many}\n`);
    const short = (await status(folder, at)).out;
    const carried = short.slice(short.indexOf('carried by nisshi new'), short.indexOf('someday'));
    expect(carried.split('\n').filter((line) => line.startsWith('  - '))).toHaveLength(5);
    expect(carried).toContain('  … 10 more (nisshi status --all lists all)\n');
    const all = (await status(folder, at, ['--all'])).out;
    const everything = all.slice(all.indexOf('carried by nisshi new'), all.indexOf('someday'));
    expect(everything.split('\n').filter((line) => line.startsWith('  - '))).toHaveLength(15);
    expect(everything).not.toContain('more (nisshi status --all');
    expect(JSON.parse((await status(folder, at, ['--all', '--json'])).out).carry.items).toHaveLength(15);
  });
});
