/**
 * Parsing and rendering on worker threads. Both are pure CPU work (remark,
 * highlight.js), so a build with thousands of logs is as many times faster as
 * there are cores, while the main thread only reads files and fills the store.
 *
 * If a worker cannot start or dies (say, nisshi installed under node_modules,
 * where Node will not run TypeScript), the pool falls back to the main thread:
 * slower, never wrong.
 */
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { LogTask } from './log-worker.ts';
import { processLog, type ProcessedLog, type ProcessOptions } from './process-log.ts';

interface Pending {
  task: LogTask;
  resolve(result: ProcessedLog): void;
}

/** Below this many logs, starting workers (each loads remark and highlight.js) costs more than it saves. */
export const MIN_LOGS_FOR_WORKERS = 64;

/**
 * On a rebuild (the store already holds the logs) the first logs that need
 * parsing are parsed on this thread: after a day's edit one or two are, and
 * waiting for the workers to start (≈ 1 s, each loads the parsers) costs more
 * than parsing them here. Past these, the workers start. A first build starts
 * them at once: its main thread would only delay them by loading the parsers
 * itself (≈ 2 s at 3,650 logs).
 */
export const IN_THREAD_FIRST = 4;

/**
 * Logs sent to a worker before its last answer came back: with one, a worker
 * that finishes waits for the main thread (busy reading files and filling the
 * store) to send the next, and the two workers of a 2-core machine stood idle
 * a quarter of a first build's content sync.
 */
export const TASKS_PER_WORKER = 2;

export function workerCount(logs: number): number {
  if (logs < MIN_LOGS_FOR_WORKERS) return 0;
  return Math.max(1, Math.min(os.availableParallelism(), 8));
}

export class LogWorkerPool {
  readonly #workers: Worker[] = [];
  /** Tasks sent to each worker and not yet answered, by id. */
  readonly #sent = new Map<Worker, Map<number, Pending>>();
  readonly #queue: Pending[] = [];
  #broken = false;
  #fallbackReason: string | null = null;
  #nextId = 0;
  #started = 0;
  #inThread = 0;
  readonly #size: number;
  readonly #inThreadFirst: number;

  /**
   * Workers start with the first log past `inThreadFirst` logs parsed on this
   * thread (IN_THREAD_FIRST on a rebuild, 0 on a first build): a rebuild where
   * one log changed starts none.
   */
  constructor(size: number, inThreadFirst = 0) {
    this.#size = size;
    this.#inThreadFirst = inThreadFirst;
  }

  /** How many workers were started (0 until a log needed one). */
  get started(): number {
    return this.#started;
  }

  #start(): void {
    const script = new URL('./log-worker.ts', import.meta.url);
    for (let i = 0; i < this.#size; i++) {
      const worker = new Worker(script);
      worker.on('message', (message: { id: number; result: ProcessedLog }) => this.#done(worker, message.id, message.result));
      worker.on('error', (error) => this.#fail(error.message));
      worker.on('exit', (code) => this.#fail(`a worker exited with code ${code}`));
      this.#workers.push(worker);
      this.#sent.set(worker, new Map());
    }
    this.#started = this.#size;
  }

  process(text: string, options: ProcessOptions): Promise<ProcessedLog> {
    if (this.#broken) return processLog(text, options);
    if (this.#started === 0 && this.#inThread < this.#inThreadFirst) {
      this.#inThread++;
      return processLog(text, options);
    }
    if (this.#started === 0) this.#start();
    return new Promise((resolve) => {
      this.#queue.push({ task: { id: this.#nextId++, text, options }, resolve });
      this.#dispatch();
    });
  }

  /** Logs waiting for a worker: not yet sent to one. */
  get queued(): number {
    return this.#queue.length;
  }

  /** Why the logs went to the main thread after all, or null while the workers do them. */
  get fallbackReason(): string | null {
    return this.#fallbackReason;
  }

  /** Ends the workers; logs still to come are then done on this thread. */
  async close(): Promise<void> {
    this.#broken = true;
    const workers = this.#workers.splice(0);
    await Promise.all(workers.map((worker) => worker.terminate()));
  }

  #dispatch(): void {
    // The least loaded worker first, so both get work before either gets a second log.
    for (let depth = 0; depth < TASKS_PER_WORKER; depth++) {
      for (const worker of this.#workers) {
        const sent = this.#sent.get(worker) as Map<number, Pending>;
        if (this.#queue.length === 0) return;
        if (sent.size > depth) continue;
        const pending = this.#queue.shift() as Pending;
        sent.set(pending.task.id, pending);
        worker.postMessage(pending.task);
      }
    }
  }

  #done(worker: Worker, id: number, result: ProcessedLog): void {
    if (this.#broken) return;
    const sent = this.#sent.get(worker);
    const pending = sent?.get(id);
    sent?.delete(id);
    pending?.resolve(result);
    this.#dispatch();
  }

  /** A worker failed or exited: stop using workers and do every unfinished log here. */
  #fail(reason: string): void {
    if (this.#broken) return;
    this.#broken = true;
    this.#fallbackReason = reason;
    const orphans = [...[...this.#sent.values()].flatMap((sent) => [...sent.values()]), ...this.#queue.splice(0)];
    for (const sent of this.#sent.values()) sent.clear();
    for (const { task, resolve } of orphans) void processLog(task.text, task.options).then(resolve);
    void this.close();
  }
}
