/**
 * A deploy from start to end: read the build, preflight (nothing written yet),
 * take the bucket's lock (lock.ts), read the bucket and the manifest, scan the
 * files for secrets (those not passed before), plan, check the plan, record the
 * intent (what is about to be written) in the manifest, upload phase by phase
 * (hashed assets, other files, HTML, feeds) archiving each new version, write
 * the manifest with the paths to invalidate as pending, delete nisshi's own
 * objects no longer built, record the deploy, invalidate CloudFront once, clear
 * what was sent, release the lock. Every manifest write is conditional on the
 * ETag this run last saw, so a run that is not alone stops instead of
 * overwriting. Killed or failed at any step, the next run finishes it: what
 * an interrupted run meant to write is nisshi's (its intent), so the next run
 * keeps it if its build has it and deletes it if not.
 */
import type { CloudFrontClient } from '@aws-sdk/client-cloudfront';
import type { InvalidationTiming } from './cloudfront.ts';
import { DEFAULT_DELETE_GUARD, DEPLOY_DEFAULTS } from './config.ts';
import { DeployError } from './errors.ts';
import type { HeaderSettings } from './headers.ts';
import { recordHeader, recordName, recordObjects, type DeployRecord } from './history.ts';
import { invalidationPaths, type InvalidationLimits } from './invalidation.ts';
import { pathsToInvalidate, sendInvalidation } from './invalidate-pending.ts';
import { readBuild, secretsRefusal } from './local-build.ts';
import type { HeldLock } from './lock.ts';
import { intentLeftovers, intentOf, objectsAfterUploads, parseManifest } from './manifest.ts';
import {
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
import { anySignal, lockFor, manifestWriter, s3Errors, type LockSettings } from './run-shared.ts';
import type { S3Site } from './s3-site.ts';
import { filesToScan, scanFiles, secretScanVersion } from './scan-build.ts';
import { deployMessages, type DeployMessages } from '../record/deploy-messages.ts';
import { messageLanguage, type MessageLanguage } from '../record/messages.ts';

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
  /** Stops the deploy between requests (Ctrl-C; tests use it to kill a deploy half-way). */
  signal?: AbortSignal;
  now?: () => Date;
  /** The messages' language (default: NISSHI_LANG, else Japanese). */
  language?: MessageLanguage;
  lock?: Partial<LockSettings>;
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
  /** Files the secret scan read, and those it had passed before (same bytes, same rules). */
  scan: { scanned: number; skipped: number };
  /** Objects an interrupted deploy or rollback had written that this run took over (kept or deleted). */
  resumed: number;
  warnings: string[];
  requests: Record<string, number>;
  durationMs: number;
  plan: SyncPlan;
}

export async function runDeploy(options: DeployOptions): Promise<DeploySummary> {
  const started = performance.now();
  const say = deployMessages(options.language ?? messageLanguage(undefined));
  const progress = options.progress ?? silentProgress;
  const local = await readBuild(options.distDir, options.headers ?? {}, say);
  const { warnings } = await preflight({ ...options, say });
  for (const warning of warnings) progress.note(say.warning(warning));
  const lock = await lockFor('deploy', options, say, progress);
  try {
    return await deployUnderLock(options, { say, progress, local, warnings, lock, started });
  } finally {
    await lock?.release();
  }
}

interface Run {
  say: DeployMessages;
  progress: Progress;
  local: Awaited<ReturnType<typeof readBuild>>;
  warnings: string[];
  lock: HeldLock | undefined;
  started: number;
}

