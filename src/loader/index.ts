/** The Astro content loader for nisshi's logs. */
export { nisshiLoader, type NisshiLoaderOptions } from './nisshi-loader.ts';
export type { LogPipeline } from './sync-log.ts';
export { processLog, type ProcessedLog, type ProcessOptions } from './process-log.ts';
