/**
 * The records of a folder of logs, kept current by a long-running process (a
 * language server, a watcher): refresh() when files change, records() in
 * between, and what is worked out across the logs (problem threads, plan
 * chains, streaks) memoised until the next change. Built on the record index,
 * so a server starting in the morning takes what `nisshi check` read, and
 * what it reads is there for the next command.
 */
import { lstat, realpath } from 'node:fs/promises';
import path from 'node:path';
import { findLogFiles, isLogPath, LogPathError, type LogFile } from '../files/log-files.ts';
import { judgeLink } from '../files/log-links.ts';
import type { LogRecord } from '../record/schema.ts';
import type { ReadSettings } from '../parse/read-settings.ts';
import { cacheFolder } from './cache-folder.ts';
import { openRecordIndex } from './open-record-index.ts';
import { narrowRecord, type FieldChoice } from './record-columns.ts';
import type { IndexedLog, RecordIndex } from './record-index.ts';

export interface LogRecordsOptions {
  /** The logs folder, as `nisshi check` is given it (relative to cwd, or absolute). */
  folder: string;
  cwd: string;
  /** The site's settings: what the records are read with. */
  settings: ReadSettings;
  /** The index's one-line notices (a language server shows them to the writer). */
  notice?: (line: string) => void;
  /** The fields read of each record (record-columns.ts): whole records by default; a server that needs less keeps less. */
  fields?: FieldChoice;
}

/**
 * The records of a logs folder for a long-running process, from the record
 * index of the project (cache-folder.ts) that the commands and the build share.
 */
export async function openLogRecords<R = LogRecord>(options: LogRecordsOptions): Promise<LogRecords<R>> {
  const index = await openRecordIndex({ folder: cacheFolder(options.cwd), settings: options.settings, notice: options.notice });
  return LogRecords.open<R>(index, options.folder, options.cwd, options.fields);
}

/** R: the record as read with the fields chosen (whole records by default). */
export class LogRecords<R = LogRecord> {
  readonly #index: RecordIndex;
  readonly #folder: string;
  readonly #cwd: string;
  readonly #fields: FieldChoice;
  /** By absolute path, in the folder's order. */
  #logs = new Map<string, IndexedLog<R>>();
  #generation = 0;
  readonly #memo = new Map<string, { generation: number; value: unknown }>();

  private constructor(index: RecordIndex, folder: string, cwd: string, fields: FieldChoice) {
    this.#index = index;
    this.#folder = folder;
    this.#cwd = cwd;
    this.#fields = fields;
  }

  /** The records of every log below `folder` (as `nisshi check folder` finds them, relative to `cwd`). */
  static async open<R = LogRecord>(index: RecordIndex, folder: string, cwd: string, fields: FieldChoice = 'all'): Promise<LogRecords<R>> {
    const records = new LogRecords<R>(index, folder, cwd, fields);
    await records.refresh();
    return records;
  }

  /** Goes up by one whenever a record is added, changed or removed. */
  get generation(): number {
    return this.#generation;
  }

  /** Every log's record, in path order. */
  records(): ReadonlyArray<IndexedLog<R>> {
    return [...this.#logs.values()];
  }

  /**
   * Reads again the files named (absolute or relative to cwd), or the whole
   * folder when none are: a changed file's record is replaced, a new one
   * added, a deleted one dropped. True when anything changed.
   */
  async refresh(changed?: readonly string[]): Promise<boolean> {
    const before = this.#generation;
    if (changed === undefined) {
      const files = await this.#list();
      const next = new Map<string, IndexedLog<R>>();
      for await (const log of this.#read(files)) next.set(log.file.absolutePath, log);
      const same = next.size === this.#logs.size && [...next].every(([key, log]) => this.#logs.get(key)?.digest === log.digest);
      if (!same) this.#generation++;
      this.#logs = next;
      return !same;
    }
    const baseDir = path.resolve(this.#cwd, this.#folder);
    let reordered = false;
    for (const name of changed) {
      const absolutePath = path.resolve(this.#cwd, name);
      if (!isLogPath(absolutePath, baseDir)) continue;
      const file = await this.#judged(absolutePath, baseDir);
      const old = this.#logs.get(absolutePath);
      if (!file) {
        if (old && this.#logs.delete(absolutePath)) this.#generation++;
        continue;
      }
      for await (const log of this.#read([file])) {
        if (old?.digest === log.digest) continue;
        if (!old) reordered = true;
        this.#logs.set(absolutePath, log);
        this.#generation++;
      }
    }
    // A new file goes where the folder's order puts it.
    if (reordered) this.#logs = new Map([...this.#logs].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    return this.#generation !== before;
  }

  /** Writes what the index has still to write and lets it go. */
  close(): Promise<void> {
    return this.#index.close();
  }

  /** `compute` over the records, done again only after they changed. */
  memo<T>(name: string, compute: (records: ReadonlyArray<IndexedLog<R>>) => T): T {
    const kept = this.#memo.get(name);
    if (kept && kept.generation === this.#generation) return kept.value as T;
    const value = compute(this.records());
    this.#memo.set(name, { generation: this.#generation, value });
    return value;
  }

  /** The files' records with the fields chosen; a record just parsed is whole, and is cut down to them. */
  async *#read(files: readonly LogFile[]): AsyncGenerator<IndexedLog<R>> {
    for await (const log of this.#index.read(files, this.#fields as 'all')) {
      yield (log.fromIndex || this.#fields === 'all' ? log : { ...log, record: narrowRecord(log.record, this.#fields) }) as IndexedLog<R>;
    }
  }

  /** The file as the folder's walk would list it (a link out of the folder refused), or null when it is no log file now. */
  async #judged(absolutePath: string, baseDir: string): Promise<LogFile | null> {
    const found = await lstat(absolutePath).catch(() => null);
    const file: LogFile = { absolutePath, displayPath: path.join(this.#folder, path.relative(baseDir, absolutePath)) };
    if (found?.isFile()) return file;
    if (!found?.isSymbolicLink()) return null;
    const verdict = await judgeLink(absolutePath, await realpath(baseDir));
    if (verdict.kind === 'not-a-file') return null;
    return verdict.kind === 'outside' ? { ...file, refusal: verdict.diagnostic } : file;
  }

  async #list(): Promise<LogFile[]> {
    try {
      return await findLogFiles([this.#folder], this.#cwd);
    } catch (error) {
      // A folder not made yet has no logs; the next refresh finds it.
      if (error instanceof LogPathError) return [];
      throw error;
    }
  }
}
