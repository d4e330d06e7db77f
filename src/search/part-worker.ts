/**
 * A part thread (part-threads.ts): makes the file of each part it is sent.
 * Run by Node itself: plain relative `.ts` modules and packages.
 */
import { answerRequests } from '../threads/answer-requests.ts';
import { partJson } from './part-json.ts';
import type { PartJob } from './part-threads.ts';

answerRequests(({ part, pages }: PartJob) => partJson(part, pages));
