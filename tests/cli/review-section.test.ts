/**
 * `nisshi new` brings learnings back under ## 復習: on the fortnight of
 * tests/fixtures/reviews, the log of 9/15 lists exactly the five learnings
 * due first (of six due); ticking two of them in that log moves them on, so
 * the log of 9/16 lists the other four.
 */
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/io.ts';
import { main } from '../../src/cli/main.ts';
import { parseLog } from '../../src/parse/parse-log.ts';
import { parseSettings } from '../../src/settings/settings.ts';
import { repoRoot } from './run-cli.ts';

const settings = parseSettings({
  title: 't', description: '', site: 'https://example.com', timezone: 'Asia/Tokyo', weekStart: 'monday', locale: 'ja', logsDir: 'logs', allowRawHtml: false,
});

async function newLog(folder: string, date: string): Promise<{ code: number; err: string; text: string }> {
  let err = '';
  const io: CliIo = { cwd: folder, stdout: () => {}, stderr: (text) => void (err += text), now: () => new Date(`${date}T09:00:00+09:00`) };
  const code = await main(['new', '--date', date], io, settings);
  return { code, err, text: await readFile(path.join(folder, 'logs', `${date}.md`), 'utf8') };
}

function section(text: string): string {
  const start = text.indexOf('## 復習');
  return start === -1 ? '' : text.slice(start, text.indexOf('\n\n', start) + 2);
}

describe('nisshi new and ## 復習', () => {
  it('lists exactly the learnings due, at most five, oldest due first, each linked to its line; a tick moves one on', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'nisshi-review-'));
    await cp(path.join(repoRoot, 'tests/fixtures/reviews'), path.join(folder, 'logs'), { recursive: true });
    const first = await newLog(folder, '2025-09-15');
    expect(first.code).toBe(0);
    expect(first.err).toContain('put 5 learning(s) to review under "## 復習"');
    // Due on 9/15: IAM (since 9/2), GitHub Actions (9/3), Docker (9/5), Lambda (9/8, its 7-day review), 日付 (9/11); CloudWatch (9/15) is the sixth.
    expect(section(first.text)).toBe(
      '## 復習\n' +
        '- [ ] IAM のポリシーは最小権限から始める（[9/1 の学び](2025-09-01.md#L12)）\n' +
        '- [ ] GitHub Actions のキャッシュはキーで決まる（[9/2 の学び](2025-09-02.md#L10)）\n' +
        '- [ ] Docker のレイヤーは順番でキャッシュが効く（[9/4 の学び](2025-09-04.md#L10)）\n' +
        '- [ ] Lambda のコールドスタートは初回だけ遅い（[9/1 の学び](2025-09-01.md#L11)）\n' +
        '- [ ] 日付は設定のタイムゾーンで数える（[9/10 の学び](2025-09-10.md#L8)）\n\n',
    );
    // Read back: review items with the day learned and the line, none of them a task, goal or plan of the day.
    const record = parseLog(first.text, { path: 'logs/2025-09-15.md' });
    expect(record.reviewItems.map((item) => [item.learnedOn, item.learningLine, item.done])).toEqual([
      ['2025-09-01', 12, false], ['2025-09-02', 10, false], ['2025-09-04', 10, false], ['2025-09-01', 11, false], ['2025-09-10', 8, false],
    ]);
    expect(record.checklist.map((item) => item.text).join()).not.toContain('の学び');
    expect(record.plans.map((plan) => plan.text).join()).not.toContain('の学び');
    expect(record.goals.map((goal) => goal.text).join()).not.toContain('の学び');

    // Reviewed on 9/15: IAM and Lambda are ticked; the others are left as they are.
    const ticked = first.text
      .replace('- [ ] IAM のポリシー', '- [x] IAM のポリシー')
      .replace('- [ ] Lambda のコールドスタート', '- [x] Lambda のコールドスタート');
    await writeFile(path.join(folder, 'logs', '2025-09-15.md'), ticked);
    const second = await newLog(folder, '2025-09-16');
    expect(second.err).toContain('put 4 learning(s) to review under "## 復習"');
    // IAM comes back on 9/22 (day 21), Lambda on 9/22 too; the unticked three stay due, and 9/14's CloudWatch joins them.
    expect(section(second.text)).toBe(
      '## 復習\n' +
        '- [ ] GitHub Actions のキャッシュはキーで決まる（[9/2 の学び](2025-09-02.md#L10)）\n' +
        '- [ ] Docker のレイヤーは順番でキャッシュが効く（[9/4 の学び](2025-09-04.md#L10)）\n' +
        '- [ ] 日付は設定のタイムゾーンで数える（[9/10 の学び](2025-09-10.md#L8)）\n' +
        '- [ ] CloudWatch のアラームは平均で判定する（[9/14 の学び](2025-09-14.md#L7)）\n\n',
    );
  });

  it('writes no ## 復習 when nothing is due, and links across folders and years', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'nisshi-review-'));
    const empty = await newLog(folder, '2025-09-15');
    expect(section(empty.text)).toBe('');
    expect(empty.err).not.toContain('復習');
    await cp(path.join(repoRoot, 'tests/fixtures/reviews/2025-09-14.md'), path.join(folder, 'logs/2025/09/14.md'), { recursive: true });
    const later = await newLog(folder, '2026-03-14');
    // Never reviewed, so due since 9/15; learned in another year than the new log's: the year written out.
    expect(section(later.text)).toBe('## 復習\n- [ ] CloudWatch のアラームは平均で判定する（[2025/9/14 の学び](2025/09/14.md#L7)）\n\n');
    expect(parseLog(later.text, { path: 'logs/2026-03-14.md' }).reviewItems[0]).toMatchObject({ learnedOn: '2025-09-14', learningLine: 7 });
  });
});
