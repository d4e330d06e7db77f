import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { listFiles } from '../../src/files/list-files.ts';

describe('listFiles', () => {
  let root = '';
  afterEach(async () => {
    if (root) await rm(root, { recursive: true, force: true });
  });

  it('lists every file below a folder, dotfiles included, with "/" paths, sorted; no folders', async () => {
    root = await mkdtemp(path.join(tmpdir(), 'nisshi-files-'));
    await mkdir(path.join(root, 'logs/2025-08-03'), { recursive: true });
    await mkdir(path.join(root, 'empty'));
    await writeFile(path.join(root, 'logs/2025-08-03/index.html'), '');
    await writeFile(path.join(root, 'index.html'), '');
    await writeFile(path.join(root, '.env'), '');
    expect(listFiles(root)).toEqual(['.env', 'index.html', 'logs/2025-08-03/index.html']);
  });

  it('throws for a folder that does not exist (callers decide what a missing folder means)', () => {
    expect(() => listFiles(path.join(tmpdir(), 'nisshi-no-such-folder'))).toThrow(/ENOENT/);
  });
});
