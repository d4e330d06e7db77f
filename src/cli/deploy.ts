/**
 * `nisshi deploy`: the command-line face of runDeploy. Reads flags and the
 * environment, builds one client per service (credentials from the SDK's
 * default chain only), and prints the plan or the summary.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { auditFolder, findingLines } from './audit.ts';
import { parseCommandArgs } from './args.ts';
import { foreignText, historyText, planText, rollbackLine, summaryJson, summaryLine } from './deploy-output.ts';
import { CliError, EXIT_FINDINGS, EXIT_OK, EXIT_USAGE } from './errors.ts';
import type { CliIo, Command } from './io.ts';
import { createCloudFrontClient } from '../deploy/cloudfront.ts';
import { DeployError } from '../deploy/errors.ts';
import { DEFAULT_DELETE_GUARD } from '../deploy/plan.ts';
import { progressFor, silentProgress } from '../deploy/progress.ts';
import { createS3Client, normalizePrefix, s3Site, type S3Target } from '../deploy/s3-site.ts';
import { runDeploy } from '../deploy/run-deploy.ts';
import { readHistory, runRollback } from '../deploy/run-rollback.ts';
import { messageLanguage, messages } from '../record/messages.ts';
import type { Settings } from '../settings/settings.ts';

const help = `Usage: nisshi deploy [options]
       nisshi deploy --rollback [options]
       nisshi deploy --history [options]

Publishes the built site (dist/) to S3 and invalidates what changed in CloudFront.
Uploads only files whose bytes or headers differ, deletes the objects it wrote that
are no longer built (never others), and refuses a build with drafts or secrets in it.
Before writing anything (also with --dry-run) it checks the credentials, the bucket,
that the distribution serves that bucket, and that dist/ is newer than logs/ and src/.

Through npm, put the options after --:  npm run deploy -- --dry-run
(npm run deploy --dry-run is npm's own flag: nisshi refuses to run then). Or: npm run deploy:plan

Options:
  --dist <dir>              the built site (default: dist)
  --bucket <name>           S3 bucket (default: $NISSHI_S3_BUCKET)
  --prefix <folder>         folder in the bucket to publish under (default: the root)
  --distribution-id <id>    CloudFront distribution (default: $NISSHI_CLOUDFRONT_DISTRIBUTION_ID; none: no invalidation)
  --region <region>         the bucket's region (default: $AWS_REGION or the profile's)
  --concurrency <n>         requests in flight (default: 16)
  --max-attempts <n>        tries per request, with back-off on throttling and 5xx (default: 5)
  --max-deletes <n>         stop when the plan deletes more objects than this (default: ${DEFAULT_DELETE_GUARD.maxDeletes})
  --max-delete-share <p>    stop when it deletes more than this share, 0-1 (default: ${DEFAULT_DELETE_GUARD.maxDeleteShare})
  --force                   carry out a plan that passes those limits
  --prune-foreign           also delete objects nisshi did not write (still under the limits above)
  --allow-stale             deploy a dist/ older than the logs or sources it was built from
  --dry-run                 print the plan and write nothing
  --rollback                put the site back to the previous deploy's state (no build; run again to go further back)
  --history                 list the last deploys and rollbacks
  --verify                  check every object's headers (HEAD) instead of trusting the manifest
  --wait                    wait until the CloudFront invalidation has completed
  --json                    print the summary as JSON
  -h, --help                show this help

Credentials come from the AWS SDK's default chain (AWS_PROFILE, AWS_ACCESS_KEY_ID, SSO, roles).
AWS_ENDPOINT_URL_S3 and AWS_ENDPOINT_URL_CLOUDFRONT point it at other servers.
`;

/**
 * The leak audit (nisshi audit) before anything is written, in the dry run too:
 * a build holding a private note or a draft is refused. Without the logs
 * folder (nothing to compare with) it says so and goes on.
 */
async function refuseLeaks(io: CliIo, settings: Settings, dist: string): Promise<void> {
  if (!existsSync(path.resolve(io.cwd, dist))) return; // runDeploy refuses a missing build with its own message.
  const say = messages(messageLanguage(settings.locale));
  if (!existsSync(path.resolve(io.cwd, settings.logsDir))) {
    io.stderr(`${say.deployNoLogs(settings.logsDir)}\n`);
    return;
  }
  const { findings } = await auditFolder(io, settings, dist, settings.logsDir);
  if (findings.length === 0) return;
  const lines = findingLines(dist, findings, say).map((line) => `  ${line}`).join('\n');
  throw new CliError(`${say.deployLeaks(dist)}\n${lines}\n${say.deployLeaksFix}`, EXIT_FINDINGS);
}

export type Env = Readonly<Record<string, string | undefined>>;

export const deployCommand: Command = {
  name: 'deploy',
  help,
  run: (args, io, settings) =>
    runDeployCommand(args, io, process.env, Boolean(process.stderr.isTTY) && !process.env.CI, settings),
};

/** @param settings the site's settings (default: src/site.config.ts, read on first use). */
export async function runDeployCommand(args: readonly string[], io: CliIo, env: Env, isTty = false, settings?: Settings): Promise<number> {
  try {
    return await deployFromArgs(args, io, env, isTty, settings ?? (await import('../site.config.ts')).siteSettings);
  } catch (error) {
    if (error instanceof DeployError) throw new CliError(error.message, EXIT_FINDINGS);
    throw error;
  }
}

