/** The fast/full path decision the workflow takes from the changed files, on lists and on a real git repository. */
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { changedFilesBetween, ciPathFor } from '../../scripts/ci/changed-paths.ts';

describe('ciPathFor', () => {
  it('takes the fast path when only logs or static files changed', () => {
    expect(ciPathFor(['logs/2025-08-05.md'])).toBe('fast');
    expect(ciPathFor(['logs/2025-08-05.md', 'logs/2025-08-04.md', 'public/favicon.svg', ''])).toBe('fast');
  });

  it('takes the full path for code, tests, infra, the workflow, the lock file, or anything else', () => {
    for (const other of ['src/site.config.ts', 'tests/deploy/plan.test.ts', 'infra/nisshi-site.yaml', '.github/workflows/deploy.yml', 'package-lock.json', 'package.json', 'README.md', 'astro.config.mjs', 'scripts/ci/changed-paths.ts', '.nvmrc']) {
      expect(ciPathFor(['logs/2025-08-05.md', other])).toBe('full');
    }
  });

  it('takes the full path when the list is empty, and does not match lookalike folders', () => {
    expect(ciPathFor([])).toBe('full');
    expect(ciPathFor(['\n'])).toBe('full');
    expect(ciPathFor(['logsx/a.md'])).toBe('full');
    expect(ciPathFor(['src/logs/a.ts'])).toBe('full');
    expect(ciPathFor(['logs/../src/a.ts'])).toBe('full');
  });
});

describe('changedFilesBetween, on a real repository', () => {
  const git = (cwd: string, ...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.org', ...args], { cwd, encoding: 'utf8' }).trim();

  it('a log-only push is fast, a src/ change is full, a log moved out of logs/ is full, an unknown base is full', async () => {
    const repo = await mkdtemp(join(tmpdir(), 'nisshi-changes-'));
    git(repo, 'init', '-q');
    await mkdir(join(repo, 'logs'));
    await mkdir(join(repo, 'src'));
    await writeFile(join(repo, 'logs/2025-08-03.md'), '# 2025-08-03\n');
    await writeFile(join(repo, 'src/a.ts'), 'export {};\n');
    git(repo, 'add', '.');
    git(repo, 'commit', '-qm', 'start');
    const start = git(repo, 'rev-parse', 'HEAD');

    await writeFile(join(repo, 'logs/2025-08-04.md'), '# 2025-08-04\n');
    git(repo, 'add', '.');
    git(repo, 'commit', '-qm', 'log');
    const logPush = git(repo, 'rev-parse', 'HEAD');
    expect(ciPathFor(changedFilesBetween(start, logPush, repo) ?? [])).toBe('fast');

    await writeFile(join(repo, 'src/a.ts'), 'export const a = 1;\n');
    await writeFile(join(repo, 'logs/2025-08-05.md'), '# 2025-08-05\n');
    git(repo, 'add', '.');
    git(repo, 'commit', '-qm', 'code and log');
    expect(ciPathFor(changedFilesBetween(logPush, git(repo, 'rev-parse', 'HEAD'), repo) ?? [])).toBe('full');
    // Several commits in one push: the whole range counts.
    expect(changedFilesBetween(start, 'HEAD', repo)?.filter(Boolean).sort()).toEqual(['logs/2025-08-04.md', 'logs/2025-08-05.md', 'src/a.ts']);

    const before = git(repo, 'rev-parse', 'HEAD');
    git(repo, 'mv', 'logs/2025-08-05.md', 'src/moved.md');
    git(repo, 'commit', '-qm', 'move');
    expect(ciPathFor(changedFilesBetween(before, 'HEAD', repo) ?? [])).toBe('full');

    expect(changedFilesBetween('0000000000000000000000000000000000000000', 'HEAD', repo)).toBeUndefined();
    expect(changedFilesBetween(undefined, 'HEAD', repo)).toBeUndefined();
    expect(changedFilesBetween('f'.repeat(40), 'HEAD', repo)).toBeUndefined();
    await rm(repo, { recursive: true });
  });
});
