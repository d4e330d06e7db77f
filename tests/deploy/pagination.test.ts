import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { deployTo, useTestCredentials } from './helpers/deploy-env.ts';
import { spawnS3rver, type S3rverProcess } from './helpers/s3rver-process.ts';

const BUCKET = 'nisshi-many';
let work: string;
let s3: S3rverProcess;

beforeAll(async () => {
  useTestCredentials();
  work = await mkdtemp(path.join(os.tmpdir(), 'nisshi-pages-'));
  s3 = await spawnS3rver(path.join(work, 's3'), BUCKET);
  const dist = path.join(work, 'dist');
  await mkdir(path.join(dist, 'logs'), { recursive: true });
  await writeFile(path.join(dist, 'index.html'), '<!doctype html><title>many</title>');
  for (let n = 0; n < 1_050; n++) await writeFile(path.join(dist, 'logs', `${String(n).padStart(4, '0')}.txt`), `log ${n}\n`);
  // 1,050 files and a server process: more than the default 10 s on a loaded 2-core machine.
}, 60_000);

afterAll(async () => {
  await s3?.close();
  await rm(work, { recursive: true, force: true });
});

it('reads every page of a listing of more than 1,000 objects', { timeout: 60_000 }, async () => {
  const deploy = () => deployTo(s3.endpoint, BUCKET, '', undefined, { distDir: path.join(work, 'dist') });
  expect((await deploy()).uploaded).toBe(1_051);
  const again = await deploy();
  // The archive (.nisshi/objects/, 1,051 copies) sorts first: one page meets it and the listing jumps over
  // it with StartAfter instead of paging through it; then the site's two pages.
  expect(again.requests.list).toBe(3);
  expect(again.uploaded).toBe(0);
  expect(again.deleted).toBe(0);
  expect(again.unchanged).toBe(1_051);
});
