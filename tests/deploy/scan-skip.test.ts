/**
 * The secret scan skips a file whose bytes it already passed: the manifest's
 * object at that path has the same MD5 and was scanned by the same rules
 * (src/deploy/scan-build.ts). These tests pin what may be skipped and what
 * never is, against s3rver.
 */
import { appendFile, cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseManifest, manifestText, type Manifest } from '../../src/deploy/manifest.ts';
import type { LocalFile } from '../../src/deploy/plan.ts';
import { runRollback } from '../../src/deploy/run-rollback.ts';
import { createS3Client, s3Site, type S3Target } from '../../src/deploy/s3-site.ts';
import { filesToScan, secretScanVersion } from '../../src/deploy/scan-build.ts';
import { copyFixture, deployTo, useTestCredentials } from './helpers/deploy-env.ts';
import { readBucket, startS3, type TestS3 } from './helpers/s3-server.ts';

const keyId = ['AKIA', 'QWERTYUIOPASDFGH'].join('');
let s3: TestS3;
let dist: string;

beforeAll(async () => {
  useTestCredentials();
  s3 = await startS3();
  dist = await copyFixture();
});

afterAll(async () => {
  await s3.close();
  await rm(dist, { recursive: true, force: true });
});

const deploy = (prefix: string, options: Partial<Parameters<typeof deployTo>[4]> = {}) =>
  deployTo(s3.endpoint, s3.bucket, prefix, undefined, { distDir: dist, language: 'en', ...options });

const manifestOf = async (prefix: string) =>
  parseManifest((await readBucket(s3, `${prefix}.nisshi/manifest.json`)).get(`${prefix}.nisshi/manifest.json`)?.body.toString());

describe('which files the scan reads', () => {
  const file = (sitePath: string, md5: string): LocalFile => ({ path: sitePath, md5, size: 1, contentType: 'text/html', cacheControl: 'x' });
  const entry = (md5: string, pendingDelete = false) => ({ etag: md5, md5, contentType: 'text/html', cacheControl: 'x', ...(pendingDelete ? { pendingDelete } : {}) });
  const manifest = (scanRules: string | undefined, entries: [string, ReturnType<typeof entry>][]): Manifest => ({
    entries: new Map(entries),
    pendingInvalidations: [],
    archived: true,
    live: undefined,
    scanRules,
  });
  const files = [file('a.html', 'aa'), file('b.html', 'bb'), file('c.html', 'cc'), file('d.html', 'dd')];
  const passed = manifest('rules-1', [['a.html', entry('aa')], ['b.html', entry('b2')], ['x.html', entry('cc')], ['d.html', entry('dd', true)]]);

  it('skips only a path whose bytes the manifest holds, scanned by these rules', () => {
    // b: other bytes; c: its bytes were passed under another path; d: left by a run that meant to delete it.
    expect(filesToScan(files, passed, 'rules-1').map((scanned) => scanned.path)).toEqual(['b.html', 'c.html', 'd.html']);
  });

  it('reads everything when the rules changed, or the manifest records none', () => {
    expect(filesToScan(files, passed, 'rules-2')).toHaveLength(4);
    expect(filesToScan(files, manifest(undefined, [['a.html', entry('aa')]]), 'rules-1')).toHaveLength(4);
  });
});

describe('the skip in a deploy', () => {
  it('a redeploy reads nothing; a changed page is read alone; the manifest records the rules', async () => {
    const first = await deploy('skip/');
    expect(first.scan).toEqual({ scanned: 19, skipped: 0 });
    expect((await manifestOf('skip/')).scanRules).toBe(secretScanVersion());
    expect((await deploy('skip/')).scan).toEqual({ scanned: 0, skipped: 19 });
    await appendFile(path.join(dist, 'logs/2025-08-04/index.html'), '<p>追記</p>\n');
    expect((await deploy('skip/')).scan).toEqual({ scanned: 1, skipped: 18 });
  });

  it('never hides a secret: a passed page that gains a key is read and refused', async () => {
    await appendFile(path.join(dist, 'logs/2025-08-04/index.html'), `<p>${keyId}</p>\n`);
    await expect(deploy('skip/')).rejects.toThrow(/logs\/2025-08-04\/index\.html:\d+: AWS access key id/);
    const page = path.join(dist, 'logs/2025-08-04/index.html');
    await writeFile(page, (await readFile(page, 'utf8')).replace(`<p>${keyId}</p>\n`, ''));
    expect((await deploy('skip/')).scan.scanned).toBe(0);
  });

  it('reads everything again under other rules (the manifest says which it passed)', async () => {
    const manifest = await manifestOf('skip/');
    const text = manifestText({ ...manifest, scanRules: 'rules-of-an-older-nisshi' });
    await s3.client.send(new PutObjectCommand({ Bucket: s3.bucket, Key: 'skip/.nisshi/manifest.json', Body: text }));
    expect((await deploy('skip/')).scan).toEqual({ scanned: 19, skipped: 0 });
    expect((await deploy('skip/')).scan.scanned).toBe(0);
  });

  it('reads everything after a rollback (the restored bytes passed an older scan, maybe under older rules)', async () => {
    await appendFile(path.join(dist, 'index.html'), '<!-- v2 -->\n');
    await deploy('skip/');
    const target: S3Target = { bucket: s3.bucket, prefix: 'skip/', region: 'us-east-1', endpoint: s3.endpoint, maxAttempts: 3 };
    await runRollback({ site: s3Site(createS3Client(target), target), language: 'en' });
    expect((await manifestOf('skip/')).scanRules).toBeUndefined();
    expect((await deploy('skip/')).scan).toEqual({ scanned: 19, skipped: 0 });
  });
});

describe('the rules\' version', () => {
  it('is a hash of the scanner\'s own code: any change to it reads every file again', async () => {
    // Copies of the three modules the version is made from, in folders of this worktree (so `entities` resolves).
    const copies = async (change: string) => {
      const dir = await mkdtemp(path.join(import.meta.dirname, '.scan-version-'));
      for (const name of ['secrets.ts', 'readable-text.ts', 'scan-build.ts']) {
        await cp(path.resolve(import.meta.dirname, '../../src/deploy', name), path.join(dir, name));
      }
      await appendFile(path.join(dir, 'secrets.ts'), change);
      return dir;
    };
    const [same, other] = [await copies(''), await copies('\n// a new rule\n')];
    try {
      const version = async (dir: string) => ((await import(path.join(dir, 'scan-build.ts'))) as typeof import('../../src/deploy/scan-build.ts')).secretScanVersion();
      expect(await version(same)).toBe(secretScanVersion());
      expect(await version(other)).not.toBe(secretScanVersion());
      expect(secretScanVersion()).toMatch(/^[0-9a-f]{16}$/);
    } finally {
      await rm(same, { recursive: true });
      await rm(other, { recursive: true });
    }
  });
});
