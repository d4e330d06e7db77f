/**
 * Rollback and history end to end on s3rver and the local CloudFront API:
 * deploys that change, add and delete pages (and change headers), then
 * rollbacks that must leave the bucket exactly as the earlier deploy did.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import type { CliIo } from '../../src/cli/io.ts';
import { REVALIDATE, type CacheRule } from '../../src/deploy/headers.ts';
import { DISTRIBUTION_ID, FIXTURE_SITE, deployTo, sitePathsOf, startLocalAws, type LocalAws } from './helpers/deploy-env.ts';
import type { FakeCloudFront } from './helpers/fake-cloudfront.ts';
import { bucketDifferences, putObject, readBucket, type TestS3 } from './helpers/s3-server.ts';

const PREFIX = 'rb/';
let local: LocalAws;
let s3: TestS3;
let cloudFront: FakeCloudFront;
let work: string;
/** One copy of dist/ per deploy, kept to compare the bucket with after rollbacks. */
const builds: string[] = [];
const SHORT_CACHE: CacheRule[] = [{ pattern: '**', cacheControl: 'public, max-age=60' }];

beforeAll(async () => {
  local = await startLocalAws();
  ({ s3, cloudFront } = local);
  work = await mkdtemp(path.join(os.tmpdir(), 'nisshi-rollback-'));
  // Someone else's object inside the prefix: no deploy or rollback may touch it.
  await putObject(s3, `${PREFIX}backups/keep.sql`, 'not nisshi\'s');
});

afterAll(async () => {
  await local.close();
  await rm(work, { recursive: true, force: true });
});

async function build(name: string, change: (dir: string) => Promise<void> = async () => {}, base = builds.at(-1)): Promise<string> {
  const dir = path.join(work, name);
  await cp(base ?? FIXTURE_SITE, dir, { recursive: true });
  await change(dir);
  builds.push(dir);
  return dir;
}

const deploy = (distDir: string, cacheRules?: CacheRule[]) =>
  deployTo(s3.endpoint, s3.bucket, PREFIX, cloudFront, { distDir, headers: cacheRules ? { cacheRules } : {}, commit: path.basename(distDir) });

async function nisshi(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { cwd: process.cwd(), stdout: (text) => void (stdout += text), stderr: (text) => void (stderr += text), now: () => new Date() };
  process.env.NISSHI_S3_BUCKET = s3.bucket;
  process.env.AWS_REGION = 'us-east-1';
  process.env.AWS_ENDPOINT_URL_S3 = s3.endpoint;
  process.env.AWS_ENDPOINT_URL_CLOUDFRONT = cloudFront.endpoint;
  process.env.NISSHI_CLOUDFRONT_DISTRIBUTION_ID = DISTRIBUTION_ID;
  const code = await main(['deploy', '--prefix', PREFIX, ...args], io);
  return { code, stdout, stderr };
}

/** The bucket under the prefix holds exactly that build (bytes and headers), besides the foreign object. */
async function expectBucketIs(dir: string, cacheRules?: CacheRule[]) {
  const differences = await bucketDifferences(s3, PREFIX, dir, await sitePathsOf(dir), cacheRules ? { cacheRules } : {});
  expect(differences).toEqual([`extra ${PREFIX}backups/keep.sql`]);
}

