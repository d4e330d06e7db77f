/**
 * The parts of the search index made side by side, one worker thread a core:
 * reading ten years of built pages is a few seconds of HTML parsing, after
 * `astro build` is done with the machine. A part whose pages cannot be read is
 * an error (never a part left out); a worker that cannot start or dies leaves
 * its parts to this thread.
 */
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { partJson } from './part-json.ts';
import type { IndexedPage } from './partitions.ts';

export interface PartJob {
  part: string;
  pages: readonly IndexedPage[];
}

export interface PartRequest extends PartJob {
  id: number;
}

export type PartReply = { id: number; json: string } | { id: number; error: string };

/** Below this many pages to read, starting threads costs more than it saves. */
export const MIN_PAGES_FOR_THREADS = 256;

/** Each job's part file, in the order of `jobs`. */
export async function partJsons(jobs: readonly PartJob[]): Promise<string[]> {
  const pages = jobs.reduce((sum, job) => sum + job.pages.length, 0);
  const threads = Math.min(os.availableParallelism(), jobs.length, 4);
  if (threads < 2 || pages < MIN_PAGES_FOR_THREADS) return jobs.map((job) => partJson(job.part, job.pages));
  const results = new Array<string>(jobs.length);
  let next = 0;
  const script = new URL('./part-worker.ts', import.meta.url);
  await Promise.all(
    Array.from({ length: threads }, async () => {
      let worker: Worker | null = new Worker(script);
      try {
        while (next < jobs.length) {
          const id = next++;
          const job = jobs[id]!;
          results[id] = worker ? await onThread(worker, { id, ...job }).catch((error: unknown) => {
            if (!(error instanceof ThreadFailure)) throw error;
            // The thread is gone: this part and the rest of its share are made here.
            worker = null;
            return partJson(job.part, job.pages);
          }) : partJson(job.part, job.pages);
        }
      } finally {
        await worker?.terminate();
      }
    }),
  );
  return results;
}

/** The worker itself failed (not the part): its parts are made on the calling thread instead. */
class ThreadFailure extends Error {}

function onThread(worker: Worker, request: PartRequest): Promise<string> {
  return new Promise((resolve, reject) => {
    const done = () => {
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
    };
    const onMessage = (reply: PartReply) => {
      if (reply.id !== request.id) return;
      done();
      if ('error' in reply) reject(new Error(`search index part ${request.part}: ${reply.error}`));
      else resolve(reply.json);
    };
    const onError = (error: Error) => {
      done();
      reject(new ThreadFailure(error.message));
    };
    const onExit = (code: number) => {
      done();
      reject(new ThreadFailure(`exited with code ${code}`));
    };
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    worker.postMessage(request);
  });
}
