/**
 * Issue 20's two races, with real `nisshi deploy` processes against s3rver
 * (behind the conditional layer) on loopback:
 * - two deploys of different builds started together: one waits for the
 *   other's lock; the bucket ends as the later one's build, its manifest and
 *   history consistent, nothing "not ours";
 * - a deploy killed with SIGKILL while its uploads are under way, then a
 *   deploy of the previous build: the lock it left is reported (its process
 *   is gone) with --break-lock, and with it the bucket is exactly that build
 *   again, the killed run's objects removed as nisshi's own.
 */
import { spawn } from 'node:child_process';
import { appendFile, cp, mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseManifest } from '../../src/deploy/manifest.ts';
import { FIXTURE_SITE, deployTo, sitePathsOf, useTestCredentials } from './helpers/deploy-env.ts';
import { TEST_CREDENTIALS, bucketDifferences, readBucket, startS3, type TestS3 } from './helpers/s3-server.ts';

const NISSHI = path.resolve(import.meta.dirname, '../../bin/nisshi.js');
let s3: TestS3;
let work: string;

beforeAll(async () => {
  useTestCredentials();
  s3 = await startS3();
  work = await mkdtemp(path.join(os.tmpdir(), 'nisshi-races-'));
});

afterAll(async () => {
  await s3.close();
  await rm(work, { recursive: true, force: true });
});

beforeEach(() => {
  s3.layer.putDelayMs = 0;
  s3.layer.onStored = () => {};
});

/** A build: the fixture, or the fixture with new hashed assets, every page changed and `extra` new pages. */
async function build(name: string, extra = 0): Promise<string> {
  const dir = path.join(work, name);
  await cp(FIXTURE_SITE, dir, { recursive: true });
  if (name === 'a') return dir;
  const renames = new Map<string, string>();
  for (const asset of await sitePathsOf(path.join(dir, '_astro'))) {
    const renamed = asset.replace(/\.[A-Za-z0-9]{8}\./, `.${name.padEnd(8, 'x').slice(0, 8)}.`);
    renames.set(asset, renamed);
    await rename(path.join(dir, '_astro', asset), path.join(dir, '_astro', renamed));
    await appendFile(path.join(dir, '_astro', renamed), `\n/* ${name} */\n`);
  }
  for (const page of (await sitePathsOf(dir)).filter((sitePath) => sitePath.endsWith('.html'))) {
    let html = await readFile(path.join(dir, page), 'utf8');
    for (const [from, to] of renames) html = html.replaceAll(`/_astro/${from}`, `/_astro/${to}`);
    await writeFile(path.join(dir, page), `${html}<!-- build ${name} -->\n`);
  }
  for (let n = 1; n <= extra; n++) {
    const day = `2025-09-${String(n).padStart(2, '0')}`;
    await mkdir(path.join(dir, 'logs', day), { recursive: true });
    await writeFile(path.join(dir, 'logs', day, 'index.html'), `<!doctype html><title>${day}</title><p>${name} ${day}</p>\n`);
  }
  return dir;
}

interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** `nisshi deploy` in a process of its own, from a folder with no logs/ (so no leak audit, no freshness sources). */
function nisshiDeploy(args: string[]): { pid: number; kill: (signal: NodeJS.Signals) => void; exited: Promise<Exit> } {
  const child = spawn(process.execPath, [NISSHI, 'deploy', ...args], {
    cwd: work,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      CI: 'true',
      NISSHI_LANG: 'en',
      NISSHI_S3_BUCKET: s3.bucket,
      AWS_REGION: 'us-east-1',
      AWS_ENDPOINT_URL_S3: s3.endpoint,
      AWS_ACCESS_KEY_ID: TEST_CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: TEST_CREDENTIALS.secretAccessKey,
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_CONFIG_FILE: path.join(work, 'no-aws-config'),
      AWS_SHARED_CREDENTIALS_FILE: path.join(work, 'no-aws-credentials'),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => void (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => void (stderr += chunk.toString()));
  const exited = new Promise<Exit>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal, stdout, stderr })));
  return { pid: child.pid as number, kill: (signal) => child.kill(signal), exited };
}

const siteKeys = async (prefix: string) =>
  [...(await readBucket(s3, prefix)).keys()].filter((key) => !key.startsWith(`${prefix}.nisshi/`)).map((key) => key.slice(prefix.length));

