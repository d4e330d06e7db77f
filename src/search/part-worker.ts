/**
 * A part thread (part-threads.ts): makes the file of each part it is sent.
 * Run by Node itself: plain relative `.ts` modules and packages.
 */
import { parentPort } from 'node:worker_threads';
import { partJson } from './part-json.ts';
import type { PartRequest, PartReply } from './part-threads.ts';

parentPort!.on('message', ({ id, part, pages }: PartRequest) => {
  let reply: PartReply;
  try {
    reply = { id, json: partJson(part, pages) };
  } catch (error) {
    reply = { id, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort!.postMessage(reply);
});
