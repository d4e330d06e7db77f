/**
 * Issue 24's acceptance for `nisshi new`, run as a writer runs it:
 *
 * - the week of tests/fixtures/carry-week (Mon 2024-12-30 to Sun 2025-01-05:
 *   struck through, every drop word, いつか, a stale plan of the year before,
 *   two spellings of one plan, a ❌ finding, a carried item ticked) carried
 *   into the next Monday: exactly the open, fresh plans once each, with labels
 *   that name the year when it is another, the day's findings as 未完了;
 * - generated logs (the project's generator): at most 15 items and 10
 *   problems, what was left out said in one line, the earlier logs byte for
 *   byte the same after `new` ran twice. The 3,650-log figures are the lead's
 *   to take (README); a test runs a smaller corpus.
 */
import { cp, mkdtemp, readFile, readdir, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateLogs } from '../../scripts/generate-logs.ts';
import { main } from '../../src/cli/main.ts';
import type { CliIo } from '../../src/cli/io.ts';
import { parseLog } from '../../src/parse/parse-log.ts';
import { parseSettings } from '../../src/settings/settings.ts';
import { repoRoot, runCli } from './run-cli.ts';

async function folderWith(fixture: string): Promise<string> {
  const folder = await mkdtemp(path.join(tmpdir(), 'nisshi-carry-week-'));
  await cp(path.join(repoRoot, 'tests/fixtures', fixture), path.join(folder, 'logs'), { recursive: true });
  return folder;
}

async function snapshot(folder: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  for (const name of (await readdir(path.join(folder, 'logs'), { recursive: true })).sort()) {
    if (name.endsWith('.md')) files.set(name, await readFile(path.join(folder, 'logs', name)));
  }
  return files;
}

function sections(log: string): string {
  return log.slice(log.indexOf('## 持ち越し'), log.indexOf('## 実施内容'));
}

/** The list items of one section (up to the next ## heading). */
function itemsUnder(log: string, heading: string): string[] {
  const start = log.indexOf(`## ${heading}\n`);
  if (start === -1) return [];
  const end = log.indexOf('\n## ', start + 1);
  return log.slice(start, end === -1 ? undefined : end).split('\n').filter((line) => line.startsWith('- '));
}

describe('nisshi new on the acceptance week', () => {
  it('carries exactly the open, fresh plans once each, labelled with their year, and the last day\'s findings as 未完了', async () => {
    const folder = await folderWith('carry-week');
    const before = await snapshot(folder);
    const run = runCli(['new', '--date', '2025-01-06', '--dir', 'logs'], folder, [], { NISSHI_LANG: 'ja' });
    expect(run.status).toBe(0);
    const written = await readFile(path.join(folder, 'logs/2025-01-06.md'), 'utf8');
    expect(sections(written)).toBe(
      '## 持ち越し\n' +
        '- [ ] 本を読む 未完了（1/5）\n' +
        '- [ ] sls deploy が権限エラーで失敗 未完了（1/5）\n' +
        '- [ ] ローカルテスト環境構築（2024/12/30 の計画）\n' +
        '- [ ] READMEの更新（2024/12/30 の計画）\n' +
        '- [ ] CIの高速化（2024/12/2 の計画）\n\n' +
        '## 継続中の問題\n' +
        '- sls deploy の権限エラー（1/5 から） — 現状: IAM ロールに権限が足りない\n\n' +
        'ほかに 期限から 14 日を過ぎてバックログにした計画・未完了 1 件があります（一覧は nisshi status --all）\n\n',
    );
    expect(run.stderr).toBe(
      '6 件を持ち越しました（計画・未完了 5 件、継続中の問題 1 件）\n' +
        'ほかに 期限から 14 日を過ぎてバックログにした計画・未完了 1 件があります（一覧は nisshi status --all）\n',
    );
    // Read back: carried items, none the day's own; none of them a plan or a problem; no warning but the template's placeholders.
    const record = parseLog(written, { path: 'logs/2025-01-06.md' });
    expect(record.checklist.filter((item) => item.carried !== null).map((item) => item.carried)).toEqual([
      { kind: 'unfinished', from: '2025-01-05' },
      { kind: 'unfinished', from: '2025-01-05' },
      { kind: 'plan', from: '2024-12-30' },
      { kind: 'plan', from: '2024-12-30' },
      { kind: 'plan', from: '2024-12-02' },
    ]);
    expect(record.plans.map((plan) => plan.text).join()).not.toMatch(/本を読む|sls|環境|README|CI/);
    expect(record.diagnostics.filter((diagnostic) => diagnostic.rule !== 'template-placeholder')).toEqual([]);
    expect(await snapshot(folder)).toEqual(new Map([...before, ['2025-01-06.md', Buffer.from(written)]]));
  });
});

