/**
 * The `search` bench section: the search index of a site of generated logs,
 * ours (src/search) beside the Pagefind index the site used before issue 25,
 * on both corpora (the generator's 7 KB logs and real-sized 1 KB ones from
 * ../shared/tools/gen-small-logs.py). For each:
 *
 *   - index bytes (on disk, and gzip as CloudFront sends them) and build time,
 *     cold and after one page changed;
 *   - in Chromium: the first visit of /search/ (everything downloaded), a
 *     visit with the index in the browser's cache, and the time from the last
 *     keystroke of a query to its results on the page;
 *   - Pagefind's first query in the same browser: bytes fetched, time, and
 *     how many results it gives for queries no log holds.
 *
 *   npm run bench -- search [--count 3650] [--seed 1]
 */
import { execFile } from 'node:child_process';
import { createReadStream, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { contentTypeFor, headerRules } from '../../src/deploy/headers.ts';
import { buildSearchIndex } from '../../src/search/build-index.ts';
import { groupPages, LOG_PAGE, partitionsOf } from '../../src/search/partitions.ts';
import { generateLogs } from '../generate-logs.ts';
import { runMeasured, type ChildResult } from './child.ts';
import { decimal, integer, type BenchSection } from './section.ts';

const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
const work = path.join(projectRoot, 'tmp/bench-search');
const astroBin = path.join(projectRoot, 'node_modules/astro/bin/astro.mjs');
const pagefindCli = fileURLToPath(new URL('runner/bin.cjs', import.meta.resolve('pagefind')));
const smallLogTool = path.join(projectRoot, '../shared/tools/gen-small-logs.py');
const run = promisify(execFile);

/** Typed in the browser: a kanji compound, katakana, an identifier, a phrase, two words, many results, none. */
const TYPED = ['詳細設計', 'コールドスタート', 'TimeSeriesSplit', 'テストを書く', 'Lambda 設定', '学習', '存在しない単語ほげほげ'];
/** Asked of Pagefind too: the issue's queries that no generated log holds, and two that many do. */
const COMPARED = ['存在しない単語ほげほげ', 'ほげほげふがふが', '量子もつれ暗号', 'AccessDenied', 'コールドスタート', 'TimeSeriesSplit'];

const mb = (bytes: number) => `${decimal.format(bytes / 1e6)} MB`;
const ms = (value: number) => `${integer.format(value)} ms`;
const seconds = (value: number) => `${(value / 1000).toFixed(1)} s`;

export const searchSection: BenchSection = {
  name: 'search',
  async run({ count, seed }) {
    const corpora: Array<[string, (folder: string) => Promise<void>]> = [
      ['generated logs (~7 KB)', async (folder) => {
        for (const log of generateLogs(count, { seed, startDate: '2016-01-01' })) {
          await mkdir(path.dirname(path.join(folder, log.path)), { recursive: true });
          await writeFile(path.join(folder, log.path), log.text);
        }
      }],
    ];
    if (existsSync(smallLogTool)) corpora.push(['real-sized logs (~1 KB, gen-small-logs.py)', async (folder) => void (await run('python3', [smallLogTool, String(count), folder]))]);
    else console.log(`  (${smallLogTool} not found: the real-sized corpus is skipped)`);
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      // gc() in the page, so the heap figure is what the index keeps, not garbage waiting to be collected.
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--js-flags=--expose-gc', '--enable-precise-memory-info'],
    });
    try {
      for (const [name, write] of corpora) await benchCorpus(name, count, write, browser);
    } finally {
      await browser.close();
      await rm(work, { recursive: true, force: true });
    }
  },
};

