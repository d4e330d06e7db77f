/**
 * The index's database files: one per scope, named by it; made whole before
 * any process can find it; the files of scopes no longer in use removed.
 */
import { linkSync, readdirSync, renameSync, rmSync, statSync, utimesSync } from 'node:fs';
import path from 'node:path';
import { STORED_COLUMNS } from './record-columns.ts';

export type Sqlite = typeof import('node:sqlite');

/** The layout of the database: a file of another format is never read (its name differs). */
export const STORE_FORMAT = 10;

/** A scope's file untouched this long, and not among the newest few, is deleted: the parser or the settings moved on. */
const STALE_SCOPE_MS = 24 * 60 * 60 * 1000;
const KEEP_SCOPES = 3;

const SCHEMA = `
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE entries (
  path TEXT PRIMARY KEY,
  source TEXT NOT NULL,
  digest TEXT NOT NULL,
  stamp TEXT NOT NULL,
  verified INTEGER NOT NULL,
  head BLOB NOT NULL,
  ${STORED_COLUMNS.map((name) => `${name} BLOB NOT NULL`).join(',\n  ')}
);`;

export function storeFile(folder: string, scope: string): string {
  return path.join(folder, `records-v${STORE_FORMAT}-${scope}.db`);
}

/**
 * A new database is made under a name of its own and linked into place only
 * once it holds the schema: a process that finds the file finds a whole
 * index, so a file without one (truncated to nothing, say) is damage.
 */
export function createIfMissing(sqlite: Sqlite, file: string, scope: string): void {
  if (exists(file)) return;
  const temporary = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.new`;
  try {
    const db = new sqlite.DatabaseSync(temporary);
    try {
      // SQLite's largest page: a row (a log's record, 4–40 KB) then sits in one page or two rather than a chain of
      // 4 KB ones, which wrote ten years of logs three times slower and read the morning's columns twice as slowly.
      db.exec('PRAGMA page_size = 65536');
      db.exec('PRAGMA journal_mode = WAL');
      db.exec(SCHEMA);
      const meta = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)');
      meta.run('scope', scope);
      meta.run('swept', String(Date.now()));
    } finally {
      db.close();
    }
    try {
      linkSync(temporary, file);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // Another process made it first: theirs is as good.
      if (code === 'EEXIST') return;
      // A file system without hard links (FAT, some network shares): a rename is atomic too, and at
      // worst replaces another process's empty index just made, whose writes are then lost, not mixed in.
      if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS') throw error;
      if (!exists(file)) renameSync(temporary, file);
    }
  } finally {
    removeDatabase(temporary);
  }
}

export function exists(file: string): boolean {
  try {
    statSync(file);
    return true;
  } catch {
    return false;
  }
}

export function removeDatabase(file: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(file + suffix, { force: true });
}

/**
 * Every scope is a file; a parser edited during development makes a new one
 * each time. Ours is touched; besides it the newest few stay (a second set of
 * settings in use, a build of another branch), and older ones go.
 */
export function removeStaleScopes(folder: string, ours: string): void {
  const now = new Date();
  try {
    utimesSync(ours, now, now);
    const others = readdirSync(folder)
      .filter((name) => /^records-v\d+-[0-9a-f]+\.db$/.test(name) && path.join(folder, name) !== ours)
      .map((name) => ({ file: path.join(folder, name), used: statSync(path.join(folder, name)).mtimeMs }))
      .sort((a, b) => b.used - a.used);
    for (const [rank, other] of others.entries()) {
      if (rank >= KEEP_SCOPES - 1 && now.getTime() - other.used > STALE_SCOPE_MS) removeDatabase(other.file);
    }
  } catch {
    // Tidying is a nicety: a file another process removed first, or a folder being deleted, is no failure.
  }
}
