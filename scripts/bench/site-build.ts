/**
 * The builds the site bench times, each a child process measured the same
 * way (child.ts): the site as `npm run build` makes it (astro build, then the
 * search index) and the floor project (floor-project.ts), each in a bench
 * folder of its own so neither reads the project's own cache.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { runMeasured, type ChildResult } from './child.ts';
import { writeFloorProject, type FloorOptions } from './floor-project.ts';

export const projectRoot = path.resolve(import.meta.dirname, '../..');
const astroBin = path.join(projectRoot, 'node_modules/astro/bin/astro.mjs');
/** Per child: a build that takes longer than this is reported as stuck rather than waited for. */
const STEP_TIMEOUT_MS = 30 * 60_000;

/** Where a bench build of the site lives: its config, cache and build logs in `dir`, its logs in `logsDir`. */
export interface SitePlace {
  dir: string;
  logsDir: string;
}

/**
 * The site as `npm run build` makes it, but with a cache folder of its own:
 * a config that is the project's astro.config.mjs plus cacheDir. Without it
 * the build would read and overwrite node_modules/.astro, the store every
 * other build and dev server of the project uses.
 */
export async function buildSite(place: SitePlace, dist: string, today: string, logName: string): Promise<ChildResult> {
  const config = path.join(place.dir, 'astro.config.mjs');
  const projectConfig = pathToFileURL(path.join(projectRoot, 'astro.config.mjs')).href;
  await writeFile(config, `import config from ${JSON.stringify(projectConfig)};\n\nexport default { ...config, cacheDir: ${JSON.stringify(path.join(place.dir, 'cache'))} };\n`);
  return runMeasured({
    args: [astroBin, 'build', '--config', path.relative(projectRoot, config), '--outDir', dist],
    cwd: projectRoot,
    // The site is served from / here, whatever the caller's environment says, so page URLs map to dist/ directly.
    // The record index beside this build's Astro cache: cold when it is (the logs' paths and bytes are the same every run).
    env: {
      ...process.env,
      NISSHI_LOGS_DIR: path.relative(projectRoot, place.logsDir),
      NISSHI_TODAY: today,
      NISSHI_SITE_URL: 'https://example.com/',
      NISSHI_CACHE_DIR: path.join(place.dir, 'cache', 'nisshi'),
    },
    logFile: path.join(place.dir, logName),
    timeoutMs: STEP_TIMEOUT_MS,
  });
}

/** The search index of a built site, the second half of `npm run build`. */
export function buildSiteSearchIndex(place: SitePlace, dist: string, logName: string): Promise<ChildResult> {
  return runMeasured({
    // The search index's parts are cached beside this build's Astro cache: cold when it is, warm when it is.
    args: ['scripts/build-search-index.ts', dist, '--cache', path.join(place.dir, 'cache', 'nisshi-search')],
    cwd: projectRoot,
    env: process.env,
    logFile: path.join(place.dir, logName),
    timeoutMs: STEP_TIMEOUT_MS,
  });
}

/** `npm run build` whole: astro build, then the search index; times add up, the peak is the larger. */
export async function npmRunBuild(place: SitePlace, dist: string, today: string, name: string): Promise<{ astro: ChildResult; search: ChildResult; both: ChildResult }> {
  const astro = await buildSite(place, dist, today, `${name}.log`);
  const search = await buildSiteSearchIndex(place, dist, `${name}-search.log`);
  return { astro, search, both: combined(astro, search) };
}

/** The floor project written into `floorDir` over `logsDir`, then `astro build` of it into its dist/. */
export async function buildFloor(
  floorDir: string,
  logsDir: string,
  logFile: string,
  options: FloorOptions = {},
): Promise<{ result: ChildResult; resolution: string; dist: string }> {
  const resolution = await writeFloorProject(floorDir, logsDir, projectRoot, options);
  return { resolution, ...(await buildFloorAgain(floorDir, logFile)) };
}

/** `astro build` of a floor project already written (a second build reuses its store, as ours does). */
export async function buildFloorAgain(floorDir: string, logFile: string): Promise<{ result: ChildResult; dist: string }> {
  const dist = path.join(floorDir, 'dist');
  const result = await runMeasured({
    args: [astroBin, 'build', '--root', floorDir, '--outDir', dist],
    cwd: projectRoot,
    env: process.env,
    logFile,
    timeoutMs: STEP_TIMEOUT_MS,
  });
  return { result, dist };
}

/** Two steps run one after the other: times add up, the peak is the larger peak. */
export function combined(first: ChildResult, second: ChildResult): ChildResult {
  const peaks = [first.peakRssKb, second.peakRssKb].filter((kb): kb is number => kb !== undefined);
  const cpuMs = first.cpuMs === undefined || second.cpuMs === undefined ? undefined : first.cpuMs + second.cpuMs;
  return { ...first, ms: first.ms + second.ms, peakRssKb: peaks.length > 0 ? Math.max(...peaks) : undefined, processes: new Map(), cpuMs };
}
