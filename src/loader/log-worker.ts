/**
 * Worker thread body: parses and renders the logs the main thread sends, one
 * message per log (log-worker-pool.ts). Run by Node itself (type stripping),
 * not by Vite, so it imports only plain relative `.ts` modules and packages.
 */
import module from 'node:module';
import { answerRequests } from '../threads/answer-requests.ts';
import type { ProcessOptions } from './process-log.ts';

export interface LogTask {
  text: string;
  options: ProcessOptions;
}

// A thread does not share the compile cache Astro's launcher enabled: without it the parser and
// renderer's modules are compiled again by each worker (half a second of a first build). So the
// cache first, then the modules (messages sent meanwhile wait on the port).
module.enableCompileCache?.();
const { processLog } = await import('./process-log.ts');

answerRequests((task: LogTask) => processLog(task.text, task.options));
