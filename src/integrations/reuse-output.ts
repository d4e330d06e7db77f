/**
 * `astro build`: a rebuild keeps the last build's files in the output folder
 * and removes afterwards what this build did not make.
 *
 * Astro empties the output folder before every build and then, for each page
 * whose cacheKey is unchanged, copies the page back from its cache
 * (experimental.incrementalBuild). At ten years of logs that is 8,500 files
 * deleted and 3,600 pages copied back after a one-log edit, ≈ 3 s of a 20 s
 * rebuild. When the folder is left in place Astro keeps a page that is
 * already there instead of copying it (its own `existsInDist` check).
 *
 * What a build no longer makes must not stay behind: a log that was deleted,
 * or that became a draft, still has last build's page there. So after the
 * build every file that it neither wrote nor kept is removed: a file counts
 * as made by this build when Astro lists it among the routes' output files
 * (kept pages are listed as well), when it is an image Astro's incremental-build
 * manifest names for one of this build's pages (Astro copies an image from its
 * cache with the cache file's old mtime, and lists no image among the routes'
 * files), when it was written after the build started (compared by the file
 * system's own clock: a marker's mtime), or when it is a copy of a file in public/.
 *
 * The folder is only kept when it is the one the last build of this cache
 * finished: a stamp in the cache (output folder + a digest of Astro's
 * incremental-build manifest) is written at the end of a build and removed at
 * its start, so an interrupted build, another output folder or another cache
 * make the next build start from an empty folder, as Astro would. So does a
 * manifest of a shape this code does not know (a newer Astro's): without it the
 * build's images cannot be told from last build's.
 */
import type { AstroIntegration } from 'astro';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { listFiles } from '../files/list-files.ts';
import { isSearchIndexFile } from '../search/layout.ts';

/** Astro's incremental-build manifest in the cache folder (astro/dist/core/build/incremental.js). */
const INCREMENTAL_MANIFEST = 'incremental-build.json';
const STAMP = 'nisshi-output.json';
const MARKER = 'nisshi-build-started';
/** How many removed files the build's log names (a deleted log's page is worth seeing; 4,000 search files are not). */
const SHOWN_STALE = 5;

/** What the last finished build left: its output folder and the incremental manifest it wrote. */
export interface OutputStamp {
  outDir: string;
  manifest: string;
}

/** The manifest's format this code reads (astro/dist/core/build/incremental.js). */
const MANIFEST_VERSION = 1;

/**
 * The images (paths in the output folder) Astro's incremental-build manifest
 * names for the pages of the build that wrote it, or undefined when the
 * manifest is not of the shape this code knows. `base` is the site's base path,
 * which an image's finalPath may start with.
 */
export function manifestImages(text: string, base: string): Set<string> | undefined {
  let manifest: unknown;
  try {
    manifest = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isObject(manifest) || manifest.version !== MANIFEST_VERSION || !isObject(manifest.routes)) return undefined;
  const prefix = base.endsWith('/') ? base : `${base}/`;
  const images = new Set<string>();
  for (const route of Object.values(manifest.routes)) {
    if (!isObject(route) || !isObject(route.paths)) return undefined;
    for (const page of Object.values(route.paths)) {
      if (!isObject(page)) return undefined;
      if (page.staticImages === undefined) continue;
      if (!Array.isArray(page.staticImages)) return undefined;
      for (const image of page.staticImages) {
        if (!isObject(image) || typeof image.finalPath !== 'string') return undefined;
        const finalPath = decodedPath(image.finalPath);
        images.add(finalPath.startsWith(prefix) ? finalPath.slice(prefix.length) : finalPath.replace(/^\/+/, ''));
      }
    }
  }
  return images;
}

