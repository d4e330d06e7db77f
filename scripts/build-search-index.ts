/**
 * Builds the Pagefind search index of the built site (dist/), one index for
 * the newest month of logs and one per year of the others
 * (search-index/partitions.ts) under dist/pagefind/<part>/, and
 * dist/pagefind/parts.json listing them for the search page, which merges
 * them at query time. A part whose pages are byte for byte those of the last
 * build is copied from the cache instead of indexed again. Any error Pagefind
 * reports fails the build: a site whose search silently misses pages is worse
 * than no deploy.
 *
 *   node scripts/build-search-index.ts [dist] [--cache folder]
 *
 * The cache defaults to node_modules/.astro/nisshi-search, beside Astro's own
 * (CI keeps that folder between runs).
 */
import { execFile } from 'node:child_process';
import { cp, link, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, promisify } from 'node:util';
import * as pagefind from 'pagefind';
import { fingerprint, groupPages, LOG_PAGE, partitionsOf, type IndexedPage } from './search-index/partitions.ts';

export interface SearchIndexResult {
  pages: number;
  /** Parts indexed by Pagefind on this run, and parts copied from the cache. */
  built: string[];
  reused: string[];
}

export interface SearchIndexOptions {
  cacheDir?: string;
  /** Which part a page goes to; the newest month and then by year (partitionsOf) unless a test wants other parts. */
  partOf?: (sourcePath: string) => string;
}

const PARALLEL_PARTS = 2;
const DEFAULT_CACHE = 'node_modules/.astro/nisshi-search';
/** Files of Pagefind's UI that the search page loads from /pagefind/ itself (any part's copy will do). */
const UI_FILES = ['pagefind-ui.js', 'pagefind-ui.css'];

export async function buildSearchIndex(site: string, options: SearchIndexOptions = {}): Promise<SearchIndexResult> {
  const cacheDir = path.resolve(options.cacheDir ?? DEFAULT_CACHE);
  if (!(await readdir(site).catch(() => null))) throw new Error(`${site} does not exist; did the Astro build run?`);
  const pages = await logPages(site);
  const output = path.join(site, 'pagefind');
  await rm(output, { recursive: true, force: true });
  await mkdir(output, { recursive: true });
  const version = await pagefindVersion();
  const parts = groupPages(pages, options.partOf ?? partitionsOf(pages.map((page) => page.sourcePath)));
  const result: SearchIndexResult = { pages: pages.length, built: [], reused: [] };
  // Two parts at a time: Pagefind indexes one part on one core, and parts are independent.
  const queue = [...parts];
  const worker = async (): Promise<void> => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      const [part, partPages] = next;
      const cached = path.join(cacheDir, part);
      const print = fingerprint(partPages, version);
      const target = path.join(output, part);
      if ((await readFile(path.join(cached, 'fingerprint'), 'utf8').catch(() => '')) === print) {
        await linkTree(path.join(cached, 'index'), target);
        result.reused.push(part);
        continue;
      }
      await indexPart(site, partPages, target);
      // The cache entry is replaced whole, fingerprint last: an interrupted run leaves no entry that looks complete.
      await rm(cached, { recursive: true, force: true });
      await mkdir(cached, { recursive: true });
      await linkTree(target, path.join(cached, 'index'));
      await writeFile(path.join(cached, 'fingerprint'), print);
      result.built.push(part);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(PARALLEL_PARTS, availableParallelism())) }, worker));
  // In part order (newest first) whatever order the workers finished in.
  const order = [...parts.keys()];
  result.built.sort((a, b) => order.indexOf(a) - order.indexOf(b));
  result.reused.sort((a, b) => order.indexOf(a) - order.indexOf(b));
  // Parts that no longer exist (a year whose logs were all removed) leave the cache too.
  for (const stale of await readdir(cacheDir).catch(() => [] as string[])) {
    if (!parts.has(stale)) await rm(path.join(cacheDir, stale), { recursive: true, force: true });
  }
  // No logs yet (an empty logs/ is a valid site): no parts, and the search page says so.
  const first = [...parts.keys()][0];
  if (first !== undefined) for (const file of UI_FILES) await cp(path.join(output, first, file), path.join(output, file));
  await writeFile(path.join(output, 'parts.json'), `${JSON.stringify([...parts.keys()])}\n`);
  return result;
}

