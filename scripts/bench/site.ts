/**
 * The `site` bench section: builds the real site from generated logs and a
 * bare Astro project from the same Markdown (the floor, see floor-project.ts),
 * each as a child process measured the same way, then reports the
 * JavaScript each page type ships. Both builds start cold: each gets a cache
 * folder of its own under tmp/, emptied first, so neither reuses the
 * content-layer store of an earlier build (nor the project's own). Then one
 * log is edited and the site built again, once more with nothing changed, and
 * both projects over that one log alone (fixed-cost.ts): what a build costs
 * before any log is read, against what the two ratio targets leave together;
 * and the floor given Astro's own incremental build, built twice.
 *
 *   npm run bench -- --section site [--count 200] [--small]
 *
 * It ends with the largest pages (see pages.ts).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { cp, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { rssMethod, type ChildResult } from './child.ts';
import { writeCorpus } from './corpus.ts';
import { COLD_TARGET, REBUILD_TARGET, fixedCostLines, measureFixedCost, measureIncrementalFloor } from './fixed-cost.ts';
import { gzipSize, measurePageJs, type PageJs } from './page-js.ts';
import { printLargestPages } from './pages.ts';
import { decimal, integer, type BenchSection } from './section.ts';
import { buildFloor, buildSite, buildSiteSearchIndex, combined, npmRunBuild, projectRoot, type SitePlace } from './site-build.ts';

const siteDir = path.join(projectRoot, 'tmp/bench-site');
const floorDir = path.join(projectRoot, 'tmp/bench-floor');
const site: SitePlace = { dir: siteDir, logsDir: path.join(siteDir, 'logs') };

/** The logs written under tmp/bench-site/logs (any leftovers removed first): generated, or real-sized with --small. */
async function writeLogs(count: number, seed: number, small: boolean) {
  // Leftovers of an interrupted run would make a build warm, or count old pages.
  await rm(siteDir, { recursive: true, force: true });
  await rm(floorDir, { recursive: true, force: true });
  const logsDir = path.join(siteDir, 'logs');
  const generateStart = performance.now();
  const corpus = await writeCorpus(logsDir, count, seed, small);
  return { logsDir, ...corpus, generateMs: performance.now() - generateStart };
}

/**
 * Only our build of the generated logs, then `report(dist)` before the
 * folders are removed: the pages section, run on its own.
 */
export async function buildGeneratedSite(count: number, seed: number, report: (dist: string) => void | Promise<void>): Promise<void> {
  const { today, bytes } = await writeLogs(count, seed, false);
  const dist = path.join(siteDir, 'dist');
  try {
    console.log(`== pages: ${integer.format(count)} generated logs, ${decimal.format(bytes / 1e6)} MB (seed ${seed}), built for ${today}`);
    const ours = await buildOurs(dist, today, 'ours-build.log');
    console.log(buildLine('astro build, nisshi (ours)', ours, pagesLine(dist, 'ours-build.log')));
    await report(dist);
  } finally {
    // NISSHI_BENCH_KEEP=1 keeps the built site in tmp/bench-site/dist, to look at its pages in a browser.
    const kept = process.env.NISSHI_BENCH_KEEP === '1' ? ['dist', 'logs'] : [];
    for (const entry of ['logs', 'dist', 'cache', 'astro.config.mjs']) {
      if (!kept.includes(entry)) await rm(path.join(siteDir, entry), { recursive: true, force: true });
    }
    if (kept.length > 0) console.log(`  kept tmp/bench-site/dist and tmp/bench-site/logs (NISSHI_BENCH_KEEP=1)`);
  }
}

