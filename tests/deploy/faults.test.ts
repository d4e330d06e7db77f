import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Progress } from '../../src/deploy/progress.ts';
import { startFakeCloudFront, type FakeCloudFront } from './helpers/fake-cloudfront.ts';
import { startFaultProxy, type CompletedPut, type FaultProxy } from './helpers/fault-proxy.ts';
import { copyFixture, deployTo, sitePathsOf, useTestCredentials } from './helpers/deploy-env.ts';
import { bucketDifferences, readBucket, startS3, type TestS3 } from './helpers/s3-server.ts';

const PREFIX = 'faults/';
let s3: TestS3;
let proxy: FaultProxy;
let cloudFront: FakeCloudFront;
let dist: string;

beforeAll(async () => {
  useTestCredentials();
  s3 = await startS3();
  proxy = await startFaultProxy(s3.endpoint, 7);
  cloudFront = await startFakeCloudFront('E2NISSHITEST');
  dist = await copyFixture();
});

afterAll(async () => {
  await proxy.close();
  await s3.close();
  await cloudFront.close();
  await rm(dist, { recursive: true, force: true });
});

const deployThroughProxy = (options: Partial<Parameters<typeof deployTo>[4]> = {}) =>
  deployTo(proxy.endpoint, s3.bucket, PREFIX, cloudFront, { distDir: dist, concurrency: 4, ...options });

/** A rebuild with new content hashes for the JS and CSS, and every page changed. */
async function rebuildWithNewAssets(tag: string): Promise<void> {
  const assets = await sitePathsOf(path.join(dist, '_astro'));
  const renames = new Map<string, string>();
  for (const asset of assets) {
    const renamed = asset.replace(/\.[A-Za-z0-9]{8}\./, `.${tag}.`);
    renames.set(asset, renamed);
    await rename(path.join(dist, '_astro', asset), path.join(dist, '_astro', renamed));
    await writeFile(path.join(dist, '_astro', renamed), `/* ${tag} */\n${await readFile(path.join(dist, '_astro', renamed), 'utf8')}`);
  }
  for (const page of (await sitePathsOf(dist)).filter((sitePath) => sitePath.endsWith('.html'))) {
    let html = await readFile(path.join(dist, page), 'utf8');
    for (const [from, to] of renames) html = html.replaceAll(`/_astro/${from}`, `/_astro/${to}`);
    await writeFile(path.join(dist, page), `${html}<!-- ${tag} -->\n`);
  }
}

/**
 * Replays the server's completed PUTs in order: whenever an HTML page landed,
 * every /_astro/ and /pagefind/ file it references must already have been in
 * the bucket. Returns the pages that landed before one of their assets.
 */
async function pagesAheadOfTheirAssets(puts: readonly CompletedPut[], before: ReadonlySet<string>): Promise<string[]> {
  const stored = new Set(before);
  const problems: string[] = [];
  for (const put of puts) {
    stored.add(put.key);
    if (!put.key.endsWith('.html')) continue;
    const html = await readFile(path.join(dist, put.key.slice(PREFIX.length)), 'utf8');
    for (const match of html.matchAll(/(?:src|href)="\/((?:_astro|pagefind)\/[^"]+)"/g)) {
      if (!stored.has(`${PREFIX}${match[1]}`)) problems.push(`${put.key} before ${match[1]}`);
    }
  }
  return problems;
}

// The SDK backs off between retries (longer after SlowDown): these deploys take seconds, not milliseconds.
describe('deploying through a faulty network', { timeout: 60_000 }, () => {
  it('ends with the bucket equal to dist/ despite 503 SlowDown, resets and slow answers, pages never ahead of assets', async () => {
    proxy.rates = { slowDown: 0.15, resetBefore: 0.1, resetAfter: 0.1, slow: 0.1 };
    for (const build of ['first', 'Ab12Cd34']) {
      if (build !== 'first') await rebuildWithNewAssets(build);
      const before = new Set((await readBucket(s3, PREFIX)).keys());
      proxy.completedPuts.length = 0;
      await deployThroughProxy();
      expect(await bucketDifferences(s3, PREFIX, dist, await sitePathsOf(dist))).toEqual([]);
      expect(await pagesAheadOfTheirAssets(proxy.completedPuts, before)).toEqual([]);
    }
    expect(proxy.faults.slowDown).toBeGreaterThan(0);
    expect(proxy.faults.resetBefore + proxy.faults.resetAfter).toBeGreaterThan(0);
    // The old hashed assets went last, once no page pointed at them.
    expect([...(await readBucket(s3, `${PREFIX}_astro/`)).keys()].every((key) => key.includes('Ab12Cd34'))).toBe(true);
    proxy.rates = { slowDown: 0, resetBefore: 0, resetAfter: 0, slow: 0 };
  });

  it('a deploy killed half-way converges on the next run without uploading again what landed', async () => {
    await rebuildWithNewAssets('Zz98Yy76');
    const controller = new AbortController();
    let uploads = 0;
    let uploading = false;
    const killAfterThree: Progress = {
      phaseStart(label) {
        uploading = label.startsWith('upload');
      },
      phaseEnd() {},
      note() {},
      advance() {
        if (uploading && ++uploads === 3) controller.abort(new Error('killed'));
      },
    };
    proxy.completedPuts.length = 0;
    await expect(deployThroughProxy({ concurrency: 2, signal: controller.signal, progress: killAfterThree })).rejects.toThrow();
    // Site objects only: the archive copies under .nisshi/objects/ are PUTs too.
    const landed = new Set(proxy.completedPuts.map((put) => put.key.slice(PREFIX.length)).filter((key) => !key.startsWith('.nisshi/')));
    expect(landed.size).toBeGreaterThanOrEqual(3);
    expect(landed.has('.nisshi/manifest.json')).toBe(false);

    const rerun = await deployThroughProxy();
    expect(await bucketDifferences(s3, PREFIX, dist, await sitePathsOf(dist))).toEqual([]);
    const uploadedAgain = rerun.plan.uploads.map((upload) => upload.file.path).filter((sitePath) => landed.has(sitePath));
    expect(uploadedAgain).toEqual([]);
    expect(rerun.requests.head).toBeGreaterThanOrEqual(landed.size);
    expect((await deployThroughProxy()).uploaded).toBe(0);
  });
});