/** The built log pages, the only pages with `data-pagefind-body`: the rest of the site is never searched. */
async function logPages(site: string): Promise<IndexedPage[]> {
  const logs = path.join(site, 'logs');
  const folders = await readdir(logs, { withFileTypes: true }).catch(() => []);
  const pages: IndexedPage[] = [];
  for (const folder of folders) {
    if (!folder.isDirectory()) continue;
    const sourcePath = `logs/${folder.name}/index.html`;
    const html = await readFile(path.join(site, sourcePath)).catch(() => null);
    // Archive folders (logs/2025/) hold a list, not a log: no data-pagefind-body, nothing to index.
    if (html === null || !html.includes('data-pagefind-body')) continue;
    pages.push({ sourcePath, html });
  }
  return pages;
}

const decoder = new TextDecoder();
/** Pagefind's package as Node resolves it (lib/index.js): its command line and its version come from there. */
const pagefindMain = import.meta.resolve('pagefind');
const pagefindCli = fileURLToPath(new URL('runner/bin.cjs', pagefindMain));
const run = promisify(execFile);
/** Slugs a glob can list as they are. */
const PLAIN_SLUG = /^[\w-]+$/;

/**
 * One part's index. Pagefind's command line reads the pages from disk itself,
 * several times faster than sending them through its Node API (2.5 s against
 * about 4 s for a year of generated logs); the API is kept for the slugs a glob
 * cannot name safely.
 */
async function indexPart(site: string, pages: readonly IndexedPage[], outputPath: string): Promise<void> {
  const slugs = pages.map((page) => LOG_PAGE.exec(page.sourcePath)![1]!);
  if (slugs.every((slug) => PLAIN_SLUG.test(slug))) {
    const glob = slugs.length === 1 ? `logs/${slugs[0]}/index.html` : `logs/{${slugs.join(',')}}/index.html`;
    try {
      await run(process.execPath, [pagefindCli, '--site', site, '--glob', glob, '--output-path', outputPath, '--quiet'], { maxBuffer: 16 * 1024 * 1024 });
    } catch (error) {
      const failed = error as { stderr?: string; stdout?: string; message: string };
      throw new Error(`pagefind failed on ${outputPath}: ${(failed.stderr || failed.stdout || failed.message).trim()}`);
    }
    return;
  }
  const { index, errors } = await pagefind.createIndex({});
  if (!index || errors.length > 0) throw new Error(`pagefind could not start: ${errors.join('; ')}`);
  for (const page of pages) {
    const added = await index.addHTMLFile({ sourcePath: page.sourcePath, content: decoder.decode(page.html) });
    if (added.errors.length > 0) throw new Error(`pagefind failed on ${page.sourcePath}: ${added.errors.join('; ')}`);
  }
  const written = await index.writeFiles({ outputPath });
  if (written.errors.length > 0) throw new Error(`pagefind could not write its index: ${written.errors.join('; ')}`);
  await index.deleteIndex();
}

/**
 * A part put in place, or into the cache, as hard links: thousands of small
 * files, and neither side ever changes a file in place (the build and this
 * script remove and write anew). A copy where links cannot be made (another
 * file system).
 */
async function linkTree(from: string, to: string): Promise<void> {
  await mkdir(to, { recursive: true });
  for (const entry of await readdir(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (entry.isDirectory()) await linkTree(source, target);
    else await link(source, target).catch(() => cp(source, target));
  }
}

async function pagefindVersion(): Promise<string> {
  const manifest = JSON.parse(await readFile(new URL('../package.json', pagefindMain), 'utf8')) as { version: string };
  return manifest.version;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { cache: { type: 'string' } } });
  const site = positionals[0] ?? 'dist';
  try {
    const started = performance.now();
    const result = await buildSearchIndex(site, { cacheDir: values.cache });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      `search index: ${result.pages} page(s) indexed into ${site}/pagefind in ${seconds} s ` +
        `(${result.built.length} part(s) built${result.built.length > 0 ? `: ${result.built.join(', ')}` : ''}; ${result.reused.length} unchanged, from the cache)`,
    );
  } catch (error) {
    console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  } finally {
    await pagefind.close();
  }
}
