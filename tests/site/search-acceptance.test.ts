/**
 * Issue 25's acceptance, through the site's own /search/ page in Chromium: a
 * site built from the fixtures (the sample log, the site fixtures, the search
 * fixtures: a phrase broken across lines, half- and full-width text) and 45
 * generated logs, then a set of queries of every kind typed into the page.
 *
 * What each query should find is computed here from what the reader sees on
 * each log page (the article's text as Chromium renders it, the log's title,
 * its problems and plans), never written down: a log holds a query when every
 * word of it (NFKC, lower case, whitespace ignored) is in one of its lines,
 * and holds it as a phrase when the whole query is. For each query:
 *
 *   - every log that holds it is among the first max(5, count) results, those
 *     holding it as a phrase first;
 *   - every result holds it;
 *   - the count the page states is at most 2 × (logs holding it) + 3;
 *   - a query no log holds lists nothing and says so;
 *   - what the first results mark is the phrase or a word of it, whole.
 */
import { execFile } from 'node:child_process';
import { cp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateLogs } from '../../scripts/generate-logs.ts';
import { buildSearchIndex } from '../../src/search/build-index.ts';
import { launchBrowser } from './browser.ts';
import { readResults, settled } from './search-page.ts';
import { serveStatic } from './static-server.ts';

const run = promisify(execFile);
const root = process.cwd();
const work = path.join(root, 'tmp/search-acceptance');
const GENERATED = 45;

/** The queries, by kind; what each finds is computed from the pages. */
const QUERIES: ReadonlyArray<readonly [kind: string, query: string]> = [
  ['kanji compound', '依存関係'],
  ['kanji compound', '本番環境'],
  ['kanji compound', '表示速度'],
  ['kanji compound', '詳細設計'],
  ['kanji compound', '学習時間'],
  ['kanji compound', '型定義'],
  ['katakana word', 'サーバーレス'],
  ['katakana word', 'ロググループ'],
  ['katakana word', 'コールドスタート'],
  ['katakana word', 'コールバック'],
  ['katakana word', 'アンインストール'],
  ['katakana word', 'キャッシュ'],
  ['English identifier', 'handleLoadMore'],
  ['English identifier', 'mockReturnValue'],
  ['English identifier', 'useFakeTimers'],
  ['English identifier', 'TimeSeriesSplit'],
  ['English identifier', 'Provisioned Concurrency'],
  ['mixed', 'Lambda関数'],
  ['mixed', 'CI時間'],
  ['mixed', 'Lambda コールドスタート'],
  ['phrase with a particle', 'テストを書く'],
  ['phrase with a particle', 'コールドスタートが遅い'],
  ['phrase with a particle', 'ログを見返して'],
  ['phrase across a line break', '本番環境でだけ効く'],
  ['phrase across a line break', 'handleLoadMoreを呼ばない'],
  ['half-width form', 'ｷｬｯｼｭｸﾘｱ'],
  ['full-width form', 'ＡＷＳ'],
  ['half-width text, full-width query', 'キャッシュクリア'],
  ['full-width text, half-width query', 'dockerfile'],
  ['full-width text and query', 'ＡＰＩ'],
  ['quoted phrase', '"Cache not found"'],
  ['no log holds it', '存在しない単語ほげほげ'],
  ['no log holds it', 'ほげほげふがふが'],
  ['no log holds it', '量子もつれ暗号'],
  ['no log holds it', 'AccessDeniedException'],
  ['no log holds it', 'バリューカード'],
];

/** What a log page shows of the log: its lines (article, problems and plans) and title. */
interface PageText {
  slug: string;
  lines: string[];
}

/** The test's own comparison: NFKC, lower case, no whitespace at all. */
const squash = (text: string) => text.normalize('NFKC').toLowerCase().replace(/\s+/g, '');

function wordsOf(query: string): { phrase: string; words: string[] } {
  const text = query.normalize('NFKC').trim();
  const quoted = /^"(.*)"$/.exec(text);
  if (quoted) return { phrase: squash(quoted[1]!), words: [squash(quoted[1]!)] };
  return { phrase: squash(text), words: text.split(/\s+/).map(squash).filter((word) => word !== '') };
}