async function benchCorpus(name: string, count: number, write: (folder: string) => Promise<void>, browser: Browser): Promise<void> {
  await rm(work, { recursive: true, force: true });
  const logs = path.join(work, 'logs');
  await mkdir(logs, { recursive: true });
  await write(logs);
  const markdown = listFiles(logs).filter((file) => file.endsWith('.md'));
  const markdownBytes = markdown.reduce((sum, file) => sum + statSync(path.join(logs, file)).size, 0);
  console.log(`== search: ${integer.format(markdown.length)} ${name}, ${mb(markdownBytes)}; load average ${os.loadavg().map((load) => load.toFixed(2)).join(' ')}`);
  const dist = path.join(work, 'dist');
  const build = await astroBuild(logs, dist);
  console.log(`  astro build (the pages to index)${seconds(build.ms).padStart(12)}`);

  // Ours, cold (empty cache), then again after one page of the newest month changed.
  const cache = path.join(work, 'search-cache');
  let started = performance.now();
  const cold = await buildSearchIndex(dist, { cacheDir: cache });
  const coldMs = performance.now() - started;
  const ours = indexBytes(path.join(dist, 'search-index'));
  const newest = listFiles(path.join(dist, 'logs')).filter((file) => /^\d{4}-\d{2}-\d{2}[^/]*\/index\.html$/.test(file)).sort().at(-1)!;
  const edited = path.join(dist, 'logs', newest);
  await writeFile(edited, (await readFile(edited, 'utf8')).replace('</article>', '<p>ベンチマークのための一行</p></article>'));
  started = performance.now();
  const again = await buildSearchIndex(dist, { cacheDir: cache });
  const againMs = performance.now() - started;

  // Pagefind as the site ran it before: one bundle per part, two parts at a time.
  const pagefind = await pagefindIndex(dist, path.join(work, 'pagefind-site'));

  console.log(`  index                         ${'bytes on disk'.padStart(14)} ${'gzip'.padStart(10)} ${'files'.padStart(7)}   build (cold)   one page changed`);
  console.log(
    `  ours (src/search)             ${mb(ours.bytes).padStart(14)} ${mb(ours.gzip).padStart(10)} ${integer.format(ours.files).padStart(7)}   ${seconds(coldMs).padStart(12)}   ` +
      `${seconds(againMs)} (${again.built.join(', ') || 'nothing'} rebuilt of ${cold.built.length} parts)`,
  );
  console.log(
    `  Pagefind ${pagefind.version} (until issue 25) ${mb(pagefind.bytes).padStart(10)} ${mb(pagefind.gzip).padStart(10)} ${integer.format(pagefind.files).padStart(7)}   ${seconds(pagefind.ms).padStart(12)}   ` +
      `(index data alone: ${mb(pagefind.dataBytes)}; same parts)`,
  );
  console.log(`  bytes, ours / Pagefind${(ours.bytes / pagefind.bytes).toFixed(2).padStart(20)}×   (target ≤ 1.50×)`);

  const { server, url } = await serve(work);
  try {
    await oursInBrowser(browser, url);
    await pagefindInBrowser(browser, url, pagefind.parts);
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}

/** The site of these logs, with a cache of its own (the project's store is left alone). */
async function astroBuild(logs: string, dist: string): Promise<ChildResult> {
  const config = path.join(work, 'astro.config.mjs');
  await writeFile(config, `import config from '../../astro.config.mjs';\n\nexport default { ...config, cacheDir: ${JSON.stringify(path.join(work, 'cache'))} };\n`);
  const files = listFiles(logs).filter((file) => file.endsWith('.md')).sort();
  const today = /(\d{4}-\d{2}-\d{2})/.exec(files.at(-1) ?? '')?.[1] ?? '2025-12-31';
  const result = await runMeasured({
    args: [astroBin, 'build', '--config', path.relative(projectRoot, config), '--outDir', dist],
    cwd: projectRoot,
    env: { ...process.env, NISSHI_LOGS_DIR: path.relative(projectRoot, logs), NISSHI_TODAY: today, NISSHI_SITE_URL: 'https://example.com/' },
    logFile: path.join(work, 'astro-build.log'),
    timeoutMs: 30 * 60_000,
  });
  return result;
}

function listFiles(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(folder, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
}

function indexBytes(folder: string, data?: (file: string) => boolean): { bytes: number; gzip: number; files: number; dataBytes: number } {
  let bytes = 0;
  let gzip = 0;
  let dataBytes = 0;
  const files = listFiles(folder);
  for (const file of files) {
    const content = readFileSync(path.join(folder, file));
    bytes += content.length;
    // Pagefind's chunks are gzip already (sent as they are); text files go out compressed by CloudFront.
    const compressed = content[0] === 0x1f && content[1] === 0x8b ? content.length : gzipSync(content).length;
    gzip += compressed;
    if (data?.(file)) dataBytes += content.length;
  }
  return { bytes, gzip, files: files.length, dataBytes };
}

/** The Pagefind index of the same pages, in the same parts, as scripts/build-search-index.ts made it before issue 25. */
async function pagefindIndex(dist: string, site: string) {
  const output = path.join(site, 'pagefind');
  await rm(site, { recursive: true, force: true });
  await mkdir(output, { recursive: true });
  const pages = listFiles(path.join(dist, 'logs')).filter((file) => /^[^/]+\/index\.html$/.test(file)).map((file) => ({ sourcePath: `logs/${file}`, html: new Uint8Array() }));
  const logPages = pages.filter((page) => readFileSync(path.join(dist, page.sourcePath), 'utf8').includes('data-search-body'));
  const parts = groupPages(logPages, partitionsOf(logPages.map((page) => page.sourcePath)));
  const queue = [...parts];
  const started = performance.now();
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      const [part, partPages] = next;
      const slugs = partPages.map((page) => LOG_PAGE.exec(page.sourcePath)![1]!);
      const glob = slugs.length === 1 ? `logs/${slugs[0]}/index.html` : `logs/{${slugs.join(',')}}/index.html`;
      // The log's text as the site marks it (Pagefind's own attributes are gone from the pages).
      await run(process.execPath, [pagefindCli, '--site', dist, '--glob', glob, '--output-path', path.join(output, part), '--root-selector', '[data-search-body]', '--exclude-selectors', '[data-search-ignore]', '--quiet'], { maxBuffer: 16 * 1024 * 1024 });
    }
  };
  await Promise.all([worker(), worker()]);
  const elapsed = performance.now() - started;
  const version = (JSON.parse(readFileSync(new URL('../package.json', import.meta.resolve('pagefind')), 'utf8')) as { version: string }).version;
  const sizes = indexBytes(output, (file) => /\.pf_(index|fragment|meta)$/.test(file));
  return { ...sizes, ms: elapsed, version, parts: [...parts.keys()] };
}

