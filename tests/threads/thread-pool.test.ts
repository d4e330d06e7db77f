/** ThreadPool and answerRequests: requests by id on real worker threads, each pool's policy, and work never lost. */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { threadId } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { ThreadPool, type ThreadPoolOptions } from '../../src/threads/thread-pool.ts';

export interface Ask {
  value: number;
  waitMs?: number;
  refuse?: boolean;
  exit?: boolean;
}

export interface Answer {
  doubled: number;
  thread: number;
}

const script = new URL('./fixtures/double-worker.ts', import.meta.url);
/** The calling thread's answer: its threadId says where a request was done. */
const here = (ask: Ask): Answer => ({ doubled: ask.value * 2, thread: threadId });

const pools: ThreadPool<Ask, Answer>[] = [];
function pool(options: Partial<ThreadPoolOptions<Ask, Answer>>): ThreadPool<Ask, Answer> {
  const made = new ThreadPool<Ask, Answer>({ script, threads: 2, here, ...options });
  pools.push(made);
  return made;
}
afterEach(async () => {
  await Promise.all(pools.splice(0).map((each) => each.close()));
});

describe('ThreadPool', () => {
  it('answers each request with its own result, on threads other than this one', async () => {
    const threads = pool({});
    const asks = [5, 1, 4, 2, 3].map((value) => ({ value, waitMs: value * 5 }));
    const answers = await Promise.all(asks.map((ask) => threads.run(ask)));
    expect(answers.map((answer) => answer.doubled)).toEqual([10, 2, 8, 4, 6]);
    expect(answers.every((answer) => answer.thread !== threadId)).toBe(true);
    expect(threads.fallbackReason).toBeNull();
  });

  it('sends a thread at most perThread requests; the rest wait in the pool', async () => {
    const threads = pool({ threads: 1, perThread: 2 });
    const pending = [1, 2, 3, 4, 5].map((value) => threads.run({ value, waitMs: 20 }));
    expect(threads.queued).toBe(3);
    expect((await Promise.all(pending)).map((answer) => answer.doubled)).toEqual([2, 4, 6, 8, 10]);
    expect(threads.queued).toBe(0);
  });

  it('starts a thread as the others all have work, or all of them with the first request', async () => {
    const asNeeded = pool({ threads: 3 });
    await asNeeded.run({ value: 1 });
    await asNeeded.run({ value: 2 });
    expect(asNeeded.started).toBe(1);
    const spread = await Promise.all([1, 2].map((value) => asNeeded.run({ value, waitMs: 50 })));
    expect(asNeeded.started).toBe(2);
    expect(new Set(spread.map((answer) => answer.thread)).size).toBe(2);

    const together = pool({ threads: 3, start: 'together' });
    await together.run({ value: 1 });
    expect(together.started).toBe(3);
  });

  it('refuses a request its thread refused, in the pool\'s words, and the thread goes on', async () => {
    const threads = pool({ threads: 1, refused: (ask, error) => new Error(`ask ${ask.value}: ${error.message}`) });
    await expect(threads.run({ value: 7, refuse: true })).rejects.toThrow('ask 7: no 7 today');
    const next = await threads.run({ value: 8 });
    expect(next.doubled).toBe(16);
    expect(next.thread).not.toBe(threadId);
    expect(threads.started).toBe(1);
    expect(threads.fallbackReason).toBeNull();
  });

  it('does what a stopped thread held, and everything after, on this thread; says so once', async () => {
    const said: string[] = [];
    const threads = pool({ threads: 1, perThread: 3, onFallback: (reason) => said.push(reason) });
    const held = [threads.run({ value: 1, waitMs: 200 }), threads.run({ value: 2, exit: true }), threads.run({ value: 3, waitMs: 200 })];
    const queued = threads.run({ value: 4 });
    const answers = await Promise.all([...held, queued]);
    // The value 2 asked its thread to exit: done here it is answered all the same.
    expect(answers.map((answer) => answer.doubled)).toEqual([2, 4, 6, 8]);
    expect(answers.every((answer) => answer.thread === threadId)).toBe(true);
    expect(await threads.run({ value: 5 })).toEqual({ doubled: 10, thread: threadId });
    expect(said).toEqual(['a worker thread stopped (exit code 3)']);
    expect(threads.fallbackReason).toBe(said[0]);
  });

  it('does everything on this thread when its script cannot run', async () => {
    const said: string[] = [];
    const threads = pool({ script: new URL('./fixtures/no-such-worker.ts', import.meta.url), onFallback: (reason) => said.push(reason) });
    const answers = await Promise.all([1, 2, 3].map((value) => threads.run({ value })));
    expect(answers).toEqual([1, 2, 3].map((value) => ({ doubled: value * 2, thread: threadId })));
    expect(said).toHaveLength(1);
    expect(said[0]).toMatch(/^a worker thread stopped \(.*no-such-worker/);
  });

  it('refuses what its threads held or queued when closed, and does later requests here', async () => {
    const threads = pool({ threads: 1, perThread: 1, closedMessage: 'the test pool was closed' });
    const held = threads.run({ value: 1, waitMs: 5_000 });
    const queued = threads.run({ value: 2 });
    const refusals = [expect(held).rejects.toThrow('the test pool was closed'), expect(queued).rejects.toThrow('the test pool was closed')];
    await threads.close();
    await Promise.all(refusals);
    expect(await threads.run({ value: 3 })).toEqual({ doubled: 6, thread: threadId });
  });

  it("ends an idle thread when told to retire it, and starts one again for the next request", async () => {
    const threads = pool({ threads: 1, whenIdle: 'retire' });
    const first = await threads.run({ value: 1 });
    const second = await threads.run({ value: 2 });
    expect(threads.started).toBe(2);
    expect(second.thread).not.toBe(first.thread);
    expect(threads.fallbackReason).toBeNull();
  });

  it('lets a process end with an idle thread it was told to unref, unclosed', () => {
    const run = spawnSync(process.execPath, [fileURLToPath(new URL('./fixtures/unref-pool.ts', import.meta.url))], { encoding: 'utf8', timeout: 30_000 });
    expect(run.signal).toBeNull();
    expect(run.status).toBe(0);
    const answer = JSON.parse(run.stdout) as Answer;
    // Answered by the thread (threadId 0 is the process's main thread), which was then let go.
    expect(answer.doubled).toBe(42);
    expect(answer.thread).not.toBe(0);
  });
});
