/**
 * The manifest's intent and its conditional writes, in-process against
 * s3rver: a run stopped half-way (its abort signal, as Ctrl-C or a lost lock
 * stop it) leaves only objects nisshi knows of, and whatever runs next —
 * another deploy, a rollback — converges; a manifest changed behind a run's
 * back stops that run instead of being overwritten.
 */
import { appendFile, cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runDeployCommand, type SignalSource } from '../../src/cli/deploy.ts';
import { CliError } from '../../src/cli/errors.ts';
import { parseManifest } from '../../src/deploy/manifest.ts';
import { parseSettings } from '../../src/settings/settings.ts';
import { settingsInput } from '../../src/site.config.ts';
import { silentProgress, type Progress } from '../../src/deploy/progress.ts';
import { runRollback } from '../../src/deploy/run-rollback.ts';
import { createS3Client, s3Site, type S3Target } from '../../src/deploy/s3-site.ts';
import { FIXTURE_SITE, deployTo, sitePathsOf, useTestCredentials } from './helpers/deploy-env.ts';
import { bucketDifferences, readBucket, startS3, type TestS3 } from './helpers/s3-server.ts';

let s3: TestS3;
let work: string;

beforeAll(async () => {
  useTestCredentials();
  s3 = await startS3();
  work = await mkdtemp(path.join(os.tmpdir(), 'nisshi-intent-'));
});

afterAll(async () => {
  await s3.close();
  await rm(work, { recursive: true, force: true });
});

beforeEach(() => {
  s3.layer.onStored = () => {};
});

/** The fixture with every page changed and `extra` new pages. */
async function build(name: string, extra = 0): Promise<string> {
  const dir = path.join(work, name);
  await cp(FIXTURE_SITE, dir, { recursive: true });
  for (const page of (await sitePathsOf(dir)).filter((sitePath) => sitePath.endsWith('.html'))) await appendFile(path.join(dir, page), `<!-- ${name} -->\n`);
  for (let n = 1; n <= extra; n++) {
    await mkdir(path.join(dir, `${name}-extra`, String(n)), { recursive: true });
    await writeFile(path.join(dir, `${name}-extra`, String(n), 'index.html'), `<p>${name} ${n}</p>\n`);
  }
  return dir;
}

/** Stops the run (as Ctrl-C would) once `after` uploads have landed. */
function stopAfter(after: number): { progress: Progress; signal: AbortSignal } {
  const controller = new AbortController();
  let uploading = false;
  let count = 0;
  return {
    signal: controller.signal,
    progress: {
      ...silentProgress,
      phaseStart: (label) => void (uploading = label.startsWith('upload') || label.startsWith('restore')),
      advance: () => {
        if (uploading && ++count === after) controller.abort(new Error('stopped'));
      },
    },
  };
}

const manifestOf = async (prefix: string) =>
  parseManifest((await readBucket(s3, `${prefix}.nisshi/manifest.json`)).get(`${prefix}.nisshi/manifest.json`)?.body.toString());

const deploy = (prefix: string, distDir: string, options: Partial<Parameters<typeof deployTo>[4]> = {}) =>
  deployTo(s3.endpoint, s3.bucket, prefix, undefined, { distDir, language: 'en', concurrency: 1, ...options });

const siteOf = (prefix: string) => ({ bucket: s3.bucket, prefix, region: 'us-east-1', endpoint: s3.endpoint, maxAttempts: 3 }) satisfies S3Target;

