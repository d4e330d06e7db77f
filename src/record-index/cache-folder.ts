/**
 * Where the record index lives: `node_modules/.cache/nisshi/` of the project
 * (the folder of the nearest package.json at or above where nisshi runs, as
 * babel, eslint and ava place their caches; the Astro build uses its project
 * root, so `nisshi check` and `npm run build` share one index). The folder is
 * a cache: deleting it is always safe, it is only made again.
 *
 * NISSHI_CACHE_DIR names another folder; NISSHI_NO_CACHE=1 (or `--no-cache`)
 * turns the index off.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';

export interface CacheEnvironment {
  NISSHI_CACHE_DIR?: string | undefined;
  NISSHI_NO_CACHE?: string | undefined;
}

/** The index's folder for a project at or below `start`, or null when the index is turned off. */
export function cacheFolder(start: string, env: CacheEnvironment = process.env): string | null {
  if (isOn(env.NISSHI_NO_CACHE)) return null;
  if (env.NISSHI_CACHE_DIR && env.NISSHI_CACHE_DIR.trim() !== '') return path.resolve(start, env.NISSHI_CACHE_DIR);
  return path.join(projectRoot(start), 'node_modules', '.cache', 'nisshi');
}

/** The nearest folder at or above `start` holding a package.json; `start` itself when there is none. */
export function projectRoot(start: string): string {
  let folder = path.resolve(start);
  for (;;) {
    if (existsSync(path.join(folder, 'package.json'))) return folder;
    const parent = path.dirname(folder);
    if (parent === folder) return path.resolve(start);
    folder = parent;
  }
}

function isOn(value: string | undefined): boolean {
  return value !== undefined && value !== '' && value !== '0' && value.toLowerCase() !== 'false';
}
