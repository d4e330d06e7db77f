/**
 * A deploy from start to end: read the build and the bucket, plan, check the
 * plan, then upload phase by phase (hashed assets, other files, HTML, feeds),
 * write the manifest, delete, and invalidate CloudFront once.
 */
import type { CloudFrontClient } from '@aws-sdk/client-cloudfront';
import { CliError, EXIT_FINDINGS } from '../user-error.ts';
import { describeAwsError } from './aws-errors.ts';
import { invalidate, type InvalidationTiming } from './cloudfront.ts';
import type { HeaderSettings } from './headers.ts';
import { DEFAULT_INVALIDATION_LIMITS, foldPaths, invalidationPaths, type InvalidationLimits } from './invalidation.ts';
import { readBuild } from './local-build.ts';
import { manifestAfterDeploy, manifestIsCurrent, parseManifest } from './manifest.ts';
import {
  DEFAULT_DELETE_GUARD,
  deleteGuardViolation,
  objectsToHead,
  planSync,
  uploadPhases,
  type DeleteGuard,
  type KnownObject,
  type SyncPlan,
} from './plan.ts';
import { runPool } from './pool.ts';
import { silentProgress, type Progress } from './progress.ts';
import type { S3Site } from './s3-site.ts';

export interface DeployOptions {
  distDir: string;
  site: S3Site;
  cloudFront?: { client: CloudFrontClient; distributionId: string; endpoint: string | undefined };
  headers?: HeaderSettings;
  deleteGuard?: DeleteGuard;
  invalidationLimits?: InvalidationLimits;
  invalidationTiming?: InvalidationTiming;
  concurrency?: number;
  /** Carry out a plan whose deletions pass the guard. */
  force?: boolean;
  /** Plan and report only. */
  dryRun?: boolean;
  /** HEAD every object instead of trusting the manifest. */
  verify?: boolean;
  /** Wait for the invalidation to complete. */
  wait?: boolean;
  progress?: Progress;
  /** Stops the deploy between requests (tests use it to kill a deploy half-way). */
  signal?: AbortSignal;
}

export interface DeploySummary {
  dryRun: boolean;
  uploaded: number;
  deleted: number;
  unchanged: number;
  bytesUploaded: number;
  /** False when no distribution is configured: nothing is invalidated. */
  cloudFront: boolean;
  pathsInvalidated: string[];
  invalidationId: string | undefined;
  requests: Record<string, number>;
  durationMs: number;
  plan: SyncPlan;
}

export async function runDeploy(options: DeployOptions): Promise<DeploySummary> {
  const started = performance.now();
  const { site, distDir } = options;
  const progress = options.progress ?? silentProgress;
  const concurrency = options.concurrency ?? 16;
  const local = await readBuild(distDir, options.headers);
  const s3Context = {
    service: 'S3' as const,
    resource: `s3://${site.target.bucket}/${site.target.prefix}`,
    endpoint: site.target.endpoint,
    region: site.target.region,
  };
  const onS3 = async <T>(step: () => Promise<T>): Promise<T> => {
    try {
      return await step();
    } catch (error) {
      if (options.signal?.aborted) throw error;
      throw describeAwsError(error, s3Context);
    }
  };

  const [listed, manifestText] = await onS3(() => Promise.all([site.list(), site.readManifest()]));
  const manifest = parseManifest(manifestText);
  const toHead = objectsToHead(local, listed, manifest, options.verify);
  const heads = new Map<string, KnownObject>();
  if (toHead.length > 0) progress.phaseStart('checking', toHead.length);
  await onS3(() =>
    runPool(toHead, concurrency, async (sitePath) => {
      heads.set(sitePath, await site.head(sitePath));
      progress.advance();
    }),
  );
  if (toHead.length > 0) progress.phaseEnd();
  const plan = planSync(local, listed, manifest, heads);
  const paths = foldPaths(invalidationPaths(plan), options.invalidationLimits ?? DEFAULT_INVALIDATION_LIMITS);
  const summary: DeploySummary = {
    dryRun: options.dryRun ?? false,
    uploaded: 0,
    deleted: 0,
    unchanged: plan.unchanged.length,
    bytesUploaded: 0,
    cloudFront: options.cloudFront !== undefined,
    pathsInvalidated: options.cloudFront ? paths : [],
    invalidationId: undefined,
    requests: site.requests,
    durationMs: 0,
    plan,
  };
  const violation = deleteGuardViolation(plan, options.deleteGuard ?? DEFAULT_DELETE_GUARD);
  if (violation && !options.force) {
    throw new CliError(
      `refusing to deploy: ${violation}; check that ${distDir} is the right build, or pass --force`,
      EXIT_FINDINGS,
    );
  }
  if (options.dryRun) {
    summary.durationMs = performance.now() - started;
    return summary;
  }

  const uploadedEtags = new Map<string, string>();
  try {
    for (const { phase, uploads } of uploadPhases(plan)) {
      progress.phaseStart(`upload ${phase}`, uploads.length);
      await onS3(() =>
        runPool(
          uploads,
          concurrency,
          async ({ file }) => {
            uploadedEtags.set(file.path, await site.upload(distDir, file, options.signal));
            summary.uploaded++;
            summary.bytesUploaded += file.size;
            progress.advance();
          },
          options.signal,
        ),
      );
      progress.phaseEnd();
    }
  } finally {
    summary.durationMs = performance.now() - started;
  }

  const nextManifest = manifestAfterDeploy(plan, listed, uploadedEtags);
  if (!manifestIsCurrent(manifestText, nextManifest)) await onS3(() => site.writeManifest(nextManifest));

  if (plan.deletes.length > 0) {
    progress.phaseStart('delete', plan.deletes.length);
    await onS3(() =>
      runPool(
        plan.deletes,
        concurrency,
        async (sitePath) => {
          await site.remove(sitePath, options.signal);
          summary.deleted++;
          progress.advance();
        },
        options.signal,
      ),
    );
    progress.phaseEnd();
  }

  if (options.cloudFront && paths.length > 0) {
    const { client, distributionId, endpoint } = options.cloudFront;
    try {
      const result = await invalidate(client, distributionId, paths, {
        wait: options.wait ?? false,
        timing: options.invalidationTiming,
        log: (line) => progress.note(line),
      });
      summary.invalidationId = result.id;
    } catch (error) {
      throw describeAwsError(error, {
        service: 'CloudFront',
        resource: distributionId,
        endpoint,
        region: 'us-east-1',
      });
    }
  }
  summary.durationMs = performance.now() - started;
  return summary;
}
