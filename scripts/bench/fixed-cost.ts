/**
 * What a build costs with next to nothing to do: the site and the floor
 * project each built over one log (the corpus's newest published one), cold
 * and then again with nothing changed. It bounds the two ratios of issue 21
 * together: with the cold build at its most, 1.30× the floor, a one-log
 * rebuild may take 0.25 × 1.30 = 0.325× the floor's cold build. When the
 * site over a single log already takes that long with nothing changed, no
 * speed of ours per log meets both; only a smaller fixed cost (Astro's start,
 * Vite, the page build) would. Beside it, the floor given Astro's own
 * incremental build, over the whole corpus: what bare Astro takes to build
 * again with nothing changed.
 */
import { readFileSync } from 'node:fs';
import { copyFile, mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { ChildResult } from './child.ts';
import { buildFloor, buildFloorAgain, npmRunBuild, type SitePlace } from './site-build.ts';

/** The ratio targets of the site bench (issue 21). */
export const COLD_TARGET = 1.3;
export const REBUILD_TARGET = 0.25;

/** The longest one-log rebuild that meets both targets when the floor's cold build takes `floorColdMs`. */
export function jointRebuildBoundMs(floorColdMs: number): number {
  return REBUILD_TARGET * COLD_TARGET * floorColdMs;
}

export interface FixedCost {
  log: string;
  ours: { cold: ChildResult; again: ChildResult };
  floor: { cold: ChildResult; again: ChildResult };
}

/**
 * Builds the site and the floor over `logFile` alone, each twice, in folders
 * of their own below `benchDir` (removed after). `logFile` is relative to `logsDir`.
 */
export async function measureFixedCost(benchDir: string, logsDir: string, logFile: string, today: string): Promise<FixedCost> {
  const place: SitePlace = { dir: path.join(benchDir, 'one-log'), logsDir: path.join(benchDir, 'one-log', 'logs') };
  const floorDir = path.join(benchDir, 'one-log-floor');
  const dist = path.join(place.dir, 'dist');
  await rm(place.dir, { recursive: true, force: true });
  await rm(floorDir, { recursive: true, force: true });
  try {
    await mkdir(place.logsDir, { recursive: true });
    await copyFile(path.join(logsDir, logFile), path.join(place.logsDir, path.basename(logFile)));
    const oursCold = await npmRunBuild(place, dist, today, 'cold');
    const oursAgain = await npmRunBuild(place, dist, today, 'again');
    const floorCold = await buildFloor(floorDir, place.logsDir, path.join(place.dir, 'floor-cold.log'));
    const floorAgain = await buildFloorAgain(floorDir, path.join(place.dir, 'floor-again.log'));
    return { log: logFile, ours: { cold: oursCold.both, again: oursAgain.both }, floor: { cold: floorCold.result, again: floorAgain.result } };
  } finally {
    await rm(floorDir, { recursive: true, force: true });
    for (const entry of ['logs', 'dist', 'cache']) await rm(path.join(place.dir, entry), { recursive: true, force: true });
  }
}

/** What bare Astro's incremental build did: its two builds, and how many pages the second took from the first. */
export interface IncrementalFloor {
  cold: ChildResult;
  again: ChildResult;
  /** Pages Astro kept or copied back from its cache (`(cached)`, `(restored)` in its log) instead of rendering them. */
  kept: number;
}

/** The floor with Astro's incremental build over all of `logsDir`: cold, then again with nothing changed. */
export async function measureIncrementalFloor(benchDir: string, logsDir: string): Promise<IncrementalFloor> {
  const floorDir = path.join(benchDir, 'incremental-floor');
  await rm(floorDir, { recursive: true, force: true });
  try {
    const cold = await buildFloor(floorDir, logsDir, path.join(benchDir, 'incremental-floor-cold.log'), { incremental: true });
    const againLog = path.join(benchDir, 'incremental-floor-again.log');
    const again = await buildFloorAgain(floorDir, againLog);
    const kept = (readFileSync(againLog, 'utf8').match(/\((?:cached|restored)\)/g) ?? []).length;
    return { cold: cold.result, again: again.result, kept };
  } finally {
    await rm(floorDir, { recursive: true, force: true });
  }
}

/**
 * The report's lines: the fixed cost of each project, and the bound the two
 * targets set together against what the site takes over one log and over
 * the whole corpus with nothing changed.
 */
export function fixedCostLines(
  fixed: FixedCost,
  floorColdMs: number,
  unchangedMs: number,
  oursColdMs: number,
  incrementalFloor: IncrementalFloor,
): string[] {
  const bound = jointRebuildBoundMs(floorColdMs);
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  const { cold, again, kept } = incrementalFloor;
  return [
    `  one log alone (${fixed.log}): \`npm run build\` cold ${s(fixed.ours.cold.ms)}, again with nothing changed ${s(fixed.ours.again.ms)}; ` +
      `floor cold ${s(fixed.floor.cold.ms)}, again ${s(fixed.floor.again.ms)}`,
    `  all logs, nothing changed: \`npm run build\` ${s(unchangedMs)} = ${(unchangedMs / oursColdMs).toFixed(2)}× of the cold build`,
    `  both targets at once: cold ≤ ${COLD_TARGET.toFixed(2)}× the floor (${s(floorColdMs)}) leaves a one-log rebuild ≤ ` +
      `${REBUILD_TARGET} × ${COLD_TARGET} × ${s(floorColdMs)} = ${s(bound)}; the site over one log with nothing changed takes ` +
      `${s(fixed.ours.again.ms)} (${(fixed.ours.again.ms / bound).toFixed(2)}× that bound)`,
    `  the floor with Astro's incremental build (a cacheKey per log page), all logs: cold ${s(cold.ms)}, again with nothing ` +
      `changed ${s(again.ms)} = ${(again.ms / cold.ms).toFixed(2)}× of its cold build (${kept} pages taken from its cache, not rendered)`,
  ];
}
