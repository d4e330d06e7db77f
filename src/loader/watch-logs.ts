/**
 * `astro dev`: keep the store in step with the logs folder while the writer
 * edits, file by file, as glob() does. A save that introduces an error is
 * reported (terminal and overlay) and leaves the last good entry in place, so
 * the page stays up while the writer fixes the line the message names.
 */
import { lstat, realpath } from 'node:fs/promises';
import type { LoaderContext } from 'astro/loaders';
import { hasLogBody, newestDevBodies } from '../files/log-bodies.ts';
import { formatDiagnosticLine, locate } from '../record/diagnostic-lines.ts';
import { judgeLink } from '../files/log-links.ts';
import { reloadPages, type DevLogErrors } from './dev-errors.ts';
import { isLogPath } from '../files/log-files.ts';
import { locate as locateLog, type LogLocation } from './log-files.ts';
import type { RecordIndex } from '../record-index/record-index.ts';
import { entriesByPath, readDraftDigests, writeDraftDigests } from './stored-state.ts';
import { syncLog, type LogPipeline, type LogSettings } from './sync-log.ts';

export interface WatchOptions {
  context: LoaderContext;
  baseDir: string;
  rootDir: string;
  settings: LogSettings;
  settingsKey: string;
  pipeline: LogPipeline;
  devErrors: DevLogErrors;
  /** Where the rendered bodies are (src/files/log-bodies.ts). */
  bodiesFolder: string;
  /** Kept current as the writer saves, so `nisshi status` meets every saved log already read. */
  index?: RecordIndex | null;
}

export function watchLogs(options: WatchOptions): void {
  const { context, baseDir, rootDir } = options;
  const watcher = context.watcher;
  if (!watcher) return;
  watcher.add(baseDir);
  // One event at a time: two quick saves of a file must not race each other into the store.
  let queue = Promise.resolve();
  const enqueue = (absolutePath: string, work: (location: LogLocation) => Promise<void>): void => {
    if (!isLogPath(absolutePath, baseDir)) return;
    const location = locateLog(absolutePath, rootDir);
    queue = queue
      .then(() => work(location))
      .catch((error: unknown) => {
        context.logger.error(`could not reload ${location.relativePath}: ${(error as Error).message}`);
      });
  };
  // A link saved while `astro dev` runs is judged as the full load judges it (log-links.ts).
  const reloadJudged = async (location: LogLocation): Promise<void> => reload(await withLinkVerdict(location, baseDir), options);
  watcher.on('add', (changed: string) => enqueue(changed, reloadJudged));
  watcher.on('change', (changed: string) => enqueue(changed, reloadJudged));
  watcher.on('unlink', (deleted: string) => enqueue(deleted, (location) => forget(location, options)));
}

async function withLinkVerdict(location: LogLocation, baseDir: string): Promise<LogLocation> {
  if (!(await lstat(location.absolutePath).catch(() => null))?.isSymbolicLink()) return location;
  const verdict = await judgeLink(location.absolutePath, await realpath(baseDir));
  return verdict.kind === 'outside' ? { ...location, refusal: verdict.diagnostic } : location;
}

async function reload(location: LogLocation, options: WatchOptions): Promise<void> {
  const { context, settings, settingsKey, pipeline } = options;
  const { store, meta, logger } = context;
  const byPath = entriesByPath(store.values());
  const previous = byPath.get(location.relativePath);
  const drafts = readDraftDigests(meta);
  const state = {
    entriesByPath: byPath,
    draftDigests: drafts,
    claim(id: string, relativePath: string): string | null {
      const holder = store.get(id);
      return holder?.filePath && holder.filePath !== relativePath ? holder.filePath : null;
    },
    bodies: { folder: options.bodiesFolder, has: (digest: string) => hasLogBody(options.bodiesFolder, digest) },
    index: options.index ?? null,
  };
  const outcome = await syncLog(location, context, settings, settingsKey, pipeline, state);
  await options.index?.flush();
  for (const notice of outcome.notices ?? []) logger.warn(notice);
  const located = outcome.diagnostics.map((diagnostic) => locate(location.relativePath, diagnostic));
  options.devErrors.replaceFile(location.relativePath, located.filter((diagnostic) => diagnostic.severity === 'error'));
  for (const warning of located) if (warning.severity === 'warning') logger.warn(formatDiagnosticLine(warning));
  if (outcome.kind === 'failed') {
    if (previous) logger.warn(`${location.relativePath}: showing its last version without errors until it is fixed`);
    return;
  }
  const newest = newestDevBodies();
  if (outcome.kind === 'draft') {
    if (previous) {
      store.delete(previous.id);
      newest.delete(previous.id);
    }
    drafts.set(location.relativePath, outcome.digest);
  } else {
    // A new date or file name gives a new slug: the entry under the old one would be a ghost page.
    if (previous && previous.id !== outcome.id) {
      store.delete(previous.id);
      newest.delete(previous.id);
    }
    drafts.delete(location.relativePath);
    if (outcome.reparsed) {
      logger.info(`reloaded ${location.relativePath}`);
      // The page shows the saved text now (src/site/log-body.ts); Astro reloads it again once its store has the record.
      newest.set(outcome.id, outcome.digest);
      reloadPages();
    }
  }
  writeDraftDigests(meta, drafts);
}

async function forget(location: LogLocation, options: WatchOptions): Promise<void> {
  const { store, meta } = options.context;
  options.devErrors.replaceFile(location.relativePath, []);
  const previous = entriesByPath(store.values()).get(location.relativePath);
  if (previous) {
    store.delete(previous.id);
    newestDevBodies().delete(previous.id);
  }
  const drafts = readDraftDigests(meta);
  if (drafts.delete(location.relativePath)) writeDraftDigests(meta, drafts);
}
