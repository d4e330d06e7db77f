/**
 * Worker thread body: parses and renders the logs the main thread sends, one
 * message per log. Run by Node itself (type stripping), not by Vite, so it
 * imports only plain relative `.ts` modules and packages.
 */
import { parentPort } from 'node:worker_threads';
import { processLog, type ProcessOptions } from './process-log.ts';

export interface LogTask {
  id: number;
  text: string;
  options: ProcessOptions;
}

parentPort?.on('message', (task: LogTask) => {
  // processLog never throws, so every task gets exactly one answer.
  void processLog(task.text, task.options).then((result) => parentPort?.postMessage({ id: task.id, result }));
});
