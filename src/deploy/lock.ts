/**
 * One deploy or rollback at a time per bucket and prefix: a lock object,
 * `<prefix>.nisshi/lock.json`, created with S3's conditional write
 * (`PutObject` with `If-None-Match: *`), which S3 refuses with 412 when the
 * key exists, so of two runs that try at once exactly one gets it. It records
 * who holds it (owner, host, pid), since when and until when. Its holder
 * renews it (`If-Match` on the ETag it last wrote) every quarter of its
 * lifetime and deletes it (`If-Match` again) when done, failed or stopped
 * with Ctrl-C; a run killed outright (kill -9, a lost runner) leaves it.
 *
 * A run that finds the lock held waits for it, up to a bound, then refuses
 * with a message naming the holder. A lock past its expiry, or whose holder
 * is a process of this host that no longer runs, is stale: it is reported
 * with how to break it (`--break-lock`), never broken unasked, since a run
 * that only looks dead (a laptop asleep) may come back. A holder whose renewal
 * is refused has lost the lock (someone broke it): its `lost` signal fires
 * and the run stops before its next write.
 *
 * Before trusting the lock on an S3-compatible server (an endpoint other than
 * AWS's), the holder checks that the server honours the condition at all (a
 * second create must be refused): one that ignores If-None-Match would give
 * every run the lock.
 */
import { randomBytes } from 'node:crypto';
import type { LockOwner } from './config.ts';
import { DeployError } from './errors.ts';
import type { S3Site } from './s3-site.ts';
import type { DeployMessages } from '../record/deploy-messages.ts';

export interface LockRecord extends LockOwner {
  version: 1;
  /** Random, to tell this holder's lock from another's with the same owner. */
  token: string;
  operation: 'deploy' | 'rollback';
  /** ISO times. */
  startedAt: string;
  expiresAt: string;
}

export interface LockTiming {
  /** Longest wait for another run's lock; 0 refuses at once. */
  waitMs: number;
  /** Lifetime of the lock between renewals. */
  ttlMs: number;
  /** Between looks at a held lock while waiting. */
  pollMs: number;
}

export type LockVerdict = 'live' | 'expired' | 'dead' | 'unreadable';

/** What this process knows of its machine, to judge a lock's holder. */
export interface Here {
  host: string;
  isRunning(pid: number): boolean;
}

export const THIS_MACHINE = (host: string): Here => ({ host, isRunning: processIsRunning });

function processIsRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function parseLock(text: string | undefined): LockRecord | undefined {
  if (text === undefined) return undefined;
  try {
    const lock = JSON.parse(text) as Partial<LockRecord>;
    const valid =
      lock?.version === 1 && typeof lock.token === 'string' && typeof lock.owner === 'string' && typeof lock.host === 'string' &&
      typeof lock.pid === 'number' && typeof lock.startedAt === 'string' && typeof lock.expiresAt === 'string' &&
      !Number.isNaN(Date.parse(lock.expiresAt));
    return valid ? (lock as LockRecord) : undefined;
  } catch {
    return undefined;
  }
}

export function lockText(lock: LockRecord): string {
  return `${JSON.stringify(lock, null, 2)}\n`;
}

/** Live (wait for it), or stale: expired, its holder gone from this host, or not a lock nisshi can read. */
export function judgeLock(lock: LockRecord | undefined, now: number, here: Here): LockVerdict {
  if (!lock) return 'unreadable';
  if (Date.parse(lock.expiresAt) <= now) return 'expired';
  if (lock.host === here.host && lock.pid !== process.pid && !here.isRunning(lock.pid)) return 'dead';
  return 'live';
}

export interface HeldLock {
  record: LockRecord;
  /** Fires when the lock was lost (broken by another run, or not renewed in time). */
  lost: AbortSignal;
  /** Throws when the lock was lost: called before each write that must not race. */
  assertHeld(): void;
  release(): Promise<void>;
}

export interface LockOptions {
  site: S3Site;
  operation: LockRecord['operation'];
  holder: LockOwner;
  timing: LockTiming;
  /** Remove a stale lock (--break-lock) before taking it. */
  breakStale: boolean;
  say: DeployMessages;
  note: (line: string) => void;
  here?: Here;
  now?: () => number;
  signal?: AbortSignal;
}

/** Where the lock lives, for messages. */
function lockAddress(site: S3Site): string {
  return `s3://${site.target.bucket}/${site.target.prefix}.nisshi/lock.json`;
}

/** The lock as it is now, for a dry run to mention; undefined when free. */
export async function peekLock(site: S3Site, here: Here, now = Date.now()): Promise<{ lock: LockRecord | undefined; verdict: LockVerdict } | undefined> {
  const stored = await site.readLock();
  if (!stored) return undefined;
  const lock = parseLock(stored.text);
  return { lock, verdict: judgeLock(lock, now, here) };
}

