/**
 * A deploy from start to end: read the build, preflight (nothing written yet),
 * read the bucket, plan, check the plan, then upload phase by phase (hashed
 * assets, other files, HTML, feeds) archiving each new version, write the
 * manifest with the paths to invalidate as pending, delete nisshi's own
 * objects no longer built, record the deploy, invalidate CloudFront once and
 * clear what was sent. Killed or failed at any step, the next run finishes it.
 */
import type { CloudFrontClient } from '@aws-sdk/client-cloudfront';
import { describeAwsError } from './aws-errors.ts';
import type { InvalidationTiming } from './cloudfront.ts';
import { DeployError } from './errors.ts';
import type { HeaderSettings } from './headers.ts';
import { recordHeader, recordName, recordObjects, type DeployRecord } from './history.ts';
import { invalidationPaths, type InvalidationLimits } from './invalidation.ts';
import { pathsToInvalidate, sendInvalidation } from './invalidate-pending.ts';
import { readBuild } from './local-build.ts';
import { manifestText, objectsAfterUploads, parseManifest, type Manifest } from './manifest.ts';
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
import { preflight, type FreshnessCheck } from './preflight.ts';
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
  /** Also delete objects nisshi did not write (still under the delete guard). */
  pruneForeign?: boolean;
  /** Refuse a dist/ older than these sources (unless allowStale). */
  freshness?: FreshnessCheck;
  allowStale?: boolean;
  /** The address the site was built for, to warn when it is still the example. */
  siteUrl?: string;
  /** The commit being deployed, for the history. */
  commit?: string;
  progress?: Progress;
  /** Stops the deploy between requests (tests use it to kill a deploy half-way). */
  signal?: AbortSignal;
  now?: () => Date;
}

export interface DeploySummary {
  dryRun: boolean;
  uploaded: number;
  deleted: number;
  unchanged: number;
  bytesUploaded: number;
  /** Objects in the bucket nisshi did not write and left alone. */
  foreign: string[];
  /** False when no distribution is configured: nothing is invalidated. */
  cloudFront: boolean;
  pathsInvalidated: string[];
  /** Of those, the ones an earlier run left pending. */
  pendingCarried: number;
  invalidationId: string | undefined;
  /** The deploy record written (none when nothing changed). */
  deployId: string | undefined;
  warnings: string[];
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
  const { warnings } = await preflight({ ...options, cloudFront: options.cloudFront });
  for (const warning of warnings) progress.note(`warning: ${warning}`);
  const onS3 = s3Errors(site, options.signal);

  const [listed, manifestText0] = await onS3(() => Promise.all([site.list(), site.readManifest()]));
  const manifest = parseManifest(manifestText0);
  const toHead = objectsToHead(local, listed, manifest.entries, options.verify);
  const heads = new Map<string, KnownObject>();
  if (toHead.length > 0) progress.phaseStart('checking', toHead.length);
  await onS3(() =>
    runPool(toHead, concurrency, async (sitePath) => {
      heads.set(sitePath, await site.head(sitePath));
      progress.advance();
    }),
  );
  if (toHead.length > 0) progress.phaseEnd();
  const plan = planSync(local, listed, manifest.entries, heads, { pruneForeign: options.pruneForeign });
  const paths = options.cloudFront
    ? pathsToInvalidate(invalidationPaths(plan), manifest.pendingInvalidations, options.invalidationLimits)
    : [];
  const summary: DeploySummary = {
    dryRun: options.dryRun ?? false,
    uploaded: 0,
    deleted: 0,
    unchanged: plan.unchanged.length,
    bytesUploaded: 0,
    foreign: options.pruneForeign ? [] : plan.foreign,
    cloudFront: options.cloudFront !== undefined,
    pathsInvalidated: paths,
    pendingCarried: options.cloudFront ? manifest.pendingInvalidations.length : 0,
    invalidationId: undefined,
    deployId: undefined,
    warnings,
    requests: site.requests,
    durationMs: 0,
    plan,
  };
  const violation = deleteGuardViolation(plan, options.deleteGuard ?? DEFAULT_DELETE_GUARD);
  if (violation && !options.force) {
    throw new DeployError(`refusing to deploy: ${violation}; check that ${distDir} is the right build, or pass --force`);
  }
  if (options.dryRun) {
    summary.durationMs = performance.now() - started;
    return summary;
  }