async function deployFromArgs(args: readonly string[], io: CliIo, env: Env, isTty: boolean, siteSettings: Settings): Promise<number> {
  // `npm run deploy --dry-run` gives --dry-run to npm, which sets this and runs the script anyway.
  if (env.npm_config_dry_run !== undefined && env.npm_config_dry_run !== '' && env.npm_config_dry_run !== 'false') {
    throw new CliError(
      'npm took --dry-run as its own flag and passed nothing to nisshi; nothing was deployed. ' +
        'Write npm run deploy -- --dry-run (or npm run deploy:plan)',
      EXIT_USAGE,
    );
  }
  const { values } = parseCommandArgs(
    'deploy',
    args,
    {
      dist: { type: 'string' },
      bucket: { type: 'string' },
      prefix: { type: 'string' },
      'distribution-id': { type: 'string' },
      region: { type: 'string' },
      concurrency: { type: 'string' },
      'max-attempts': { type: 'string' },
      'max-deletes': { type: 'string' },
      'max-delete-share': { type: 'string' },
      force: { type: 'boolean' },
      'prune-foreign': { type: 'boolean' },
      'allow-stale': { type: 'boolean' },
      rollback: { type: 'boolean' },
      history: { type: 'boolean' },
      'dry-run': { type: 'boolean' },
      verify: { type: 'boolean' },
      wait: { type: 'boolean' },
      json: { type: 'boolean' },
    },
    false,
  );
  if (values.help) {
    io.stdout(help);
    return EXIT_OK;
  }
  const bucket = values.bucket ?? env.NISSHI_S3_BUCKET;
  if (!bucket) {
    throw new CliError('no bucket configured; pass --bucket or set NISSHI_S3_BUCKET', EXIT_USAGE);
  }
  const maxAttempts = positiveInteger(values['max-attempts'], 5, '--max-attempts');
  const target: S3Target = {
    bucket,
    prefix: normalizePrefix(values.prefix),
    region: values.region ?? env.AWS_REGION ?? env.AWS_DEFAULT_REGION,
    endpoint: env.AWS_ENDPOINT_URL_S3 || undefined,
    maxAttempts,
  };
  const distributionId = values['distribution-id'] ?? env.NISSHI_CLOUDFRONT_DISTRIBUTION_ID;
  const cloudFrontEndpoint = env.AWS_ENDPOINT_URL_CLOUDFRONT || undefined;
  const site = s3Site(createS3Client(target), target);
  const cloudFront = distributionId
    ? {
        client: createCloudFrontClient({ distributionId, endpoint: cloudFrontEndpoint, maxAttempts }),
        distributionId,
        endpoint: cloudFrontEndpoint,
      }
    : undefined;
  const progress = values.json ? silentProgress : progressFor(io.stderr, isTty);
  const where = `s3://${bucket}/${target.prefix}`;
  if (values.history) {
    const entries = await readHistory(site);
    io.stdout(values.json ? `${JSON.stringify(entries, null, 2)}\n` : historyText(entries, where));
    return EXIT_OK;
  }
  if (values.rollback) {
    const summary = await runRollback({
      site,
      cloudFront,
      concurrency: positiveInteger(values.concurrency, 16, '--concurrency'),
      dryRun: values['dry-run'] ?? false,
      wait: values.wait ?? false,
      progress,
    });
    const { plan, ...counts } = summary;
    io.stdout(values.json ? `${JSON.stringify({ ...counts, durationMs: Math.round(summary.durationMs) }, null, 2)}\n` : rollbackLine(summary, where));
    return EXIT_OK;
  }
  await refuseLeaks(io, siteSettings, values.dist ?? 'dist');
  const summary = await runDeploy({
    distDir: path.resolve(io.cwd, values.dist ?? 'dist'),
    site,
    headers: { cacheRules: siteSettings.cacheRules },
    cloudFront,
    freshness: { root: io.cwd, sources: [siteSettings.logsDir, 'src', 'public', 'astro.config.mjs'] },
    allowStale: values['allow-stale'] ?? false,
    siteUrl: siteSettings.site,
    commit: env.GITHUB_SHA || gitHead(io.cwd),
    pruneForeign: values['prune-foreign'] ?? false,
    deleteGuard: {
      maxDeletes: positiveInteger(values['max-deletes'], DEFAULT_DELETE_GUARD.maxDeletes, '--max-deletes', true),
      maxDeleteShare: share(values['max-delete-share'], DEFAULT_DELETE_GUARD.maxDeleteShare),
    },
    concurrency: positiveInteger(values.concurrency, 16, '--concurrency'),
    force: values.force ?? false,
    dryRun: values['dry-run'] ?? false,
    verify: values.verify ?? false,
    wait: values.wait ?? false,
    progress,
  });
  if (values.json) io.stdout(`${JSON.stringify(summaryJson(summary), null, 2)}\n`);
  else {
    if (summary.dryRun) io.stdout(planText(summary));
    if (summary.foreign.length > 0) io.stderr(foreignText(summary.foreign));
    io.stdout(`${summaryLine(summary, where)}\n`);
  }
  return EXIT_OK;
}

function gitHead(cwd: string): string | undefined {
  const result = spawnSync('git', ['rev-parse', 'HEAD'], { cwd, encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() || undefined : undefined;
}

function positiveInteger(text: string | undefined, fallback: number, option: string, zeroAllowed = false): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < (zeroAllowed ? 0 : 1)) {
    throw new CliError(`${option} needs a whole number${zeroAllowed ? '' : ' of 1 or more'}, not "${text}"`, EXIT_USAGE);
  }
  return value;
}

function share(text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!(value >= 0 && value <= 1)) throw new CliError(`--max-delete-share needs a number from 0 to 1, not "${text}"`, EXIT_USAGE);
  return value;
}
