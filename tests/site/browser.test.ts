/** The built site in a real Chromium: charts, content, search, keyboard and accessibility. */
import { mkdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from './browser.ts';

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

describe('in the browser', () => {
  it('draws every dashboard chart with pixels on it, without console errors', async () => {
    const { page, errors } = await open('/');
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

  // Japanese words that Pagefind's segmenter has split differently at index and query time elsewhere (Pagefind issue 1237).
  for (const [query, slug] of [['サーバーレス', '2025-08-03'], ['本番環境', '2025-08-09'], ['ロググループ', '2025-08-06']] as const) {
    it(`finds ${slug} when searching ${query}`, async () => {
      const { page } = await open(`/search/?q=${encodeURIComponent(query)}`);
      await page.locator('.pagefind-ui__result-link').first().waitFor({ timeout: 15_000 });
      const links = await page.locator('.pagefind-ui__result-link').evaluateAll((elements) => elements.map((element) => element.getAttribute('href')));
      expect(links).toContain(`/logs/${slug}/`);
      await page.close();
    });
  }

  it('finds the sample log when searching a Japanese word', async () => {
    const { page, errors } = await open('/search/?q=依存関係');
    const result = page.locator('.pagefind-ui__result-link').first();
    await result.waitFor({ timeout: 15_000 });
    const links = await page.locator('.pagefind-ui__result-link').evaluateAll((elements) => elements.map((element) => element.getAttribute('href')));
    expect(links).toContain('/logs/2025-08-03/');
    expect(errors).toEqual([]);
    await page.screenshot({ path: `${artifacts}/search-desktop.png` });
    await page.close();
  });

  it('finds nothing from a draft', async () => {
    const { page } = await open('/search/?q=ひみつのしたがき');
    await page.locator('.pagefind-ui__message').waitFor({ timeout: 15_000 });
    // Japanese segmentation may match parts of the word on other pages; the draft itself must never be among them.
    const results = await page.locator('.pagefind-ui__result').evaluateAll((elements) => elements.map((element) => element.textContent ?? ''));
    const links = await page.locator('.pagefind-ui__result-link').evaluateAll((elements) => elements.map((element) => element.getAttribute('href') ?? ''));
    expect(links.filter((link) => link.includes('2025-08-07'))).toEqual([]);
    expect(results.filter((text) => text.includes('ひみつのしたがき') || text.includes('下書き'))).toEqual([]);
    await page.close();
  });

  for (const path of ['/', '/logs/2025-08-03/', '/plans/']) {
    it(`lets keyboard users reach every link on ${path}`, async () => {
      const { page } = await open(path);
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

    it(`has no serious or critical axe violations on ${path}`, async () => {
      const { page } = await open(path);
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
