/** Runs the real `nisshi` command in a child process, the way a person or CI does. */
import { spawnSync } from 'node:child_process';
import { cp, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
export const binPath = path.join(repoRoot, 'bin', 'nisshi.js');
export const fixturesPath = path.join(repoRoot, 'tests', 'fixtures', 'cli');

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
  /** stdout split into lines, without the final empty one. */
  lines: string[];
}

/** `process.execPath` is the Node 24 that `npm test` put first on PATH. */
export function runCli(args: readonly string[], cwd: string, nodeFlags: readonly string[] = [], env: Record<string, string> = {}): CliRun {
  const result = spawnSync(process.execPath, [...nodeFlags, binPath, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...env },
  });
  if (result.error) throw result.error;
  return {
    status: result.status,
    stdout: result.stdout,
    stderr: result.stderr,
    lines: result.stdout.split('\n').filter((line, index, all) => index < all.length - 1 || line !== ''),
  };
}

/** A fresh temporary folder holding a copy of tests/fixtures/cli. */
export async function copyFixtures(): Promise<string> {
  const folder = await mkdtemp(path.join(tmpdir(), 'nisshi-cli-'));
  await cp(fixturesPath, folder, { recursive: true });
  return folder;
}

export async function emptyFolder(): Promise<string> {
  return mkdtemp(path.join(tmpdir(), 'nisshi-cli-'));
}
