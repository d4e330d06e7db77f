/**
 * The record index: every log's record, kept on disk between runs and shared
 * by every reader of logs — `nisshi parse`, `check`, `new`, `status`, the
 * site's loader (through lookup/put), and a long-running process such as a
 * language server (log-records.ts). A record is taken from the index only
 * for the very bytes it was read from (a SHA-256 of the file), the same path
 * and the same scope (the parser's code and the settings that change a
 * record, scope.ts); anything else is read again and written back. So a log
 * is parsed once, by whichever command meets its bytes first.
 *
 * Whether a file still holds the bytes hashed: read and hash it, unless its
 * stamp (size, mtime, ctime, inode, device) is the one taken as those bytes
 * were read and its last change was well before that read (file-stamp.ts
 * says why that is safe; it is git's rule). Ten years of logs are then a
 * stat each, not 26 MB to read and hash; a log edited, touched, restored or
 * copied back is read and hashed, and parsed only if its bytes changed.
 *
 * It never gives a wrong answer and never stops a command: a damaged index is
 * thrown away and built again from the logs (said in one line); a folder it
 * cannot write, or no node:sqlite, leaves every log read from its file (said
 * in one line); a write that waits too long for another process is skipped.
 * Private notes are blanked by the parser before a record exists, and records
 * read with private notes kept (`parse --include-private`) never touch it.
 */
import { hash } from 'node:crypto';
import { statSync } from 'node:fs';
import { fileStamp, isSettled } from '../files/file-stamp.ts';
import { readLogFileSync, withEncodingError, type LogFileContent, type LogFileRef } from '../files/read-log-file.ts';
import type { LogFile } from '../files/log-files.ts';
import { toPosix } from '../files/to-posix.ts';
import { messageLanguage, type MessageLanguage, type Messages } from '../record/messages.ts';
import type { ImageCheck, LogImage } from '../parse/images.ts';
import { imageWarnings, withImageCheck } from './image-warnings.ts';
import type { ReadSettings } from '../parse/read-settings.ts';
import { refusedRecord } from '../parse/refused-record.ts';
import type { Diagnostic, LogRecord } from '../record/schema.ts';
import {
  IMAGES_COLUMN,
  columnsOf,
  fieldsOfStored,
  sealed,
  joinRecord,
  recordColumns,
  survivesJson,
  unsealed,
  type Column,
  type FieldChoice,
  type MorningRecord,
  type RecordField,
  type RecordOf,
} from './record-columns.ts';
import { IndexDamage, type KnownRow, type RecordStore, type RowToWrite, type StoredRow } from './record-store.ts';
import { ParserThreads } from './parser-threads.ts';
import { ReadAhead } from './read-ahead.ts';
import { defaultParser, withoutImageWarnings, type LogParser, type ParsedLog } from './log-parser.ts';
import type { RecordIndexOptions } from './open-record-index.ts';

/** A log as the index hands it out: its record (R: whole, some fields, or the morning's slim one), and what it is good for. */
export interface IndexedLog<R = LogRecord> {
  file: LogFile;
  record: R;
  /** A SHA-256 of the file's bytes ('' for a refused file): what the record is good for. */
  digest: string;
  fromIndex: boolean;
}

/** Rows are written in transactions of this many: short ones, so another process never waits long, and a first run has little left to write once the last log is parsed. */
const BATCH = 64;
/** Files whose rows are fetched together (record-store.ts getMany). */
const CHUNK = 256;
/** Reads with fewer files to parse parse them on the calling thread: starting a thread would cost more than it could hide. */
const THREADS_FROM = 64;

/** Rows fetched for a chunk of files, and the index they came from (a damaged one was started again since: not to be used). */
interface Rows {
  found: Map<string, StoredRow>;
  resets: number;
}

/** How the images beside a log are checked (paths in the terms of its record's source, or of `logFile`). */
export type ImageChecker = (file: LogFileRef) => ImageCheck;

export interface ReadOptions {
  /** Check the images beside each log (`missing-image` warnings as the files are now); left out, records carry none. */
  images?: ImageChecker | undefined;
}

