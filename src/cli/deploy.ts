/**
 * `nisshi deploy`: the command-line face of runDeploy. Reads flags and the
 * environment, builds one client per service (credentials from the SDK's
 * default chain only), and prints the plan or the summary.
 */
import path from 'node:path';
import { parseCommandArgs } from './args.ts';
import { CliError, EXIT_OK, EXIT_USAGE } from './errors.ts';
import type { CliIo, Command } from './io.ts';
import { createCloudFrontClient } from '../deploy/cloudfront.ts';
import { DEFAULT_DELETE_GUARD } from '../deploy/plan.ts';
import { formatBytes, progressFor, silentProgress } from '../deploy/progress.ts';
import { createS3Client, normalizePrefix, s3Site, type S3Target } from '../deploy/s3-site.ts';
import { runDeploy, type DeploySummary } from '../deploy/run-deploy.ts';
import type { CacheRule } from '../deploy/headers.ts';

const help = `Usage: nisshi deploy [options]

Publishes the built site (dist/) to S3 and invalidates what changed in CloudFront.
Uploads only files whose bytes or headers differ, deletes objects no longer built,
and refuses a build with drafts or secrets in it.

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
  --dry-run                 print the plan and write nothing
  --verify                  check every object's headers (HEAD) instead of trusting the manifest
  --wait                    wait until the CloudFront invalidation has completed
  --json                    print the summary as JSON
  -h, --help                show this help

Credentials come from the AWS SDK's default chain (AWS_PROFILE, AWS_ACCESS_KEY_ID, SSO, roles).
AWS_ENDPOINT_URL_S3 and AWS_ENDPOINT_URL_CLOUDFRONT point it at other servers.
`;

export type Env = Readonly<Record<string, string | undefined>>;

export const deployCommand: Command = {
  name: 'deploy',
  summary: 'deploy [options]          publish dist/ to S3 and invalidate CloudFront',
  help,
  run: (args, io, settings) =>
    runDeployCommand(args, io, process.env, Boolean(process.stderr.isTTY) && !process.env.CI, settings.cacheRules),
};

/** @param cacheRules the settings' Cache-Control rules (undefined: deploy's defaults). */
export async function runDeployCommand(
  args: readonly string[],
  io: CliIo,
  env: Env,
  isTty = false,
  cacheRules?: readonly CacheRule[],
): Promise<number> {
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
  const summary = await runDeploy({
    distDir: path.resolve(io.cwd, values.dist ?? 'dist'),
    site,
    headers: { cacheRules },
    cloudFront: distributionId
      ? {
          client: createCloudFrontClient({ distributionId, endpoint: cloudFrontEndpoint, maxAttempts }),
          distributionId,
          endpoint: cloudFrontEndpoint,
        }
      : undefined,
    deleteGuard: {
      maxDeletes: positiveInteger(values['max-deletes'], DEFAULT_DELETE_GUARD.maxDeletes, '--max-deletes', true),
      maxDeleteShare: share(values['max-delete-share'], DEFAULT_DELETE_GUARD.maxDeleteShare),
    },
    concurrency: positiveInteger(values.concurrency, 16, '--concurrency'),
    force: values.force ?? false,
    dryRun: values['dry-run'] ?? false,
    verify: values.verify ?? false,
    wait: values.wait ?? false,
    progress: values.json ? silentProgress : progressFor(io.stderr, isTty),
  });
  if (values.json) io.stdout(`${JSON.stringify(summaryJson(summary), null, 2)}\n`);
  else {
    if (summary.dryRun) io.stdout(planText(summary));
    io.stdout(`${summaryLine(summary, `s3://${bucket}/${target.prefix}`)}\n`);
  }
  return EXIT_OK;
}

export function summaryJson(summary: DeploySummary) {
  const { plan, ...counts } = summary;
  return {
    ...counts,
    durationMs: Math.round(summary.durationMs),
    ...(summary.dryRun
      ? {
          uploads: plan.uploads.map((upload) => ({ path: upload.file.path, reason: upload.reason, phase: upload.phase })),
          deletes: plan.deletes,
        }
      : {}),
  };
}

function planText(summary: DeploySummary): string {
  const lines = summary.plan.uploads.map(
    (upload) => `upload  ${upload.phase.padEnd(7)} ${upload.file.path} (${upload.reason})`,
  );
  for (const deleted of summary.plan.deletes) lines.push(`delete  ${deleted}`);
  for (const invalidated of summary.pathsInvalidated) lines.push(`invalidate ${invalidated}`);
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

export function summaryLine(summary: DeploySummary, where: string): string {
  const { plan } = summary;
  const uploads = summary.dryRun ? plan.uploads.length : summary.uploaded;
  const deletes = summary.dryRun ? plan.deletes.length : summary.deleted;
  const bytes = summary.dryRun ? plan.uploads.reduce((sum, upload) => sum + upload.file.size, 0) : summary.bytesUploaded;
  const invalidated = summary.cloudFront
    ? `${summary.pathsInvalidated.length} path(s) ${summary.dryRun ? 'to invalidate' : 'invalidated'}` +
      `${summary.invalidationId ? ` (${summary.invalidationId})` : ''}`
    : 'no CloudFront distribution configured';
  return (
    `${summary.dryRun ? 'dry run, would deploy' : 'deployed'} ${where}: ${uploads} uploaded (${formatBytes(bytes)}), ` +
    `${deletes} deleted, ${summary.unchanged} unchanged; ${invalidated}; ${(summary.durationMs / 1000).toFixed(1)} s`
  );
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
