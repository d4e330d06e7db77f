/**
 * The record index on disk: one SQLite database per scope (the parser's code,
 * the settings that change a record), through node:sqlite, which Node 24 has
 * built in. SQLite gives what a cache shared by several processes needs
 * without code of our own: a write is a transaction, so no reader ever sees a
 * half-written entry, and two writers (a build and `nisshi status`) take turns
 * (WAL: readers never wait for a writer). A row is one log file, keyed by its
 * absolute path; what it holds is only good for the bytes (digest) and the
 * path it was read under (source), which the caller compares.
 *
 * Damage is looked for where it would matter: a database SQLite cannot read
 * (truncated, overwritten) fails as it is opened or read, and every stored
 * text carries a CRC (record-columns.ts). Either way the caller is told by an
 * IndexDamage, and starts the file again (reset()).
 */
import { mkdirSync } from 'node:fs';
import type { DatabaseSync, StatementSync } from 'node:sqlite';
import { STORED_COLUMNS } from './record-columns.ts';
import { createIfMissing, exists, removeDatabase, removeStaleScopes, storeFile, type Sqlite } from './store-files.ts';

/** The index could not be trusted: what SQLite or a checksum said. */
export class IndexDamage extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'IndexDamage';
  }
}

/** What a row says of the bytes it was read from. */
export interface KnownRow {
  source: string;
  digest: string;
  /** The file's stamp when its bytes were read (file-stamp.ts); '' when unknown. */
  stamp: string;
  /** When those bytes were read, ms since the epoch. */
  verified: number;
}

export interface StoredRow extends KnownRow {
  /** The sealed head and columns (record-columns.ts): checked and decoded by the caller. */
  head: Uint8Array;
  /** The columns asked for, by name (and, read, the row's other fields too). */
  columns: Readonly<Record<string, Uint8Array>>;
}

export interface RowToWrite extends StoredRow {
  path: string;
}

/** Files asked for in one statement (SQLite allows 32,766 parameters). */
const MANY_AT_ONCE = 256;

/** How long a write waits for another process's write to finish before giving up (the records are still right, only not kept). */
const BUSY_TIMEOUT_MS = 15_000;
/** Rows of files that are gone are deleted at most this often. */
const SWEEP_EVERY_MS = 24 * 60 * 60 * 1000;


export class RecordStore {
  readonly file: string;
  readonly #scope: string;
  readonly #sqlite: Sqlite;
  #db: DatabaseSync;
  readonly #reads = new Map<string, StatementSync>();
  #write: StatementSync | null = null;

  private constructor(sqlite: Sqlite, file: string, scope: string) {
    this.#sqlite = sqlite;
    this.file = file;
    this.#scope = scope;
    this.#db = openChecked(sqlite, file, scope);
  }

  /**
   * Opens (making it if need be) the database of `scope` in `folder`. Throws
   * IndexDamage when the file is there but not a sound index of this scope;
   * any other error (no node:sqlite, a folder that cannot be written) is
   * thrown as it is.
   */
  static async open(folder: string, scope: string): Promise<RecordStore> {
    const sqlite = await import('node:sqlite');
    mkdirSync(folder, { recursive: true });
    const file = storeFile(folder, scope);
    createIfMissing(sqlite, file, scope);
    const store = new RecordStore(sqlite, file, scope);
    removeStaleScopes(folder, file);
    return store;
  }

  /** Throws away whatever is in the place of the scope's database, and opens a new one. */
  static async openAfresh(folder: string, scope: string): Promise<RecordStore> {
    removeDatabase(storeFile(folder, scope));
    return RecordStore.open(folder, scope);
  }

  /** The row of a file with its head and the named columns; undefined when there is none. */
  get(filePath: string, columns: readonly string[]): StoredRow | undefined {
    return this.getMany([filePath], columns).get(filePath);
  }