export const siteSection: BenchSection = {
  name: 'site',
  async run({ count, seed, small }) {
    const sectionStart = performance.now();
    const { logsDir, label, first, today, drafts, bytes, generateMs } = await writeLogs(count, seed, small);
    console.log(
      `== site: ${integer.format(count)} ${label}, ${decimal.format(bytes / 1e6)} MB, ${integer.format(drafts)} drafts, ` +
        `${first} … ${today}; written in ${seconds(generateMs)}`,
    );
    const method = rssMethod() === 'time -v' ? '/usr/bin/time -v' : 'a preload in the child (process.resourceUsage; no GNU time here)';
    console.log(`  peak RSS: the largest single process of each step, by ${method} and VmHWM sampled every 100 ms below it`);
    console.log(`  load average at start ${os.loadavg().map((load) => load.toFixed(2)).join(' ')} on ${os.availableParallelism()} CPUs`);

    const oursDist = path.join(siteDir, 'dist');
    try {
      // Cold: everything `npm run build` does (astro build, then the search index), with an empty cache.
      const ours = await buildOurs(oursDist, today, 'ours-build.log');
      const search = await searchIndex(oursDist, 'search-index.log');
      const cards = await measureCardsCost(oursDist, today, ours);
      const { result: floor, resolution, dist: floorDist } = await buildFloor(floorDir, logsDir, path.join(siteDir, 'floor-build.log'));

      // One log edited (the newest published one gets a line), then `npm run build` again on the warm cache.
      const edited = await editOneLog(logsDir, oursDist);
      const again = await buildOurs(oursDist, today, 'ours-rebuild.log');
      const againSearch = await searchIndex(oursDist, 'search-rebuild.log');
      // Then again with nothing changed, and the site and the floor over the edited log alone: what any build costs.
      const unchanged = await npmRunBuild(site, oursDist, today, 'ours-unchanged');
      const fixed = await measureFixedCost(siteDir, logsDir, edited, today);
      const incrementalFloor = await measureIncrementalFloor(siteDir, logsDir);

      const cold = combined(ours, search);
      const rebuild = combined(again, againSearch);
      console.log(buildLine('astro build, nisshi (ours, cold)', ours, pagesLine(oursDist, 'ours-build.log')));
      console.log(buildLine('search index (ours, cold)', search, indexedLine('search-index.log')));
      console.log(buildLine('npm run build, cold (ours)', cold, 'astro build + search index, as `npm run build`'));
      console.log(buildLine('astro build, glob() loader (floor)', floor, pagesLine(floorDist, 'floor-build.log')));
      console.log(`  cold build, ours (with search) / floor${(cold.ms / floor.ms).toFixed(2).padStart(9)}×   (target ≤ ${COLD_TARGET.toFixed(2)}×)${cpuRatio(cold, floor)}`);
      console.log(`  astro build alone, ours / floor${(ours.ms / floor.ms).toFixed(2).padStart(15)}×`);
      console.log(`  floor project: tmp/bench-floor, ${resolution}`);
      console.log(`  one log edited: ${edited}`);
      console.log(buildLine('astro build, nisshi (one-log rebuild)', again, `${parsedLine('ours-rebuild.log')}`));
      console.log(buildLine('search index (one-log rebuild)', againSearch, indexedLine('search-rebuild.log')));
      console.log(buildLine('npm run build, one-log rebuild (ours)', rebuild, 'astro build + search index, warm cache'));
      console.log(`  one-log rebuild / cold build (ours)${(rebuild.ms / cold.ms).toFixed(2).padStart(11)}×   (target ≤ ${REBUILD_TARGET.toFixed(2)}×)${cpuRatio(rebuild, cold)}`);
      for (const line of fixedCostLines(fixed, floor.ms, unchanged.both.ms, cold.ms, incrementalFloor)) console.log(line);
      console.log(`  review pages (weeks and months) in the cold build: ${reviewsLine('ours-build.log')}; in the one-log rebuild: ${reviewsLine('ours-rebuild.log')}`);
      console.log(`  peak RSS: cold ${rssOf(cold)} MB, one-log rebuild ${rssOf(rebuild)} MB, floor ${rssOf(floor)} MB`);
      console.log(`  content store ${storeLine(path.join(siteDir, 'cache'))}`);
      console.log(`  phases (from the build logs): cold ${phases('ours-build.log')}; rebuild ${phases('ours-rebuild.log')}; floor ${phases('floor-build.log')}`);
      console.log(`  share cards (src/cards): cold ${cardsLine('ours-build.log', cold.ms)}; rebuild ${cardsLine('ours-rebuild.log', rebuild.ms)}`);
      console.log(buildLine('astro build, nisshi, cards drawn before', cards.kept, `cold but for the share cards: ${cardsLine('ours-cards-kept.log', cards.kept.ms)}`));
      const cardsMs = cards.drawn.ms - cards.kept.ms;
      const times = (results: ChildResult[]) => results.map((result) => seconds(result.ms)).join(', ');
      console.log(
        `  share cards' cost in the cold build: ${seconds(cardsMs)} = ${((cardsMs / cold.ms) * 100).toFixed(1)} % of \`npm run build\` (target ≤ 10 %; ` +
          `fastest of cold builds drawing them ${times(cards.all.drawn)} against fastest finding them drawn ${times(cards.all.kept)}), ` +
          `peak RSS ${rssOf(cards.drawn)} MB against ${rssOf(cards.kept)} MB`,
      );
      console.log(`  load average at end ${os.loadavg().map((load) => load.toFixed(2)).join(' ')}`);
      printPageJs(oursDist, today);
      printLargestPages(oursDist);
    } finally {
      // Keep only the build logs; the generated logs, both sites and the caches are hundreds of megabytes.
      await rm(floorDir, { recursive: true, force: true });
      for (const entry of ['logs', 'dist', 'cache', 'aside', 'cold-again', 'astro.config.mjs']) await rm(path.join(siteDir, entry), { recursive: true, force: true });
      console.log(`  whole section ${seconds(performance.now() - sectionStart)}; build logs kept in tmp/bench-site/*.log`);
    }
  },
};

