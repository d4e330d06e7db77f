/**
 * The parts of the search index made side by side, one worker thread a core:
 * reading ten years of built pages is a few seconds of HTML parsing, after
 * `astro build` is done with the machine. A part whose pages cannot be read is
 * an error (never a part left out); a worker that cannot start or dies leaves
 * its parts to this thread.
 */
import os from 'node:os';
import { ThreadPool } from '../threads/thread-pool.ts';
import { partJson } from './part-json.ts';
import type { IndexedPage } from './partitions.ts';

export interface PartJob {
  part: string;
  pages: readonly IndexedPage[];
}

/** Below this many pages to read, starting threads costs more than it saves. */
export const MIN_PAGES_FOR_THREADS = 256;

/** Each job's part file, in the order of `jobs`. */
export async function partJsons(jobs: readonly PartJob[]): Promise<string[]> {
  const pages = jobs.reduce((sum, job) => sum + job.pages.length, 0);
  const threads = Math.min(os.availableParallelism(), jobs.length, 4);
  if (threads < 2 || pages < MIN_PAGES_FOR_THREADS) return jobs.map((job) => partJson(job.part, job.pages));
  const pool = new ThreadPool<PartJob, string>({
    script: new URL('./part-worker.ts', import.meta.url),
    threads,
    perThread: 1,
    here: (job) => partJson(job.part, job.pages),
    refused: (job, error) => new Error(`search index part ${job.part}: ${error.message}`),
  });
  try {
    return await Promise.all(jobs.map((job) => pool.run(job)));
  } finally {
    await pool.close();
  }
}
