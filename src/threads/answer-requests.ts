/**
 * The worker's side of a thread pool (thread-pool.ts): each request that
 * comes is answered by `answer`, under the id it came with, with its result
 * or the error it threw. Answers that return promises run side by side, as
 * many as the pool sends at once (its `perThread`).
 *
 * Worker scripts are run by Node itself (type stripping), not by Vite: this
 * module imports only Node's own.
 */
import { parentPort } from 'node:worker_threads';
import type { ThreadReply, ThreadRequest } from './thread-pool.ts';

export function answerRequests<Q, R>(answer: (request: Q) => R | Promise<R>): void {
  const port = parentPort;
  if (!port) throw new Error('answerRequests answers a thread pool: run it on a worker thread');
  port.on('message', async ({ id, request }: ThreadRequest<Q>) => {
    let reply: ThreadReply<R>;
    try {
      reply = { id, result: await answer(request) };
    } catch (error) {
      reply = refusal(id, error);
    }
    try {
      port.postMessage(reply);
    } catch (error) {
      // A result that cannot be sent (not plain data) is this request's failure, not the thread's.
      port.postMessage(refusal(id, error));
    }
  });
}

function refusal(id: number, error: unknown): ThreadReply<never> {
  return error instanceof Error ? { id, error: error.message, stack: error.stack } : { id, error: String(error) };
}
