/**
 * The record index behind the commands, as a writer meets it: whole `nisshi`
 * processes in a project folder, its index in node_modules/.cache/nisshi/.
 * A second run parses nothing and prints what the first printed; --no-cache
 * prints the same without touching the index; two processes at once leave an
 * index that the next run reads whole; a damaged one is said in one line.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { cp, mkdir, readdir, readFile, rm, stat, truncate, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { generateLogs } from '../../scripts/generate-logs.ts';
import { binPath, emptyFolder, repoRoot, runCli } from './run-cli.ts';

let folder = '';
afterEach(async () => {
  if (folder) await rm(folder, { recursive: true, force: true });
});

/** A project: package.json (so the cache is its own), the carry fixtures and generated logs under logs/. */
async function projectFolder(count = 30): Promise<string> {
  folder = await emptyFolder();
  await writeFile(path.join(folder, 'package.json'), '{ "private": true }\n');
  await cp(path.join(repoRoot, 'tests/fixtures/carry'), path.join(folder, 'logs'), { recursive: true });
  await mkdir(path.join(folder, 'logs/generated'));
  for (const log of generateLogs(count, { seed: 11, startDate: '2024-01-01' })) await writeFile(path.join(folder, 'logs/generated', log.path), log.text);
  return folder;
}

const report = { NISSHI_REPORT_INDEX: '1' };
const cacheDir = () => path.join(folder, 'node_modules/.cache/nisshi');
const parsedCount = (stderr: string) => Number(/record index: (\d+) parsed/.exec(stderr)?.[1] ?? NaN);
const withoutReport = (stderr: string) => stderr.split('\n').filter((line) => !line.includes('record index:')).join('\n');