  /**
   * The rows of several files, by path (none for a file the index does not
   * hold): one statement for up to MANY_AT_ONCE files, which costs a tenth of
   * as many statements of one.
   */
  getMany(filePaths: readonly string[], columns: readonly string[]): Map<string, StoredRow> {
    const found = new Map<string, StoredRow>();
    for (let start = 0; start < filePaths.length; start += MANY_AT_ONCE) {
      const some = filePaths.slice(start, start + MANY_AT_ONCE);
      const statement = this.#select(columns, some.length);
      for (const row of this.#guard(() => statement.all(...some)) as Array<Record<string, unknown>>) {
        // The row SQLite made holds the columns by name already: not copied (ten years of rows, read every morning).
        const stored: StoredRow = {
          source: String(row.source),
          digest: String(row.digest),
          stamp: String(row.stamp),
          verified: Number(row.verified),
          head: row.head as Uint8Array,
          columns: row as Record<string, Uint8Array>,
        };
        found.set(String(row.path), stored);
      }
    }
    return found;
  }

  /** What the index knows of each file's bytes (no values), by path: one light statement per MANY_AT_ONCE files. */
  known(filePaths: readonly string[]): Map<string, KnownRow> {
    const found = new Map<string, KnownRow>();
    for (let start = 0; start < filePaths.length; start += MANY_AT_ONCE) {
      const some = filePaths.slice(start, start + MANY_AT_ONCE);
      const key = `known/${some.length}`;
      let statement = this.#reads.get(key);
      if (!statement) {
        const places = Array.from({ length: some.length }, () => '?').join(', ');
        statement = this.#guard(() => this.#db.prepare(`SELECT path, source, digest, stamp, verified FROM entries WHERE path IN (${places})`));
        this.#reads.set(key, statement);
      }
      for (const row of this.#guard(() => statement.all(...some)) as Array<Record<string, unknown>>) {
        found.set(String(row.path), { source: String(row.source), digest: String(row.digest), stamp: String(row.stamp), verified: Number(row.verified) });
      }
    }
    return found;
  }

  #select(columns: readonly string[], count: number): StatementSync {
    const key = `${columns.join(',')}/${count}`;
    let statement = this.#reads.get(key);
    if (!statement) {
      const wanted = columns.map((column) => `, ${column}`).join('');
      const places = Array.from({ length: count }, () => '?').join(', ');
      statement = this.#guard(() => this.#db.prepare(`SELECT path, source, digest, stamp, verified, head${wanted} FROM entries WHERE path IN (${places})`));
      this.#reads.set(key, statement);
    }
    return statement;
  }

  /** Writes the rows in one transaction; false (nothing written) when another process held the index too long. */
  put(rows: readonly RowToWrite[]): boolean {
    if (rows.length === 0) return true;
    this.#write ??= this.#guard(() =>
      this.#db.prepare(
        `INSERT OR REPLACE INTO entries (path, source, digest, stamp, verified, head, ${STORED_COLUMNS.join(', ')}) VALUES (?, ?, ?, ?, ?, ?, ${STORED_COLUMNS.map(() => '?').join(', ')})`,
      ),
    );
    const write = this.#write;
    return this.#transaction(() => {
      for (const row of rows) write.run(row.path, row.source, row.digest, row.stamp, row.verified, row.head, ...STORED_COLUMNS.map((name) => row.columns[name]!));
    });
  }

  /** Records that rows' bytes were found unchanged under a new stamp (the record stays; only how it is recognised moves on). */
  touch(rows: ReadonlyArray<{ path: string; digest: string; stamp: string; verified: number }>): boolean {
    if (rows.length === 0) return true;
    const update = this.#guard(() => this.#db.prepare('UPDATE entries SET stamp = ?, verified = ? WHERE path = ? AND digest = ?'));
    return this.#transaction(() => {
      for (const row of rows) update.run(row.stamp, row.verified, row.path, row.digest);
    });
  }

  /** Deletes the rows of files that no longer exist, once a day: renamed and deleted logs, test folders long gone. */
  sweep(now = Date.now()): void {
    const last = Number(this.#guard(() => this.#db.prepare(`SELECT value FROM meta WHERE key = 'swept'`).get())?.value ?? 0);
    if (now - last < SWEEP_EVERY_MS) return;
    const paths = this.#guard(() => this.#db.prepare('SELECT path FROM entries').all()).map((row) => String(row.path));
    const gone = paths.filter((filePath) => !exists(filePath));
    const remove = this.#guard(() => this.#db.prepare('DELETE FROM entries WHERE path = ?'));
    const mark = this.#guard(() => this.#db.prepare(`INSERT OR REPLACE INTO meta (key, value) VALUES ('swept', ?)`));
    this.#transaction(() => {
      for (const filePath of gone) remove.run(filePath);
      mark.run(String(now));
    });
  }

  /** Throws the damaged file away and starts an empty one in its place. */
  reset(): void {
    this.close();
    removeDatabase(this.file);
    createIfMissing(this.#sqlite, this.file, this.#scope);
    this.#db = openChecked(this.#sqlite, this.file, this.#scope);
  }

  close(): void {
    this.#reads.clear();
    this.#write = null;
    try {
      this.#db.close();
    } catch {
      // Already closed.
    }
  }

  /** Runs `work` in a write transaction; false when the lock could not be had in time. */
  #transaction(work: () => void): boolean {
    try {
      this.#db.exec('BEGIN IMMEDIATE');
    } catch (error) {
      if (isBusy(error)) return false;
      throw asDamage(error);
    }
    try {
      work();
      this.#db.exec('COMMIT');
      return true;
    } catch (error) {
      try {
        this.#db.exec('ROLLBACK');
      } catch {
        // The transaction is gone already.
      }
      if (isBusy(error)) return false;
      throw asDamage(error);
    }
  }

  #guard<T>(work: () => T): T {
    try {
      return work();
    } catch (error) {
      throw asDamage(error);
    }
  }
}

