/**
 * What a deploy and a rollback share around their own steps: the lock taken
 * (or, for a dry run, looked at), the manifest written only over the version
 * the run read or last wrote, and S3 failures turned into one line.
 */
import { describeAwsError } from './aws-errors.ts';
import { DEPLOY_DEFAULTS, lockHolder, type LockOwner } from './config.ts';
import { DeployError } from './errors.ts';
import { acquireLock, peekLock, THIS_MACHINE, type HeldLock, type LockRecord } from './lock.ts';
import { manifestText, type Manifest } from './manifest.ts';
import type { Progress } from './progress.ts';
import type { S3Site, StoredText } from './s3-site.ts';
import type { DeployMessages } from '../record/deploy-messages.ts';

export interface LockSettings {
  /** Longest wait for another run's lock, in ms (0: refuse at once). */
  waitMs: number;
  ttlMs: number;
  pollMs: number;
  /** --break-lock: remove a stale lock before taking it. */
  breakStale: boolean;
  holder: LockOwner;
}

/** The lock settings of a run: the defaults, with what the caller gave. */
export function lockSettings(given: Partial<LockSettings> | undefined): LockSettings {
  const ttlMs = given?.ttlMs ?? DEPLOY_DEFAULTS.lockTtlSeconds * 1000;
  return {
    waitMs: given?.waitMs ?? DEPLOY_DEFAULTS.lockWaitSeconds * 1000,
    ttlMs,
    pollMs: given?.pollMs ?? Math.min(5_000, Math.max(50, ttlMs / 20)),
    breakStale: given?.breakStale ?? false,
    holder: given?.holder ?? lockHolder(process.env),
  };
}

/**
 * Takes the lock for a run that writes, or (dry run) says whether another run
 * holds it. Shared with the rollback.
 */
export async function lockFor(
  operation: LockRecord['operation'],
  options: { site: S3Site; dryRun?: boolean; lock?: Partial<LockSettings>; signal?: AbortSignal },
  say: DeployMessages,
  progress: Progress,
): Promise<HeldLock | undefined> {
  const settings = lockSettings(options.lock);
  const onS3 = s3Errors(options.site, say, options.signal);
  if (options.dryRun) {
    const held = await onS3(() => peekLock(options.site, THIS_MACHINE(settings.holder.host)));
    if (held) progress.note(say.lockSeenInDryRun(held.lock, held.verdict));
    return undefined;
  }
  return onS3(() =>
    acquireLock({
      site: options.site,
      operation,
      holder: settings.holder,
      timing: settings,
      breakStale: settings.breakStale,
      say,
      note: (line) => progress.note(line),
      signal: options.signal,
    }),
  );
}

/**
 * The manifest's writes of one run, each conditional on the ETag of the
 * version this run read or last wrote: if another run wrote it meanwhile (the
 * lock broken, or a server that lets two runs in), this one stops instead of
 * overwriting what the other recorded. A text equal to the last one is not
 * written again.
 */
export function manifestWriter(
  site: S3Site,
  stored: StoredText | undefined,
  onS3: ReturnType<typeof s3Errors>,
  say: DeployMessages,
  lock: HeldLock | undefined,
) {
  let etag = stored?.etag;
  let current = stored?.text;
  return {
    async write(manifest: Manifest): Promise<void> {
      const text = manifestText(manifest);
      if (text === current) return;
      lock?.assertHeld();
      const result = await onS3(() => site.writeManifest(text, etag === undefined ? { ifAbsent: true } : { ifMatch: etag }));
      if (!result.written) throw new DeployError(say.manifestChanged(`s3://${site.target.bucket}/${site.target.prefix}.nisshi/manifest.json`));
      etag = result.etag;
      current = text;
    },
  };
}

export function anySignal(...signals: (AbortSignal | undefined)[]): AbortSignal | undefined {
  const given = signals.filter((signal): signal is AbortSignal => signal !== undefined);
  return given.length <= 1 ? given[0] : AbortSignal.any(given);
}

/** Wraps S3 calls so a failure reads as one line (unless the deploy was stopped on purpose). */
export function s3Errors(site: S3Site, say: DeployMessages, signal?: AbortSignal) {
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
      if (signal?.aborted) throw signal.reason ?? error;
      throw describeAwsError(error, context, say);
    }
  };
}
