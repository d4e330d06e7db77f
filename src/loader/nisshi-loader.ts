/**
 * nisshiLoader: the `logs` content collection. Reads every `*.md` below a
 * folder, parses each into a LogRecord (nisshi's parser), renders its body with
 * our own pipeline, and keeps published logs in Astro's content store under
 * their slug. Drafts are never stored; a log with an error stops the build.
 *
 * Modelled on Astro's glob() loader: unchanged files (same digest) are neither
 * parsed nor rendered again, entries whose files are gone are deleted, and in
 * `astro dev` the folder is watched so a saved log updates its entry at once
 * (and errors show in the browser's overlay rather than stopping the server).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import packageJson from '../../package.json' with { type: 'json' };
import { codeVersion } from './code-version.ts';
import { collectLogBodies, fileSystemNow, logBodiesFolder, logBodyDigests } from '../files/log-bodies.ts';
import type { ReadSettings } from '../parse/read-log.ts';
import { mapBounded } from './bounded-map.ts';
import { DevLogErrors } from './dev-errors.ts';
import { listLogs } from './log-files.ts';
import { IN_THREAD_FIRST, LogWorkerPool, workerCount } from './log-worker-pool.ts';
import { markdownTreeParser } from './markdown-tree.ts';
import { processLog } from './process-log.ts';
import { formatSummary } from '../record/diagnostic-lines.ts';
import { cacheFolder } from '../record-index/cache-folder.ts';
import { openRecordIndex } from '../record-index/open-record-index.ts';
import { collectFindings, formatFinding, logErrorsError } from './report.ts';
import { entriesByPath, readDraftDigests, writeDraftDigests } from './stored-state.ts';
import { syncLog, type LogOutcome, type LogPipeline, type LogSettings } from './sync-log.ts';
import { watchLogs } from './watch-logs.ts';

export interface NisshiLoaderOptions {
  /** Folder of the logs, relative to the project root (or absolute); searched recursively. */
  base: string;
  /** What changes a log's meaning (vocabulary, size and nesting limits): the site's settings, as `nisshi check` reads them. */
  settings?: ReadSettings;
  /** Pass raw HTML in logs through unsanitised (default false). */
  allowRawHtml?: boolean;
  /** Frontmatter keys to publish besides the ones nisshi reads (default none). */
  publicFrontmatter?: readonly string[];
}

/** Files in flight at once: enough to keep every worker fed while others are read, few enough for any ulimit. */
const PARALLEL_FILES = 32;

const inThisThread: LogPipeline = { process: processLog };

/**
 * @param pipeline replaces the parse-and-render step (worker threads for a full
 *   load, this thread for a saved file); tests pass a counting one, a site never does.
 */
