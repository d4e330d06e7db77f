/**
 * Issue 8's acceptance for `nisshi new`: three days of logs (a 明日 plan not
 * done, an unchecked item, a resolved and an open problem, a done plan); the
 * fourth day's log carries the open plan, the unchecked item (as 未完了, not
 * as a plan: issue 24) and the open problem, and not the done plan or the
 * resolved problem; a second run changes nothing and exits 1.
 */
import { cp, mkdtemp, readFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseLog } from '../../src/parse/parse-log.ts';
import { repoRoot, runCli } from './run-cli.ts';

async function threeDays(): Promise<string> {
  const folder = await mkdtemp(path.join(tmpdir(), 'nisshi-carry-'));
  await cp(path.join(repoRoot, 'tests/fixtures/carry'), path.join(folder, 'logs'), { recursive: true });
  return folder;
}

async function snapshot(folder: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const name of await readdir(path.join(folder, 'logs'))) files[name] = await readFile(path.join(folder, 'logs', name), 'utf8');
  return files;
}

describe('nisshi new carries over', () => {
  it('the open plan, the unchecked item (未完了) and the open problem, once each, newest first; not the done plan or the resolved problem', async () => {
    const folder = await threeDays();
    const before = await snapshot(folder);
    const run = runCli(['new', '--date', '2025-08-04', '--dir', 'logs'], folder);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(`${path.join('logs', '2025-08-04.md')}\n`);
    expect(run.stderr).toContain('carried over 3 item(s)');
    const written = await readFile(path.join(folder, 'logs/2025-08-04.md'), 'utf8');
    const carried = written.slice(written.indexOf('## 持ち越し'), written.indexOf('## 実施内容'));
    expect(carried).toBe(
      '## 持ち越し\n' +
        '- [ ] 依存関係を更新する 未完了（8/3）\n' +
        '- [ ] テストを書き足す（8/1 の計画）\n\n' +
        '## 継続中の問題\n' +
        '- Lambdaのコールドスタートが遅い（8/1 から） — 現状: 2 秒まで縮んだ\n\n',
    );
    expect(written).not.toContain('デプロイ手順を整理する');
    expect(written).not.toContain('ログが出ない');
    expect(written).not.toContain('本を読む');
    // The earlier logs are untouched, and the new one reads back: carried items are checklist items, not problems.
    expect(await snapshot(folder)).toEqual({ ...before, '2025-08-04.md': written });
    const record = parseLog(written, { path: 'logs/2025-08-04.md' });
    expect(record.problems.filter((problem) => problem.title.includes('Lambda'))).toEqual([]);
    expect(record.checklist.map((item) => item.text)).toContain('テストを書き足す（8/1 の計画）');

    const again = runCli(['new', '--date', '2025-08-04', '--dir', 'logs'], folder);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain(path.join('logs', '2025-08-04.md'));
    expect(await snapshot(folder)).toEqual({ ...before, '2025-08-04.md': written });
  });

  it('does not carry an item ticked in a later log, nor twice when it was carried before', async () => {
    const folder = await threeDays();
    expect(runCli(['new', '--date', '2025-08-04', '--dir', 'logs'], folder).status).toBe(0);
    // Day 5, written after day 4 was left as carried: each still open item once, with its first day.
    const run = runCli(['new', '--date', '2025-08-05', '--dir', 'logs'], folder);
    expect(run.status).toBe(0);
    const day5 = await readFile(path.join(folder, 'logs/2025-08-05.md'), 'utf8');
    expect(day5.match(/テストを書き足す/g)).toHaveLength(1);
    expect(day5).toContain('- [ ] テストを書き足す（8/1 の計画）');
    expect(day5).toContain('- [ ] 依存関係を更新する 未完了（8/3）');
    // Placeholders of the untouched day 4 are nothing to carry.
    expect(day5).not.toMatch(/持ち越し[\s\S]*（目標1）[\s\S]*## 継続中の問題/);
  });

  it('says it in Japanese by default', async () => {
    const folder = await threeDays();
    const run = runCli(['new', '--date', '2025-08-04', '--dir', 'logs'], folder, [], { NISSHI_LANG: '' });
    expect(run.stderr).toContain('3 件を持ち越しました');
    const again = runCli(['new', '--date', '2025-08-04', '--dir', 'logs'], folder, [], { NISSHI_LANG: '' });
    expect(again.stderr).toContain('はもうあります');
  });
});
