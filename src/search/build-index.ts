/**
 * Builds the search index of the built site (dist/): the log pages read
 * (extract.ts) into one file per part (partitions.ts) under
 * dist/search-index/<part>/, named by content, and dist/search-index/parts.json
 * listing them newest first for the search page (layout.ts). A part whose
 * pages are byte for byte those of the last build is taken from the cache
 * instead of being read again.
 *
 * The cache defaults to node_modules/.astro/nisshi-search, beside Astro's own
 * (CI keeps that folder between runs).
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { copyFile, link, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SEARCH_INDEX_DIR, SEARCH_MANIFEST, searchPartFile } from './layout.ts';
import { FORMAT } from './part-json.ts';
import { partJsons } from './part-threads.ts';
import { fingerprint, groupPages, partitionsOf, type IndexedPage } from './partitions.ts';

export { FORMAT, type SearchPartFile } from './part-json.ts';

export interface SearchIndexResult {
  pages: number;
  /** Parts read from their pages on this run, and parts copied from the cache. */
  built: string[];
  reused: string[];
  /** Bytes of the index files written (the parts and the list of them). */
  bytes: number;
}

export interface SearchIndexOptions {
  cacheDir?: string;
  /** Which part a page goes to; the newest month and then by year (partitionsOf) unless a test wants other parts. */
  partOf?: (sourcePath: string) => string;
}

/** What search-index/parts.json holds: the parts newest first, each with its file (relative to search-index/). */
export interface SearchManifest {
  version: typeof FORMAT;
  parts: Array<{ name: string; file: string; logs: number }>;
}

const DEFAULT_CACHE = 'node_modules/.astro/nisshi-search';
const PART_FILE = 'part.json';
const STAMP = 'stamp';

export async function buildSearchIndex(site: string, options: SearchIndexOptions = {}): Promise<SearchIndexResult> {
  const cacheDir = path.resolve(options.cacheDir ?? DEFAULT_CACHE);
  if (!(await readdir(site).catch(() => null))) throw new Error(`${site} does not exist; did the Astro build run?`);
  const pages = logPages(site);
  const output = path.join(site, SEARCH_INDEX_DIR);
  await rm(output, { recursive: true, force: true });
  await mkdir(output, { recursive: true });
  const version = await indexVersion();
  const parts = groupPages(pages, options.partOf ?? partitionsOf(pages.map((page) => page.sourcePath)));
  const result: SearchIndexResult = { pages: pages.length, built: [], reused: [], bytes: 0 };
  const manifest: SearchManifest = { version: FORMAT, parts: [] };
  // The parts whose pages changed since the cache's entry was made are read again, side by side (part-threads.ts).
  const entries = await Promise.all(
    [...parts].map(async ([part, partPages]) => {
      const cached = path.join(cacheDir, part);
      const print = fingerprint(partPages, version);
      // The cache entry: the part's file, and a stamp of what it was made from and of its content (its name in dist/).
      const [stampPrint, stampHash] = (await readFile(path.join(cached, STAMP), 'utf8').catch(() => '')).split('\n');
      return { part, partPages, cached, print, contentHash: stampPrint === print && stampHash ? stampHash : undefined };
    }),
  );
  const stale = entries.filter((entry) => entry.contentHash === undefined);
  const made = await partJsons(stale.map((entry) => ({ part: entry.part, pages: entry.partPages })));
  const jsonOf = new Map(stale.map((entry, index) => [entry.part, made[index]!]));
  for (const { part, partPages, cached, print, contentHash: known } of entries) {
    let contentHash = known;
    if (contentHash === undefined) {
      const json = jsonOf.get(part)!;
      contentHash = createHash('sha256').update(json).digest('hex').slice(0, 16);
      // The cache entry is replaced whole, stamp last: an interrupted run leaves no entry that looks complete.
      await rm(cached, { recursive: true, force: true });
      await mkdir(cached, { recursive: true });
      await writeFile(path.join(cached, PART_FILE), json);
      await writeFile(path.join(cached, STAMP), `${print}\n${contentHash}`);
      result.built.push(part);
    } else {
      result.reused.push(part);
    }
    const file = searchPartFile(part, contentHash);
    const target = path.join(site, file);
    await mkdir(path.dirname(target), { recursive: true });
    // A hard link where it can be made: neither side ever changes a file in place.
    await link(path.join(cached, PART_FILE), target).catch(() => copyFile(path.join(cached, PART_FILE), target));
    result.bytes += statSync(target).size;
    manifest.parts.push({ name: part, file: path.posix.relative(SEARCH_INDEX_DIR, file), logs: partPages.length });
  }
  // Parts that no longer exist (a year whose logs were all removed) leave the cache too.
  for (const stale of await readdir(cacheDir).catch(() => [] as string[])) {
    if (!parts.has(stale)) await rm(path.join(cacheDir, stale), { recursive: true, force: true });
  }
  // No logs yet (an empty logs/ is a valid site): no parts, and the search page says so.
  const list = `${JSON.stringify(manifest)}\n`;
  await writeFile(path.join(site, SEARCH_MANIFEST), list);
  result.bytes += Buffer.byteLength(list);
  return result;
}

/**
 * The built log pages, the only pages with `data-search-body`: the rest of the
 * site is never searched. Read synchronously: thousands of small files, each
 * read through the thread pool, cost seconds of waiting on a busy machine.
 */
function logPages(site: string): IndexedPage[] {
  const logs = path.join(site, 'logs');
  const folders = existsSync(logs) ? readdirSync(logs, { withFileTypes: true }) : [];
  const pages: IndexedPage[] = [];
  for (const folder of folders) {
    if (!folder.isDirectory()) continue;
    const sourcePath = `logs/${folder.name}/index.html`;
    const file = path.join(site, sourcePath);
    if (!existsSync(file)) continue;
    const html = readFileSync(file);
    // Archive folders (logs/2025/) hold a list, not a log: no data-search-body, nothing to index.
    if (html.includes('data-search-body')) pages.push({ sourcePath, html });
  }
  return pages;
}

/** The code that turns pages into the index (this folder and the HTML parser): other code, other index. */
let version: string | undefined;
async function indexVersion(): Promise<string> {
  if (version !== undefined) return version;
  const hash = createHash('sha256').update(`format ${FORMAT}\n`);
  const folder = fileURLToPath(new URL('./', import.meta.url));
  for (const name of (await readdir(folder)).filter((file) => file.endsWith('.ts')).sort()) {
    hash.update(name).update('\0').update(await readFile(path.join(folder, name))).update('\0');
  }
  const parser = JSON.parse(await readFile(new URL('../../package.json', import.meta.resolve('htmlparser2')), 'utf8')) as { name: string; version: string };
  hash.update(`${parser.name} ${parser.version}`);
  version = hash.digest('hex').slice(0, 16);
  return version;
}
