/**
 * What the file system says of a file's version, to tell without reading it
 * that its bytes are the ones hashed before (git's "racily clean" rule, the
 * one `git status` stands on):
 *
 * - the stamp is the size, mtime and ctime to the nanosecond, the inode and
 *   the device; any write to a file sets its mtime and ctime to the clock's
 *   now, and no program can set a ctime (utimes, touch -d and rsync -t set it
 *   to now too), while a file put in place by rename or copy is another inode
 *   with a new ctime;
 * - so a stamp taken before the bytes were read still stands for them as long
 *   as it is unchanged — except for a write within the same tick of the
 *   file system's clock as the last one, or as the read (coarse clocks: FAT
 *   keeps mtimes to 2 s). That is ruled out by trusting a stamp only when the
 *   file's last change is more than SETTLE_MS older than the moment its bytes
 *   were read; a file changed just before it was read is read again next time,
 *   until a read long enough after its last change.
 */
import type { BigIntStats } from 'node:fs';

/** Longer than any file system's clock tick (FAT's 2 s mtimes are the coarsest). */
export const SETTLE_MS = 3_000;

export function fileStamp(stats: BigIntStats): string {
  return `${stats.size}:${stats.mtimeNs}:${stats.ctimeNs}:${stats.ino}:${stats.dev}`;
}

/** Whether bytes read at `readAt` (ms since the epoch, taken before the stamp) are still those of a file whose stamp is unchanged. */
export function isSettled(stats: BigIntStats, readAt: number): boolean {
  const changed = stats.mtimeMs > stats.ctimeMs ? stats.mtimeMs : stats.ctimeMs;
  return Number(changed) + SETTLE_MS < readAt;
}
