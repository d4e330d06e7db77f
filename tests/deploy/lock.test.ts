/**
 * The bucket's lock (src/deploy/lock.ts) against s3rver behind the conditional
 * layer: one run at a time, a held lock waited for or refused naming its
 * holder, a stale one reported with how to break it, a broken one stopping the
 * run that lost it, and a server that ignores conditional writes refused.
 */
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import { rm } from 'node:fs/promises';
import { GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { judgeLock, type LockRecord } from '../../src/deploy/lock.ts';
import { silentProgress, type Progress } from '../../src/deploy/progress.ts';
import { runRollback } from '../../src/deploy/run-rollback.ts';
import { createS3Client, s3Site, type S3Target } from '../../src/deploy/s3-site.ts';
import { copyFixture, deployTo, sitePathsOf, useTestCredentials } from './helpers/deploy-env.ts';
import { bucketDifferences, readBucket, startS3, type TestS3 } from './helpers/s3-server.ts';

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

beforeEach(() => {
  s3.layer.putDelayMs = 0;
  s3.layer.onStored = () => {};
});

const minutes = (n: number) => new Date(Date.now() + n * 60_000).toISOString();

function lockOf(fields: Partial<LockRecord> = {}): LockRecord {
  return {
    version: 1,
    token: 'someone-else',
    operation: 'deploy',
    owner: 'GitHub Actions OWNER/REPO run 42',
    host: 'runner-7',
    pid: 4242,
    startedAt: minutes(-1),
    expiresAt: minutes(4),
    ...fields,
  };
}

async function seedLock(prefix: string, body: LockRecord | string): Promise<void> {
  const text = typeof body === 'string' ? body : `${JSON.stringify(body, null, 2)}\n`;
  await s3.client.send(new PutObjectCommand({ Bucket: s3.bucket, Key: `${prefix}.nisshi/lock.json`, Body: text }));
}

async function lockText(prefix: string): Promise<string | undefined> {
  try {
    const object = await s3.client.send(new GetObjectCommand({ Bucket: s3.bucket, Key: `${prefix}.nisshi/lock.json` }));
    return await object.Body?.transformToString();
  } catch {
    return undefined;
  }
}

const notes = () => {
  const lines: string[] = [];
  const progress: Progress = { ...silentProgress, note: (line) => void lines.push(line) };
  return { lines, progress };
};

const deploy = (prefix: string, options: Partial<Parameters<typeof deployTo>[4]> = {}) =>
  deployTo(s3.endpoint, s3.bucket, prefix, undefined, { distDir: dist, language: 'en', ...options });

describe('judging a lock found in the bucket', () => {
  const here = { host: 'laptop', isRunning: (pid: number) => pid === 100 };
  const now = Date.parse('2025-08-04T03:00:00Z');
  const lock = (fields: Partial<LockRecord>) => lockOf({ host: 'laptop', pid: 100, expiresAt: '2025-08-04T03:05:00Z', ...fields });
  it.each([
    ['live: not expired, its process runs here', lock({}), 'live'],
    ['live: another host, whatever its pid', lock({ host: 'runner', pid: 200 }), 'live'],
    ['expired', lock({ expiresAt: '2025-08-04T02:59:59Z' }), 'expired'],
    ['dead: this host, the process gone', lock({ pid: 200 }), 'dead'],
    ['unreadable', undefined, 'unreadable'],
  ] as const)('%s', (_, given, verdict) => {
    expect(judgeLock(given, now, here)).toBe(verdict);
  });
});

describe('one deploy at a time', () => {
  it('a second deploy started together waits for the first, then runs on the state it left', async () => {
    s3.layer.putDelayMs = 20;
    const other = await copyFixture();
    const waiting = notes();
    const [first, second] = await Promise.all([
      deploy('together/', { concurrency: 2 }),
      new Promise((resolve) => setTimeout(resolve, 30)).then(() =>
        deployTo(s3.endpoint, s3.bucket, 'together/', undefined, {
          distDir: other,
          language: 'en',
          progress: waiting.progress,
          lock: { waitMs: 30_000, pollMs: 50 },
        }),
      ),
    ]);
    expect(first.uploaded).toBe(19);
    expect(waiting.lines.some((line) => line.startsWith('another run holds the lock:'))).toBe(true);
    // The second found the first's state: the same bytes, nothing to write.
    expect(second.uploaded).toBe(0);
    expect(await lockText('together/')).toBeUndefined();
    await rm(other, { recursive: true });
  });

  it('refuses at once with --lock-wait 0, naming the holder; nothing written, the lock left as it was', async () => {
    await seedLock('held/', lockOf());
    const before = await lockText('held/');
    await expect(deploy('held/', { lock: { waitMs: 0 } })).rejects.toThrow(
      /^refusing to deploy: after 0 s another run still holds the lock s3:\/\/nisshi-site\/held\/\.nisshi\/lock\.json: GitHub Actions OWNER\/REPO run 42 \(pid 4242 on runner-7, deploy, since .*\); run again once it has finished, or wait longer with --lock-wait$/,
    );
    expect(await lockText('held/')).toBe(before);
    expect([...(await readBucket(s3, 'held/')).keys()]).toEqual(['held/.nisshi/lock.json']);
  });

  it('gives up after the bounded wait', async () => {
    await seedLock('bounded/', lockOf());
    const started = Date.now();
    await expect(deploy('bounded/', { lock: { waitMs: 400, pollMs: 100 } })).rejects.toThrow(/after 0 s another run still holds the lock/);
    expect(Date.now() - started).toBeGreaterThanOrEqual(400);
  });

  it('a rollback takes the same lock', async () => {
    await seedLock('rb-lock/', lockOf());
    const target: S3Target = { bucket: s3.bucket, prefix: 'rb-lock/', region: 'us-east-1', endpoint: s3.endpoint, maxAttempts: 3 };
    await expect(runRollback({ site: s3Site(createS3Client(target), target), language: 'en', lock: { waitMs: 0 } })).rejects.toThrow(
      /another run still holds the lock s3:\/\/nisshi-site\/rb-lock\/\.nisshi\/lock\.json/,
    );
  });

  it('a dry run takes no lock but says another run holds one', async () => {
    await seedLock('dry-lock/', lockOf());
    const { lines, progress } = notes();
    const summary = await deploy('dry-lock/', { dryRun: true, progress });
    expect(summary.plan.uploads).toHaveLength(19);
    expect(lines).toContainEqual(expect.stringMatching(/^warning: another run holds the lock \(GitHub Actions OWNER\/REPO run 42/));
    expect([...(await readBucket(s3, 'dry-lock/')).keys()]).toEqual(['dry-lock/.nisshi/lock.json']);
  });
});

describe('a lock left behind', () => {
  it('past its expiry: reported with how to break it; --break-lock removes it and deploys', async () => {
    await seedLock('expired/', lockOf({ expiresAt: minutes(-2) }));
    await expect(deploy('expired/')).rejects.toThrow(
      /^refusing to deploy: the lock s3:\/\/nisshi-site\/expired\/\.nisshi\/lock\.json was left behind: .*; it was not renewed by its expiry, .*\. Make sure that run has really stopped, then run again with --break-lock/,
    );
    expect((await readBucket(s3, 'expired/')).size).toBe(1);
    const { lines, progress } = notes();
    expect((await deploy('expired/', { lock: { breakStale: true }, progress })).uploaded).toBe(19);
    expect(lines).toContainEqual(expect.stringMatching(/^removed the stale lock s3:\/\/nisshi-site\/expired\/\.nisshi\/lock\.json/));
    expect(await lockText('expired/')).toBeUndefined();
    expect(await bucketDifferences(s3, 'expired/', dist, await sitePathsOf(dist))).toEqual([]);
  });

  it('held by a process of this host that no longer runs: stale at once', async () => {
    const gone = spawnSync(process.execPath, ['-e', '0']).pid as number;
    await seedLock('dead/', lockOf({ host: os.hostname(), pid: gone }));
    await expect(deploy('dead/')).rejects.toThrow(new RegExp(`its pid ${gone} no longer runs on this host \\(${os.hostname()}\\)`));
  });

  it('not a lock nisshi can read: stale', async () => {
    await seedLock('junk/', 'locked by hand\n');
    await expect(deploy('junk/')).rejects.toThrow(/was left behind; it is not a lock nisshi can read\. .*--break-lock/);
  });

  it('--break-lock never removes a live lock', async () => {
    await seedLock('live/', lockOf());
    const before = await lockText('live/');
    await expect(deploy('live/', { lock: { breakStale: true, waitMs: 0 } })).rejects.toThrow(/another run still holds the lock/);
    expect(await lockText('live/')).toBe(before);
  });
});

describe('holding the lock', () => {
  it('renews it during a deploy longer than its lifetime', async () => {
    s3.layer.putDelayMs = 120;
    let lockWrites = 0;
    s3.layer.onStored = (key) => void (key === 'renew/.nisshi/lock.json' && lockWrites++);
    const summary = await deploy('renew/', { concurrency: 1, lock: { ttlMs: 1_000 } });
    expect(summary.uploaded).toBe(19);
    // Created once, then renewed every 250 ms over a deploy of more than two seconds.
    expect(lockWrites).toBeGreaterThanOrEqual(4);
    expect(await lockText('renew/')).toBeUndefined();
  });

  it('a run whose lock was broken under it stops before its next write; the next run converges', async () => {
    s3.layer.putDelayMs = 100;
    const other = await copyFixture();
    await deployTo(s3.endpoint, s3.bucket, 'broken/', undefined, { distDir: other, language: 'en' });
    await rm(`${other}/logs/2025-08-03`, { recursive: true });
    const thief: Progress = {
      ...silentProgress,
      phaseStart: (label) => {
        // Another run breaks this one's lock (as --break-lock would after a long stall) and takes it.
        if (label.startsWith('upload')) void seedLock('broken/', lockOf({ token: 'thief' }));
      },
    };
    const touched = await copyFixture();
    for (const page of (await sitePathsOf(touched)).filter((sitePath) => sitePath.endsWith('.html'))) {
      await import('node:fs/promises').then((fs) => fs.appendFile(`${touched}/${page}`, '<!-- v2 -->\n'));
    }
    const records = async () => [...(await readBucket(s3, 'broken/.nisshi/deploys/')).keys()];
    const recordsBefore = await records();
    const lost = deployTo(s3.endpoint, s3.bucket, 'broken/', undefined, { distDir: touched, language: 'en', concurrency: 1, progress: thief, lock: { ttlMs: 1_000 } });
    await expect(lost).rejects.toThrow(/^lost the lock s3:\/\/nisshi-site\/broken\/\.nisshi\/lock\.json \(now held by GitHub Actions OWNER\/REPO run 42/);
    // Stopped before the end: no deploy recorded, and the thief's lock left alone.
    expect(await records()).toEqual(recordsBefore);
    expect(JSON.parse((await lockText('broken/')) ?? '{}').token).toBe('thief');
    s3.layer.putDelayMs = 0;
    await seedLock('broken/', lockOf({ expiresAt: minutes(-1) }));
    await deployTo(s3.endpoint, s3.bucket, 'broken/', undefined, { distDir: touched, language: 'en', lock: { breakStale: true } });
    expect(await bucketDifferences(s3, 'broken/', touched, await sitePathsOf(touched))).toEqual([]);
    await rm(other, { recursive: true });
    await rm(touched, { recursive: true });
  });

  it('is refused by a server that ignores If-None-Match (s3rver without the layer), leaving no lock behind', async () => {
    await expect(deployTo(s3.serverEndpoint, s3.bucket, 'plain/', undefined, { distDir: dist, language: 'en' })).rejects.toThrow(
      new RegExp(`^refusing to deploy: the S3 at ${s3.serverEndpoint} does not honour conditional writes \\(If-None-Match\\)`),
    );
    expect((await readBucket(s3, 'plain/')).size).toBe(0);
  });
});