async function deployUnderLock(options: DeployOptions, run: Run): Promise<DeploySummary> {
  const { site, distDir } = options;
  const { say, progress, local, lock } = run;
  const concurrency = options.concurrency ?? DEPLOY_DEFAULTS.concurrency;
  const signal = anySignal(options.signal, lock?.lost);
  const onS3 = s3Errors(site, say, signal);
  const now = options.now ?? (() => new Date());

  const [listed, stored] = await onS3(() => Promise.all([site.list(), site.readManifest()]));
  const manifest = parseManifest(stored?.text);
  const writer = manifestWriter(site, stored, onS3, say, lock);

  const rules = secretScanVersion();
  const toScan = filesToScan(local, manifest, rules);
  if (toScan.length > 0) progress.phaseStart(say.phaseScan, toScan.length);
  const findings = await scanFiles(distDir, toScan, signal, () => progress.advance());
  if (toScan.length > 0) progress.phaseEnd();
  if (findings.length > 0) throw secretsRefusal(distDir, findings, say);

  const leftovers = intentLeftovers(manifest, listed);
  if (manifest.intent) progress.note(say.resuming(manifest.intent.kind, manifest.intent.time, leftovers.size));
  const toHead = objectsToHead(local, listed, manifest.entries, options.verify);
  const heads = new Map<string, KnownObject>();
  if (toHead.length > 0) progress.phaseStart(say.phaseCheck, toHead.length);
  await onS3(() =>
    runPool(toHead, concurrency, async (sitePath) => {
      heads.set(sitePath, await site.head(sitePath));
      progress.advance();
    }, signal),
  );
  if (toHead.length > 0) progress.phaseEnd();
  const plan = planSync(local, listed, manifest.entries, heads, { pruneForeign: options.pruneForeign, owned: leftovers });
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
    scan: { scanned: toScan.length, skipped: local.length - toScan.length },
    resumed: leftovers.size,
    warnings: run.warnings,
    requests: site.requests,
    durationMs: 0,
    plan,
  };
  const violation = deleteGuardViolation(plan, options.deleteGuard ?? DEFAULT_DELETE_GUARD);
  if (violation && !options.force) throw new DeployError(say.guardRefusal(violation, distDir));
  if (options.dryRun) {
    summary.durationMs = performance.now() - run.started;
    return summary;
  }

  // The intent first: from here on, every object this run writes is known to be nisshi's, even if it is killed.
  if (plan.uploads.length > 0) {
    const writes = plan.uploads.map(({ file }) => [file.path, { md5: file.md5, contentType: file.contentType, cacheControl: file.cacheControl }] as const);
    await writer.write({ ...manifest, intent: intentOf('deploy', now(), writes, { intent: manifest.intent, leftovers: leftovers.keys() }) });
  }

  // Versions already in the archive: every object a rollback-aware manifest lists.
  const archived = new Set(manifest.archived ? [...manifest.entries.values()].map((entry) => entry.md5) : []);
  const uploadedEtags = new Map<string, string>();
  try {
    for (const { phase, uploads } of uploadPhases(plan)) {
      progress.phaseStart(say.phaseUpload(phase), uploads.length);
      await onS3(() =>
        runPool(
          uploads,
          concurrency,
          async ({ file }) => {
            uploadedEtags.set(file.path, await site.upload(distDir, file));
            if (!archived.has(file.md5)) {
              await site.archive(file.path, file.md5);
              archived.add(file.md5);
            }
            summary.uploaded++;
            summary.bytesUploaded += file.size;
            progress.advance();
          },
          signal,
        ),
      );
      progress.phaseEnd();
    }
    if (!manifest.archived && plan.unchanged.length > 0) {
      // The first deploy with a rollback-aware manifest keeps a copy of what earlier deploys left.
      const toArchive = plan.unchanged.filter((file) => !archived.has(file.md5));
      progress.phaseStart(say.phaseArchive, toArchive.length);
      await onS3(() =>
        runPool(toArchive, concurrency, async (file) => {
          await site.archive(file.path, file.md5);
          progress.advance();
        }, signal),
      );
      progress.phaseEnd();
    }
  } finally {
    summary.durationMs = performance.now() - run.started;
  }

  const changed = plan.uploads.length > 0 || plan.deletes.length > 0;
  const owned = new Map([...manifest.entries, ...leftovers].filter(([sitePath]) => plan.deletes.includes(sitePath)));
  // Every built file passed the scan under these rules (read now, or passed before with the same bytes).
  const base = { archived: true, live: manifest.live, scanRules: rules };
  // Written before the deletions and the invalidation: a run killed after this point loses neither.
  await writer.write({ ...base, entries: objectsAfterUploads(plan, listed, uploadedEtags, owned), pendingInvalidations: paths });

  if (plan.deletes.length > 0) {
    lock?.assertHeld();
    progress.phaseStart(say.phaseDelete, plan.deletes.length);
    await onS3(() =>
      runPool(
        plan.deletes,
        concurrency,
        async (sitePath) => {
          await site.remove(sitePath);
          summary.deleted++;
          progress.advance();
        },
        signal,
      ),
    );
    progress.phaseEnd();
  }
  const finalEntries = objectsAfterUploads(plan, listed, uploadedEtags);
  let live = manifest.live;
  if (changed) {
    const record: DeployRecord = {
      ...recordHeader('deploy', now()),
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
    say,
  });
  summary.invalidationId = outcome.id;
  await writer.write({ ...base, live, entries: finalEntries, pendingInvalidations: outcome.stillPending });
  summary.durationMs = performance.now() - run.started;
  if (outcome.failure) throw outcome.failure;
  return summary;
}