/** One read's way of taking records from rows: the columns, the shared texts, the images' check. */
interface Reading {
  columns: readonly Column[];
  pool: Map<string, string>;
  images: ImageChecker | undefined;
}

export class RecordIndex {
  /** How many logs this index parsed and took from the index, and how many files it read (hashed) to know. */
  readonly counts = { parsed: 0, fromIndex: 0, read: 0 };
  #store: RecordStore | null;
  readonly #settings: ReadSettings;
  readonly #includePrivate: boolean;
  readonly #notice: (line: string) => void;
  readonly #say: Messages;
  readonly #language: MessageLanguage;
  #parse: LogParser | null;
  #threads: ParserThreads | null = null;
  #pending: RowToWrite[] = [];
  /** Rows whose bytes were found unchanged under a new stamp. */
  #stamps: Array<{ path: string; digest: string; stamp: string; verified: number }> = [];
  /** Files whose records this run took from the index: after damage they are read again, so the new index is whole. */
  readonly #served: Array<{ ref: LogFileRef; source: string }> = [];
  #damaged = false;
  /** How many times the index was started again after damage (rows fetched before are not used). */
  #resets = 0;
  #unsaved = false;

  constructor(store: RecordStore | null, options: RecordIndexOptions, notice: (line: string) => void, say: Messages) {
    this.#store = store;
    this.#settings = options.settings;
    this.#language = options.settings.messages ?? messageLanguage(options.settings.locale);
    this.#includePrivate = options.includePrivate ?? false;
    this.#notice = notice;
    this.#say = say;
    this.#parse = options.parse ?? null;
  }

  /** The database file, or null when every log is read from its file. */
  get location(): string | null {
    return this.#store?.file ?? null;
  }