describe('the intent', () => {
  it('is written before the first upload, names every object about to be written, and is gone after', async () => {
    const a = await build('a');
    const order: string[] = [];
    s3.layer.onStored = (key) => void order.push(key);
    await deploy('order/', a);
    const firstSiteObject = order.findIndex((key) => !key.includes('/.nisshi/'));
    expect(order.slice(0, firstSiteObject)).toContain('order/.nisshi/manifest.json');
    expect((await manifestOf('order/')).intent).toBeUndefined();
  });

  it('a deploy stopped half-way, then another build: the stopped run\'s new objects are deleted as nisshi\'s', async () => {
    const a = await build('a2');
    const b = await build('b2', 6);
    await deploy('half/', a);
    const stop = stopAfter(8);
    await expect(deploy('half/', b, stop)).rejects.toThrow('stopped');
    const manifest = await manifestOf('half/');
    // Every page changed, and the six new ones.
    const pages = (await sitePathsOf(b)).filter((sitePath) => sitePath.endsWith('.html'));
    expect([...(manifest.intent?.objects.keys() ?? [])].sort()).toEqual(pages);
    const extraInBucket = [...(await readBucket(s3, 'half/b2-extra/')).keys()];
    expect(extraInBucket.length).toBeGreaterThan(0);

    const c = await build('c2');
    const next = await deploy('half/', c);
    expect(next.foreign).toEqual([]);
    expect(next.resumed).toBeGreaterThan(0);
    expect(next.plan.deletes.filter((sitePath) => sitePath.startsWith('b2-extra/')).length).toBe(extraInBucket.length);
    expect(await bucketDifferences(s3, 'half/', c, await sitePathsOf(c))).toEqual([]);
  });

  it('a deploy stopped twice in a row: the second keeps the first one\'s leftovers in its own intent', async () => {
    const a = await build('a3');
    const b = await build('b3', 6);
    const c = await build('c3', 6);
    await deploy('twice/', a);
    await expect(deploy('twice/', b, stopAfter(8))).rejects.toThrow('stopped');
    await expect(deploy('twice/', c, stopAfter(3))).rejects.toThrow('stopped');
    const intent = (await manifestOf('twice/')).intent;
    for (const key of (await readBucket(s3, 'twice/b3-extra/')).keys()) expect(intent?.objects.has(key.slice('twice/'.length))).toBe(true);
    await deploy('twice/', a);
    expect(await bucketDifferences(s3, 'twice/', a, await sitePathsOf(a))).toEqual([]);
  });

  it('a rollback after a stopped deploy puts back the live deploy\'s predecessor and removes the stopped run\'s objects', async () => {
    const a = await build('a4');
    const b = await build('b4', 3);
    const c = await build('c4', 6);
    await deploy('rb/', a);
    await deploy('rb/', b);
    await expect(deploy('rb/', c, stopAfter(10))).rejects.toThrow('stopped');
    expect((await readBucket(s3, 'rb/c4-extra/')).size).toBeGreaterThan(0);
    const summary = await runRollback({ site: s3Site(createS3Client(siteOf('rb/')), siteOf('rb/')), language: 'en' });
    expect(summary.to).toBe((await manifestOf('rb/')).live);
    expect(await bucketDifferences(s3, 'rb/', a, await sitePathsOf(a))).toEqual([]);
  });

  it('a rollback stopped half-way, then a deploy: the bucket is that deploy\'s build', async () => {
    const a = await build('a5', 4);
    const b = await build('b5');
    await deploy('rbhalf/', a);
    await deploy('rbhalf/', b);
    const stop = stopAfter(6);
    const site = s3Site(createS3Client(siteOf('rbhalf/')), siteOf('rbhalf/'));
    await expect(runRollback({ site, language: 'en', concurrency: 1, ...stop })).rejects.toThrow('stopped');
    expect((await manifestOf('rbhalf/')).intent?.kind).toBe('rollback');
    const next = await deploy('rbhalf/', b);
    expect(next.foreign).toEqual([]);
    expect(await bucketDifferences(s3, 'rbhalf/', b, await sitePathsOf(b))).toEqual([]);
  });
});

describe('Ctrl-C', () => {
  it('stops the command between requests (exit 130), releases the lock, and the next deploy converges', async () => {
    const a = await build('a7');
    const b = await build('b7', 4);
    await deploy('ctrl-c/', a);
    const handlers = new Map<string, () => void>();
    const signals: SignalSource = { once: (signal, listener) => handlers.set(signal, listener), off: (signal) => handlers.delete(signal) };
    let landed = 0;
    s3.layer.putDelayMs = 30;
    s3.layer.onStored = (key) => {
      if (key.startsWith('ctrl-c/') && !key.includes('/.nisshi/') && ++landed === 3) handlers.get('SIGINT')?.();
    };
    const cwd = await mkdtemp(path.join(os.tmpdir(), 'nisshi-ctrl-c-'));
    const io = { cwd, stdout: () => {}, stderr: () => {}, now: () => new Date() };
    const env = { NISSHI_LANG: 'en', NISSHI_S3_BUCKET: s3.bucket, AWS_REGION: 'us-east-1', AWS_ENDPOINT_URL_S3: s3.endpoint };
    const run = runDeployCommand(['--dist', b, '--prefix', 'ctrl-c', '--concurrency', '1'], io, env, false, parseSettings(settingsInput), signals);
    await expect(run).rejects.toBeInstanceOf(CliError);
    await expect(run).rejects.toMatchObject({ exitCode: 130, message: 'interrupted; the lock is released, and the next deploy cleans up what this one left' });
    s3.layer.putDelayMs = 0;
    expect(handlers.size).toBe(0);
    expect((await readBucket(s3, 'ctrl-c/.nisshi/lock.json')).size).toBe(0);
    expect((await manifestOf('ctrl-c/')).intent?.kind).toBe('deploy');
    await deploy('ctrl-c/', a);
    expect(await bucketDifferences(s3, 'ctrl-c/', a, await sitePathsOf(a))).toEqual([]);
    await rm(cwd, { recursive: true });
  });
});

describe('conditional manifest writes', () => {
  it('a manifest changed by someone else during a run stops that run, and what the other wrote is kept', async () => {
    const a = await build('a6');
    const b = await build('b6');
    await deploy('cond/', a);
    const foreignText = `${JSON.stringify({ version: 2, objects: {}, pendingInvalidations: [], archived: true, written: 'by another run' })}\n`;
    const meddler: Progress = {
      ...silentProgress,
      phaseStart: (label) => {
        if (label.startsWith('upload')) void s3.client.send(new PutObjectCommand({ Bucket: s3.bucket, Key: 'cond/.nisshi/manifest.json', Body: foreignText }));
      },
    };
    s3.layer.putDelayMs = 40;
    await expect(deploy('cond/', b, { progress: meddler })).rejects.toThrow(
      /^stopped: another run changed s3:\/\/nisshi-site\/cond\/\.nisshi\/manifest\.json during this one/,
    );
    s3.layer.putDelayMs = 0;
    expect((await readBucket(s3, 'cond/.nisshi/manifest.json')).get('cond/.nisshi/manifest.json')?.body.toString()).toBe(foreignText);
    expect((await readBucket(s3, 'cond/.nisshi/lock.json')).size).toBe(0);
  });
});