/** `nisshi new` with settings of the test's own, as main() runs it. */
async function newLog(folder: string, date: string, carryOver?: Record<string, number>): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = { cwd: folder, stdout: (text) => void (out += text), stderr: (text) => void (err += text), now: () => new Date(`${date}T09:00:00+09:00`) };
  const settings = parseSettings({
    title: 't', description: '', site: 'https://example.com', timezone: 'Asia/Tokyo', weekStart: 'monday', locale: 'en', logsDir: 'logs', allowRawHtml: false,
    ...(carryOver ? { carryOver } : {}),
  });
  const code = await main(['new'], io, settings);
  return { code, out, err };
}

describe('nisshi new on generated logs', () => {
  const corpus = async (count: number): Promise<string> => {
    const folder = await mkdtemp(path.join(tmpdir(), 'nisshi-carry-generated-'));
    await mkdir(path.join(folder, 'logs'));
    const logs = generateLogs(count, { seed: 24, startDate: '2025-01-01' });
    for (const log of logs) await writeFile(path.join(folder, 'logs', log.path), log.text);
    return folder;
  };

  it('carries at most 15 items and 10 problems, says what it left out, and never changes an earlier log', async () => {
    const folder = await corpus(400);
    const before = await snapshot(folder);
    // The day after the last generated log (2026-02-04).
    const first = await newLog(folder, '2026-02-05');
    expect(first.code).toBe(0);
    const written = await readFile(path.join(folder, 'logs/2026-02-05.md'), 'utf8');
    const record = parseLog(written, { path: 'logs/2026-02-05.md' });
    const items = record.checklist.filter((item) => item.carried !== null);
    expect(items).toHaveLength(itemsUnder(written, '持ち越し').length);
    const problems = itemsUnder(written, '継続中の問題');
    expect(items.length).toBeGreaterThan(0);
    expect(items.length).toBeLessThanOrEqual(15);
    expect(problems.length).toBeLessThanOrEqual(10);
    expect(first.err).toMatch(/^carried over \d+ item\(s\)/);
    // A second run refuses, the next day's carries again: the earlier logs stay as they were, byte for byte.
    expect((await newLog(folder, '2026-02-05')).code).toBe(1);
    expect((await newLog(folder, '2026-02-06')).code).toBe(0);
    const after = await snapshot(folder);
    for (const [name, bytes] of before) expect(after.get(name), name).toEqual(bytes);
    expect(after.get('2026-02-05.md')).toEqual(Buffer.from(written));
  });

  it('caps the lists at the settings\' limits and counts the rest in one line, in the log and on stderr', async () => {
    const folder = await corpus(120);
    const run = await newLog(folder, '2025-05-01', { maxItems: 3, maxProblems: 2 });
    expect(run.code).toBe(0);
    const written = await readFile(path.join(folder, 'logs/2025-05-01.md'), 'utf8');
    expect(itemsUnder(written, '持ち越し')).toHaveLength(3);
    expect(itemsUnder(written, '継続中の問題')).toHaveLength(2);
    const line = /^ほかに .*（一覧は nisshi status --all）$/mu.exec(written)?.[0];
    expect(line).toMatch(/計画・未完了 \d+ 件/);
    expect(line).toMatch(/継続中の問題 \d+ 件/);
    expect(run.err).toMatch(/\nnot carried: \d+ more plan\(s\) and task\(s\), \d+ more open problem\(s\).*\(nisshi status --all lists them\)\n/u);
  });
});
