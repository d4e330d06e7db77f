/**
 * Work done on worker threads, one request at a time by id: the parser
 * threads of the record index, the loader's, the card thread and the search
 * index's part threads are each a ThreadPool with a policy of its own (how
 * many threads, how many requests each holds, what an idle thread does).
 *
 * A pool never loses a request. When no thread can be had (the script does
 * not load: nisshi installed where Node will not run TypeScript) or one dies,
 * what it held and everything after is done on the calling thread by `here`,
 * with the same code: slower, never wrong. A request its thread answered with
 * an error is refused with that error; the thread goes on. Closing the pool
 * refuses what its threads still held (left waiting, whoever awaited it would
 * wait for ever); requests made after it are done here.
 */
import { Worker } from 'node:worker_threads';

/** What the pool sends a thread (answer-requests.ts reads it). */
export interface ThreadRequest<Q> {
  id: number;
  request: Q;
}

/** What a thread sends back for each request. */
export type ThreadReply<R> = { id: number; result: R } | { id: number; error: string; stack?: string };

export interface ThreadPoolOptions<Q, R> {
  /** The worker's script: it calls answerRequests (answer-requests.ts). */
  script: URL;
  workerData?: unknown;
  /** Most threads run at once. */
  threads: number;
  /** Requests one thread holds before it answers; more wait in the pool. Unbounded when left out. */
  perThread?: number;
  /** 'as-needed' (default): a thread starts when every running one has work; 'together': all start with the first request. */
  start?: 'as-needed' | 'together';
  /**
   * What a thread with nothing to do does: 'keep' (default) runs on until
   * close; 'unref' lets the process end meanwhile (a command that has its
   * answer does not wait for its threads); 'retire' ends it, with the memory
   * it holds, and the next request starts one again.
   */
  whenIdle?: 'keep' | 'unref' | 'retire';
  /** Does a request on the calling thread. */
  here: (request: Q) => R | Promise<R>;
  /** Said once, when the pool stops using threads. */
  onFallback?: (reason: string) => void;
  /** The error for a request its thread refused; the thread's message by default. */
  refused?: (request: Q, error: Error) => Error;
  /** What a request is refused with when the pool closes under it. */
  closedMessage?: string;
}

interface Job<Q, R> {
  id: number;
  request: Q;
  resolve(result: R): void;
  reject(error: Error): void;
}

interface Thread<Q, R> {
  worker: Worker;
  /** Requests sent to it and not answered, by id. */
  held: Map<number, Job<Q, R>>;
}

export class ThreadPool<Q, R> {
  readonly #options: ThreadPoolOptions<Q, R>;
  readonly #threads: Thread<Q, R>[] = [];
  readonly #queue: Job<Q, R>[] = [];
  #next = 0;
  #started = 0;
  #fallbackReason: string | null = null;
  #closed = false;

  constructor(options: ThreadPoolOptions<Q, R>) {
    this.#options = { ...options, threads: Math.max(1, options.threads) };
  }

