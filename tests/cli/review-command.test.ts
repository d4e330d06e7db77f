/**
 * `nisshi review` on the fortnight of tests/fixtures/reviews, run on 9/15:
 * the JSON is the review counted by hand (tests/stats/review-expectations.ts),
 * the Markdown says the same in Japanese (the default) or English.
 */
import { cp, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CliIo } from '../../src/cli/io.ts';
import { main } from '../../src/cli/main.ts';
import { parseSettings } from '../../src/settings/settings.ts';
import { august, reviewFixtures, secondWeek, september } from '../stats/review-expectations.ts';

const settings = parseSettings({
  title: 't', description: '', site: 'https://example.com', timezone: 'Asia/Tokyo', weekStart: 'monday', locale: 'ja', logsDir: 'logs',
  allowRawHtml: false, targets: { weeklyMinutes: 600 },
});

let folder = '';
async function review(args: string[]): Promise<{ code: number; out: string; err: string }> {
  if (folder === '') {
    folder = await mkdtemp(path.join(tmpdir(), 'nisshi-review-'));
    await cp(reviewFixtures, path.join(folder, 'logs'), { recursive: true });
  }
  let out = '';
  let err = '';
  const io: CliIo = { cwd: folder, stdout: (text) => void (out += text), stderr: (text) => void (err += text), now: () => new Date('2025-09-15T09:00:00+09:00') };
  const code = await main(['review', ...args], io, settings);
  return { code, out, err };
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('nisshi review', () => {
  it('--json prints the review of the week or month holding --date, as counted by hand', async () => {
    expect(JSON.parse((await review(['--week', '--date', '2025-09-10', '--json'])).out)).toEqual(secondWeek);
    expect(JSON.parse((await review(['--date', '2025-09-14', '--json'])).out)).toEqual(secondWeek);
    expect(JSON.parse((await review(['--month', '--date', '2025-09-30', '--json'])).out)).toEqual(september);
    expect(JSON.parse((await review(['--month', '--date', '2025-08-01', '--json'])).out)).toEqual(august);
  });

  it('defaults to the week of today (9/15: a week with no log yet, beside the week before)', async () => {
    const json = JSON.parse((await review(['--json'])).out);
    expect(json).toMatchObject({ kind: 'week', start: '2025-09-15', end: '2025-09-21', days: 0, minutes: 0, previous: { minutes: 640, days: 7 } });
  });

  it('--week prints the week as Markdown for a 週報, in Japanese by default', async () => {
    vi.stubEnv('NISSHI_LANG', '');
    const { code, out } = await review(['--week', '--date', '2025-09-08']);
    expect(code).toBe(0);
    expect(out).toBe(`# 週報 2025年9月8日〜9月14日

## 数字

| | 今週 | 前週 |
| --- | ---: | ---: |
| 学習時間 | 10時間40分 | 6時間30分 |
| 記録した日 | 7日 | 6日 |
| 目標時間 | 10時間（達成） |  |
| 連続記録 | 期間中の最長 7日・最後の日に 8日 |  |
| 今日の目標の達成 | 1 / 2 |  |
| チェックリスト | 2 / 3 |  |

## 問題

- 新しい問題: テストが落ちる
- 解決した問題: ビルドが遅い
- 未解決のまま: 2 件

## 計画

期限内に完了 2 件・遅れて完了 0 件・期限切れ 1 件・中止 1 件・未完了 1 件

- 完了: リファクタリング（9/8 に計画、期限 9/8）
- 完了: ドキュメントを更新する（9/9 に計画、期限 9/14）
- 期限切れ: 掃除をする（9/13 に計画、期限 9/13）
- 中止: ベンチマークを取る（9/10 に計画、期限 9/11）
- 未完了: Rustを学ぶ（9/12 に計画）

## 学び

- 日付は設定のタイムゾーンで数える（9/10）
- CloudWatch のアラームは平均で判定する（9/14）

## 振り返り

> 目標の10時間に届いた
> — 9/14 感想

> 来週はテストを直す
> — 9/14 感想

## タグ

- aws: 1日・2時間
- ci: 1日・1時間40分
`);
  });

  it('speaks English with NISSHI_LANG=en, and quotes a reflection of several lines', async () => {
    vi.stubEnv('NISSHI_LANG', 'en');
    const { out } = await review(['--date', '2025-09-03']);
    expect(out.split('\n').slice(0, 8)).toEqual([
      '# Weekly review 2025-09-01 – 2025-09-07', '', '## Figures', '', '| | this week | week before |', '| --- | ---: | ---: |',
      '| study time | ~6 h 30 min | 30 min |', '| days written | 6 | 1 |',
    ]);
    expect(out).toContain('| target | 10 h (3 h 30 min short) |  |');
    expect(out).toContain('done on time 1, done late 1, overdue 2, dropped 1, open 1');
    expect(out).toContain('> 今週はCIに時間を使った。\n> ビルドの遅さはまだ残っている。\n> — 2025-09-07 振り返り\n');
  });

  it('refuses --week with --month and a date that is not a day, and has help in both languages', async () => {
    expect((await review(['--week', '--month'])).code).toBe(2);
    const bad = await review(['--date', '2025-02-30']);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('2025-02-30');
    expect((await review(['--help'])).out).toMatch(/^Usage: nisshi review \[--week \| --month\] \[--date YYYY-MM-DD\] \[--json\]\n/);
    vi.stubEnv('NISSHI_LANG', 'ja');
    expect((await review(['--help'])).out).toMatch(/^使い方: nisshi review /);
    expect((await review(['--week', '--month'])).err).toContain('--week か --month のどちらか一つにしてください');
  });
});
