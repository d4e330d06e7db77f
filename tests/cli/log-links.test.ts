/**
 * Links among the logs (issue 9): `logs/x.md → /etc/passwd` was read by
 * `check` and published. A link out of the logs folder is now an error on the
 * link, in `check` and in the loader's listing alike; links inside are read.
 */
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findLogFiles } from '../../src/files/log-files.ts';
import { listLogs } from '../../src/loader/log-files.ts';
import { runCli } from './run-cli.ts';

let root = '';

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'nisshi-links-'));
  await mkdir(path.join(root, 'logs/2025'), { recursive: true });
  await mkdir(path.join(root, 'elsewhere'));
  await writeFile(path.join(root, 'elsewhere/secret.md'), '# 2025年8月1日\n\nOUTSIDE-SECRET-MARKER\n');
  await writeFile(path.join(root, 'logs/2025-08-02.md'), '# 2025年8月2日\n\n本文\n');
  await symlink(path.join(root, 'elsewhere/secret.md'), path.join(root, 'logs/2025-08-01.md'));
  await symlink('/etc/passwd', path.join(root, 'logs/2025/passwd.md'));
  await symlink('../2025-08-02.md', path.join(root, 'logs/2025/08-03.md'));
  await symlink('../..', path.join(root, 'logs/2025/loop'));
});

afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

describe('links out of the logs folder', () => {
  it('are listed with a refusal naming the target; links inside are plain files; folder links are not followed', async () => {
    const files = await findLogFiles(['logs'], root);
    expect(files.map((file) => [file.displayPath, file.refusal?.rule ?? null])).toEqual([
      ['logs/2025-08-01.md', 'link-outside-logs'],
      ['logs/2025-08-02.md', null],
      ['logs/2025/08-03.md', null],
      ['logs/2025/passwd.md', 'link-outside-logs'],
    ]);
    expect(files[0]?.refusal?.message).toContain(path.join(root, 'elsewhere/secret.md'));
    expect(files[3]?.refusal?.message).toMatch(/link to \/etc\/passwd, outside the logs folder/);
  });

  it('fail `nisshi check` with an error on each link, without reading what they point to', () => {
    const run = runCli(['check', 'logs'], root);
    expect(run.status).toBe(1);
    expect(run.lines.filter((line) => line.includes('[link-outside-logs]'))).toEqual([
      expect.stringMatching(/^logs\/2025-08-01\.md:1:1: error this is a link to .+secret\.md, outside the logs folder/),
      expect.stringMatching(/^logs\/2025\/passwd\.md:1:1: error this is a link to \/etc\/passwd/),
    ]);
    expect(run.stdout).not.toContain('OUTSIDE-SECRET-MARKER');
    expect(run.stdout).not.toContain('root:');
  });

  it('reach the loader as refusals too, so the build fails on them as check does', async () => {
    const locations = await listLogs(path.join(root, 'logs'), root);
    expect(locations?.filter((location) => location.refusal).map((location) => location.relativePath)).toEqual([
      'logs/2025-08-01.md',
      'logs/2025/passwd.md',
    ]);
  });

  it('a file named on the command line is still read: the person asked for it', () => {
    const run = runCli(['check', 'logs/2025-08-01.md'], root);
    expect(run.status).toBe(0);
  });
});
