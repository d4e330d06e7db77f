/** `nisshi check` as a child process on copies of tests/fixtures/cli. */
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseLog } from '../../src/index.ts';
import { copyFixtures, emptyFolder, runCli } from './run-cli.ts';

let folder = '';
beforeEach(async () => {
  folder = await copyFixtures();
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

/** The message the parser gives for a fixture, so these tests pin the CLI, not the parser's wording. */
async function parserMessage(file: string, rule: string): Promise<string> {
  const record = parseLog(await readFile(path.join(folder, file), 'utf8'), { path: file });
  const found = record.diagnostics.find((diagnostic) => diagnostic.rule === rule);
  if (!found) throw new Error(`the parser no longer reports ${rule} for ${file}`);
  return found.message;
}

const duplicateMessage = (other: string) =>
  `slug "2025-08-10" is also used by ${other}; two logs would share one page: merge them, or rename one so its slug differs`;

describe('nisshi check', () => {
  it('passes clean logs with exit 0 and only the summary on stderr', () => {
    const run = runCli(['check', 'logs/2025-08-01.md', 'logs/2025/08/02.md'], folder);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('2 files checked: 0 errors, 0 warnings\n');
    expect(run.status).toBe(0);
  });

  it('exits 0 when there are only warnings', async () => {
    const run = runCli(['check', 'logs/2025/08/03.md'], folder);
    const message = await parserMessage('logs/2025/08/03.md', 'count-mismatch');
    expect(run.lines).toEqual([`logs/2025/08/03.md:13:1: warning ${message} [count-mismatch]`]);
    expect(run.stderr).toBe('1 file checked: 0 errors, 1 warning\n');
    expect(run.status).toBe(0);
  });

  it('reads logs/ by default, nested folders included, dot-folders skipped, and fails on an error', async () => {
    const run = runCli(['check'], folder);
    const mismatch = await parserMessage('logs/2025/08/03.md', 'count-mismatch');
    const yaml = await parserMessage('logs/broken-frontmatter.md', 'frontmatter-yaml');
    expect(run.lines).toEqual([
      `logs/2025/08/03.md:13:1: warning ${mismatch} [count-mismatch]`,
      `logs/broken-frontmatter.md:4:1: error ${yaml} [frontmatter-yaml]`,
    ]);
    expect(run.stderr).toBe('4 files checked: 1 error, 1 warning\n');
    expect(run.status).toBe(1);
  });

  it('reports a duplicate slug on both files, naming the other', () => {
    const run = runCli(['check', 'duplicate'], folder);
    expect(run.lines).toEqual([
      `duplicate/2025-08-10.md:1:1: error ${duplicateMessage('duplicate/2025/08/10.md')} [duplicate-slug]`,
      `duplicate/2025/08/10.md:1:1: error ${duplicateMessage('duplicate/2025-08-10.md')} [duplicate-slug]`,
    ]);
    expect(run.stderr).toBe('2 files checked: 2 errors, 0 warnings\n');
    expect(run.status).toBe(1);
  });

  it('passes a draft that shares its slug with a published log: a draft gets no page, so nothing clashes', async () => {
    await writeFile(path.join(folder, 'duplicate/2025/08/10.md'), '---\ndraft: true\n---\n# 2025年8月10日 - 書き直し中\n');
    const run = runCli(['check', 'duplicate'], folder);
    expect(run.lines).toEqual([]);
    expect(run.stderr).toBe('2 files checked: 0 errors, 0 warnings\n');
    expect(run.status).toBe(0);
  });

  it('turns a file that is not UTF-8 into an encoding error instead of crashing', async () => {
    const shiftJis = Buffer.concat([
      Buffer.from('# 2025年8月5日 - 学習ログ\n\n**学習時間**: ', 'utf8'),
      Buffer.from([0x82, 0x51, 0x8e, 0x9e, 0x8a, 0xd4]), // ２時間 in Shift_JIS
      Buffer.from('\n'),
    ]);
    await writeFile(path.join(folder, 'logs', '2025-08-05.md'), shiftJis);
    const run = runCli(['check', 'logs/2025-08-05.md', 'logs/2025-08-01.md'], folder);
    // Only the encoding error: what the parser would say about the garbled text is noise.
    expect(run.lines).toEqual([
      'logs/2025-08-05.md:3:11: error not valid UTF-8 (byte 0x82 at offset 52); save the log as UTF-8 [encoding]',
    ]);
    expect(run.stderr).toBe('2 files checked: 1 error, 0 warnings\n');
    expect(run.status).toBe(1);
  });

  it('prints JSON with --format json', async () => {
    const run = runCli(['check', '--format', 'json', 'logs/2025/08/03.md', 'duplicate/2025-08-10.md', 'duplicate'], folder);
    expect(JSON.parse(run.stdout)).toEqual([
      {
        path: 'logs/2025/08/03.md',
        line: 13,
        column: 1,
        severity: 'warning',
        message: await parserMessage('logs/2025/08/03.md', 'count-mismatch'),
        rule: 'count-mismatch',
      },
      { path: 'duplicate/2025-08-10.md', line: 1, column: 1, severity: 'error', message: duplicateMessage('duplicate/2025/08/10.md'), rule: 'duplicate-slug' },
      { path: 'duplicate/2025/08/10.md', line: 1, column: 1, severity: 'error', message: duplicateMessage('duplicate/2025-08-10.md'), rule: 'duplicate-slug' },
    ]);
    expect(run.stderr).toBe('3 files checked: 2 errors, 1 warning\n');
    expect(run.status).toBe(1);
  });

  it('names a path that does not exist and exits 2', () => {
    const run = runCli(['check', 'logs', 'nikki'], folder);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('nisshi check: no such file or folder: nikki\n');
    expect(run.status).toBe(2);
  });

  it('exits 2 without logs/ when no path is given', async () => {
    const empty = await emptyFolder();
    const run = runCli(['check'], empty);
    await rm(empty, { recursive: true });
    expect(run.stderr).toBe('nisshi check: no such file or folder: logs\n');
    expect(run.status).toBe(2);
  });

  it('rejects an unknown --format and an unknown option with one line and exit 2', () => {
    expect(runCli(['check', '--format', 'xml'], folder)).toMatchObject({
      status: 2,
      stderr: 'nisshi check: --format must be text or json, not "xml"\n',
    });
    expect(runCli(['check', '--strict'], folder)).toMatchObject({
      status: 2,
      stderr: 'nisshi check: unknown option --strict; see nisshi check --help\n',
    });
  });
});
