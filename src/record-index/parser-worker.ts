/**
 * A parser thread (parser-threads.ts): loads the parser, then reads each log's
 * bytes it is sent into its record, as the calling thread would.
 */
import module from 'node:module';
import { workerData } from 'node:worker_threads';
import { answerRequests } from '../threads/answer-requests.ts';
import { defaultParser } from './log-parser.ts';
import { parseBytes, type ParseRequest, type ParserSetup } from './parser-threads.ts';

const setup = workerData as ParserSetup;
// A thread does not share the launcher's compile cache (bin/nisshi.js): without it the parser's modules take twice as long to load.
module.enableCompileCache?.();
const parse = await defaultParser();

answerRequests((request: ParseRequest) => parseBytes(parse, request, setup));