/** Our astro build of the corpus in tmp/bench-site (site-build.ts: buildSite). */
function buildOurs(dist: string, today: string, logName: string): Promise<ChildResult> {
  return buildSite(site, dist, today, logName);
}

/**
 * A cold build again, beside the first (whose cache and dist/ are moved aside
 * for it and back after it): with `cardsKept`, nothing of the first kept but
 * the share cards it drew (src/cards/card-cache.ts), so what the cards cost a
 * cold build is the difference. The second build's folders are moved away, not
 * deleted: this file system is slow to make files for a while after many are removed.
 */
async function buildColdAside(dist: string, today: string, logName: string, cardsKept: boolean): Promise<ChildResult> {
  const cache = path.join(siteDir, 'cache');
  const aside = path.join(siteDir, 'aside');
  const done = path.join(siteDir, 'cold-again', path.basename(logName, '.log'));
  await mkdir(aside, { recursive: true });
  await rename(cache, path.join(aside, 'cache'));
  await rename(dist, path.join(aside, 'dist'));
  try {
    if (cardsKept) await cp(path.join(aside, 'cache', 'nisshi-cards'), path.join(cache, 'nisshi-cards'), { recursive: true });
    return await buildOurs(dist, today, logName);
  } finally {
    await mkdir(done, { recursive: true });
    for (const [from, name] of [[cache, 'cache'], [dist, 'dist']] as const) if (existsSync(from)) await rename(from, path.join(done, name));
    await rename(path.join(aside, 'cache'), cache);
    await rename(path.join(aside, 'dist'), dist);
  }
}

/**
 * What the share cards cost a cold build: the faster of two cold builds that
 * draw them (the first is the section's own) against the faster of two that
 * find them drawn, taken in turn. One pair of ~15 s builds differs by as much
 * as the cards cost (1 KB logs: 0.5 to 1.7 s in pairs run minutes apart).
 */
async function measureCardsCost(dist: string, today: string, first: ChildResult) {
  const kept = [await buildColdAside(dist, today, 'ours-cards-kept.log', true)];
  const drawn = [first, await buildColdAside(dist, today, 'ours-cards-drawn.log', false)];
  kept.push(await buildColdAside(dist, today, 'ours-cards-kept-2.log', true));
  const fastest = (results: ChildResult[]) => results.reduce((best, result) => (result.ms < best.ms ? result : best));
  return { drawn: fastest(drawn), kept: fastest(kept), all: { drawn, kept } };
}

function searchIndex(dist: string, logName: string): Promise<ChildResult> {
  return buildSiteSearchIndex(site, dist, logName);
}