describe('the record index behind nisshi commands', () => {
  it('check, status, new and parse: a second run parses nothing and prints what the first printed, as --no-cache does', async () => {
    await projectFolder();
    const logs = (await readdir(path.join(folder, 'logs'), { recursive: true })).filter((name) => name.endsWith('.md')).length;
    const commands = [['check'], ['status', '--json'], ['parse', 'logs'], ['new', '--date', '2030-01-01', '--dir', 'logs']];
    for (const args of commands) {
      const first = runCli(args, folder, [], report);
      if (args[0] === 'new') await rm(path.join(folder, 'logs/2030-01-01.md'));
      const second = runCli(args, folder, [], report);
      if (args[0] === 'new') await rm(path.join(folder, 'logs/2030-01-01.md'));
      const uncached = runCli([...args, '--no-cache'], folder, [], report);
      if (args[0] === 'new') await rm(path.join(folder, 'logs/2030-01-01.md'));
      expect(second.status, args.join(' ')).toBe(first.status);
      expect(parsedCount(second.stderr), `${args.join(' ')}: ${second.stderr}`).toBe(0);
      expect(second.stderr).toContain(`0 parsed, ${logs} from the index`);
      expect(uncached.stderr).toContain(`${logs} parsed, 0 from the index (no index)`);
      expect(second.stdout, args.join(' ')).toBe(first.stdout);
      expect(uncached.stdout, args.join(' ')).toBe(first.stdout);
      expect(withoutReport(second.stderr)).toBe(withoutReport(first.stderr));
    }
    expect((await readdir(cacheDir())).some((name) => name.endsWith('.db'))).toBe(true);
  }, 120_000);

  it('is not made or read with --no-cache or NISSHI_NO_CACHE=1, and lives where NISSHI_CACHE_DIR says', async () => {
    await projectFolder(3);
    expect(runCli(['check', '--no-cache'], folder).status).toBe(0);
    expect(runCli(['check'], folder, [], { NISSHI_NO_CACHE: '1' }).status).toBe(0);
    expect(existsSync(path.join(folder, 'node_modules'))).toBe(false);
    const elsewhere = path.join(folder, 'elsewhere');
    expect(runCli(['check'], folder, [], { NISSHI_CACHE_DIR: 'elsewhere' }).status).toBe(0);
    expect((await readdir(elsewhere)).some((name) => name.endsWith('.db'))).toBe(true);
    expect(existsSync(path.join(folder, 'node_modules'))).toBe(false);
  });

  it('sees an edited log at once: only it is parsed, and the output follows it', async () => {
    await projectFolder(10);
    runCli(['check'], folder);
    const log = path.join(folder, 'logs/2025-08-02.md');
    await writeFile(log, `${await readFile(log, 'utf8')}\n#見出しのつもり\n`);
    const after = runCli(['check'], folder, [], report);
    expect(parsedCount(after.stderr)).toBe(1);
    expect(after.stdout).toContain('logs/2025-08-02.md');
    expect(after.stdout).toBe(runCli(['check', '--no-cache'], folder).stdout);
  });

  it('says an image beside a log is missing as it is now, though the log was not read again', async () => {
    await projectFolder(3);
    const log = path.join(folder, 'logs/2025-08-02.md');
    await writeFile(log, `${await readFile(log, 'utf8')}\n![図](./figure.png)\n`);
    const missing = runCli(['check'], folder, [], report);
    expect(missing.stdout).toMatch(/logs\/2025-08-02\.md:\d+:\d+: warning .*\[missing-image\]/);
    await writeFile(path.join(folder, 'logs/figure.png'), 'not really a png');
    const there = runCli(['check'], folder, [], report);
    expect(parsedCount(there.stderr)).toBe(0);
    expect(there.stdout).not.toContain('[missing-image]');
    expect(there.stdout).toBe(runCli(['check', '--no-cache'], folder).stdout);
    await rm(path.join(folder, 'logs/figure.png'));
    const gone = runCli(['check'], folder, [], report);
    expect(parsedCount(gone.stderr)).toBe(0);
    expect(gone.stdout).toBe(missing.stdout);
    // status reads records without the images' check, from the same rows.
    const status = runCli(['status', '--json'], folder, [], report);
    expect(parsedCount(status.stderr)).toBe(0);
  });

  it('is left whole by two commands running at once, from an empty index', async () => {
    await projectFolder(60);
    const start = (args: string[]) => {
      const child = spawn(process.execPath, [binPath, ...args], { cwd: folder, env: { ...process.env, NO_COLOR: '1', ...report } });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      return once(child, 'close').then(([code]) => ({ code: code as number, stdout, stderr }));
    };
    const [check, status] = await Promise.all([start(['check']), start(['status', '--json'])]);
    expect(check.code, check.stderr).toBe(0);
    expect(status.code, status.stderr).toBe(0);
    expect(check.stderr).not.toMatch(/damaged|cannot keep|could not save/);
    expect(status.stderr).not.toMatch(/damaged|cannot keep|could not save/);
    // parse prints whole records: every one from the index, as --no-cache reads them (written to files: they are megabytes).
    const next = runCli(['parse', 'logs', '--out', 'indexed.json'], folder, [], report);
    expect(parsedCount(next.stderr)).toBe(0);
    runCli(['parse', 'logs', '--no-cache', '--out', 'fresh.json'], folder);
    expect(await readFile(path.join(folder, 'indexed.json'), 'utf8')).toBe(await readFile(path.join(folder, 'fresh.json'), 'utf8'));
  }, 120_000);

  it('says in one line that a damaged index is built again, and prints what --no-cache prints', async () => {
    await projectFolder(20);
    runCli(['check'], folder);
    const [database] = (await readdir(cacheDir())).filter((name) => name.endsWith('.db'));
    const file = path.join(cacheDir(), database!);
    await truncate(file, Math.floor((await stat(file)).size / 3));
    const damaged = runCli(['check'], folder, [], { NISSHI_LANG: 'en' });
    const notices = damaged.stderr.split('\n').filter((line) => line.includes('record index'));
    expect(notices).toEqual([expect.stringMatching(/^nisshi check: the record index .+ was damaged \(.+\); it is built again from the logs$/)]);
    expect(damaged.stdout).toBe(runCli(['check', '--no-cache'], folder).stdout);
    const japanese = runCli(['check'], folder, [], { NISSHI_LANG: 'ja' });
    expect(japanese.stderr).not.toContain('記録の索引');
  });

  it('says once that it cannot keep an index where the folder cannot be made, and still answers', async () => {
    await projectFolder(3);
    await mkdir(path.join(folder, 'node_modules'));
    await writeFile(path.join(folder, 'node_modules/.cache'), 'a file in the way');
    const run = runCli(['check'], folder, [], { NISSHI_LANG: 'ja' });
    expect(run.status).toBe(0);
    expect(run.stderr.split('\n').filter((line) => line.includes('記録の索引'))).toEqual([
      expect.stringMatching(/^nisshi check: 記録の索引を .+ に置けません（.+）。索引を使わずにすべてのログを読みます（遅くなります）/),
    ]);
    expect(run.stdout).toBe(runCli(['check', '--no-cache'], folder).stdout);
  });
});
