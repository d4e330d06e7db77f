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
import { ThreadPool } from '../threads/thread-pool.ts';
import type { LogTask } from './log-worker.ts';
import { processLog, type ProcessedLog } from './process-log.ts';

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
  readonly #pool: ThreadPool<LogTask, ProcessedLog>;
  readonly #inThreadFirst: number;
  #inThread = 0;

  /**
   * Workers start with the first log past `inThreadFirst` logs parsed on this
   * thread (IN_THREAD_FIRST on a rebuild, 0 on a first build): a rebuild where
   * one log changed starts none. They all start together, so they load the
   * parsers side by side.
   */
  constructor(size: number, inThreadFirst = 0) {
    this.#inThreadFirst = inThreadFirst;
    this.#pool = new ThreadPool({
      script: new URL('./log-worker.ts', import.meta.url),
      threads: size,
      perThread: TASKS_PER_WORKER,
      start: 'together',
      here: (task) => processLog(task.text, task.options),
    });
  }

  /** How many workers were started (0 until a log needed one). */
  get started(): number {
    return this.#pool.started;
  }

  process(text: string, options: LogTask['options']): Promise<ProcessedLog> {
    if (this.#pool.started === 0 && this.#inThread < this.#inThreadFirst) {
      this.#inThread++;
      return processLog(text, options);
    }
    return this.#pool.run({ text, options });
  }

  /** Logs waiting for a worker: not yet sent to one. */
  get queued(): number {
    return this.#pool.queued;
  }

  /** Why the logs went to the main thread after all, or null while the workers do them. */
  get fallbackReason(): string | null {
    return this.#pool.fallbackReason;
  }

  /** Ends the workers (the loader has every answer by then); logs still to come are then done on this thread. */
  close(): Promise<void> {
    return this.#pool.close();
  }
}
