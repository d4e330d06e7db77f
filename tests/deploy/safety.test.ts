/**
 * The deploy's safety rules against the local S3 (s3rver) and CloudFront
 * endpoints: nothing is written before the preflight passes, an invalidation
 * that could not be sent is sent by the next deploy, and objects nisshi did not
 * write are left alone.
 */
import { mkdir, mkdtemp, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runDeployCommand } from '../../src/cli/deploy.ts';
import type { CliIo } from '../../src/cli/io.ts';
import { CliError } from '../../src/cli/errors.ts';
import { silentProgress, type Progress } from '../../src/deploy/progress.ts';
import { DISTRIBUTION_ID, copyFixture, deployTo, sitePathsOf, startLocalAws, useTestCredentials, type LocalAws } from './helpers/deploy-env.ts';
import { FAKE_DOMAIN_NAME, startFakeCloudFront, type FakeCloudFront } from './helpers/fake-cloudfront.ts';
import { bucketDifferences, putObject, readBucket, type TestS3 } from './helpers/s3-server.ts';

let local: LocalAws;
let s3: TestS3;
let cloudFront: FakeCloudFront;
let dist: string;

beforeAll(async () => {
  local = await startLocalAws();
  ({ s3, cloudFront } = local);
});

afterAll(async () => {
  await local.close();
  await rm(dist, { recursive: true, force: true });
});

beforeEach(async () => {
  useTestCredentials();
  if (dist) await rm(dist, { recursive: true, force: true });
  dist = await copyFixture();
  cloudFront.invalidations.length = 0;
});

const deploy = (prefix: string, options: Partial<Parameters<typeof deployTo>[4]> = {}, fake: FakeCloudFront | undefined = cloudFront) =>
  deployTo(s3.endpoint, s3.bucket, prefix, fake, { distDir: dist, ...options });

async function cli(args: string[], env: Record<string, string | undefined>) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { cwd: process.cwd(), stdout: (text) => void (stdout += text), stderr: (text) => void (stderr += text), now: () => new Date() };
  try {
    return { code: await runDeployCommand(args, io, env), stdout, stderr };
  } catch (error) {
    if (!(error instanceof CliError)) throw error;
    return { code: error.exitCode, stdout, stderr: `${stderr}${error.message}\n` };
  }
}

const cliEnv = () => ({
  NISSHI_LANG: 'en',
  NISSHI_S3_BUCKET: s3.bucket,
  NISSHI_CLOUDFRONT_DISTRIBUTION_ID: DISTRIBUTION_ID,
  AWS_REGION: 'us-east-1',
  AWS_ENDPOINT_URL_S3: s3.endpoint,
  AWS_ENDPOINT_URL_CLOUDFRONT: cloudFront.endpoint,
});

describe('npm run deploy --dry-run', () => {
  it('is refused when npm swallowed the flag, naming the right form; nothing is written', async () => {
    const run = await cli(['--dist', dist, '--prefix', 'npm'], { ...cliEnv(), npm_config_dry_run: 'true' });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('npm run deploy -- --dry-run');
    expect(run.stderr).toContain('nothing was deployed');
    expect((await readBucket(s3, 'npm/')).size).toBe(0);
  });

  it('the help and package.json show the forms that reach nisshi', async () => {
    const help = await cli(['--help'], {});
    expect(help.stdout).toContain('npm run deploy -- --dry-run');
    expect(help.stdout).toContain('npm run deploy:plan');
    const scripts = JSON.parse(await readFile(path.resolve(import.meta.dirname, '../../package.json'), 'utf8')).scripts;
    expect(scripts['deploy:plan']).toBe('node bin/nisshi.js deploy --dry-run');
  });
});

