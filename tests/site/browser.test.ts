/** The built site in a real Chromium: charts, content, search, keyboard and accessibility. */
import { mkdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from './browser.ts';
import { readResults, searchFor, settled } from './search-page.ts';

const siteUrl = inject('siteUrl');
const artifacts = 'test-artifacts/screenshots';
const axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
  await mkdir(artifacts, { recursive: true });
});
afterAll(async () => browser?.close());

async function open(path: string, viewport = { width: 1280, height: 900 }): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport, reducedMotion: 'reduce' });
  const errors: string[] = [];
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(siteUrl + path, { waitUntil: 'networkidle' });
  return { page, errors };
}

/** Charts are drawn when they come near the screen: scroll to each, then wait until it has pixels. */
async function showCharts(page: Page): Promise<void> {
  const canvases = page.locator('canvas[data-chart]');
  for (let index = 0; index < (await canvases.count()); index++) {
    const canvas = canvases.nth(index);
    await canvas.scrollIntoViewIfNeeded();
    await expect.poll(() => canvas.evaluate((element: HTMLCanvasElement) => element.width > 0 && element.getContext('2d')!.getImageData(0, 0, element.width, element.height).data.some((value, at) => at % 4 === 3 && value > 0))).toBe(true);
  }
}

describe('in the browser', () => {
  it('draws every dashboard chart with pixels on it, without console errors', async () => {
    const { page, errors } = await open('/');
    await showCharts(page);
    const canvases = await page.$$eval('canvas[data-chart]', (elements) =>
      (elements as HTMLCanvasElement[]).map((canvas) => {
        const context = canvas.getContext('2d')!;
        const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
        let painted = 0;
        for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) painted++;
        return { id: canvas.id, width: canvas.width, painted };
      }),
    );
    expect(canvases.map((canvas) => canvas.id)).toEqual(['study-time', 'cumulative-hours', 'weekly-totals', 'completion-rate', 'problems-per-week']);
    for (const canvas of canvases) expect(canvas.painted, canvas.id).toBeGreaterThan(500);
    expect(errors).toEqual([]);
    await page.screenshot({ path: `${artifacts}/dashboard-desktop.png`, fullPage: true });
    await page.close();
  });

  it('shows the dashboard on a narrow screen', async () => {
    const { page, errors } = await open('/', { width: 390, height: 844 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(errors).toEqual([]);
    await page.screenshot({ path: `${artifacts}/dashboard-mobile.png`, fullPage: true });
    await page.close();
  });

  it('shows a log page with its content and summary', async () => {
    const { page, errors } = await open('/logs/2025-08-03/');
    await expect(page.locator('h1').textContent()).resolves.toContain('学習ログ');
    await expect(page.locator('article').textContent()).resolves.toContain('Mangum依存関係の不足');
    await expect(page.locator('aside').textContent()).resolves.toContain('約2時間');
    expect(errors).toEqual([]);
    await page.screenshot({ path: `${artifacts}/log-desktop.png`, fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: `${artifacts}/log-mobile.png`, fullPage: true });
    await page.close();
  });

  it('puts the day first: a log with 22 carried items shows its own goals above the carry-over, folded with its count (issue 24)', async () => {
    const { page, errors } = await open('/logs/2025-06-30/');
    // The day's own checklist apart from the carried one (the struck carried item counts in neither).
    await expect(page.locator('aside [data-checklist]').textContent()).resolves.toBe('自分の項目 3/8・持ち越し 1/22');
    const folded = page.locator('article details.carried-section[data-carried="carried"]');
    await expect(folded.count()).resolves.toBe(1);
    await expect(folded.evaluate((element) => (element as HTMLDetailsElement).open)).resolves.toBe(false);
    await expect(folded.locator('summary').textContent()).resolves.toBe('22件（完了 1件）');
    await expect(folded.locator('li').count()).resolves.toBe(23);
    await expect(folded.locator('li').first().isVisible()).resolves.toBe(false);
    // Written above the goals, shown below them: goals, then the carried heading and its folded list, then the day's work.
    const top = async (selector: string) => (await page.locator(selector).boundingBox())!.y;
    const goals = await top('article h2#今日の目標');
    const lastGoal = await top('article h2#今日の目標 + ul > li:last-child');
    const carried = await top('article h2#持ち越し');
    const work = await top('article h2#実施内容');
    expect(goals).toBeLessThan(lastGoal);
    expect(lastGoal).toBeLessThan(carried);
    expect(carried).toBeLessThan(work);
    // Folded, the 22 items take one line; the day's work starts within the first screen.
    expect(work - carried).toBeLessThan(120);
    expect(work).toBeLessThan(900);
    await page.screenshot({ path: `${artifacts}/log-carried-folded.png`, fullPage: true });
    await folded.locator('summary').click();
    await expect(folded.locator('li').first().isVisible()).resolves.toBe(true);
    expect(await top('article h2#実施内容') - carried).toBeGreaterThan(300);
    expect(errors).toEqual([]);
    await page.close();
  });

  // Japanese words that Pagefind's segmenter split differently at index and query time (Pagefind issue 1237).
  for (const [query, slug] of [['サーバーレス', '2025-08-03'], ['本番環境', '2025-08-09'], ['ロググループ', '2025-08-06']] as const) {
    it(`finds ${slug} when searching ${query}`, async () => {
      const { page, slugs, errors } = await searchFor(browser, siteUrl, query);
      expect(slugs).toContain(slug);
      expect(errors).toEqual([]);
      await page.close();
    });
  }

  it('finds the sample log when searching a Japanese word, with its date, the passage marked and a link to its heading', async () => {
    const { page, slugs, links, status, errors } = await searchFor(browser, siteUrl, '依存関係');
    expect(slugs).toContain('2025-08-03');
    expect(status).toMatch(/^「依存関係」に一致するログ: \d+件$/);
    const first = page.locator('#search-results li').first();
    await expect(first.locator('time').getAttribute('datetime')).resolves.toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await expect(first.locator('mark').first().textContent()).resolves.toBe('依存関係');
    // The link goes to the heading the passage is under, and that heading is on the page.
    const link = links[0]!;
    expect(link).toMatch(/^\/logs\/[^/]+\/#.+/);
    await first.locator('a.result-title').click();
    await page.waitForURL(/\/logs\//);
    const target = await page.evaluate(() => document.getElementById(decodeURIComponent(location.hash.slice(1)))?.tagName ?? null);
    expect(target).toMatch(/^H[1-6]$/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('finds nothing from a draft, and says so in Japanese', async () => {
    const { page, slugs, status } = await searchFor(browser, siteUrl, 'ひみつのしたがき');
    expect(slugs).toEqual([]);
    expect(status).toBe('「ひみつのしたがき」に一致するログはありません');
    await page.close();
  });

  it('searches as the reader types, keeps the query in the address, narrows by year and tag and orders by date on request', async () => {
    const page = await browser.newPage();
    await page.goto(`${siteUrl}/search/`);
    await settled(page);
    await page.locator('#search-query').pressSequentially('ログ');
    await expect.poll(async () => (await readResults(page)).status).toMatch(/^「ログ」に一致するログ: \d+件$/);
    expect(new URL(page.url()).searchParams.get('q')).toBe('ログ');
    const all = await readResults(page);
    expect(all.slugs.length).toBeGreaterThan(2);
    // 新しい順: dates never go up.
    await page.getByLabel('新しい順').check();
    await expect.poll(() => page.url()).toContain('sort=newest');
    const dates = await page.locator('#search-results time').evaluateAll((elements) => elements.map((element) => element.getAttribute('datetime') ?? ''));
    expect(dates).toEqual([...dates].sort().reverse());
    // The year filter offers the years found, with counts; a tag filter narrows to logs with that tag.
    const years = await page.locator('#search-year option').allTextContents();
    expect(years[0]).toBe('すべての年');
    expect(years.slice(1).every((year) => /^\d{4}年（\d+件）$/.test(year))).toBe(true);
    await page.locator('#search-tag').selectOption('aws');
    await expect.poll(async () => (await readResults(page)).status).toContain('（タグ「aws」）');
    const tagged = await readResults(page);
    expect(tagged.slugs.length).toBeGreaterThan(0);
    expect(tagged.slugs.length).toBeLessThanOrEqual(all.slugs.length);
    for (const slug of tagged.slugs) {
      const html = await (await fetch(`${siteUrl}/logs/${slug}/`)).text();
      expect(html, slug).toContain('data-search-tag="aws"');
    }
    // Reloading the address gives the same search back.
    await page.reload();
    await settled(page);
    await expect(page.locator('#search-query').inputValue()).resolves.toBe('ログ');
    expect(await readResults(page)).toEqual(tagged);
    await page.close();
  });

  for (const path of ['/', '/logs/2025-08-03/', '/plans/', '/search/?q=Lambda']) {
    it(`lets keyboard users reach every link on ${path}`, async () => {
      const { page } = await open(path);
      if (path.startsWith('/search/')) await settled(page);
      const links = await page.$$eval('a[href]', (elements) =>
        elements.filter((element) => (element as HTMLElement).offsetParent !== null).map((element) => (element as HTMLAnchorElement).href),
      );
      const reached = new Set<string>();
      for (let press = 0; press < links.length * 2 + 40; press++) {
        await page.keyboard.press('Tab');
        const focused = await page.evaluate(() => (document.activeElement instanceof HTMLAnchorElement ? document.activeElement.href : null));
        if (focused) reached.add(focused);
        if (links.every((link) => reached.has(link))) break;
      }
      expect(links.filter((link) => !reached.has(link))).toEqual([]);
      await page.close();
    });
  }

  it('shows a problem thread: its timeline, newest first, each day linking back to the log and the heading it was written under', async () => {
    const { page, errors } = await open('/problems/');
    await page.getByRole('link', { name: 'Lambda のコールドスタートが遅い' }).click();
    await page.waitForURL(/\/problems\/[0-9a-f]{12}\/$/);
    await expect(page.locator('h1').textContent()).resolves.toBe('Lambda のコールドスタートが遅い');
    await expect(page.locator('main').textContent()).resolves.toContain('2025年7月24日(木) に解決');
    const entries = page.locator('ol.timeline > li.problem-card');
    await expect(entries.count()).resolves.toBe(4);
    const links = await page.locator('ol.timeline > li .problem-head h3 a').evaluateAll((elements) => elements.map((element) => element.getAttribute('href')));
    expect(links.map((link) => link?.split('#')[0])).toEqual(['/logs/2025-07-24/', '/logs/2025-07-23/', '/logs/2025-07-22/', '/logs/2025-07-21/']);
    expect(links.every((link) => link?.includes('#'))).toBe(true);
    await expect(entries.nth(3).textContent()).resolves.toContain('初回の呼び出しに3秒かかる');
    await expect(entries.nth(2).textContent()).resolves.toContain('「Lambdaのコールドスタートが遅い」として記録');
    await page.screenshot({ path: `${artifacts}/problem-thread.png`, fullPage: true });
    // Each day's parts are rows of one size: the solution no smaller than the rest.
    const sizes = await entries.nth(3).locator('.problem-parts dd').evaluateAll((dds) => dds.map((dd) => getComputedStyle(dd).fontSize));
    expect(sizes.length).toBeGreaterThan(1);
    expect(new Set(sizes).size).toBe(1);
    await page.locator('ol.timeline > li .problem-head h3 a').last().click();
    await page.waitForURL(/\/logs\/2025-07-21\/#/);
    const target = await page.evaluate(() => document.getElementById(decodeURIComponent(location.hash.slice(1)))?.textContent ?? null);
    expect(target).toContain('Lambda のコールドスタートが遅い');
    expect(errors).toEqual([]);
    await page.close();
  });

  for (const [path, ids, heatmapDays] of [
    ['/logs/2025/', ['year-hours', 'year-completion', 'year-problems'], 365],
    ['/logs/2025/07/', ['month-study-time'], 31],
  ] as const) {
    it(`draws the charts and the heatmap of ${path}`, async () => {
      const { page, errors } = await open(path);
      await showCharts(page);
      const canvases = await page.$$eval('canvas[data-chart]', (elements) =>
        (elements as HTMLCanvasElement[]).map((canvas) => {
          const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
          let painted = 0;
          for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) painted++;
          return { id: canvas.id, painted };
        }),
      );
      expect(canvases.map((canvas) => canvas.id)).toEqual([...ids]);
      for (const canvas of canvases) expect(canvas.painted, canvas.id).toBeGreaterThan(500);
      const cells = await page.locator('.heatmap rect[data-date]').evaluateAll((elements) => elements.map((element) => element.getAttribute('class')));
      expect(cells).toHaveLength(heatmapDays);
      expect(cells.filter((level) => level !== 'level-0').length).toBeGreaterThanOrEqual(4);
      expect(errors).toEqual([]);
      await page.screenshot({ path: `${artifacts}/archive${path.replaceAll('/', '-').replace(/-$/, '')}.png`, fullPage: true });
      await page.close();
    });
  }

  // Every kind of page: dashboard, log, archive (all, year, month), problems, a thread, resolved per year, plans and a month of plans, search, tag.
  const threadPath = async () => {
    const threads = JSON.parse(await (await fetch(`${siteUrl}/data/problems.json`)).text()) as Array<{ id: string; title: string }>;
    return `/problems/${threads.find((thread) => thread.title === 'Lambda のコールドスタートが遅い')!.id}/`;
  };
  for (const path of ['/', '/logs/2025-08-03/', '/logs/2025-08-09/', '/logs/2025-06-30/', '/logs/', '/logs/2025/', '/logs/2025/07/', '/problems/', 'thread', '/problems/resolved/2025/', '/plans/', '/plans/2025-07/', '/search/', '/search/?q=Lambda コールドスタート', '/search/?q=ほげほげ', '/tags/', '/tags/aws/']) {
    it(`has no serious or critical axe violations on ${path === 'thread' ? 'a problem thread page' : path}`, async () => {
      const { page } = await open(path === 'thread' ? await threadPath() : path);
      // The search page's results and filters are made by its script: check them once they are there.
      if (path.startsWith('/search/')) await settled(page);
      await page.addScriptTag({ content: axeSource });
      const violations = await page.evaluate(async () => {
        const result = await (window as unknown as { axe: { run: () => Promise<{ violations: Array<{ id: string; impact: string; nodes: unknown[] }> }> } }).axe.run();
        return result.violations.map((violation) => ({ id: violation.id, impact: violation.impact, nodes: violation.nodes.length }));
      });
      expect(violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')).toEqual([]);
      await page.close();
    });
  }
});