const holds = (log: PageText, needle: string) => log.lines.some((line) => squash(line).includes(needle));

let server: Server;
let siteUrl = '';
let browser: Browser;
let page: Page;
let logs: PageText[] = [];
let sources = new Map<string, string>();

beforeAll(async () => {
  await rm(work, { recursive: true, force: true });
  const logsDir = path.join(work, 'logs');
  await mkdir(logsDir, { recursive: true });
  for (const folder of ['logs', 'tests/fixtures/site/logs', 'tests/fixtures/search/logs']) await cp(path.join(root, folder), logsDir, { recursive: true });
  for (const log of generateLogs(GENERATED, { seed: 25, startDate: '2024-01-01' })) await writeFile(path.join(logsDir, log.path), log.text);
  sources = new Map(await Promise.all((await readdir(logsDir, { recursive: true })).filter((name) => name.endsWith('.md')).map(async (name) => [name, await readFile(path.join(logsDir, name), 'utf8')] as const)));
  // A cache folder of its own: this build must not touch the store the other site tests and `npm run build` use.
  const config = path.join(work, 'astro.config.mjs');
  await writeFile(config, `import config from '../../astro.config.mjs';\n\nexport default { ...config, cacheDir: ${JSON.stringify(path.join(work, 'cache'))} };\n`);
  const dist = path.join(work, 'dist');
  const env = { ...process.env, NISSHI_LOGS_DIR: path.relative(root, logsDir), NISSHI_TODAY: '2025-08-10', NISSHI_SITE_URL: 'https://nisshi.test' };
  await run(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--config', path.relative(root, config), '--outDir', dist], { env, cwd: root, maxBuffer: 64 * 1024 * 1024 });
  await buildSearchIndex(dist, { cacheDir: path.join(work, 'search-cache') });
  ({ url: siteUrl, server } = await serveStatic(dist));
  browser = await launchBrowser();
  page = await browser.newPage();

  // Every log page as Chromium shows it.
  const slugs: string[] = [];
  for (const folder of await readdir(path.join(dist, 'logs'))) {
    const html = await readFile(path.join(dist, 'logs', folder, 'index.html'), 'utf8').catch(() => '');
    if (html.includes('<article')) slugs.push(folder);
  }
  for (const slug of slugs) {
    await page.goto(`${siteUrl}/logs/${encodeURIComponent(slug)}/`);
    const lines = await page.evaluate(() => {
      const article = document.querySelector('article')!;
      const copy = article.cloneNode(true) as HTMLElement;
      for (const ignored of copy.querySelectorAll('[data-search-ignore]')) ignored.remove();
      // innerText needs the copy laid out, as the page lays out the article.
      article.after(copy);
      article.remove();
      const shown = copy.innerText.split('\n');
      // The problems' titles and the plans in the summary beside it.
      const summary = [...document.querySelectorAll('[data-search-key]')].map((element) => element.textContent ?? '');
      return [...shown, ...summary, copy.dataset.searchTitle ?? ''];
    });
    logs.push({ slug, lines });
  }
  await page.goto(`${siteUrl}/search/`);
  await settled(page);
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
  await rm(work, { recursive: true, force: true });
});

/** Types the query into the page, submits, and reads every result ("さらに表示" pressed until all are listed). */
async function search(query: string): Promise<{ status: string; count: number; slugs: string[]; marks: string[][] }> {
  await page.locator('#search-query').fill(query);
  await page.locator('#search-query').press('Enter');
  // The page's worker searches; the status line says which query the results shown answer.
  await page.waitForFunction((typed) => document.querySelector<HTMLElement>('#search-status')?.dataset.answered === typed, query);
  const more = page.locator('#search-more');
  while (await more.isVisible()) {
    await more.click();
    await page.waitForFunction(() => !document.querySelector<HTMLButtonElement>('#search-more')?.disabled);
  }
  const { status, slugs } = await readResults(page);
  const count = /に一致するログ: ([\d,]+)件/.exec(status)?.[1];
  const marks = await page.locator('#search-results li').evaluateAll((items) => items.slice(0, 5).map((item) => [...item.querySelectorAll('mark')].map((mark) => mark.textContent ?? '')));
  return { status, count: count === undefined ? 0 : Number(count.replaceAll(',', '')), slugs, marks };
}

describe('the query set', () => {
  it('has at least 30 queries, of every kind the issue names', () => {
    expect(QUERIES.length).toBeGreaterThanOrEqual(30);
    const kinds = new Set(QUERIES.map(([kind]) => kind));
    for (const kind of ['kanji compound', 'katakana word', 'English identifier', 'mixed', 'phrase with a particle', 'phrase across a line break', 'half-width form', 'full-width form', 'no log holds it']) {
      expect(kinds, kind).toContain(kind);
    }
  });

  it('is what it says: the line-break phrases are broken across lines in a log, the width forms differ from what the logs hold', () => {
    const markdown = [...sources.values()];
    for (const [, query] of QUERIES.filter(([kind]) => kind === 'phrase across a line break')) {
      const phrase = squash(query);
      // Not on one line of any log's source, but in a log once its lines are joined.
      expect(markdown.some((text) => text.split('\n').some((line) => squash(line).includes(phrase))), query).toBe(false);
      expect(markdown.some((text) => squash(text).includes(phrase)), query).toBe(true);
    }
    const lines = markdown.flatMap((text) => text.split('\n'));
    const inSource = (query: string) => lines.some((line) => line.includes(query));
    const inSourceFolded = (query: string) => lines.some((line) => line.normalize('NFKC').toLowerCase().includes(query.normalize('NFKC').toLowerCase()));
    for (const [kind, query] of QUERIES) {
      if (kind === 'half-width form' || kind === 'full-width form') expect(query.normalize('NFKC'), query).not.toBe(query);
      // Written only in the other width: not in any log as typed, in one once both are folded.
      if (kind === 'half-width text, full-width query') expect([inSource(query), inSourceFolded(query)], query).toEqual([false, true]);
      if (kind === 'full-width text, half-width query') {
        expect(lines.some((line) => line.normalize('NFKC').toLowerCase().includes(query) && !line.toLowerCase().includes(query)), query).toBe(true);
      }
      if (kind === 'full-width text and query') expect(inSource(query), query).toBe(true);
    }
    expect(logs.length).toBeGreaterThan(GENERATED);
  });
});

describe.each(QUERIES)('%s: %s', (_kind, query) => {
  it('lists every log that holds it first, only logs that hold it, and a count near theirs', async () => {
    const { phrase, words } = wordsOf(query);
    const holding = logs.filter((log) => words.every((word) => holds(log, word))).map((log) => log.slug);
    const asPhrase = new Set(logs.filter((log) => holds(log, phrase)).map((log) => log.slug));
    const result = await search(query);
    if (holding.length === 0) {
      expect(result.slugs).toEqual([]);
      expect(result.status).toBe(`「${query}」に一致するログはありません`);
      return;
    }
    expect(result.count).toBe(result.slugs.length);
    expect(result.count).toBeLessThanOrEqual(2 * holding.length + 3);
    const first = result.slugs.slice(0, Math.max(5, holding.length));
    expect(holding.filter((slug) => !first.includes(slug)), 'logs holding it that are not among the first results').toEqual([]);
    expect(result.slugs.filter((slug) => !holding.includes(slug)), 'results that do not hold it').toEqual([]);
    // The logs holding the words as one phrase come before those holding them apart.
    const firstApart = result.slugs.findIndex((slug) => !asPhrase.has(slug));
    if (firstApart !== -1) expect(result.slugs.slice(firstApart).filter((slug) => asPhrase.has(slug))).toEqual([]);
    // What is marked is the phrase or one of its words, whole, never a piece of one.
    for (const marks of result.marks) {
      for (const mark of marks) expect([phrase, ...words], `mark 「${mark}」`).toContain(squash(mark));
    }
    expect(result.marks.some((marks) => marks.length > 0)).toBe(true);
  });
});