describe('nisshi deploy --rollback', () => {
  it('says so when there is nothing to roll back to', async () => {
    const none = await nisshi('--rollback');
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/nothing to roll back to: no deploy with a recorded state/);
    await deploy(await build('a'));
    const first = await nisshi('--rollback');
    expect(first.stderr).toMatch(/nothing to roll back to: the live deploy .* is the first one recorded/);
  });

  it('after a deploy that changed, added and deleted pages and changed headers, puts back exactly the previous state', async () => {
    const a = builds[0] as string;
    const b = await build('b', async (dir) => {
      const page = path.join(dir, 'logs/2025-08-04/index.html');
      await writeFile(page, `${await readFile(page, 'utf8')}<p>二日目の追記</p>\n`);
      await cp(path.join(dir, 'logs/2025-08-04'), path.join(dir, 'logs/2025-08-05'), { recursive: true });
    });
    await deploy(b);
    const c = await build('c', async (dir) => {
      await rm(path.join(dir, 'logs/2025-08-03'), { recursive: true });
      await rm(path.join(dir, 'tags'), { recursive: true });
      const page = path.join(dir, 'index.html');
      await writeFile(page, (await readFile(page, 'utf8')).replace('</body>', '<p>new</p></body>'));
    });
    const deleting = await deploy(c, SHORT_CACHE);
    expect(deleting.deleted).toBe(2);
    await expectBucketIs(c, SHORT_CACHE);

    cloudFront.invalidations.length = 0;
    const back = await nisshi('--rollback');
    expect(back.code).toBe(0);
    expect(back.stdout).toMatch(/^rolled back s3:\/\/nisshi-site\/rb\/ from deploy \S+ to \S+: \d+ restored, 0 deleted/m);
    await expectBucketIs(b);
    // Every object is put back (Cache-Control differed on all), the deleted pages included: each is invalidated once.
    expect(cloudFront.invalidations).toHaveLength(1);
    const invalidated = cloudFront.invalidations[0] as string[];
    expect(invalidated).toEqual(expect.arrayContaining(['/', '/logs/2025-08-03/', '/tags/%E6%97%A5%E6%9C%AC%E8%AA%9E/']));

    // A second rollback goes one deploy further back: the page added by b goes, a's bytes return.
    cloudFront.invalidations.length = 0;
    const again = await nisshi('--rollback');
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/1 deleted/);
    await expectBucketIs(a);
    expect(cloudFront.invalidations[0]).toEqual(
      expect.arrayContaining(['/logs/2025-08-04/', '/logs/2025-08-05', '/logs/2025-08-05/', '/logs/2025-08-05/index.html']),
    );
    expect(cloudFront.invalidations[0]).not.toContain('/logs/2025-08-03/');
    // Nothing more recorded before a.
    expect((await nisshi('--rollback')).code).toBe(1);
    expect((await readBucket(s3, `${PREFIX}backups/`)).size).toBe(1);
  });

  it('a deploy after rollbacks, then a rollback, returns to the state that deploy replaced', async () => {
    const d = await build('d', async (dir) => {
      await writeFile(path.join(dir, 'logs/2025-08-04/index.html'), '<!doctype html><title>d</title>\n');
    }, builds[0]);
    await deploy(d);
    await expectBucketIs(d);
    const back = await nisshi('--rollback', '--json');
    expect(JSON.parse(back.stdout)).toMatchObject({ restored: 1, deleted: 0 });
    await expectBucketIs(builds[0] as string);
  });

  it('--dry-run shows the rollback plan and writes nothing', async () => {
    await deploy(builds.at(-1) as string);
    const before = await readBucket(s3, PREFIX);
    const plan = await nisshi('--rollback', '--dry-run');
    expect(plan.code).toBe(0);
    expect(plan.stdout).toContain('restore html    logs/2025-08-04/index.html');
    expect(plan.stdout).toMatch(/dry run, would roll back .*: 1 restored, 0 deleted/);
    expect([...(await readBucket(s3, PREFIX)).entries()]).toEqual([...before.entries()]);
  });

  it('--history lists deploys and rollbacks, newest first, with the live one marked', async () => {
    const history = await nisshi('--history');
    expect(history.code).toBe(0);
    const lines = history.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^last 8 deploy\(s\) of s3:\/\/nisshi-site\/rb\/, newest first/);
    expect(lines[1]).toMatch(/^\* \S+Z {2}\S+ {2}deploy d: 1 uploaded, 0 deleted, 19 objects$/);
    expect(lines.filter((line) => / rollback to /.test(line))).toHaveLength(3);
    expect(lines.at(-1)).toMatch(/deploy a: 19 uploaded, 0 deleted, 19 objects$/);
    const json = JSON.parse((await nisshi('--history', '--json')).stdout) as { kind: string; live: boolean }[];
    expect(json.map((entry) => entry.kind)).toEqual(['deploy', 'rollback', 'deploy', 'rollback', 'rollback', 'deploy', 'deploy', 'deploy']);
    expect(json.filter((entry) => entry.live)).toHaveLength(1);
  });

  it('keeps REVALIDATE headers on restored pages (headers come from the record, not the archive copy)', async () => {
    const stored = await readBucket(s3, `${PREFIX}logs/2025-08-04/`);
    expect(stored.get(`${PREFIX}logs/2025-08-04/index.html`)?.cacheControl).toBe(REVALIDATE);
  });
});