  /**
   * Each file's record, in order, one at a time: from the index when it holds
   * this file's bytes, else parsed (and kept). `fields` names the large fields
   * wanted besides the head (record-columns.ts); 'all' for whole records.
   */
  read(files: readonly LogFile[], fields: 'morning', options?: ReadOptions): AsyncGenerator<IndexedLog<MorningRecord>>;
  read<F extends RecordField>(files: readonly LogFile[], fields: readonly ['morning', ...F[]], options?: ReadOptions): AsyncGenerator<IndexedLog<MorningRecord & Pick<LogRecord, F>>>;
  read<F extends RecordField = RecordField>(files: readonly LogFile[], fields?: readonly F[] | 'all', options?: ReadOptions): AsyncGenerator<IndexedLog<RecordOf<F>>>;
  async *read<R>(files: readonly LogFile[], fields: FieldChoice = 'all', options: ReadOptions = {}): AsyncGenerator<IndexedLog<R>> {
    const reading: Reading = { columns: columnsOf(fields), pool: new Map(), images: options.images };
    /** Once many files are to be parsed (a first run, `--no-cache`): one read-ahead over every file left. */
    let wide: ReadAhead | null = null;
    const aheads: ReadAhead[] = [];
    try {
      for (let start = 0; start < files.length; start += CHUNK) {
        const chunk = files.slice(start, start + CHUNK);
        const rows = this.#rows(chunk, reading);
        // The files whose stamps vouch for their rows' bytes; the others are read ahead of their turn (read-ahead.ts).
        const stamped = new Set(chunk.filter((file) => isStamped(file, rows.found)).map((file) => file.absolutePath));
        let ahead = wide;
        if (!ahead) {
          const unvouched = chunk.filter((file) => !file.refusal && !stamped.has(file.absolutePath));
          const threads = this.#threadsFor(unvouched.length);
          if (threads) {
            // Parsed on threads, read ahead across chunks: the threads always have logs to parse while this
            // thread writes what they parsed into the index.
            const rest = files.slice(start + CHUNK);
            const known = new Map<string, KnownRow>([...rows.found, ...this.#known(rest)]);
            const restUnvouched = rest.filter((file) => !file.refusal && !isStamped(file, known));
            ahead = wide = new ReadAhead([...unvouched, ...restUnvouched], known, threads, digestOf);
          } else {
            ahead = new ReadAhead(unvouched, rows.found, null, digestOf);
          }
          aheads.push(ahead);
        }
        for (const file of chunk) yield await this.#readOne<R>(file, rows, reading, stamped, ahead);
      }
    } finally {
      for (const ahead of aheads) this.counts.read += ahead.read;
    }
    await this.flush();
  }

  /** One file of read(): its row (if the index has one for it) already fetched with its chunk's. */
  async #readOne<R>(file: LogFile, rows: Rows, reading: Reading, stamped: ReadonlySet<string>, ahead: ReadAhead): Promise<IndexedLog<R>> {
    const source = toPosix(file.displayPath);
    if (file.refusal) return { file, record: refusedRecord(source, [file.refusal]) as R, digest: '', fromIndex: false };
    const fetched = rows.resets === this.#resets ? rows.found.get(file.absolutePath) : undefined;
    const row = fetched && fetched.source === source ? fetched : null;
    const check = reading.images?.(file);
    // The file's stamp unchanged since its bytes were hashed, long enough after its last change: those bytes still (file-stamp.ts).
    if (row && stamped.has(file.absolutePath)) {
      const kept = this.#decoded<R>(file, source, row, reading, check);
      if (kept) return { file, record: kept, digest: row.digest, fromIndex: true };
    }
    const taken = ahead.take(file);
    if ('error' in taken) throw taken.error;
    const { content, digest } = taken;
    // Not a row of an index found damaged since it was fetched (by this very file, above).
    const usable = row !== null && rows.resets === this.#resets && row.digest === digest;
    const kept = usable ? this.#decoded<R>(file, source, row, reading, check) : null;
    if (kept) {
      // Same bytes under a new stamp (touched, copied back, or read too soon after a change): recognised by the stamp next time.
      this.#restamp(file, digest, content);
      return { file, record: kept, digest, fromIndex: true };
    }
    const parsed = taken.parsing ? withImageCheck(await taken.parsing, source, check, this.#language) : await this.#parsed(content, source, check);
    if (taken.parsing) this.counts.parsed++;
    this.#keep(file, source, digest, content, parsed);
    // A whole record is also every narrower one.
    return { file, record: parsed.record as R, digest, fromIndex: false };
  }

  /** What the index knows of each file's bytes; nothing without an index (or after damage: the index starts again). */
  #known(files: readonly LogFile[]): Map<string, KnownRow> {
    if (!this.#store) return new Map();
    try {
      return this.#store.known(files.filter((file) => !file.refusal).map((file) => file.absolutePath));
    } catch (error) {
      this.#failed(error);
      return new Map();
    }
  }

  /**
   * The parser threads for a read with `count` files to read (not vouched for
   * by their stamps): none when a parser was given (tests that count parses),
   * nor for a few files (the log edited since yesterday, a pre-commit hook's
   * files): a thread's start and its own loading of the parser cost more
   * than parsing them here (status after one edit: 0.65 s on a thread, 0.60 s
   * here, at ten years of 7 KB logs).
   */
  #threadsFor(count: number): ParserThreads | null {
    if (this.#parse || count < THREADS_FROM) return null;
    this.#threads ??= new ParserThreads({ settings: this.#settings, includePrivate: this.#includePrivate });
    return this.#threads;
  }

  /** The rows of a chunk of files, fetched together; none without an index, or after damage (the index starts again). */
  #rows(files: readonly LogFile[], reading: Reading): Rows {
    const rows: Rows = { found: new Map(), resets: this.#resets };
    if (!this.#store) return rows;
    try {
      const paths = files.filter((file) => !file.refusal).map((file) => file.absolutePath);
      rows.found = this.#store.getMany(paths, columnNames(reading));
    } catch (error) {
      this.#failed(error);
    }
    return rows;
  }

  /**
   * The whole record the index holds for a file's content read under
   * `source`, and the images beside it that its text names, or null: the
   * loader's way in, as it reads the files itself. With `images`, the record
   * has its `missing-image` warnings as the images are now.
   */
  lookup(ref: LogFileRef, source: string, content: LogFileContent, images?: ImageCheck): { record: LogRecord; images: LogImage[] } | null {
    const reading: Reading = { columns: columnsOf('all'), pool: new Map(), images: undefined };
    const row = this.#row(ref.absolutePath, source, reading);
    const digest = digestOf(content.bytes);
    if (!row || row.digest !== digest) return null;
    const record = this.#decoded<LogRecord>(ref, source, row, reading, images);
    if (!record) return null;
    if (row.stamp !== content.stamp) this.#restamp(ref, digest, content);
    return { record, images: imagesOf(unsealed({ path: ref.absolutePath, digest: row.digest }, IMAGES_COLUMN, row.columns[IMAGES_COLUMN])) ?? [] };
  }

  /**
   * Keeps a record read elsewhere (the loader's worker threads) for a file's
   * content, with the images its text names: any `missing-image` warning in
   * it is left out, as a reader adds them.
   */
  put(ref: LogFileRef, source: string, content: LogFileContent, record: LogRecord, images: readonly LogImage[]): void {
    this.counts.parsed++;
    this.#keep(ref, source, digestOf(content.bytes), content, { record: withoutImageWarnings(record), images: [...images] });
  }

  /** Writes what is still to be written; after damage, reads again what was taken from the damaged index. */
  async flush(): Promise<void> {
    if (this.#damaged && this.#served.length > 0) {
      for (const { ref, source } of this.#served.splice(0)) {
        let content: LogFileContent;
        try {
          content = readLogFileSync(ref);
        } catch {
          continue; // Gone since: nothing to keep.
        }
        this.#keep(ref, source, digestOf(content.bytes), content, await this.#parsed(content, source, undefined), false);
      }
    }
    this.#write();
  }

  async close(): Promise<void> {
    await this.flush();
    this.#store?.close();
    this.#store = null;
    await this.#threads?.close();
    this.#threads = null;
  }

  /** The row of a file read under `source`, or null (none, another path's reading, or damage: then the index starts again). */
  #row(filePath: string, source: string, reading: Reading): StoredRow | null {
    if (!this.#store) return null;
    try {
      const row = this.#store.get(filePath, [...columnNames(reading), IMAGES_COLUMN]);
      return row && row.source === source ? row : null;
    } catch (error) {
      this.#failed(error);
      return null;
    }
  }

  /** The record of a row, its checksums verified; null when one fails (damage: the index starts again). */
  #decoded<R>(ref: LogFileRef, source: string, row: StoredRow, reading: Reading, check: ImageCheck | undefined): R | null {
    const identity = { path: ref.absolutePath, digest: row.digest };
    const open = (column: string) => unsealed(identity, column, column === 'head' ? row.head : row.columns[column]);
    try {
      const head = open('head');
      if (!head || head.value === null || typeof head.value !== 'object') throw new IndexDamage(this.#say.indexChecksum(source));
      const values = new Map<string, unknown>();
      for (const column of reading.columns) {
        const value = open(column.name);
        if (!value) throw new IndexDamage(this.#say.indexChecksum(source));
        for (const [field, fieldValue] of fieldsOfStored(column, value.value, reading.pool)) values.set(field, fieldValue);
      }
      const record = joinRecord(head.value as Record<string, unknown>, values) as R;
      if (check) {
        const images = imagesOf(open(IMAGES_COLUMN));
        if (images === null) throw new IndexDamage(this.#say.indexChecksum(source));
        // The images beside the log as they are now: the index keeps no `missing-image` warning.
        (record as Pick<LogRecord, 'diagnostics'>).diagnostics.push(...imageWarnings(images, source, check, this.#language));
      }
      this.counts.fromIndex++;
      if (!this.#damaged) this.#served.push({ ref, source });
      return record;
    } catch (error) {
      // Anything but a record from what passed its checksum (a value of the wrong shape) is damage too.
      this.#failed(error instanceof IndexDamage ? error : new IndexDamage(this.#say.indexChecksum(source)));
      return null;
    }
  }

  #restamp(ref: LogFileRef, digest: string, content: LogFileContent): void {
    this.#stamps.push({ path: ref.absolutePath, digest, stamp: content.stamp, verified: content.readAt });
  }

  #keep(ref: LogFileRef, source: string, digest: string, content: LogFileContent, parsed: ParsedLog, flushWhenFull = true): void {
    const record = withoutImageWarnings(parsed.record);
    if (!this.#store || !survivesJson(record)) return;
    const { head, columns } = recordColumns({ path: ref.absolutePath, digest }, record);
    // What `missing-image` is decided on: none for a log whose findings an encoding error stands for.
    const images = record.diagnostics.some((diagnostic) => diagnostic.rule === 'encoding') ? [] : parsed.images;
    columns[IMAGES_COLUMN] = sealed({ path: ref.absolutePath, digest }, IMAGES_COLUMN, images.map(({ url, line, column }) => [url, line, column]));
    this.#pending.push({ path: ref.absolutePath, source, digest, stamp: content.stamp, verified: content.readAt, head, columns });
    if (flushWhenFull && this.#pending.length >= BATCH) this.#write();
  }

  #write(): void {
    const rows = this.#pending.splice(0);
    const stamps = this.#stamps.splice(0);
    if (!this.#store || (rows.length === 0 && stamps.length === 0)) return;
    try {
      if (!this.#store.put(rows) || !this.#store.touch(stamps)) this.#notSaved(this.#say.indexBusy);
      this.#store.sweep();
    } catch (error) {
      this.#failed(error);
      // Written to the new index, which is empty but for them.
      if (this.#store) {
        try {
          this.#store.put(rows);
        } catch (again) {
          this.#failed(again);
        }
      }
    }
  }

  /** Damage: the index starts again and the run goes on from the logs. Anything else: the run goes on without an index. */
  #failed(error: unknown): void {
    const store = this.#store;
    if (!store) return;
    if (error instanceof IndexDamage && !this.#damaged) {
      this.#damaged = true;
      this.#notice(this.#say.indexDamaged(store.file, error.message));
      try {
        this.#resets++;
        store.reset();
        return;
      } catch (again) {
        error = again;
      }
    }
    if (error instanceof IndexDamage) return;
    store.close();
    this.#store = null;
    this.#notSaved(reasonOf(error));
  }

  #notSaved(reason: string): void {
    if (this.#unsaved) return;
    this.#unsaved = true;
    this.#notice(this.#say.indexNotSaved(reason));
  }

  async #parsed(content: LogFileContent, source: string, images: ImageCheck | undefined): Promise<ParsedLog> {
    this.#parse ??= await defaultParser();
    this.counts.parsed++;
    const parsed = this.#parse(content.text, source, this.#settings, this.#includePrivate, images);
    return { record: withEncodingError(parsed.record, content), images: parsed.images };
  }
}

/** Whether the index's row of the file, read under its path, has the stamp the file has now (isUnchanged). */
function isStamped(file: LogFile, rows: ReadonlyMap<string, KnownRow>): boolean {
  if (file.refusal) return false;
  const row = rows.get(file.absolutePath);
  return row !== undefined && row.source === toPosix(file.displayPath) && isUnchanged(file.absolutePath, row);
}

/** Whether the file's stamp says its bytes are those the row was read from (file-stamp.ts); false when it cannot be stat'ed (read it, and say why). */
function isUnchanged(filePath: string, row: KnownRow): boolean {
  if (row.stamp === '') return false;
  try {
    const stats = statSync(filePath, { bigint: true });
    return fileStamp(stats) === row.stamp && isSettled(stats, row.verified);
  } catch {
    return false;
  }
}

/** The images beside a log its text names, from the images column's value (fetched with every row that may need it); null when it failed its checksum. */
function imagesOf(stored: { value: unknown } | undefined): LogImage[] | null {
  if (!stored || !Array.isArray(stored.value)) return null;
  return (stored.value as Array<[string, number, number]>).map(([url, line, column]) => ({ url, line, column }));
}

/** The names of the columns a read fetches: the images too when it checks them. */
function columnNames(reading: Reading): string[] {
  const names = reading.columns.map((column) => column.name);
  return reading.images ? [...names, IMAGES_COLUMN] : names;
}

function digestOf(bytes: Uint8Array): string {
  return hash('sha256', bytes, 'base64url');
}

export function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