/** Appends a learning to the newest log that has a page: the edit a writer makes most, and one its week's and month's reviews show. */
async function editOneLog(logsDir: string, dist: string): Promise<string> {
  const pages = new Set(logPageNames(path.join(dist, 'logs')));
  const files = readdirSync(logsDir, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.md')).sort();
  const file = files.reverse().find((name) => pages.has(path.basename(name, '.md')));
  if (!file) throw new Error('no published log to edit');
  const target = path.join(logsDir, file);
  await writeFile(target, `${readFileSync(target, 'utf8')}\n## 学び\n- ベンチマークのための一行\n`);
  return file;
}

/**
 * The share cards' part of a build: the card thread's own line for the cards
 * it drew (src/cards/card-thread.ts: cardBatchLine; Astro's per-route times
 * overlap now that pages are rendered side by side), and the cards Astro kept
 * from the last build (`├─ /cards/logs/2025-08-03.png (cached)`).
 */
function cardsLine(logName: string, buildMs: number): string {
  const log = readLog(logName);
  let drawn = 0;
  let ms = 0;
  for (const match of log.matchAll(/\[nisshi:cards\] (\d+) share card\(s\) drawn on their own thread in ([\d.]+) s/g)) {
    drawn += Number(match[1]);
    ms += Number(match[2]) * 1000;
  }
  const kept = [...log.matchAll(/\/cards\/\S+\.png(?:\s|\x1b\[[\d;]*m)*\((?:cached|restored)/g)].length;
  // The thread's time overlaps the pages' (the cost to the build is the cold build with the cards drawn before, below).
  return `${drawn} drawn on the card thread in ${seconds(ms)} (${((ms / buildMs) * 100).toFixed(1)} % of the build's time, beside its pages), ${kept} kept`;
}

function indexedLine(logName: string): string {
  const indexed = /search index: (\d+) page/.exec(readLog(logName))?.[1];
  return `${integer.format(Number(indexed ?? 0))} pages indexed`;
}

function parsedLine(logName: string): string {
  return /(?<!\d)\d+ logs \(\d+ parsed, \d+ from the record index, \d+ unchanged\)/.exec(readLog(logName))?.[0] ?? 'loader summary not found';
}

/**
 * The week and month review pages a build rendered (not kept from the last
 * build, "(cached)", nor copied from its cache, "(restored)"): after a
 * one-log edit only that log's week and month may be among them.
 */
function reviewsLine(logName: string): string {
  const pages = readLog(logName).split('\n').filter((line) => /\/reviews\/(?:week|month)\/[^/\s]+\/index\.html/.test(line));
  const rendered = pages.filter((line) => !/\((?:cached|restored)\)/.test(line)).map((line) => /\/reviews\/\S+\/index\.html/.exec(line)?.[0] ?? line);
  const shown = rendered.length <= 4 ? rendered.join(', ') : `${rendered.slice(0, 4).join(', ')} …`;
  return `${integer.format(rendered.length)} of ${integer.format(pages.length)} rendered${rendered.length > 0 ? ` (${shown})` : ''}`;
}

/** Astro's own timings: content sync, the server build and page generation, as its log prints them. */
function phases(logName: string): string {
  const text = readLog(logName);
  const time = String.raw`(?:\d+m )?[\d.]+m?s`;
  const synced = new RegExp(String.raw`\[types\] Generated (${time})`).exec(text)?.[1];
  const generated = new RegExp(String.raw`generating static routes[\s\S]*?✓ Completed in (${time})`).exec(text)?.[1];
  const built = new RegExp(String.raw`\[build\] ✓ Completed in (${time})`).exec(text)?.[1];
  const restored = (text.match(/\(restored\)/g) ?? []).length;
  return `start + content sync ${synced ?? '?'}, build info ${built ?? '?'}, pages ${generated ?? '?'}${restored > 0 ? ` (${integer.format(restored)} restored from the last build)` : ''}`;
}

/** The same ratio in CPU time, which other work on a shared machine disturbs far less than wall time. */
function cpuRatio(ours: ChildResult, other: ChildResult): string {
  if (ours.cpuMs === undefined || other.cpuMs === undefined) return '';
  return `; in CPU time ${seconds(ours.cpuMs)} / ${seconds(other.cpuMs)} = ${(ours.cpuMs / other.cpuMs).toFixed(2)}×`;
}

function buildLine(label: string, result: ChildResult, rest: string): string {
  const rss = result.peakRssKb === undefined ? 'n/a' : mb(result.peakRssKb);
  const processes = [...result.processes].sort(([, a], [, b]) => b - a).map(([name, kilobytes]) => `${processName(name)} ${mb(kilobytes)} MB`);
  return (
    `  ${label.padEnd(36)}${seconds(result.ms).padStart(10)}   peak RSS ${rss.padStart(8)} MB   ${rest}` +
    (result.cpuMs === undefined ? '' : `\n${''.padEnd(40)}CPU time ${seconds(result.cpuMs)}`) +
    (processes.length > 0 ? `\n${''.padEnd(40)}processes sampled: ${processes.join(', ')}` : '')
  );
}

/** Node names its main thread, and so its process, MainThread; the kernel cuts names at 15 characters. */
function processName(name: string): string {
  return name === 'MainThread' ? 'node' : name;
}

function rssOf(result: ChildResult): string {
  return result.peakRssKb === undefined ? 'n/a' : mb(result.peakRssKb);
}

/** What the build left in its cache: Astro's content store (records) and our log bodies. */
function storeLine(cacheDir: string): string {
  const size = (folder: string) => {
    const full = path.join(cacheDir, folder);
    if (!existsSync(full)) return 'none';
    const files = readdirSync(full).map((name) => statSync(path.join(full, name)).size);
    return `${decimal.format(files.reduce((sum, bytes) => sum + bytes, 0) / 1e6)} MB in ${integer.format(files.length)} files`;
  };
  return `(data-store/) ${size('data-store')}; log bodies (nisshi-log-bodies/) ${size('nisshi-log-bodies')}`;
}

function mb(kilobytes: number): string {
  return decimal.format(kilobytes / 1024);
}

/** Astro's own count of pages built, and how many of them are log pages (dist/logs/<slug>/index.html). */
function pagesLine(dist: string, logName: string): string {
  const built = /(?<!\d)(\d+) page\(s\) built/.exec(readLog(logName))?.[1];
  const logsFolder = path.join(dist, 'logs');
  const logPages = existsSync(logsFolder) ? logPageNames(logsFolder).length : 0;
  return `${integer.format(Number(built ?? 0))} pages, ${integer.format(logPages)} of them log pages`;
}

function logPageNames(logsFolder: string): string[] {
  return readdirSync(logsFolder, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(logsFolder, entry.name, 'index.html')))
    .map((entry) => entry.name)
    .sort();
}

function printPageJs(dist: string, today: string): void {
  const names = logPageNames(path.join(dist, 'logs'));
  // The newest log's page; the last log may be a draft, which has none.
  const logSlug = names.includes(today) ? today : names.filter((name) => /^\d{4}-\d{2}-\d{2}$/.test(name)).at(-1);
  const pages: [string, string][] = [
    ['dashboard', 'index.html'],
    ['log page', `logs/${logSlug}/index.html`],
    ['plans', 'plans/index.html'],
    ['search', 'search/index.html'],
  ];
  console.log(`  JavaScript shipped per page type (each file gzip -9 on its own, 1 KB = 1,024 B):`);
  const measured = new Map<string, PageJs>();
  for (const [label, page] of pages) {
    if (!existsSync(path.join(dist, page))) {
      console.log(`    ${label.padEnd(10)}${`/${page}`.padEnd(28)} missing from the build`);
      continue;
    }
    const js = measurePageJs(dist, page);
    measured.set(label, js);
    const parts = [`${js.fileNames.length} file(s) ${kb(js.files)}`, `inline ${kb(js.inline)}`];
    if (js.lazy > 0) parts.push(`on demand ${kb(js.lazy)} more`);
    if (js.missing.length > 0) parts.push(`missing ${js.missing.join(', ')}`);
    const url = `/${page.replace(/index\.html$/, '')}`;
    console.log(`    ${label.padEnd(10)}${url.padEnd(28)}${kb(js.files + js.inline).padStart(9)}   (${parts.join(', ')})`);
    for (const file of js.fileNames) console.log(`${''.padEnd(42)}${file}`);
  }
  // The search page's script (counted above) fetches the index's parts itself: their size is the search section's (npm run bench -- search).
  const manifest = path.join(dist, 'search-index/parts.json');
  const parts = existsSync(manifest) ? (JSON.parse(readFileSync(manifest, 'utf8')) as { parts: Array<{ file: string }> }).parts : [];
  const indexGzip = parts.reduce((sum, part) => sum + gzipSize(readFileSync(path.join(dist, 'search-index', part.file))), 0);
  console.log(`    /search/ fetches its index: ${parts.length} part(s), ${kb(indexGzip)} gzip, kept by the browser's cache`);
  const log = measured.get('log page');
  const dashboard = measured.get('dashboard');
  console.log(`  log page: ${log ? kb(log.files + log.inline) : 'n/a'} (target: 0 beyond search)`);
  console.log(`  dashboard: ${dashboard ? kb(dashboard.files + dashboard.inline) : 'n/a'} (target ≤ 90 KB)`);
}

function readLog(name: string): string {
  const file = path.join(siteDir, name);
  return existsSync(file) ? readFileSync(file, 'utf8') : '';
}

function kb(bytes: number): string {
  return `${decimal.format(bytes / 1024)} KB`;
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(3)} s`;
}
