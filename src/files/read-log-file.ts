/**
 * readLogFileSync: a log file's bytes and text, the one way `nisshi` commands, the
 * site's loader and the record index read a log. A link out of the logs folder
 * is not read at all (its refusal is handed back); bytes that are not UTF-8
 * are decoded lossily with an `encoding` error (decodeLog), which then stands
 * for all the record's findings (withEncodingError).
 */
import { closeSync, fstatSync, openSync, readFileSync } from 'node:fs';
import { fileStamp } from './file-stamp.ts';
import type { Diagnostic } from '../record/schema.ts';
import { decodeLog, type DecodedLog } from './decode-log.ts';
import { LogPathError, type LogFile } from './log-files.ts';

/** What a reader needs to know of a log file: where it is, how to name it, and whether to read it at all. */
export type LogFileRef = Pick<LogFile, 'absolutePath' | 'displayPath' | 'refusal'>;

/**
 * A log file as read. The bytes are decoded when the text is first asked for:
 * a log whose record the index holds is hashed, never decoded.
 */
export class LogFileContent {
  /** The file's bytes, what the record index keys a record by; empty when the file was refused. */
  readonly bytes: Uint8Array;
  /** Set for a link out of the logs folder: nothing was read, report this instead. */
  readonly refusal: Diagnostic | null;
  /** The file's stamp (file-stamp.ts) as it was opened, before its bytes were read; '' when refused. */
  readonly stamp: string;
  /** When the file was opened (ms since the epoch), before its stamp was taken. */
  readonly readAt: number;
  readonly #displayPath: string;
  #decoded: DecodedLog | null = null;

  constructor(bytes: Uint8Array, displayPath: string, refusal: Diagnostic | null = null, stamp = '', readAt = 0) {
    this.bytes = bytes;
    this.#displayPath = displayPath;
    this.refusal = refusal;
    this.stamp = stamp;
    this.readAt = readAt;
  }

  /** The decoded text (a leading BOM dropped); a lossy decoding when the bytes are not UTF-8. */
  get text(): string {
    return this.#decode().text;
  }

  /** Set when the bytes are not UTF-8. */
  get encodingError(): Diagnostic | null {
    return this.#decode().encodingError;
  }

  #decode(): DecodedLog {
    this.#decoded ??= this.refusal ? { text: '', encodingError: null } : decodeLog(this.bytes, this.#displayPath);
    return this.#decoded;
  }
}

/**
 * Read synchronously, by the CLI, the record index and the site's loader alike: a
 * 1 KB log's open/stat/read/close through the thread pool cost about as much as
 * parsing it; a blocking read costs a tenth of that (the loader's worker threads
 * parse meanwhile).
 */
export function readLogFileSync(file: LogFileRef): LogFileContent {
  if (file.refusal) return refused(file, file.refusal);
  const readAt = Date.now();
  try {
    const fd = openSync(file.absolutePath, 'r');
    try {
      // Stamped before the bytes are read: a write in between leaves a stamp that no longer matches.
      const stamp = fileStamp(fstatSync(fd, { bigint: true }));
      return new LogFileContent(readFileSync(fd), file.displayPath, null, stamp, readAt);
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    throw unreadable(file, error);
  }
}

/**
 * What the parser says about mojibake is noise: the encoding is what to fix
 * first, so its error replaces the record's findings (`check`, the build and
 * the record index alike).
 */
export function withEncodingError<T extends { diagnostics: Diagnostic[] }>(record: T, content: Pick<LogFileContent, 'encodingError'>): T {
  if (content.encodingError) record.diagnostics = [content.encodingError];
  return record;
}

function refused(file: LogFileRef, refusal: Diagnostic): LogFileContent {
  return new LogFileContent(new Uint8Array(0), file.displayPath, refusal);
}

function unreadable(file: LogFileRef, error: unknown): LogPathError {
  const reason = (error as Error).message;
  return new LogPathError(`cannot read ${file.displayPath}: ${reason}`, { kind: 'unreadable', path: file.displayPath, reason });
}