export function nisshiLoader(options: NisshiLoaderOptions, pipeline?: LogPipeline) {
  const settings: LogSettings = {
    read: options.settings ?? {},
    allowRawHtml: options.allowRawHtml ?? false,
    publicFrontmatter: options.publicFrontmatter ?? [],
  };
  // Part of every digest: a stored entry is stale when the settings or nisshi's own code changed, not only the file.
  const settingsKey = `\0${JSON.stringify({ nisshi: packageJson.version, code: codeVersion(), ...settings })}`;

  return {
    name: 'nisshi-loader',
    load: async (context: LoaderContext): Promise<void> => {
      const { store, meta, logger, config, watcher } = context;
      const rootDir = fileURLToPath(config.root);
      const baseDir = path.resolve(rootDir, options.base);
      const locations = await listLogs(baseDir, rootDir);
      // The images beside the logs are found from the project root, as the logs' own paths are.
      const withImages: LogSettings = { ...settings, images: { logsDir: path.relative(rootDir, baseDir).split(path.sep).join('/') || '.', rootDir } };
      if (locations === null) logger.warn(`the logs folder "${options.base}" does not exist: no logs to show`);
      // Each log's rendered body is a file of its own beside Astro's cache (src/files/log-bodies.ts).
      // `astro dev` (the one load with a watcher) keeps its bodies apart from the build's, as Astro keeps its stores.
      const bodiesFolder = logBodiesFolder(config.cacheDir, watcher ? 'dev' : 'build');
      const loadStartedMs = fileSystemNow(bodiesFolder);
      const bodies = logBodyDigests(bodiesFolder);

      // The record index the CLI shares: a log `nisshi check` read is only rendered here, not read again.
      const index = await openRecordIndex({ folder: cacheFolder(rootDir), settings: settings.read, notice: (line) => logger.warn(line) });
      const claims = new Map<string, string>();
      const state = {
        index,
        entriesByPath: entriesByPath(store.values()),
        draftDigests: readDraftDigests(meta),
        claim(id: string, relativePath: string): string | null {
          const holder = claims.get(id);
          if (holder !== undefined && holder !== relativePath) return holder;
          claims.set(id, relativePath);
          return null;
        },
        bodies: { folder: bodiesFolder, has: (digest: string) => bodies.has(digest) },
      };
      const workers = pipeline ? 0 : workerCount(locations?.length ?? 0);
      // A store that already holds logs means a rebuild: its few changed logs are parsed here first.
      const pool = workers > 0 ? new LogWorkerPool(workers, state.entriesByPath.size > 0 ? IN_THREAD_FIRST : 0) : null;
      const fullLoad = pipeline ?? pool ?? inThisThread;
      let outcomes: LogOutcome[];
      try {
        outcomes = await mapBounded(locations ?? [], PARALLEL_FILES, (location) =>
          syncLog(location, context, withImages, settingsKey, fullLoad, state),
        );
      } finally {
        await pool?.close();
        await index.flush();
      }
      if (pool?.fallbackReason) {
        logger.warn(`worker threads stopped (${pool.fallbackReason}); the rest of the logs were parsed on the main thread`);
      }

      // Entries no file claimed this time: deleted files, drafts, renamed slugs, logs now failing.
      for (const id of store.keys()) if (!claims.has(id)) store.delete(id);
      // Bodies no entry names any more (edited, deleted or now-draft logs) go; older than this load only.
      collectLogBodies(bodiesFolder, new Set(store.values().flatMap((entry) => (entry.digest === undefined ? [] : [String(entry.digest)]))), loadStartedMs);
      writeDraftDigests(meta, draftDigestsOf(outcomes));
      logger.info(summary(outcomes, pool?.started ?? 0, (await markdownTreeParser()).name));

      // A Sätteri failure is said before the findings, naming the file: its record came from remark.
      for (const outcome of outcomes) for (const notice of outcome.notices ?? []) logger.warn(notice);
      // The build's check: the lines `nisshi check` prints, once per finding, and its summary.
      const { errors, warnings } = collectFindings(outcomes);
      for (const warning of warnings) logger.warn(formatFinding(warning));
      logger.info(formatSummary({ files: outcomes.length, errors: errors.length, warnings: warnings.length }));
      if (!watcher) {
        await index.close();
        if (errors.length > 0) throw logErrorsError(errors, rootDir, settings.read.messages);
        return;
      }
      // astro dev: throwing here would stop the server; the errors go to the browser's overlay instead.
      const devErrors = new DevLogErrors(logger, rootDir, settings.read.messages);
      devErrors.replaceAll(errors);
      watchLogs({ context, baseDir, rootDir, settings: withImages, settingsKey, pipeline: pipeline ?? inThisThread, devErrors, bodiesFolder, index });
    },
  } satisfies Loader;
}

function draftDigestsOf(outcomes: readonly LogOutcome[]): Map<string, string> {
  const digests = new Map<string, string>();
  for (const outcome of outcomes) {
    if (outcome.kind === 'draft') digests.set(outcome.location.relativePath, outcome.digest);
  }
  return digests;
}

function summary(outcomes: readonly LogOutcome[], workers: number, parser: string): string {
  let parsed = 0;
  let fromIndex = 0;
  let unchanged = 0;
  let bodiesReused = 0;
  let drafts = 0;
  let failed = 0;
  let read = 0;
  for (const outcome of outcomes) {
    if (outcome.kind === 'published') {
      if (!outcome.reparsed) unchanged++;
      else if (outcome.fromIndex) fromIndex++;
      else parsed++;
      if (outcome.bodyReused) bodiesReused++;
    } else if (outcome.kind === 'draft') {
      drafts++;
    } else {
      failed++;
    }
    if (outcome.kind === 'failed' || outcome.reparsed) read++;
  }
  const how = read === 0 ? '' : ` (read by ${parser}${workers > 0 ? ` on ${workers} worker threads` : ''})`;
  // Parsed again but not rendered: Astro had emptied its store (an Astro update, say) and the bodies were still on disk.
  const reused = bodiesReused === 0 ? '' : `; ${bodiesReused} rendered bodies reused from the cache`;
  // "from the record index": read by `nisshi check` (or an earlier build) and only rendered here, if at all.
  return `${parsed + fromIndex + unchanged} logs (${parsed} parsed, ${fromIndex} from the record index, ${unchanged} unchanged), ${drafts} drafts left out, ${failed} with errors${how}${reused}`;
}
