/**
 * `nisshi deploy --rollback`: put the bucket back to the state the live deploy
 * replaced, from the archive (server-side copies, no build, no upload of
 * bytes), delete what the live deploy added, invalidate what changed. A second
 * rollback goes one deploy further back. `--history` lists the records.
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
import { manifestText, parseManifest, type Manifest } from './manifest.ts';
import { PHASES, type KnownObject } from './plan.ts';
import { runPool } from './pool.ts';
import { preflight } from './preflight.ts';
import { silentProgress, type Progress } from './progress.ts';
import { s3Errors } from './run-deploy.ts';
import type { S3Site } from './s3-site.ts';

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
  const { site } = options;
  const progress = options.progress ?? silentProgress;
  const concurrency = options.concurrency ?? 16;
  await preflight({ distDir: '', site, cloudFront: options.cloudFront });
  const onS3 = s3Errors(site);
  const [listed, text] = await onS3(() => Promise.all([site.list(), site.readManifest()]));
  const manifest = parseManifest(text);
  if (!manifest.live) {
    throw new DeployError('nothing to roll back to: no deploy with a recorded state has been made to this bucket and prefix');
  }
  const live = parseRecord(await onS3(() => site.readRecord(recordName(manifest.live as string))));
  if (!live?.previous) {
    throw new DeployError(`nothing to roll back to: the live deploy ${manifest.live} is the first one recorded`);
  }
  const target = parseRecord(await onS3(() => site.readRecord(recordName(live.previous as string))));
  if (!target?.objects) throw new DeployError(`cannot roll back: the record of deploy ${live.previous} is missing or unreadable`);

  // What is live: nisshi's objects as the manifest knows them; one the bucket disagrees with is put back whatever it holds.
  const listedEtags = new Map(listed.map((object) => [object.path, object.etag]));
  const current = new Map<string, KnownObject | undefined>();
  for (const [sitePath, entry] of manifest.entries) {
    const etag = listedEtags.get(sitePath);
    if (etag !== undefined) current.set(sitePath, etag === entry.etag ? entry : undefined);
  }
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

  const entries = new Map<string, KnownObject>();
  for (const [sitePath, entry] of manifest.entries) if (current.get(sitePath)) entries.set(sitePath, entry);
  for (const phase of PHASES) {
    const restores = plan.restores.filter((restore) => restore.phase === phase);
    if (restores.length === 0) continue;
    progress.phaseStart(`restore ${phase}`, restores.length);
    await onS3(() =>
      runPool(restores, concurrency, async ({ path: sitePath, object }) => {
        const etag = await site.restore(sitePath, object);
        entries.set(sitePath, { etag, ...object });
        summary.restored++;
        progress.advance();
      }),
    );
    progress.phaseEnd();
  }
  const pending: Manifest = { entries, pendingInvalidations: paths, archived: true, live: manifest.live };
  const firstText = manifestText(pending);
  await onS3(() => site.writeManifest(firstText));
  if (plan.deletes.length > 0) {
    progress.phaseStart('delete', plan.deletes.length);
    await onS3(() =>
      runPool(plan.deletes, concurrency, async (sitePath) => {
        await site.remove(sitePath);
        entries.delete(sitePath);
        summary.deleted++;
        progress.advance();
      }),
    );
    progress.phaseEnd();
  }
  const now = (options.now ?? (() => new Date()))();
  const record: DeployRecord = {
    ...recordHeader('rollback', now),
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
  });
  summary.invalidationId = outcome.id;
  // The state is the target's: a further rollback goes to the deploy before it.
  await onS3(() =>
    site.writeManifest(manifestText({ entries, pendingInvalidations: outcome.stillPending, archived: true, live: target.id })),
  );
  summary.durationMs = performance.now() - started;
  if (outcome.failure) throw outcome.failure;
  return summary;
}

export interface HistoryEntry extends Omit<DeployRecord, 'objects'> {
  live: boolean;
  objectCount: number | undefined;
}

/** The last `count` deploy and rollback records, newest first. */
export async function readHistory(site: S3Site, count = 10): Promise<HistoryEntry[]> {
  const onS3 = s3Errors(site);
  const [names, text] = await onS3(() => Promise.all([site.listRecords(), site.readManifest()]));
  const live = parseManifest(text).live;
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
