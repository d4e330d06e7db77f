/**
 * `npm run ci:time`: the CI fast path of a daily log push, reproduced on this
 * machine and timed step by step, from a fresh clone with the caches restored
 * (npm's download cache is this machine's ~/.npm; Astro's content cache is
 * the one the previous push's build left, restored from a tarball as
 * actions/cache does) to the last upload, against the local S3 (s3rver, its
 * own process) and CloudFront (the tests' stand-in) endpoints.
 *
 * Per scenario (the bundled logs, then `--count` generated logs):
 *   untimed: an origin repository with the logs; one earlier run that built,
 *            deployed and left its Astro cache (the previous push); then a
 *            commit adding one new log (today's push);
 *   timed:   checkout (git clone --depth 1), path decision, restore of the
 *            caches the workflow keeps (node_modules and the deploy bundle,
 *            keyed on the lock file and src/, so a log push hits them; Astro's
 *            content cache), each command of npm run build, deploy.
 * Runner start-up, the caches' download and the artifact hand-over between
 * the build and deploy jobs cannot be reproduced here and are not included
 * (the caches are restored from local tarballs).
 *
 *   npm run ci:time [-- --count 3650] [--only bundled|generated]
 */
import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { generateLogs } from '../generate-logs.ts';
import { startFakeCloudFront } from '../../tests/deploy/helpers/fake-cloudfront.ts';
import { spawnS3rver } from '../../tests/deploy/helpers/s3rver-process.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const BUCKET = 'nisshi-ci-time';
const DISTRIBUTION_ID = 'E2NISSHICITIME';

interface Step {
  name: string;
  seconds: number;
}

