/**
 * `nisshi deploy --rollback`: put the bucket back to the state the live deploy
 * replaced, from the archive (server-side copies, no build, no upload of
 * bytes), delete what the live deploy added, invalidate what changed. A second
 * rollback goes one deploy further back. `--history` lists the records.
 * A rollback takes the same lock as a deploy, records the restores it is about
 * to make as the manifest's intent before the first, and writes the manifest
 * only over the version it read (run-deploy.ts says why).
 */
import type { InvalidationTiming } from './cloudfront.ts';
import { DeployError } from './errors.ts';
import {
  parseRecord,
  planRollback,
  recordHeader,
  recordName,
  rollbackChangedPaths,
  type DeployRecord,
  type RollbackPlan,
} from './history.ts';
import type { InvalidationLimits } from './invalidation.ts';
import { aliasesOf, pathsToInvalidate, sendInvalidation, type CloudFrontSettings } from './invalidate-pending.ts';
import type { HeldLock } from './lock.ts';
import { intentLeftovers, intentOf, parseManifest } from './manifest.ts';
import { PHASES, type KnownObject } from './plan.ts';
import { runPool } from './pool.ts';
import { preflight } from './preflight.ts';
import { silentProgress, type Progress } from './progress.ts';
import { lockFor, manifestWriter, s3Errors, type LockSettings } from './run-shared.ts';
import type { S3Site } from './s3-site.ts';
import { deployMessages, type DeployMessages } from '../record/deploy-messages.ts';
import { messageLanguage, type MessageLanguage } from '../record/messages.ts';

export interface RollbackOptions {
  site: S3Site;
  cloudFront?: CloudFrontSettings;
  invalidationLimits?: InvalidationLimits;
  invalidationTiming?: InvalidationTiming;
  concurrency?: number;
  dryRun?: boolean;
  wait?: boolean;
  progress?: Progress;
  now?: () => Date;
  signal?: AbortSignal;
  language?: MessageLanguage;
  lock?: Partial<LockSettings>;
}

export interface RollbackSummary {
  dryRun: boolean;
  /** The deploy that was live, and the one whose state is live now. */
  from: string;
  to: string;
  restored: number;
  deleted: number;
  unchanged: number;
  pathsInvalidated: string[];
  invalidationId: string | undefined;
  durationMs: number;
  plan: RollbackPlan;
}

export async function runRollback(options: RollbackOptions): Promise<RollbackSummary> {
  const started = performance.now();
  const say = deployMessages(options.language ?? messageLanguage(undefined));
  const progress = options.progress ?? silentProgress;
  await preflight({ distDir: '', site: options.site, cloudFront: options.cloudFront, say });
  const lock = await lockFor('rollback', options, say, progress);
  try {
    return await rollBackUnderLock(options, say, progress, lock, started);
  } finally {
    await lock?.release();
  }
}

