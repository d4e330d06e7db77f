/**
 * The language server's parser thread: reads an open log's text into its
 * record as `check` reads the file (readLog through the record index's
 * parser, images checked on disk, an `encoding` error for bytes that are not
 * UTF-8), off the thread that answers the editor. Loaded while the main
 * thread reads the record index, so the first findings wait for neither.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { imageChecker } from '../files/image-checker.ts';
import { LogFileContent, withEncodingError } from '../files/read-log-file.ts';
import { toPosix } from '../files/to-posix.ts';
import { defaultParser } from '../record-index/log-parser.ts';
import type { ParseRequest, ParseReply, ParserSetup } from './log-parser-thread.ts';

const setup = workerData as ParserSetup;
const parse = await defaultParser();
const images = imageChecker(setup.logsDir, setup.cwd);

parentPort!.on('message', (request: ParseRequest) => {
  let reply: ParseReply;
  try {
    const content = new LogFileContent(request.bytes, request.displayPath);
    const parsed = parse(content.text, toPosix(request.displayPath), setup.settings, false, images({ absolutePath: request.absolutePath, displayPath: request.displayPath }));
    reply = { id: request.id, record: withEncodingError(parsed.record, content) };
  } catch (error) {
    reply = { id: request.id, error: (error as Error).stack ?? String(error) };
  }
  parentPort!.postMessage(reply);
});
parentPort!.postMessage({ ready: true });