describe('preflight, before any write (and in a dry run)', () => {
  it('a distribution that does not exist stops the dry run and the real run, with the bucket untouched', async () => {
    const wrong = await cli(['--dist', dist, '--prefix', 'pre', '--distribution-id', 'EWRONG', '--dry-run'], cliEnv());
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/CloudFront distribution EWRONG does not exist/);
    const real = await cli(['--dist', dist, '--prefix', 'pre', '--distribution-id', 'EWRONG'], cliEnv());
    expect(real.code).toBe(1);
    expect((await readBucket(s3, 'pre/')).size).toBe(0);
  });

  it('a distribution whose origin is another bucket is refused before writing', async () => {
    const other = await startFakeCloudFront(DISTRIBUTION_ID, 'someone-elses-bucket');
    await expect(deploy('origin', {}, other)).rejects.toThrow(
      /distribution E2NISSHITEST serves someone-elses-bucket\.s3\.us-east-1\.amazonaws\.com, not the bucket nisshi-site/,
    );
    await expect(deploy('origin', { dryRun: true }, other)).rejects.toThrow(/not the bucket nisshi-site/);
    expect((await readBucket(s3, 'origin/')).size).toBe(0);
    expect(other.invalidations).toEqual([]);
    await other.close();
  });

  it('missing credentials stop the dry run too', async () => {
    delete process.env.AWS_ACCESS_KEY_ID;
    delete process.env.AWS_SECRET_ACCESS_KEY;
    await expect(deploy('creds', { dryRun: true })).rejects.toThrow(/no AWS credentials found/);
  });

  it('a dist/ older than a log is refused, naming the log; --allow-stale deploys it', async () => {
    const project = await mkdtemp(path.join(os.tmpdir(), 'nisshi-project-'));
    await mkdir(path.join(project, 'logs'));
    await writeFile(path.join(project, 'logs/2025-08-05.md'), '# 2025-08-05\n');
    const builtAt = new Date(Date.now() - 60_000);
    await utimes(path.join(dist, 'index.html'), builtAt, builtAt);
    const freshness = { root: project, sources: ['logs', 'src'] };
    await expect(deploy('stale', { freshness, dryRun: true })).rejects.toThrow(
      /refusing to deploy: .* was built at .*, before logs\/2025-08-05\.md changed .*--allow-stale/,
    );
    expect((await readBucket(s3, 'stale/')).size).toBe(0);
    expect((await deploy('stale', { freshness, allowStale: true })).uploaded).toBe(19);
    // Built after the last edit: no refusal.
    await utimes(path.join(dist, 'index.html'), new Date(), new Date());
    expect((await deploy('stale', { freshness })).uploaded).toBe(0);
    await rm(project, { recursive: true });
  });

  it('warns when the site address is still example.com, naming the distribution\'s domain to set', async () => {
    const notes: string[] = [];
    const progress: Progress = { ...silentProgress, note: (text) => void notes.push(text) };
    const summary = await deploy('address', { siteUrl: 'https://example.com', dryRun: true, progress });
    expect(summary.warnings).toHaveLength(1);
    expect(notes[0]).toContain(`set site in src/site.config.ts (or NISSHI_SITE_URL) to https://${FAKE_DOMAIN_NAME}/`);
    expect((await deploy('address', { siteUrl: 'https://nisshi.example.org', dryRun: true })).warnings).toEqual([]);
  });
});

describe('nothing lost on failure', () => {
  it('paths a deploy could not invalidate (CloudFront gone after the uploads) are sent by the next one, which uploads nothing', async () => {
    const prefix = 'lost/';
    const flaky = await startFakeCloudFront(DISTRIBUTION_ID);
    await deploy(prefix, {}, flaky);
    const page = path.join(dist, 'logs/2025-08-04/index.html');
    await writeFile(page, `${await readFile(page, 'utf8')}<p>追記</p>\n`);
    // Kill the CloudFront endpoint once the last upload phase is done.
    const killAfterUploads: Progress = { ...silentProgress, phaseEnd: () => flaky.kill() };
    const failed = deploy(prefix, { progress: killAfterUploads }, flaky);
    await expect(failed).rejects.toThrow(/could not reach CloudFront .*the 3 path\(s\) to invalidate are kept in the deploy manifest/);
    expect(await bucketDifferences(s3, prefix, dist, await sitePathsOf(dist))).toEqual([]);

    const next = await deploy(prefix);
    expect(next.uploaded).toBe(0);
    expect(next.pendingCarried).toBe(3);
    expect(cloudFront.invalidations).toEqual([['/logs/2025-08-04', '/logs/2025-08-04/', '/logs/2025-08-04/index.html']]);
    const after = await deploy(prefix);
    expect(after.pathsInvalidated).toEqual([]);
    expect(cloudFront.invalidations).toHaveLength(1);
  });
});

describe('delete only what nisshi wrote', () => {
  it('leaves objects it did not write alone, lists them once, and deletes them only with --prune-foreign under the guard', async () => {
    const env = cliEnv();
    expect((await cli(['--dist', dist, '--prefix', 'own'], env)).code).toBe(0);
    for (let n = 0; n < 10; n++) await putObject(s3, `own/backups/${n}.sql`, `dump ${n}`);
    const again = await cli(['--dist', dist, '--prefix', 'own'], env);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/0 uploaded .*, 0 deleted, 19 unchanged/);
    expect(again.stderr.match(/not ours: 10 object\(s\)/g)).toHaveLength(1);
    expect(again.stderr).toContain('  backups/0.sql\n');
    expect([...(await readBucket(s3, 'own/backups/')).keys()]).toHaveLength(10);

    // 10 of 29 objects is over the 30 % share: --prune-foreign is still under the guard.
    const pruned = await cli(['--dist', dist, '--prefix', 'own', '--prune-foreign'], env);
    expect(pruned.code).toBe(1);
    expect(pruned.stderr).toMatch(/the plan would delete 10 of the bucket's 29 objects/);
    expect([...(await readBucket(s3, 'own/backups/')).keys()]).toHaveLength(10);
    const forced = await cli(['--dist', dist, '--prefix', 'own', '--prune-foreign', '--force'], env);
    expect(forced.stdout).toMatch(/10 deleted/);
    expect(await bucketDifferences(s3, 'own/', dist, await sitePathsOf(dist))).toEqual([]);
  });

  it('still deletes its own pages that are no longer built', async () => {
    await deploy('gone/');
    await rm(path.join(dist, 'logs/2025-08-03'), { recursive: true });
    const summary = await deploy('gone/');
    expect(summary.plan.deletes).toEqual(['logs/2025-08-03/index.html']);
    expect(summary.deleted).toBe(1);
    expect(summary.foreign).toEqual([]);
  });
});