  // Versions already in the archive: every object a rollback-aware manifest lists.
  const archived = new Set(manifest.archived ? [...manifest.entries.values()].map((entry) => entry.md5) : []);
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
            if (!archived.has(file.md5)) {
              await site.archive(file.path, file.md5, options.signal);
              archived.add(file.md5);
            }
            summary.uploaded++;
            summary.bytesUploaded += file.size;
            progress.advance();
          },
          options.signal,
        ),
      );
      progress.phaseEnd();
    }
    if (!manifest.archived && plan.unchanged.length > 0) {
      // The first deploy with a rollback-aware manifest keeps a copy of what earlier deploys left.
      const toArchive = plan.unchanged.filter((file) => !archived.has(file.md5));
      progress.phaseStart('archive', toArchive.length);
      await onS3(() =>
        runPool(toArchive, concurrency, async (file) => {
          await site.archive(file.path, file.md5, options.signal);
          progress.advance();
        }, options.signal),
      );
      progress.phaseEnd();
    }
  } finally {
    summary.durationMs = performance.now() - started;
  }

  const changed = plan.uploads.length > 0 || plan.deletes.length > 0;
  const owned = new Map([...manifest.entries].filter(([sitePath]) => plan.deletes.includes(sitePath)));
  const afterUploads: Manifest = {
    entries: objectsAfterUploads(plan, listed, uploadedEtags, owned),
    pendingInvalidations: paths,
    archived: true,
    live: manifest.live,
  };
  // Written before the deletions and the invalidation: a run killed after this point loses neither.
  const firstText = manifestText(afterUploads);
  if (firstText !== manifestText0) await onS3(() => site.writeManifest(firstText));

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
  const finalEntries = objectsAfterUploads(plan, listed, uploadedEtags);
  let live = manifest.live;
  if (changed) {
    const now = (options.now ?? (() => new Date()))();
    const record: DeployRecord = {
      ...recordHeader('deploy', now),
      ...(options.commit ? { commit: options.commit } : {}),
      uploaded: summary.uploaded,
      deleted: summary.deleted,
      ...(manifest.live ? { previous: manifest.live } : {}),
      objects: recordObjects(finalEntries),
    };
    await onS3(() => site.writeRecord(recordName(record.id), `${JSON.stringify(record)}\n`));
    live = record.id;
    summary.deployId = record.id;
  }

  const outcome = await sendInvalidation(options.cloudFront, paths, {
    wait: options.wait,
    timing: options.invalidationTiming,
    log: (line) => progress.note(line),
  });
  summary.invalidationId = outcome.id;
  const finalText = manifestText({ entries: finalEntries, pendingInvalidations: outcome.stillPending, archived: true, live });
  if (finalText !== firstText) await onS3(() => site.writeManifest(finalText));
  summary.durationMs = performance.now() - started;
  if (outcome.failure) throw outcome.failure;
  return summary;
}

/** Wraps S3 calls so a failure reads as one line (unless the deploy was stopped on purpose). */
export function s3Errors(site: S3Site, signal?: AbortSignal) {
  const context = {
    service: 'S3' as const,
    resource: `s3://${site.target.bucket}/${site.target.prefix}`,
    endpoint: site.target.endpoint,
    region: site.target.region,
  };
  return async <T>(step: () => Promise<T>): Promise<T> => {
    try {
      return await step();
    } catch (error) {
      if (signal?.aborted) throw error;
      throw describeAwsError(error, context);
    }
  };
}
