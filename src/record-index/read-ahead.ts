/**
 * The files of a read that the index cannot vouch for by their stamp, read
 * and hashed ahead of their turn when there are parser threads
 * (parser-threads.ts), and — when their bytes are not those the index holds —
 * sent to them at once: a first run parses on a thread while the calling
 * thread writes the index. Without threads (a few changed logs) each file is
 * read at its turn. At most WINDOW files are held ahead, so a first run over
 * ten years of logs holds a few hundred of them, not all their bytes.
 */
import { readLogFileSync, type LogFileContent } from '../files/read-log-file.ts';
import type { LogFile } from '../files/log-files.ts';
import { toPosix } from '../files/to-posix.ts';
import type { ParsedLog } from './log-parser.ts';
import type { ParserThreads } from './parser-threads.ts';
import type { KnownRow } from './record-store.ts';

/** Files read and sent to the threads ahead of their turn. */
const WINDOW = 256;

/** A file read ahead: its bytes, their hash, and its record on the way when its bytes were not the index's. */
export type AheadFile =
  | { content: LogFileContent; digest: string; parsing: Promise<ParsedLog> | null }
  | { error: unknown };

export class ReadAhead {
  readonly #queue: LogFile[];
  readonly #known: ReadonlyMap<string, KnownRow>;
  readonly #threads: ParserThreads | null;
  readonly #digestOf: (bytes: Uint8Array) => string;
  readonly #ready = new Map<string, AheadFile>();
  /** Files read ahead or taken: each is read once. */
  readonly #seen = new Set<string>();
  #next = 0;

  /**
   * @param files the files to read, in the order they will be asked for
   * @param known what the index holds of each file's bytes (a file whose bytes are the same is not parsed)
   * @param threads where to parse; null: each file is read at its turn, and parsed by the caller
   */
  constructor(files: readonly LogFile[], known: ReadonlyMap<string, KnownRow>, threads: ParserThreads | null, digestOf: (bytes: Uint8Array) => string) {
    this.#queue = [...files];
    this.#known = known;
    this.#threads = threads;
    this.#digestOf = digestOf;
    this.#fill();
  }

  /** The file read (now, if it was not yet), and the next ones started. Errors reading it are handed back, to be thrown at its turn. */
  take(file: LogFile): AheadFile {
    let ready = this.#ready.get(file.absolutePath);
    if (ready) this.#ready.delete(file.absolutePath);
    else ready = this.#prepare(file);
    this.#seen.add(file.absolutePath);
    this.#fill();
    return ready;
  }

  /** How many files were read. */
  read = 0;

  #fill(): void {
    // Read ahead only to keep threads parsing: without them each file is read at its turn.
    if (!this.#threads) return;
    while (this.#ready.size < WINDOW && this.#next < this.#queue.length) {
      const file = this.#queue[this.#next++]!;
      if (this.#seen.has(file.absolutePath)) continue;
      this.#seen.add(file.absolutePath);
      this.#ready.set(file.absolutePath, this.#prepare(file));
    }
  }

  #prepare(file: LogFile): AheadFile {
    let content: LogFileContent;
    try {
      content = readLogFileSync(file);
    } catch (error) {
      return { error };
    }
    this.read++;
    const digest = this.#digestOf(content.bytes);
    const source = toPosix(file.displayPath);
    const known = this.#known.get(file.absolutePath);
    const same = known !== undefined && known.source === source && known.digest === digest;
    const parsing = same || !this.#threads ? null : this.#threads.parse({ source, displayPath: file.displayPath, bytes: content.bytes });
    // Awaited at its turn; a record not needed after all (its row turned up) must not be an unhandled rejection.
    parsing?.catch(() => {});
    return { content, digest, parsing };
  }
}