/** An image's path as a file name: Astro may write one of a Japanese name percent-encoded. */
function decodedPath(url: string): string {
  try {
    return decodeURI(url);
  } catch {
    return url;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readManifest(cacheDir: string): string | undefined {
  try {
    return readFileSync(path.join(cacheDir, INCREMENTAL_MANIFEST), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** What the build made: output files Astro listed, files of public/, and when the build started. */
export interface BuildOutputs {
  listed: ReadonlySet<string>;
  publicFiles: ReadonlySet<string>;
  startedMs: number;
}

/**
 * The files of the output folder (paths relative to it, '/' separators) this
 * build did not make: last build's, now stale. `mtimeOf` is asked only for
 * files the build did not list (a few thousand stats fewer at ten years).
 */
export function staleFiles(files: Iterable<string>, outputs: BuildOutputs, mtimeOf: (file: string) => number): string[] {
  const stale: string[] = [];
  for (const file of files) {
    if (outputs.listed.has(file) || outputs.publicFiles.has(file)) continue;
    if (mtimeOf(file) >= outputs.startedMs) continue;
    stale.push(file);
  }
  return stale.sort();
}

/** Whether the output folder may be kept: it is what the last finished build of this cache left. */
export function mayKeepOutput(stamp: OutputStamp | undefined, outDir: string, manifest: string | undefined): boolean {
  return stamp !== undefined && manifest !== undefined && stamp.outDir === outDir && stamp.manifest === manifest;
}

function manifestDigest(manifest: string | undefined): string | undefined {
  return manifest === undefined ? undefined : createHash('sha256').update(manifest).digest('hex');
}

function readStamp(file: string): OutputStamp | undefined {
  try {
    const stamp = JSON.parse(readFileSync(file, 'utf8')) as Partial<OutputStamp>;
    return typeof stamp.outDir === 'string' && typeof stamp.manifest === 'string' ? { outDir: stamp.outDir, manifest: stamp.manifest } : undefined;
  } catch {
    // No stamp, or an unreadable one: the folder is emptied, as Astro does by default.
    return undefined;
  }
}

/**
 * What the build's log says of the removed files: the pages a writer may want
 * to see named (a deleted log's, a new draft's), and last build's search index
 * (written after Astro by `npm run build`'s next step, so removed every time) as
 * one count.
 */
export function removalLines(stale: readonly string[]): string[] {
  const search = stale.filter(isSearchIndexFile);
  const others = stale.filter((file) => !isSearchIndexFile(file));
  const lines: string[] = [];
  if (others.length > 0) {
    const more = others.length > SHOWN_STALE ? `, and ${others.length - SHOWN_STALE} more` : '';
    lines.push(`removed ${others.length} file(s) the last build made and this one did not: ${others.slice(0, SHOWN_STALE).join(', ')}${more}`);
  }
  if (search.length > 0) lines.push(`removed last build's search index (${search.length} file(s)); scripts/build-search-index.ts writes it again`);
  return lines;
}

/** Removes the folders under `root` that are empty once the stale files are gone (deepest first). */
function removeEmptyFolders(root: string, files: readonly string[]): void {
  const folders = new Set<string>();
  for (const file of files) {
    for (let folder = path.posix.dirname(file); folder !== '.'; folder = path.posix.dirname(folder)) folders.add(folder);
  }
  for (const folder of [...folders].sort((a, b) => b.length - a.length)) {
    const full = path.join(root, folder);
    if (readdirSync(full).length === 0) rmdirSync(full);
  }
}

export function reuseOutput(): AstroIntegration {
  let keep = false;
  let outDir = '';
  let cacheDir = '';
  let publicDir = '';
  let base = '/';
  let startedMs = 0;
  return {
    name: 'nisshi:reuse-output',
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig, logger }) => {
        if (command !== 'build' || config.vite?.build?.emptyOutDir === false) return;
        outDir = fileURLToPath(config.outDir);
        cacheDir = fileURLToPath(config.cacheDir);
        publicDir = fileURLToPath(config.publicDir);
        base = config.base;
        const stampFile = path.join(cacheDir, STAMP);
        const manifest = readManifest(cacheDir);
        keep = existsSync(outDir) && mayKeepOutput(readStamp(stampFile), outDir, manifestDigest(manifest));
        // Until this build finishes, its folder is not one the next build may keep.
        rmSync(stampFile, { force: true });
        if (!keep) return;
        if (manifest === undefined || manifestImages(manifest, base) === undefined) {
          keep = false;
          logger.info("Astro's incremental-build manifest is of a shape nisshi does not know: this build starts from an empty output folder");
          return;
        }
        logger.info(`keeping ${path.relative(process.cwd(), outDir) || '.'}/ from the last build; what this build does not make is removed after it`);
        updateConfig({ vite: { build: { emptyOutDir: false } } });
      },
      'astro:build:start': () => {
        if (outDir === '') return;
        // The file system's clock, not the process's: an mtime is set by the former, at its own granularity.
        const marker = path.join(cacheDir, MARKER);
        writeFileSync(marker, '');
        startedMs = statSync(marker).mtimeMs;
        rmSync(marker);
      },
      'astro:build:done': ({ assets, logger }) => {
        if (outDir === '') return;
        const manifest = readManifest(cacheDir);
        if (keep) {
          const images = manifestImages(manifest ?? '', base);
          if (images === undefined) {
            // Astro wrote a manifest this code cannot read: its images cannot be told from last build's, so
            // nothing is removed, and no stamp is written: the next build starts from an empty folder.
            logger.warn("Astro's incremental-build manifest is of a shape nisshi does not know: nothing removed from the output folder; the next build starts from an empty one");
            return;
          }
          const listed = new Set<string>(images);
          for (const urls of assets.values()) {
            for (const url of urls) listed.add(path.relative(outDir, fileURLToPath(url)).split(path.sep).join('/'));
          }
          const publicFiles = new Set(existsSync(publicDir) ? listFiles(publicDir) : []);
          const stale = staleFiles(listFiles(outDir), { listed, publicFiles, startedMs }, (file) => statSync(path.join(outDir, file)).mtimeMs);
          for (const file of stale) rmSync(path.join(outDir, file));
          removeEmptyFolders(outDir, stale);
          for (const line of removalLines(stale)) logger.info(line);
        }
        const digest = manifestDigest(manifest);
        if (digest !== undefined) writeFileSync(path.join(cacheDir, STAMP), `${JSON.stringify({ outDir, manifest: digest } satisfies OutputStamp)}\n`);
      },
    },
  };
}