async function rollBackUnderLock(
  options: RollbackOptions,
  say: DeployMessages,
  progress: Progress,
  lock: HeldLock | undefined,
  started: number,
): Promise<RollbackSummary> {
  const { site } = options;
  const concurrency = options.concurrency ?? 16;
  const signal = lock ? (options.signal ? AbortSignal.any([options.signal, lock.lost]) : lock.lost) : options.signal;
  const onS3 = s3Errors(site, say, signal);
  const [listed, stored] = await onS3(() => Promise.all([site.list(), site.readManifest()]));
  const manifest = parseManifest(stored?.text);
  const writer = manifestWriter(site, stored, onS3, say, lock);
  if (!manifest.live) throw new DeployError(say.rollbackNothing);
  const live = parseRecord(await onS3(() => site.readRecord(recordName(manifest.live as string))));
  if (!live?.previous) throw new DeployError(say.rollbackFirst(manifest.live));
  const target = parseRecord(await onS3(() => site.readRecord(recordName(live.previous as string))));
  if (!target?.objects) throw new DeployError(say.rollbackNoRecord(live.previous));

  // What is live: nisshi's objects as the manifest knows them; one the bucket disagrees with is put back whatever it holds.
  const listedEtags = new Map(listed.map((object) => [object.path, object.etag]));
  const current = new Map<string, KnownObject | undefined>();
  for (const [sitePath, entry] of manifest.entries) {
    const etag = listedEtags.get(sitePath);
    if (etag !== undefined) current.set(sitePath, etag === entry.etag ? entry : undefined);
  }
  // What an interrupted deploy or rollback may have written is nisshi's: the target's state decides about it too.
  const leftovers = intentLeftovers(manifest, listed);
  if (manifest.intent) progress.note(say.resuming(manifest.intent.kind, manifest.intent.time, leftovers.size));
  for (const sitePath of leftovers.keys()) current.set(sitePath, undefined);
  const plan = planRollback(current, target.objects);
  const paths = options.cloudFront
    ? pathsToInvalidate(aliasesOf(rollbackChangedPaths(plan, current)), manifest.pendingInvalidations, options.invalidationLimits)
    : [];
  const summary: RollbackSummary = {
    dryRun: options.dryRun ?? false,
    from: live.id,
    to: target.id,
    restored: 0,
    deleted: 0,
    unchanged: plan.unchanged.length,
    pathsInvalidated: paths,
    invalidationId: undefined,
    durationMs: 0,
    plan,
  };
  if (options.dryRun) {
    summary.durationMs = performance.now() - started;
    return summary;
  }

  const now = options.now ?? (() => new Date());
  // Before the first restore: the objects about to be written, so a rollback killed half-way leaves none unknown.
  if (plan.restores.length > 0) {
    const writes = plan.restores.map(({ path: sitePath, object }) => [sitePath, object] as const);
    await writer.write({ ...manifest, intent: intentOf('rollback', now(), writes, { intent: manifest.intent, leftovers: leftovers.keys() }) });
  }
  const entries = new Map<string, KnownObject>();
  for (const [sitePath, entry] of manifest.entries) if (current.get(sitePath)) entries.set(sitePath, entry);
  // Leftovers the target has are restored; the others are deleted, and stay nisshi's until they are.
  for (const [sitePath, entry] of leftovers) if (plan.deletes.includes(sitePath)) entries.set(sitePath, { ...entry, pendingDelete: true });
  for (const phase of PHASES) {
    const restores = plan.restores.filter((restore) => restore.phase === phase);
    if (restores.length === 0) continue;
    progress.phaseStart(say.phaseRestore(phase), restores.length);
    await onS3(() =>
      runPool(restores, concurrency, async ({ path: sitePath, object }) => {
        const etag = await site.restore(sitePath, object);
        entries.set(sitePath, { etag, ...object });
        summary.restored++;
        progress.advance();
      }, signal),
    );
    progress.phaseEnd();
  }
  // The restored objects passed an earlier deploy's scan, maybe under older rules: no scanRules, the next deploy reads all.
  await writer.write({ entries, pendingInvalidations: paths, archived: true, live: manifest.live });
  if (plan.deletes.length > 0) {
    lock?.assertHeld();
    progress.phaseStart(say.phaseDelete, plan.deletes.length);
    await onS3(() =>
      runPool(plan.deletes, concurrency, async (sitePath) => {
        await site.remove(sitePath);
        entries.delete(sitePath);
        summary.deleted++;
        progress.advance();
      }, signal),
    );
    progress.phaseEnd();
  }
  const record: DeployRecord = {
    ...recordHeader('rollback', now()),
    uploaded: summary.restored,
    deleted: summary.deleted,
    previous: live.id,
    restored: target.id,
  };
  await onS3(() => site.writeRecord(recordName(record.id), `${JSON.stringify(record)}\n`));
  const outcome = await sendInvalidation(options.cloudFront, paths, {
    wait: options.wait,
    timing: options.invalidationTiming,
    log: (line) => progress.note(line),
    say,
  });
  summary.invalidationId = outcome.id;
  // The state is the target's: a further rollback goes to the deploy before it.
  await writer.write({ entries, pendingInvalidations: outcome.stillPending, archived: true, live: target.id });
  summary.durationMs = performance.now() - started;
  if (outcome.failure) throw outcome.failure;
  return summary;
}

export interface HistoryEntry extends Omit<DeployRecord, 'objects'> {
  live: boolean;
  objectCount: number | undefined;
}

/** The last `count` deploy and rollback records, newest first. */
export async function readHistory(site: S3Site, say: DeployMessages, count = 10): Promise<HistoryEntry[]> {
  const onS3 = s3Errors(site, say);
  const [names, stored] = await onS3(() => Promise.all([site.listRecords(), site.readManifest()]));
  const live = parseManifest(stored?.text).live;
  const latest = names.slice(-count).reverse();
  const records = await onS3(() => Promise.all(latest.map((name) => site.readRecord(name))));
  return records
    .map(parseRecord)
    .filter((record): record is DeployRecord => record !== undefined)
    .map(({ objects, ...record }) => ({
      ...record,
      live: record.id === live,
      objectCount: objects ? Object.keys(objects).length : undefined,
    }));
}