function sh(command: string, cwd: string, env: NodeJS.ProcessEnv = process.env, quiet = true): void {
  const result = spawnSync('sh', ['-c', command], { cwd, env, stdio: quiet ? ['ignore', 'ignore', 'pipe'] : 'inherit', encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`"${command}" failed in ${cwd} (exit ${result.status}):\n${result.stderr ?? ''}`);
}

/**
 * The deploy talks to the CloudFront stand-in, which answers from this
 * process: it must run asynchronously, or this process could not answer.
 */
async function deployWithBundle(cwd: string, env: NodeJS.ProcessEnv): Promise<string> {
  const { stdout } = await promisify(execFile)(process.execPath, ['dist-deploy/nisshi-deploy.mjs', '--dist', 'dist'], { cwd, env, encoding: 'utf8' });
  return stdout.trim();
}

async function timed(steps: Step[], name: string, run: () => void | Promise<void>): Promise<void> {
  const started = performance.now();
  await run();
  const seconds = (performance.now() - started) / 1000;
  steps.push({ name, seconds });
  process.stderr.write(`  ${name.padEnd(44)} ${seconds.toFixed(1).padStart(6)} s\n`);
}

const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=ci-time', '-c', 'user.email=ci-time@example.org', ...args], { cwd, encoding: 'utf8' }).trim();

async function scenario(name: string, work: string, logs: { path: string; text: string }[] | undefined, newLog: { path: string; text: string }) {
  process.stderr.write(`\n${name}\n`);
  const origin = path.join(work, 'origin');
  // The committed state of this checkout, as the remote a runner clones.
  git(ROOT, 'clone', '-q', '--no-hardlinks', ROOT, origin);
  if (logs) {
    rmSync(path.join(origin, 'logs'), { recursive: true, force: true });
    mkdirSync(path.join(origin, 'logs'));
    for (const log of logs) writeFileSync(path.join(origin, 'logs', log.path), log.text);
    git(origin, 'add', '-A', 'logs');
    git(origin, 'commit', '-qm', `${logs.length} generated logs`);
  }
  const logCount = readLogCount(origin);
  const s3 = await spawnS3rver(path.join(work, 's3'), BUCKET);
  const cloudFront = await startFakeCloudFront(DISTRIBUTION_ID, BUCKET);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PATH: `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH}`,
    CI: 'true',
    AWS_ACCESS_KEY_ID: 'S3RVER',
    AWS_SECRET_ACCESS_KEY: 'S3RVER',
    AWS_REGION: 'us-east-1',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_ENDPOINT_URL_S3: s3.endpoint,
    AWS_ENDPOINT_URL_CLOUDFRONT: cloudFront.endpoint,
    NISSHI_S3_BUCKET: BUCKET,
    NISSHI_CLOUDFRONT_DISTRIBUTION_ID: DISTRIBUTION_ID,
    NISSHI_SITE_URL: 'https://nisshi.example.org/',
  };
  try {
    // The previous push: built and deployed, its Astro cache saved.
    process.stderr.write(`  (untimed) the previous push: install, build and first deploy of ${logCount} logs ...\n`);
    const previous = path.join(work, 'previous');
    git(ROOT, 'clone', '-q', '--depth', '1', `file://${origin}`, previous);
    const buildCommands = buildScript(previous);
    sh('npm ci --omit=dev --ignore-scripts --no-audit --no-fund --prefer-offline', previous, env);
    for (const command of buildCommands) sh(command, previous, env);
    sh('node scripts/ci/bundle-deploy.ts dist-deploy/nisshi-deploy.mjs', previous, env);
    await deployWithBundle(previous, env);
    const cacheDir = path.join(previous, 'node_modules/.astro');
    if (!existsSync(cacheDir)) throw new Error(`the build left no Astro cache at ${cacheDir}`);
    // The three caches the workflow saves: node_modules (without .astro), Astro's cache, the deploy bundle.
    const cacheTar = path.join(work, 'astro-cache.tar');
    sh(`tar -cf ${cacheTar} -C ${path.dirname(cacheDir)} .astro`, previous);
    const modulesTar = path.join(work, 'node-modules.tar');
    sh(`tar -cf ${modulesTar} --exclude=node_modules/.astro node_modules`, previous);
    const bundleTar = path.join(work, 'deploy-bundle.tar');
    sh(`tar -cf ${bundleTar} dist-deploy`, previous);
    const before = git(origin, 'rev-parse', 'HEAD');

    // Today's push: one new log.
    writeFileSync(path.join(origin, 'logs', newLog.path), newLog.text);
    git(origin, 'add', '-A', 'logs');
    git(origin, 'commit', '-qm', `log ${newLog.path}`);
    const head = git(origin, 'rev-parse', 'HEAD');

    const steps: Step[] = [];
    const ci = path.join(work, 'ci');
    await timed(steps, 'checkout (git clone --depth 1)', () => void git(ROOT, 'clone', '-q', '--depth', '1', `file://${origin}`, ci));
    await timed(steps, 'path decision (fetch base, changed-paths)', () => {
      sh(`git fetch -q --no-tags --depth=1 origin ${before}`, ci, env);
      const decided = execFileSync(process.execPath, ['scripts/ci/changed-paths.ts', before, head], { cwd: ci, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
      if (decided.trim() !== 'path=fast') throw new Error(`expected the fast path, got ${decided}`);
    });
    // The lock file did not change: node_modules comes from the cache and npm ci is skipped.
    await timed(steps, 'restore node_modules (cache hit: no npm ci)', () => sh(`tar -xf ${modulesTar}`, ci));
    await timed(steps, 'restore Astro content cache', () => sh(`tar -xf ${cacheTar} -C node_modules`, ci));
    for (const command of buildScript(ci)) await timed(steps, `build: ${command.slice(0, 37)}`, () => sh(command, ci, env));
    // src/ and the lock file did not change: the deploy bundle comes from the cache too.
    await timed(steps, 'restore the deploy bundle (cache hit)', () => sh(`tar -xf ${bundleTar}`, ci));
    let summary = '';
    await timed(steps, 'deploy (bundle, s3rver + CloudFront stand-in)', async () => {
      summary = await deployWithBundle(ci, env);
    });
    const total = steps.reduce((sum, step) => sum + step.seconds, 0);
    process.stderr.write(`  ${'total, checkout to last upload'.padEnd(44)} ${total.toFixed(1).padStart(6)} s\n  deploy said: ${summary}\n`);
    return { name, logCount: logCount + 1, steps, total, summary, invalidations: cloudFront.invalidations.length };
  } finally {
    await s3.close();
    await cloudFront.close();
  }
}

/** The commands of `npm run build`, run one by one to time each (so the figures follow package.json). */
function buildScript(checkout: string): string[] {
  const scripts = (JSON.parse(readFileSync(path.join(checkout, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
  return (scripts.build ?? '').split('&&').map((command) => command.trim()).filter(Boolean).map((command) =>
    command.startsWith('astro ') ? `node_modules/.bin/${command}` : command,
  );
}

function readLogCount(checkout: string): number {
  return execFileSync('git', ['ls-files', 'logs'], { cwd: checkout, encoding: 'utf8' }).split('\n').filter((file) => file.endsWith('.md')).length;
}

const { values } = parseArgs({ options: { count: { type: 'string', default: '3650' }, only: { type: 'string' } } });
const count = Number(values.count);
const base = mkdtempSync(path.join(os.tmpdir(), 'nisshi-ci-time-'));
process.stderr.write(`ci:time in ${base} (Node ${process.version}, ${os.cpus().length} cores; figures are noisy on a shared machine)\n`);
const results = [];
try {
  if (values.only !== 'generated') {
    const work = path.join(base, 'bundled');
    mkdirSync(work);
    const [log] = generateLogs(1, { startDate: '2025-08-04', seed: 12 });
    results.push(await scenario('bundled logs + 1 new log', work, undefined, log as { path: string; text: string }));
  }
  if (values.only !== 'bundled') {
    const work = path.join(base, 'generated');
    mkdirSync(work);
    const logs = generateLogs(count);
    const [next] = generateLogs(1, { startDate: nextDay(logs.at(-1)?.path ?? '2016-01-01.md'), seed: 12 });
    results.push(await scenario(`${count} generated logs + 1 new log`, work, logs, next as { path: string; text: string }));
  }
  process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
} finally {
  rmSync(base, { recursive: true, force: true });
}

function nextDay(file: string): string {
  const day = new Date(Date.parse(`${file.slice(0, 10)}T00:00:00Z`) + 86_400_000);
  return day.toISOString().slice(0, 10);
}