describe('two deploys started together', { timeout: 120_000 }, () => {
  it('one waits for the other; the bucket is the later one\'s build, with nothing "not ours"', async () => {
    const [a, b] = [await build('a'), await build('b', 5)];
    s3.layer.putDelayMs = 20;
    const runs = [
      nisshiDeploy(['--dist', a, '--prefix', 'race', '--lock-wait', '60', '--concurrency', '2']),
      nisshiDeploy(['--dist', b, '--prefix', 'race', '--lock-wait', '60', '--concurrency', '2']),
    ];
    const [exitA, exitB] = (await Promise.all(runs.map((run) => run.exited))) as [Exit, Exit];
    expect([exitA.code, exitB.code]).toEqual([0, 0]);
    const waited = [exitA, exitB].map((exit) => exit.stderr.includes('another run holds the lock:'));
    expect(waited.filter(Boolean)).toHaveLength(1);
    // The one that waited ran second: the bucket is its build, byte for byte and header for header.
    const later = waited[0] ? a : b;
    s3.layer.putDelayMs = 0;
    expect(await bucketDifferences(s3, 'race/', later, await sitePathsOf(later))).toEqual([]);
    const manifest = parseManifest((await readBucket(s3, 'race/.nisshi/manifest.json')).get('race/.nisshi/manifest.json')?.body.toString());
    expect([...manifest.entries.keys()].sort()).toEqual(await sitePathsOf(later));
    expect(manifest.intent).toBeUndefined();
    // The history: the second deploy replaced the first.
    const records = [...(await readBucket(s3, 'race/.nisshi/deploys/')).values()].map((object) => JSON.parse(object.body.toString()));
    expect(records).toHaveLength(2);
    const [first, second] = records.sort((x, y) => (x.time < y.time ? -1 : 1));
    expect(second.previous).toBe(first.id);
    expect(manifest.live).toBe(second.id);
    // A deploy of the other build is an ordinary one: nothing foreign, and it leaves that build exactly.
    const other = later === a ? b : a;
    const next = await deployTo(s3.endpoint, s3.bucket, 'race/', undefined, { distDir: other, language: 'en' });
    expect(next.foreign).toEqual([]);
    expect(await bucketDifferences(s3, 'race/', other, await sitePathsOf(other))).toEqual([]);
  });
});

describe('a deploy killed during its uploads', { timeout: 120_000 }, () => {
  it('leaves objects known to be nisshi\'s; a deploy of the previous build removes them and equals that build', async () => {
    const previous = await build('a');
    const next = await build('killed', 10);
    await deployTo(s3.endpoint, s3.bucket, 'killed/', undefined, { distDir: previous, language: 'en' });
    const before = new Set(await siteKeys('killed/'));

    // Slow the uploads down, and kill -9 the deploy once five of its objects have landed.
    s3.layer.putDelayMs = 150;
    const landed: string[] = [];
    const run = nisshiDeploy(['--dist', next, '--prefix', 'killed', '--concurrency', '1']);
    s3.layer.onStored = (key) => {
      if (!key.startsWith('killed/') || key.startsWith('killed/.nisshi/')) return;
      landed.push(key.slice('killed/'.length));
      if (landed.length === 5) run.kill('SIGKILL');
    };
    const exit = await run.exited;
    s3.layer.onStored = () => {};
    s3.layer.putDelayMs = 0;
    expect(exit.signal).toBe('SIGKILL');
    // Half-published: new objects live in the bucket, more than the previous build has.
    const halfway = await siteKeys('killed/');
    const added = halfway.filter((key) => !before.has(key));
    expect(added.length).toBeGreaterThan(0);
    // …and named by the manifest's intent, written before the first of them.
    const manifest = parseManifest((await readBucket(s3, 'killed/.nisshi/manifest.json')).get('killed/.nisshi/manifest.json')?.body.toString());
    expect(manifest.intent?.kind).toBe('deploy');
    for (const key of landed) expect(manifest.intent?.objects.has(key)).toBe(true);

    // The lock the killed run left: its process is gone, so it is stale, and reported with how to break it.
    const refused = await nisshiDeploy(['--dist', previous, '--prefix', 'killed']).exited;
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(new RegExp(`its pid ${run.pid} no longer runs on this host .*run again with --break-lock`));
    expect(await siteKeys('killed/')).toEqual(halfway);

    const redeploy = await nisshiDeploy(['--dist', previous, '--prefix', 'killed', '--break-lock']).exited;
    expect(redeploy.code).toBe(0);
    expect(redeploy.stderr).toContain('removed the stale lock s3://nisshi-site/killed/.nisshi/lock.json');
    expect(redeploy.stderr).toMatch(/the last deploy \(.*\) was interrupted; the \d+ object\(s\) it wrote are taken as nisshi's/);
    expect(redeploy.stderr).not.toContain('not ours');
    expect(redeploy.stdout).toMatch(/took over \d+ object\(s\) of an interrupted run/);
    // The bucket equals the previous build: every object the killed run added is gone, nothing else touched.
    expect(await bucketDifferences(s3, 'killed/', previous, await sitePathsOf(previous))).toEqual([]);
    const after = parseManifest((await readBucket(s3, 'killed/.nisshi/manifest.json')).get('killed/.nisshi/manifest.json')?.body.toString());
    expect(after.intent).toBeUndefined();
    expect([...after.entries.keys()].sort()).toEqual(await sitePathsOf(previous));
    expect((await readBucket(s3, 'killed/.nisshi/lock.json')).size).toBe(0);
  });
});
