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
import { Worker } from 'node:worker_threads';
import { LogFileContent, withEncodingError } from '../files/read-log-file.ts';
import type { ReadSettings } from '../parse/read-settings.ts';
import { defaultParser, type LogParser, type ParsedLog } from './log-parser.ts';

export interface ParseRequest {
  /** The log's path as its record names it (its `source`). */
  source: string;
  /** How the file is named to the writer (what an `encoding` error names). */
  displayPath: string;
  bytes: Uint8Array;
}

interface ThreadRequest extends ParseRequest {
  id: number;
}

export type ThreadReply = { id: number; parsed: ParsedLog } | { id: number; error: string };

export interface ParserSetup {
  settings: ReadSettings;
  includePrivate: boolean;
}

/** Threads besides the calling one: one core is left to it (it reads the index and writes what was parsed). */
export function parserThreadCount(): number {
  return Math.max(1, os.availableParallelism() - 1);
}

interface Waiting {
  request: ThreadRequest;
  resolve: (parsed: ParsedLog) => void;
  reject: (error: Error) => void;
}

interface Thread {
  worker: Worker;
  /** Requests sent to it and not answered, by id. */
  waiting: Map<number, Waiting>;
}

export class ParserThreads {
  readonly #setup: ParserSetup;
  readonly #most: number;
  readonly #log: ((line: string) => void) | undefined;
  readonly #threads: Thread[] = [];
  #next = 0;
  #failed = false;
  #closed = false;
  #local: Promise<LogParser> | null = null;

  /** No thread starts until a log is to be parsed; at most `most` start. */
  constructor(setup: ParserSetup, most = parserThreadCount(), log?: (line: string) => void) {
    this.#setup = setup;
    this.#most = Math.max(1, most);
    this.#log = log;
  }

  /** The record of a log's bytes (no `missing-image` warnings: the caller checks the images listed). */
  parse(request: ParseRequest): Promise<ParsedLog> {
    const thread = this.#thread();
    if (!thread) return this.#parseHere(request);
    const id = this.#next++;
    return new Promise((resolve, reject) => {
      const sent: ThreadRequest = { ...request, id };
      thread.waiting.set(id, { request: sent, resolve, reject });
      // Held while it has work: a command awaiting a record must not end for want of anything else to wait on.
      if (thread.waiting.size === 1) thread.worker.ref();
      thread.worker.postMessage(sent);
    });
  }

  /** Starts a thread now, so the parser loads there before a log is to be parsed (a language server as it starts). */
  warm(): void {
    if (this.#threads.length === 0 && !this.#failed && !this.#closed) this.#start();
  }

  /** Stops the threads; what they were still asked is refused (nobody is left to want it). */
  async close(): Promise<void> {
    this.#closed = true;
    const threads = this.#threads.splice(0);
    for (const thread of threads) {
      for (const waiting of thread.waiting.values()) waiting.reject(new Error('the parser threads were closed'));
      thread.waiting.clear();
    }
    await Promise.all(threads.map((thread) => thread.worker.terminate()));
  }

  /** The least busy thread, a new one while fewer than `most` run and every one is busy; null without threads. */
  #thread(): Thread | null {
    if (this.#failed || this.#closed) return null;
    const idle = this.#threads.find((thread) => thread.waiting.size === 0);
    if (idle) return idle;
    if (this.#threads.length < this.#most) {
      const started = this.#start();
      if (started) return started;
    }
    if (this.#threads.length === 0) return null;
    return this.#threads.reduce((least, thread) => (thread.waiting.size < least.waiting.size ? thread : least));
  }

  #start(): Thread | null {
    let worker: Worker;
    try {
      worker = new Worker(new URL('./parser-worker.ts', import.meta.url), { workerData: this.#setup });
    } catch (error) {
      this.#fail(`no parser thread (${(error as Error).message})`);
      return null;
    }
    const thread: Thread = { worker, waiting: new Map() };
    worker.on('message', (reply: ThreadReply) => {
      const waiting = thread.waiting.get(reply.id);
      thread.waiting.delete(reply.id);
      // Idle: a command that has its answer does not wait for the thread to stop.
      if (thread.waiting.size === 0) thread.worker.unref();
      if ('parsed' in reply) waiting?.resolve(reply.parsed);
      else waiting?.reject(new Error(reply.error));
    });
    const stopped = (reason: string) => {
      const at = this.#threads.indexOf(thread);
      if (at === -1) return;
      this.#threads.splice(at, 1);
      this.#fail(`a parser thread stopped (${reason})`);
      for (const waiting of thread.waiting.values()) this.#parseHere(waiting.request).then(waiting.resolve, waiting.reject);
      thread.waiting.clear();
    };
    worker.on('error', (error) => stopped(error.message));
    worker.on('exit', (code) => stopped(`exit ${code}`));
    worker.unref();
    this.#threads.push(thread);
    return thread;
  }

  /** Threads are not tried again after one failed: the rest is parsed here. */
  #fail(line: string): void {
    if (!this.#failed) this.#log?.(`${line}; parsing on the main thread`);
    this.#failed = true;
  }

  async #parseHere(request: ParseRequest): Promise<ParsedLog> {
    this.#local ??= defaultParser();
    return parseBytes(await this.#local, request, this.#setup);
  }
}

/** What a thread does with a request, and the calling thread when there is none. */
export function parseBytes(parse: LogParser, request: ParseRequest, setup: ParserSetup): ParsedLog {
  const content = new LogFileContent(request.bytes, request.displayPath);
  const parsed = parse(content.text, request.source, setup.settings, setup.includePrivate, undefined);
  return { record: withEncodingError(parsed.record, content), images: parsed.images };
}
