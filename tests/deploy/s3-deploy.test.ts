import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DeleteObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_CACHE_RULES, IMMUTABLE, REVALIDATE } from '../../src/deploy/headers.ts';
import { bucketDifferences, putObject, readBucket, startS3, type TestS3 } from './helpers/s3-server.ts';
import { startFakeCloudFront, type FakeCloudFront } from './helpers/fake-cloudfront.ts';
import { copyFixture, deployTo, sitePathsOf, useTestCredentials } from './helpers/deploy-env.ts';

const PREFIX = 'site/';
let s3: TestS3;
let cloudFront: FakeCloudFront;
let dist: string;

beforeAll(async () => {
  useTestCredentials();
  s3 = await startS3();
  cloudFront = await startFakeCloudFront('E2NISSHITEST');
  dist = await copyFixture();
  // Outside the prefix: a deploy must never touch it.
  await putObject(s3, 'other/keep.txt', 'not the site');
  await putObject(s3, 'site/logs/', '');
});

afterAll(async () => {
  await s3.close();
  await cloudFront.close();
  await rm(dist, { recursive: true, force: true });
});

beforeEach(() => {
  cloudFront.invalidations.length = 0;
});

const deploy = (options: Partial<Parameters<typeof deployTo>[4]> = {}) =>
  deployTo(s3.endpoint, s3.bucket, PREFIX, cloudFront, { distDir: dist, ...options });

