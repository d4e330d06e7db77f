/**
 * Parsing open logs on a thread of their own (parse-worker.ts), so a large
 * log never holds up a hover, and the parser loads while the record index is
 * read. When the thread cannot be had, or dies, the same parser runs here.
 */
import { Worker } from 'node:worker_threads';
import { imageChecker } from '../files/image-checker.ts';
import { LogFileContent, withEncodingError } from '../files/read-log-file.ts';
import { toPosix } from '../files/to-posix.ts';
import type { ReadSettings } from '../parse/read-settings.ts';
import type { LogRecord } from '../record/schema.ts';
import { defaultParser, type LogParser } from '../record-index/log-parser.ts';

export interface ParserSetup {
  settings: ReadSettings;
  logsDir: string;
  cwd: string;
}

export interface ParseRequest {
  id: number;
  absolutePath: string;
  displayPath: string;
  bytes: Uint8Array;
}

export type ParseReply = { id: number; record: LogRecord } | { id: number; error: string };

export class LogParserThread {
  readonly #setup: ParserSetup;
  #worker: Worker | null = null;
  #next = 0;
  readonly #waiting = new Map<number, { resolve: (record: LogRecord) => void; reject: (error: Error) => void }>();
  #local: LogParser | null = null;

  constructor(setup: ParserSetup, log?: (line: string) => void) {
    this.#setup = setup;
    try {
      const worker = new Worker(new URL('./parse-worker.ts', import.meta.url), { workerData: setup });
      worker.on('message', (reply: ParseReply | { ready: true }) => {
        if ('ready' in reply) return;
        const waiting = this.#waiting.get(reply.id);
        this.#waiting.delete(reply.id);
        if ('record' in reply) waiting?.resolve(reply.record);
        else waiting?.reject(new Error(reply.error));
      });
      const fail = (reason: string) => {
        log?.(`nisshi lsp: the parser thread stopped (${reason}); parsing on the main thread`);
        this.#worker = null;
        for (const [id, waiting] of this.#waiting) void this.#parseHere(id, waiting);
      };
      worker.on('error', (error) => fail(error.message));
      worker.on('exit', (code) => this.#worker && fail(`exit ${code}`));
      worker.unref();
      this.#worker = worker;
    } catch (error) {
      log?.(`nisshi lsp: no parser thread (${(error as Error).message}); parsing on the main thread`);
    }
    // Requests sent before the thread is ready wait in its queue; the parser loads there meanwhile.
  }

  /** The record of a log's bytes as `check` reads them. */
  parse(absolutePath: string, displayPath: string, bytes: Uint8Array): Promise<LogRecord> {
    const id = this.#next++;
    return new Promise((resolve, reject) => {
      const waiting = { resolve, reject };
      if (!this.#worker) {
        void this.#parseHere(id, waiting, { id, absolutePath, displayPath, bytes });
        return;
      }
      this.#waiting.set(id, waiting);
      this.#requests.set(id, { id, absolutePath, displayPath, bytes });
      this.#worker.postMessage({ id, absolutePath, displayPath, bytes });
    }).finally(() => this.#requests.delete(id)) as Promise<LogRecord>;
  }

  readonly #requests = new Map<number, ParseRequest>();

  async #parseHere(id: number, waiting: { resolve: (record: LogRecord) => void; reject: (error: Error) => void }, request = this.#requests.get(id)): Promise<void> {
    this.#waiting.delete(id);
    if (!request) return waiting.reject(new Error('the parse request was lost'));
    try {
      this.#local ??= await defaultParser();
      const content = new LogFileContent(request.bytes, request.displayPath);
      const images = imageChecker(this.#setup.logsDir, this.#setup.cwd)({ absolutePath: request.absolutePath, displayPath: request.displayPath });
      const parsed = this.#local(content.text, toPosix(request.displayPath), this.#setup.settings, false, images);
      waiting.resolve(withEncodingError(parsed.record, content));
    } catch (error) {
      waiting.reject(error as Error);
    }
  }

  async close(): Promise<void> {
    const worker = this.#worker;
    this.#worker = null;
    await worker?.terminate();
  }
}