function openChecked(sqlite: Sqlite, file: string, scope: string): DatabaseSync {
  let db: DatabaseSync;
  try {
    db = new sqlite.DatabaseSync(file);
  } catch (error) {
    throw asDamage(error);
  }
  try {
    db.exec(`PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}`);
    // Commits survive a crash of the process; a power cut may lose the last ones, never corrupt (WAL).
    db.exec('PRAGMA synchronous = NORMAL');
    // The log of writes is copied into the database every 2 MB (32 pages of 64 KB) rather than SQLite's 64 MB:
    // a first run copies it while the parser threads are busy, not all at once as the command closes the index.
    db.exec('PRAGMA wal_autocheckpoint = 32');
    const found = db.prepare(`SELECT value FROM meta WHERE key = 'scope'`).get();
    if (found?.value !== scope) throw new IndexDamage(found ? 'it belongs to another scope' : 'it has no scope');
    // Tables, not only the file: a file of the right name without them is not an index.
    db.prepare('SELECT path FROM entries LIMIT 1').get();
    return db;
  } catch (error) {
    try {
      db.close();
    } catch {
      // Nothing to close.
    }
    throw asDamage(error);
  }
}

/** SQLite's word for a file it cannot read as a database (11 SQLITE_CORRUPT, 26 SQLITE_NOTADB, a missing table …): damage to start again from. */
function asDamage(error: unknown): Error {
  if (error instanceof IndexDamage) return error;
  const code = (error as { code?: string }).code;
  const errcode = (error as { errcode?: number }).errcode;
  // Out of disk, a folder that became read-only: not damage, and starting again would not help.
  if (code === 'ERR_SQLITE_ERROR' && errcode !== undefined && ![8, 10, 13, 14].includes(errcode & 0xff)) {
    return new IndexDamage((error as Error).message);
  }
  return error as Error;
}

function isBusy(error: unknown): boolean {
  const errcode = (error as { errcode?: number }).errcode;
  return errcode !== undefined && [5, 6].includes(errcode & 0xff);
}
