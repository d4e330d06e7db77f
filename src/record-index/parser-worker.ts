/**
 * A parser thread (parser-threads.ts): loads the parser, then reads each log's
 * bytes it is sent into its record, as the calling thread would.
 */
import module from 'node:module';
import { parentPort, workerData } from 'node:worker_threads';
import { defaultParser } from './log-parser.ts';
import { parseBytes, type ParseRequest, type ParserSetup, type ThreadReply } from './parser-threads.ts';

const setup = workerData as ParserSetup;
// A thread does not share the launcher's compile cache (bin/nisshi.js): without it the parser's modules take twice as long to load.
module.enableCompileCache?.();
const parse = await defaultParser();

parentPort!.on('message', (request: ParseRequest & { id: number }) => {
  let reply: ThreadReply;
  try {
    reply = { id: request.id, parsed: parseBytes(parse, request, setup) };
  } catch (error) {
    reply = { id: request.id, error: (error as Error).stack ?? String(error) };
  }
  parentPort!.postMessage(reply);
});