/**
 * A static server of the built site at / (and of Pagefind's bundles under
 * /pagefind-site/), with the headers the deploy gives each file, so the
 * browser caches as it would.
 */
async function serve(root: string): Promise<{ server: Server; url: string }> {
  const headersFor = headerRules();
  const server = createServer((request, response) => {
    const { pathname } = new URL(request.url ?? '/', 'http://localhost');
    const folder = pathname.startsWith('/pagefind-site/') ? root : path.join(root, 'dist');
    let file = path.join(folder, decodeURIComponent(pathname));
    if (file.endsWith('/')) file = path.join(file, 'index.html');
    if (!file.startsWith(folder) || !existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404).end();
      return;
    }
    const site = path.relative(folder, file).split(path.sep).join('/');
    response.writeHead(200, { 'Content-Type': contentTypeFor(site), 'Cache-Control': headersFor(site).cacheControl });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return { server, url: `http://127.0.0.1:${address.port}` };
}

async function settled(page: Page): Promise<void> {
  await page.locator('#search-status[data-complete="true"]').waitFor({ state: 'attached', timeout: 120_000 });
}

/**
 * Counts the bytes of the search index a browser context fetches (the page's worker does the fetching,
 * so the page's own resource timings do not see them); a response from the browser's cache counts 0.
 */
function indexByteCounter(context: BrowserContext, folder: string): { take: () => number } {
  let bytes = 0;
  context.on('requestfinished', (request) => {
    if (!request.url().includes(`/${folder}/`)) return;
    void request.sizes().then((sizes) => (bytes += sizes.responseBodySize), () => undefined);
  });
  return {
    take: () => {
      const taken = bytes;
      bytes = 0;
      return taken;
    },
  };
}

async function oursInBrowser(browser: Browser, url: string): Promise<void> {
  const context = await browser.newContext();
  const counter = indexByteCounter(context, 'search-index');
  const page = await context.newPage();
  let started = performance.now();
  await page.goto(`${url}/search/`);
  await settled(page);
  const first = performance.now() - started;
  const firstBytes = counter.take();
  // The same browser again: the parts come from its cache (immutable), the list of them is revalidated.
  started = performance.now();
  await page.goto(`${url}/search/?q=${encodeURIComponent('Lambda')}`);
  // Results show as soon as the first parts are in (newest first), then grow as the others arrive.
  await page.locator('#search-results li').first().waitFor({ timeout: 120_000 });
  const firstShown = performance.now() - started;
  await settled(page);
  const cached = performance.now() - started;
  const cachedBytes = counter.take();
  const heap = await page.evaluate(() => {
    (window as unknown as { gc?: () => void }).gc?.();
    return (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0;
  });
  console.log(`  ours in Chromium: first visit, whole index in ${ms(first)} (${mb(firstBytes)} fetched, uncompressed here); ` +
    `with it cached, ?q= to first results ${ms(firstShown)}, to all ${ms(cached)} (${mb(cachedBytes)} fetched); JS heap of the page's thread after gc ${mb(heap)} (the index is held by its worker)`);
  const times: string[] = [];
  for (const query of TYPED) {
    await page.locator('#search-query').fill('');
    await page.evaluate((typed) => {
      const input = document.querySelector<HTMLInputElement>('#search-query')!;
      const status = document.querySelector<HTMLElement>('#search-status')!;
      let last = 0;
      input.addEventListener('input', () => (last = performance.now()));
      (window as unknown as { firstResults: Promise<number> }).firstResults = new Promise((resolve) => {
        const observer = new MutationObserver(() => {
          if (status.textContent?.includes(`「${typed}」`)) {
            observer.disconnect();
            resolve(performance.now() - last);
          }
        });
        observer.observe(status, { childList: true, characterData: true, subtree: true });
      });
    }, query);
    await page.locator('#search-query').pressSequentially(query, { delay: 30 });
    const elapsed = await page.evaluate(() => (window as unknown as { firstResults: Promise<number> }).firstResults);
    const found = (await page.locator('#search-status').textContent())?.match(/ログ: ([\d,]+)件/)?.[1] ?? '0';
    times.push(`${query} ${ms(elapsed)} (${found})`);
  }
  console.log(`  ours, last keystroke → results on the page (target ≤ 300 ms): ${times.join('; ')}`);
  await context.close();
}

/** Pagefind's JavaScript API over the same parts (as its UI merged them), in a fresh browser profile. */
async function pagefindInBrowser(browser: Browser, url: string, parts: readonly string[]): Promise<void> {
  await writeFile(path.join(work, 'pagefind-site', 'bench.html'), '<!doctype html><html lang="ja"><meta charset="utf-8"><title>pagefind</title><body></body></html>');
  const context = await browser.newContext();
  // Pagefind fetches its WebAssembly and index in a worker, which the page's performance entries do not see: count every response.
  let fetched = 0;
  context.on('requestfinished', (request) => {
    void request.sizes().then((sizes) => (fetched += sizes.responseBodySize), () => undefined);
  });
  const page = await context.newPage();
  await page.goto(`${url}/pagefind-site/bench.html`);
  const outcome = await page.evaluate(async ({ parts, queries }) => {
    const started = performance.now();
    const pagefind = await import(`/pagefind-site/pagefind/${parts[0]}/pagefind.js`);
    for (const part of parts.slice(1)) await pagefind.mergeIndex(`/pagefind-site/pagefind/${part}/`);
    const counts: Array<[string, number, number]> = [];
    let firstMs = 0;
    for (const [index, query] of queries.entries()) {
      const at = performance.now();
      const search = await pagefind.search(query);
      await Promise.all(search.results.slice(0, 5).map((result: { data: () => Promise<unknown> }) => result.data()));
      if (index === 0) firstMs = performance.now() - started;
      counts.push([query, search.results.length, performance.now() - at]);
    }
    return { firstMs, counts };
  }, { parts, queries: COMPARED });
  console.log(`  Pagefind in Chromium: first query with its 5 first results ${ms(outcome.firstMs)}; ${mb(fetched)} fetched for ${COMPARED.length} queries`);
  console.log(`  Pagefind results (time): ${outcome.counts.map(([query, results, elapsed]) => `${query} ${integer.format(results)} (${ms(elapsed)})`).join('; ')}`);
  await context.close();
}