// The steps build on each other, like deploys of one site day after day.
describe('deploying a site to s3rver', () => {
  it('first deploy uploads every file with its bytes, Content-Type and Cache-Control', async () => {
    const summary = await deploy();
    const paths = await sitePathsOf(dist);
    expect(summary.uploaded).toBe(paths.length);
    expect(summary.deleted).toBe(0);
    expect(await bucketDifferences(s3, PREFIX, dist, paths)).toEqual([]);
    const stored = await readBucket(s3, PREFIX);
    expect(stored.get('site/_astro/app.B1c2D3e4.js')?.cacheControl).toBe(IMMUTABLE);
    expect(stored.get('site/index.html')?.contentType).toBe('text/html; charset=utf-8');
    expect(stored.get('site/index.html')?.cacheControl).toBe(REVALIDATE);
    expect(stored.has('site/.nisshi/manifest.json')).toBe(true);
    // New hashed assets are not invalidated; everything else is, once.
    expect(cloudFront.invalidations).toHaveLength(1);
    expect(cloudFront.invalidations[0]).toContain('/logs/2025-08-03/');
    expect(cloudFront.invalidations[0]).not.toContain('/_astro/app.B1c2D3e4.js');
    expect((await readBucket(s3, 'other/')).size).toBe(1);
  });

  it('a second deploy of the same build writes nothing but its lock, HEADs nothing and invalidates nothing', async () => {
    const stored: string[] = [];
    s3.layer.onStored = (key) => void stored.push(key);
    const before = await readBucket(s3, PREFIX);
    const summary = await deploy();
    s3.layer.onStored = () => {};
    expect(summary.uploaded).toBe(0);
    expect(summary.unchanged).toBe((await sitePathsOf(dist)).length);
    // The lock: created (a second create, refused, checks the server honours If-None-Match), then deleted.
    expect(stored).toEqual(['site/.nisshi/lock.json']);
    expect(summary.requests).toMatchObject({ put: 2, delete: 1, head: 0, copy: 0 });
    expect([...(await readBucket(s3, PREFIX)).entries()]).toEqual([...before.entries()]);
    expect(summary.pathsInvalidated).toEqual([]);
    expect(cloudFront.invalidations).toEqual([]);
  });

  it('a rebuild with the same bytes (new mtimes) uploads nothing', async () => {
    const page = path.join(dist, 'logs/2025-08-03/index.html');
    await writeFile(page, await readFile(page));
    expect((await deploy()).uploaded).toBe(0);
  });

  it('a page under a Japanese name is stored under that key and invalidated percent-encoded', async () => {
    const page = path.join(dist, 'tags/日本語/index.html');
    await writeFile(page, (await readFile(page, 'utf8')).replace('</body>', '<p>追記</p></body>'));
    const summary = await deploy();
    expect(summary.plan.uploads.map((upload) => upload.file.path)).toEqual(['tags/日本語/index.html']);
    expect((await readBucket(s3, 'site/tags/')).has('site/tags/日本語/index.html')).toBe(true);
    expect(cloudFront.invalidations).toEqual([
      ['/tags/%E6%97%A5%E6%9C%AC%E8%AA%9E', '/tags/%E6%97%A5%E6%9C%AC%E8%AA%9E/', '/tags/%E6%97%A5%E6%9C%AC%E8%AA%9E/index.html'],
    ]);
  });

  it('changing one page uploads that file only and invalidates its three URLs', async () => {
    const page = path.join(dist, 'logs/2025-08-04/index.html');
    await writeFile(page, (await readFile(page, 'utf8')).replace('Lambda関数の実装。', 'Lambda関数の実装とテスト。'));
    const summary = await deploy();
    expect(summary.plan.uploads.map((upload) => upload.file.path)).toEqual(['logs/2025-08-04/index.html']);
    // The lock (and the refused check that the server honours it), the manifest with the intent, the page,
    // the manifest with the paths pending, the deploy record, the manifest with them sent.
    expect(summary.requests.put).toBe(7);
    expect(summary.requests.copy).toBe(1); // the page's new version, archived for a rollback
    expect(cloudFront.invalidations).toEqual([['/logs/2025-08-04', '/logs/2025-08-04/', '/logs/2025-08-04/index.html']]);
    expect(await bucketDifferences(s3, PREFIX, dist, await sitePathsOf(dist))).toEqual([]);
  });

  it('a change of cache rule re-uploads exactly the files it affects', async () => {
    const cacheRules = [{ pattern: '*.svg', cacheControl: 'public, max-age=86400' }, ...DEFAULT_CACHE_RULES];
    const summary = await deploy({ headers: { cacheRules } });
    expect(summary.plan.uploads.map((upload) => [upload.file.path, upload.reason])).toEqual([['favicon.svg', 'headers']]);
    expect(cloudFront.invalidations).toEqual([['/favicon.svg']]);
    expect(await bucketDifferences(s3, PREFIX, dist, await sitePathsOf(dist), { cacheRules })).toEqual([]);
    // And back, so the next steps run on the defaults.
    expect((await deploy()).uploaded).toBe(1);
  });

  it('headers changed behind nisshi with the same bytes keep the ETag: only --verify sees them', async () => {
    await s3.client.send(
      new PutObjectCommand({
        Bucket: s3.bucket,
        Key: 'site/rss.xml',
        Body: await readFile(path.join(dist, 'rss.xml')),
        ContentType: 'text/xml',
      }),
    );
    expect((await deploy()).uploaded).toBe(0);
    const verified = await deploy({ verify: true });
    expect(verified.requests.head).toBe((await sitePathsOf(dist)).length);
    expect(verified.plan.uploads.map((upload) => [upload.file.path, upload.reason])).toEqual([['rss.xml', 'headers']]);
  });

  it('without the manifest, a redeploy HEADs each object and uploads nothing', async () => {
    await s3.client.send(new DeleteObjectCommand({ Bucket: s3.bucket, Key: 'site/.nisshi/manifest.json' }));
    const summary = await deploy();
    expect(summary.requests.head).toBe((await sitePathsOf(dist)).length);
    expect(summary.uploaded).toBe(0);
    expect(summary.requests.put).toBe(3); // the manifest, written again, and the lock (with its check)
    expect((await deploy()).requests.head).toBe(0);
  });

  it('removing a page deletes its object and invalidates its URLs', async () => {
    await rm(path.join(dist, 'logs/2025-08-03'), { recursive: true });
    const summary = await deploy();
    expect(summary.deleted).toBe(1);
    expect(summary.plan.deletes).toEqual(['logs/2025-08-03/index.html']);
    expect(cloudFront.invalidations).toEqual([['/logs/2025-08-03', '/logs/2025-08-03/', '/logs/2025-08-03/index.html']]);
    expect(await bucketDifferences(s3, PREFIX, dist, await sitePathsOf(dist))).toEqual([]);
    expect((await readBucket(s3, 'other/')).size).toBe(1);
    expect((await readBucket(s3, 'site/logs/')).has('site/logs/')).toBe(true);
  });

  it('a dry run plans but writes nothing', async () => {
    await writeFile(path.join(dist, 'new.txt'), 'hello\n');
    const before = await readBucket(s3, '');
    const summary = await deploy({ dryRun: true });
    expect(summary.plan.uploads.map((upload) => upload.file.path)).toEqual(['new.txt']);
    expect(summary.requests).toMatchObject({ put: 0, delete: 0 });
    expect(cloudFront.invalidations).toEqual([]);
    expect([...(await readBucket(s3, '')).keys()]).toEqual([...before.keys()]);
    await rm(path.join(dist, 'new.txt'));
  });

  it('--wait polls GetInvalidation until CloudFront says Completed, and retries while it is busy', async () => {
    await writeFile(path.join(dist, 'rss.xml'), '<?xml version="1.0"?><rss version="2.0"><channel/></rss>\n');
    cloudFront.busyFor = 2;
    cloudFront.pollsUntilDone = 2;
    const polls = cloudFront.polls;
    const summary = await deploy({ wait: true });
    expect(summary.invalidationId).toMatch(/FAKE$/);
    expect(cloudFront.invalidations).toEqual([['/rss.xml']]);
    expect(cloudFront.polls - polls).toBe(3);
  });
});
