/** The bundle the CI deploy job runs without npm: it is built by scripts/ci/bundle-deploy.ts and is the real deploy command. */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';
import { bundleDeploy } from '../../scripts/ci/bundle-deploy.ts';

const run = promisify(execFile);

it('bundles nisshi deploy into one file that runs with no node_modules next to it', { timeout: 60_000 }, async () => {
  const dir = await mkdtemp(join(tmpdir(), 'nisshi-bundle-'));
  const bundle = await bundleDeploy(join(dir, 'nisshi-deploy.mjs'));
  expect((await stat(bundle)).size).toBeGreaterThan(100_000);
  const help = await run(process.execPath, [bundle, '--help'], { cwd: dir });
  expect(help.stdout).toContain('npm run deploy -- --dry-run');
  // Without a bucket it stops with the deploy command's own usage error, not a missing module.
  const failed = await run(process.execPath, [bundle, '--dist', dir], { cwd: dir, env: { PATH: process.env.PATH } }).catch((error) => error);
  expect(failed.code).toBe(2);
  expect(failed.stderr).toBe('nisshi deploy: --bucket / NISSHI_S3_BUCKET: バケットが指定されていません。--bucket を付けるか NISSHI_S3_BUCKET を設定してください\n');
  const english = await run(process.execPath, [bundle, '--dist', dir], { cwd: dir, env: { PATH: process.env.PATH, NISSHI_LANG: 'en' } }).catch((error) => error);
  expect(english.stderr).toBe('nisshi deploy: --bucket / NISSHI_S3_BUCKET: no bucket configured; pass --bucket or set NISSHI_S3_BUCKET\n');
  await rm(dir, { recursive: true });
});
