/**
 * `nisshi drop <id or text>`: the drop is written into today's log (never an
 * earlier one), the line written is printed, and the plan is dropped from
 * then on: /data/plans.json's chain says so, the next `nisshi new` does not
 * carry it.
 */
import { cp, mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CliIo } from '../../src/cli/io.ts';
import { main } from '../../src/cli/main.ts';
import { parseLog } from '../../src/parse/parse-log.ts';
import { parseSettings } from '../../src/settings/settings.ts';
import { chainJson, planChains } from '../../src/stats/plan-chains.ts';
import { repoRoot } from './run-cli.ts';

const settings = parseSettings({
  title: 't', description: '', site: 'https://example.com', timezone: 'Asia/Tokyo', weekStart: 'monday', locale: 'ja', logsDir: 'logs', allowRawHtml: false,
});

async function run(folder: string, args: string[], date = '2025-01-06'): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = { cwd: folder, stdout: (text) => void (out += text), stderr: (text) => void (err += text), now: () => new Date(`${date}T09:00:00+09:00`) };
  const code = await main(args, io, settings);
  return { code, out, err };
}

async function week(): Promise<string> {
  const folder = await mkdtemp(path.join(tmpdir(), 'nisshi-drop-'));
  await cp(path.join(repoRoot, 'tests/fixtures/carry-week'), path.join(folder, 'logs'), { recursive: true });
  return folder;
}

async function files(folder: string): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  for (const name of (await readdir(path.join(folder, 'logs'))).sort()) found.set(name, await readFile(path.join(folder, 'logs', name), 'utf8'));
  return found;
}

async function records(folder: string) {
  return [...(await files(folder))].map(([name, text]) => parseLog(text, { path: `logs/${name}` }));
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('nisshi drop', () => {
  it('strikes the carried line of today\'s log, prints it, and the plan is dropped that day and carried no more', async () => {
    const folder = await week();
    expect((await run(folder, ['new'])).code).toBe(0);
    const before = await files(folder);
    const dropped = await run(folder, ['drop', 'ローカルテスト環境の構築']);
    expect(dropped).toEqual({
      code: 0,
      out: `${path.join('logs', '2025-01-06.md')}:12: - [ ] ~~ローカルテスト環境構築~~（2024/12/30 の計画）\n`,
      err: 'wrote into today\'s log that "ローカルテスト環境構築" is dropped\n',
    });
    const after = await files(folder);
    // Only today's log changed, and only that line.
    for (const [name, text] of before) if (name !== '2025-01-06.md') expect(after.get(name), name).toBe(text);
    const changed = after.get('2025-01-06.md')!.split('\n').filter((line, index) => line !== before.get('2025-01-06.md')!.split('\n')[index]);
    expect(changed).toEqual(['- [ ] ~~ローカルテスト環境構築~~（2024/12/30 の計画）']);
    const chain = planChains(await records(folder), { today: '2025-01-07', weekStart: 'monday' }).map(chainJson).find((candidate) => candidate.text === 'ローカルテスト環境構築');
    expect(chain).toMatchObject({ status: 'dropped', droppedOn: '2025-01-06' });
    expect((await run(folder, ['new'], '2025-01-07')).code).toBe(0);
    expect(await readFile(path.join(folder, 'logs/2025-01-07.md'), 'utf8')).not.toContain('ローカルテスト環境');
  });

  it('takes a chain\'s id, and adds a struck line under 持ち越し for a plan today\'s log does not have', async () => {
    const folder = await week();
    await writeFile(path.join(folder, 'logs/2025-01-06.md'), '# 2025年1月6日\n\n## 今日の目標\n- [ ] 目標\n\n## 実施内容\nやった\n');
    const stale = planChains(await records(folder), { today: '2025-01-06', weekStart: 'monday' }).find((chain) => chain.stale)!;
    expect(stale.text).toBe('古いAPIの移行');
    const result = await run(folder, ['drop', stale.id]);
    expect(result.code).toBe(0);
    expect(result.out).toBe(`${path.join('logs', '2025-01-06.md')}:7: - [ ] ~~古いAPIの移行~~（2024/12/2 の計画）\n`);
    expect(await readFile(path.join(folder, 'logs/2025-01-06.md'), 'utf8')).toBe(
      '# 2025年1月6日\n\n## 今日の目標\n- [ ] 目標\n\n## 持ち越し\n- [ ] ~~古いAPIの移行~~（2024/12/2 の計画）\n\n## 実施内容\nやった\n',
    );
    const chain = planChains(await records(folder), { today: '2025-01-06', weekStart: 'monday' }).find((candidate) => candidate.id === stale.id);
    expect(chain).toMatchObject({ status: 'dropped', droppedOn: '2025-01-06', stale: false });
  });

  it('says in Japanese what it wrote, and that a plan dropped already needs nothing more', async () => {
    vi.stubEnv('NISSHI_LANG', '');
    const folder = await week();
    expect((await run(folder, ['new'])).code).toBe(0);
    expect((await run(folder, ['drop', '本を読む'])).err).toBe('「本を読む」をやめたことを今日のログに書きました\n');
    const once = await files(folder);
    const again = await run(folder, ['drop', '本を読む']);
    expect(again).toEqual({ code: 0, out: '', err: `「本を読む」は今日のログでもうやめています（${path.join('logs', '2025-01-06.md')}:10）\n` });
    expect(await files(folder)).toEqual(once);
  });

  it('refuses without today\'s log, without a match, and on several matches (listing them with their ids), writing nothing', async () => {
    const folder = await week();
    const before = await files(folder);
    const missing = await run(folder, ['drop', 'CIの高速化']);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('no log for today (2025-01-06) yet: write it with nisshi new');
    await writeFile(path.join(folder, 'logs/2025-01-06.md'), '# 2025年1月6日\n\n## 次のステップ\n### 今週中\n- [ ] 記事を書く準備\n- [ ] 記事を書く本番\n');
    const none = await run(folder, ['drop', '存在しない計画']);
    expect(none).toMatchObject({ code: 1, out: '' });
    expect(none.err).toContain('nothing open matches "存在しない計画"');
    const several = await run(folder, ['drop', '記事を書く']);
    expect(several.code).toBe(1);
    expect(several.err).toContain('"記事を書く" matches 2 plans or tasks; give the id or more of the text:');
    expect(several.err).toMatch(/\n {2}[0-9a-f]{12} {2}記事を書く準備（2025-01-06）\n/u);
    expect(several.err).toMatch(/\n {2}[0-9a-f]{12} {2}記事を書く本番（2025-01-06）\n/u);
    expect(await run(folder, ['drop'])).toMatchObject({ code: 2 });
    const after = await files(folder);
    for (const [name, text] of before) expect(after.get(name)).toBe(text);
  });
});