export async function acquireLock(options: LockOptions): Promise<HeldLock> {
  const { site, say, timing } = options;
  const now = options.now ?? Date.now;
  const here = options.here ?? THIS_MACHINE(options.holder.host);
  const token = randomBytes(12).toString('hex');
  const started = now();
  const deadline = started + timing.waitMs;
  const recordAt = (time: number): LockRecord => ({
    version: 1,
    token,
    operation: options.operation,
    ...options.holder,
    startedAt: new Date(started).toISOString(),
    expiresAt: new Date(time + timing.ttlMs).toISOString(),
  });
  let waitingSaid = false;
  let broken = 0;
  for (;;) {
    if (options.signal?.aborted) throw options.signal.reason;
    const record = recordAt(now());
    const created = await site.writeLock(lockText(record), { ifAbsent: true });
    if (created.written) {
      // AWS's S3 honours conditional writes (since 2024); another server, named by its endpoint, is checked.
      if (site.target.endpoint !== undefined) await checkConditionsHonoured(site, record, created.etag, say);
      return holdLock(options, record, created.etag, recordAt, now);
    }
    const stored = await site.readLock();
    if (!stored) {
      // Released between the two requests, or another create in flight (409): try again shortly.
      await sleep(50, options.signal);
      continue;
    }
    const lock = parseLock(stored.text);
    if (lock?.token === token) return holdLock(options, lock, stored.etag, recordAt, now); // our own create, its answer lost
    const verdict = judgeLock(lock, now(), here);
    if (verdict !== 'live') {
      // A second stale lock right after the first was broken means something else is at work: stop and say so.
      if (!options.breakStale || broken >= 2) throw new DeployError(say.lockStale(lockAddress(site), lock, verdict));
      // If-Match: only the lock judged stale is removed, never one another run took meanwhile.
      if ((await site.removeLock(stored.etag)) === 'removed') {
        broken++;
        options.note(say.lockBroken(lockAddress(site), lock, verdict));
      }
      continue;
    }
    if (now() >= deadline) throw new DeployError(say.lockHeld(lockAddress(site), lock as LockRecord, Math.round(timing.waitMs / 1000)));
    if (!waitingSaid) options.note(say.lockWaiting(lock as LockRecord, Math.round(timing.waitMs / 1000)));
    waitingSaid = true;
    await sleep(Math.min(timing.pollMs, Math.max(0, deadline - now())), options.signal);
  }
}

/**
 * A second create of the lock must be refused: if the server stored it, it
 * ignores If-None-Match and the lock would exclude nobody. (The probe's text
 * differs by a trailing space, so a refusal cannot be taken for the echo of
 * this run's own create; where it was stored, it is removed at once.)
 */
async function checkConditionsHonoured(site: S3Site, record: LockRecord, etag: string, say: DeployMessages): Promise<void> {
  const probe = await site.writeLock(`${lockText(record)} `, { ifAbsent: true });
  if (!probe.written) return;
  await site.removeLock(probe.etag).catch(() => site.removeLock(etag));
  throw new DeployError(say.lockUnsupported(site.target.endpoint ?? 'S3'));
}

function holdLock(
  options: LockOptions,
  first: LockRecord,
  firstEtag: string,
  recordAt: (time: number) => LockRecord,
  now: () => number,
): HeldLock {
  const { site, say, timing } = options;
  const lost = new AbortController();
  let record = first;
  let etag = firstEtag;
  let released = false;
  let renewing: Promise<void> = Promise.resolve();
  const renew = async () => {
    if (released || lost.signal.aborted) return;
    const next = recordAt(now());
    try {
      const result = await site.writeLock(lockText(next), { ifMatch: etag });
      if (result.written) {
        record = next;
        etag = result.etag;
      } else if (result.reason === 'changed') {
        const other = parseLock((await site.readLock())?.text);
        lost.abort(new DeployError(say.lockLost(lockAddress(site), other)));
      }
    } catch {
      // A failed renewal is tried again at the next tick; only an expiry passed without one loses the lock.
    }
    if (!released && !lost.signal.aborted && Date.parse(record.expiresAt) <= now()) {
      lost.abort(new DeployError(say.lockLost(lockAddress(site), undefined)));
    }
  };
  const timer = setInterval(() => {
    renewing = renewing.then(renew);
  }, Math.max(10, Math.floor(timing.ttlMs / 4)));
  timer.unref();
  return {
    get record() {
      return record;
    },
    lost: lost.signal,
    assertHeld() {
      if (lost.signal.aborted) throw lost.signal.reason;
    },
    async release() {
      if (released) return;
      released = true;
      clearInterval(timer);
      await renewing;
      if (lost.signal.aborted) return;
      try {
        await site.removeLock(etag);
      } catch {
        options.note(say.lockNotRemoved(lockAddress(site), record.expiresAt));
      }
    },
  };
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(signal.reason);
    }, { once: true });
  });
}
