/**
 * Parsing logs on threads of their own (parser-worker.ts), for the record
 * index and the language server. Two things are bought with them:
 *
 * - after an edit, the parser's modules (unified, Sätteri, the extractors:
 *   about 0.2 s to load) load on a thread while this one reads every other
 *   log's record from the index, so a morning command pays for neither twice;
 * - with many logs to parse (a first run, `--no-cache`), the parsing runs
 *   beside the thread that answers and writes the index, so writing the index
 *   costs the first run no extra time where a core is free.
 *
 * A log parsed here is parsed exactly as on the calling thread: the same
 * parser (log-parser.ts), the images beside it listed but not checked (the
 * caller checks them as for a record from the index), an `encoding` error for
 * bytes that are not UTF-8. When a thread cannot be had, or dies, the calling
 * thread parses what it was asked, with the same code.
 */
import os from 'node:os';
import { LogFileContent, withEncodingError } from '../files/read-log-file.ts';
import type { ReadSettings } from '../parse/read-settings.ts';
import { ThreadPool } from '../threads/thread-pool.ts';
import { defaultParser, type LogParser, type ParsedLog } from './log-parser.ts';

export interface ParseRequest {
  /** The log's path as its record names it (its `source`). */
  source: string;
  /** How the file is named to the writer (what an `encoding` error names). */
  displayPath: string;
  bytes: Uint8Array;
}

export interface ParserSetup {
  settings: ReadSettings;
  includePrivate: boolean;
}

/** Threads besides the calling one: one core is left to it (it reads the index and writes what was parsed). */
export function parserThreadCount(): number {
  return Math.max(1, os.availableParallelism() - 1);
}

export class ParserThreads {
  readonly #pool: ThreadPool<ParseRequest, ParsedLog>;
  #local: Promise<LogParser> | null = null;

  /** No thread starts until a log is to be parsed; at most `most` start, each as the others all have work. */
  constructor(setup: ParserSetup, most = parserThreadCount(), log?: (line: string) => void) {
    this.#pool = new ThreadPool({
      script: new URL('./parser-worker.ts', import.meta.url),
      workerData: setup,
      threads: most,
      // Held while it has work: a command awaiting a record must not end for want of anything else to wait on;
      // idle, a command that has its answer does not wait for the thread to stop.
      whenIdle: 'unref',
      here: async (request) => parseBytes(await (this.#local ??= defaultParser()), request, setup),
      onFallback: (reason) => log?.(`${reason}; parsing on the main thread`),
      closedMessage: 'the parser threads were closed',
    });
  }

  /** The record of a log's bytes (no `missing-image` warnings: the caller checks the images listed). */
  parse(request: ParseRequest): Promise<ParsedLog> {
    return this.#pool.run(request);
  }

  /** Starts a thread now, so the parser loads there before a log is to be parsed (a language server as it starts). */
  warm(): void {
    this.#pool.warm();
  }

  /** Stops the threads; what they were still asked is refused (nobody is left to want it). */
  close(): Promise<void> {
    return this.#pool.close();
  }
}

/** What a thread does with a request, and the calling thread when there is none. */
export function parseBytes(parse: LogParser, request: ParseRequest, setup: ParserSetup): ParsedLog {
  const content = new LogFileContent(request.bytes, request.displayPath);
  const parsed = parse(content.text, request.source, setup.settings, setup.includePrivate, undefined);
  return { record: withEncodingError(parsed.record, content), images: parsed.images };
}
