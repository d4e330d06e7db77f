/**
 * Worker thread body: parses and renders the logs the main thread sends, one
 * message per log. Run by Node itself (type stripping), not by Vite, so it
 * imports only plain relative `.ts` modules and packages.
 */
import module from 'node:module';
import { parentPort } from 'node:worker_threads';
import type { ProcessOptions } from './process-log.ts';

export interface LogTask {
  id: number;
  text: string;
  options: ProcessOptions;
}

// A thread does not share the compile cache Astro's launcher enabled: without it the parser and
// renderer's modules are compiled again by each worker (half a second of a first build). So the
// cache first, then the modules (messages sent meanwhile wait on the port).
module.enableCompileCache?.();
const { processLog } = await import('./process-log.ts');

parentPort?.on('message', (task: LogTask) => {
  // processLog never throws, so every task gets exactly one answer.
  void processLog(task.text, task.options).then((result) => parentPort?.postMessage({ id: task.id, result }));
});
