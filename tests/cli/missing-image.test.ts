/** `nisshi check` warns about an image beside a log that is not there, with file:line, in both languages. */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.ts';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'nisshi-images-'));
  await mkdir(path.join(dir, 'logs/images'), { recursive: true });
  await writeFile(path.join(dir, 'logs/images/ok.png'), 'png');
  await writeFile(path.join(dir, 'logs/2025-08-03.md'), '# 2025年8月3日\n\n![ある](images/ok.png)\n\n![ない](./none.png)\n');
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('nisshi check and images', () => {
  it('warns missing-image with the file and line, and passes the image that is there', async () => {
    const result = runCli(['check', 'logs'], dir);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^logs\/2025-08-03\.md:5:1: warning the image "\.\/none\.png" does not exist.*\[missing-image\]$/m);
    expect(result.stdout).not.toContain('ok.png');
    const ja = runCli(['check', 'logs'], dir, [], { NISSHI_LANG: 'ja' });
    expect(ja.stdout).toMatch(/^logs\/2025-08-03\.md:5:1: warning 画像 "\.\/none\.png" がありません。.*\[missing-image\]$/m);
  });
});