  run(request: Q): Promise<R> {
    if (this.#fallbackReason !== null || this.#closed) return this.#here(request);
    return new Promise((resolve, reject) => {
      this.#queue.push({ id: this.#next++, request, resolve, reject });
      this.#dispatch();
    });
  }

  /** Starts a thread now, so its modules load before the first request (a language server as it starts). */
  warm(): void {
    if (this.#threads.length === 0 && this.#fallbackReason === null && !this.#closed) this.#start();
  }

  /** Threads started so far (0 until a request needed one). */
  get started(): number {
    return this.#started;
  }

  /** Requests waiting for a thread: not yet sent to one. */
  get queued(): number {
    return this.#queue.length;
  }

  /** Why the pool does its work on the calling thread, or null while threads do it. */
  get fallbackReason(): string | null {
    return this.#fallbackReason;
  }

  /** Ends the threads and refuses what they held; later requests are done on the calling thread. */
  async close(): Promise<void> {
    this.#closed = true;
    const threads = this.#threads.splice(0);
    const message = this.#options.closedMessage ?? 'the worker threads were closed';
    for (const job of [...threads.flatMap((thread) => [...thread.held.values()]), ...this.#queue.splice(0)]) job.reject(new Error(message));
    for (const thread of threads) thread.held.clear();
    await Promise.all(threads.map((thread) => thread.worker.terminate()));
  }

  #dispatch(): void {
    while (this.#queue.length > 0) {
      const thread = this.#pick();
      if (!thread) return; // every thread holds its most: the queue waits for an answer
      const job = this.#queue.shift()!;
      thread.held.set(job.id, job);
      if (thread.held.size === 1 && this.#options.whenIdle === 'unref') thread.worker.ref();
      try {
        thread.worker.postMessage({ id: job.id, request: job.request } satisfies ThreadRequest<Q>);
      } catch (error) {
        // A request that cannot be sent (not plain data) is refused, and holds nothing open.
        this.#answer(thread, { id: job.id, error: (error as Error).message });
      }
    }
  }

  /** The least busy thread with room, a new one while fewer than `threads` run and each has work; null for none. */
  #pick(): Thread<Q, R> | null {
    if (this.#fallbackReason !== null || this.#closed) return null;
    let least: Thread<Q, R> | null = null;
    for (const thread of this.#threads) if (!least || thread.held.size < least.held.size) least = thread;
    if (least?.held.size === 0) return least;
    if (this.#threads.length < this.#options.threads) {
      const count = this.#options.start === 'together' && this.#threads.length === 0 ? this.#options.threads : 1;
      let first: Thread<Q, R> | null = null;
      for (let i = 0; i < count && this.#fallbackReason === null; i++) {
        const started = this.#start();
        first ??= started;
      }
      if (first) return first;
      if (this.#fallbackReason !== null) return null;
    }
    return least && least.held.size < (this.#options.perThread ?? Infinity) ? least : null;
  }

  #start(): Thread<Q, R> | null {
    let worker: Worker;
    try {
      worker = new Worker(this.#options.script, { workerData: this.#options.workerData });
    } catch (error) {
      this.#fail(`no worker thread (${(error as Error).message})`);
      return null;
    }
    const thread: Thread<Q, R> = { worker, held: new Map() };
    worker.on('message', (reply: ThreadReply<R>) => this.#answer(thread, reply));
    worker.on('error', (error) => this.#stopped(thread, error.message));
    worker.on('exit', (code) => this.#stopped(thread, `exit code ${code}`));
    if (this.#options.whenIdle === 'unref') worker.unref();
    this.#threads.push(thread);
    this.#started++;
    return thread;
  }

  #answer(thread: Thread<Q, R>, reply: ThreadReply<R>): void {
    const job = thread.held.get(reply.id);
    thread.held.delete(reply.id);
    if (job) {
      if ('result' in reply) job.resolve(reply.result);
      else job.reject(this.#refusal(job.request, reply));
    }
    this.#dispatch();
    if (thread.held.size === 0 && this.#threads.includes(thread)) this.#idle(thread);
  }

  #refusal(request: Q, reply: { error: string; stack?: string }): Error {
    const error = new Error(reply.error);
    if (reply.stack) error.stack = reply.stack;
    return this.#options.refused?.(request, error) ?? error;
  }

  #idle(thread: Thread<Q, R>): void {
    if (this.#options.whenIdle === 'unref') thread.worker.unref();
    if (this.#options.whenIdle === 'retire') {
      this.#threads.splice(this.#threads.indexOf(thread), 1);
      void thread.worker.terminate();
    }
  }

  /** A thread failed or exited while the pool had it: what it held, and all later work, is done here. */
  #stopped(thread: Thread<Q, R>, reason: string): void {
    const at = this.#threads.indexOf(thread);
    if (at === -1) return; // retired or closed: its end was asked for
    this.#threads.splice(at, 1);
    this.#fail(`a worker thread stopped (${reason})`);
    const held = [...thread.held.values()];
    thread.held.clear();
    for (const job of held) this.#here(job.request).then(job.resolve, job.reject);
  }

  #fail(reason: string): void {
    if (this.#fallbackReason === null) {
      this.#fallbackReason = reason;
      this.#options.onFallback?.(reason);
    }
    for (const job of this.#queue.splice(0)) this.#here(job.request).then(job.resolve, job.reject);
  }

  async #here(request: Q): Promise<R> {
    return this.#options.here(request);
  }
}
