/**
 * The week and month reviews in the built site and a real Chromium: the
 * daily chart is drawn, the links to threads, logs and a learning's line
 * work, axe finds nothing serious; the JSON and the feed are there.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { reviewSchema } from '../../src/stats/review-schema.ts';
import { launchBrowser } from './browser.ts';

const siteUrl = inject('siteUrl');
const siteDir = inject('siteDir');
const axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

async function open(path: string): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce' });
  const errors: string[] = [];
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(siteUrl + path, { waitUntil: 'networkidle' });
  return { page, errors };
}

async function painted(page: Page): Promise<Array<{ id: string; painted: number }>> {
  return page.$$eval('canvas[data-chart]', (elements) =>
    (elements as HTMLCanvasElement[]).map((canvas) => {
      const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
      let count = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) count++;
      return { id: canvas.id, painted: count };
    }),
  );
}

async function seriousViolations(page: Page): Promise<Array<{ id: string; impact: string }>> {
  await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async () => {
    const result = await (window as unknown as { axe: { run: () => Promise<{ violations: Array<{ id: string; impact: string }> }> } }).axe.run();
    return result.violations.map(({ id, impact }) => ({ id, impact }));
  });
  return violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
}

describe('week and month reviews', () => {
  it('the week of the acceptance logs: chart drawn, figures, threads and logs linked, a learning linked to its line, axe clean', async () => {
    const { page, errors } = await open('/reviews/week/2025-07-21/');
    await expect(page.locator('h1').textContent()).resolves.toBe('2025年7月21日〜27日の週の振り返り');
    const canvases = await painted(page);
    expect(canvases.map((canvas) => canvas.id)).toEqual(['review-week-daily']);
    expect(canvases[0]!.painted).toBeGreaterThan(500);
    // 1:30 + 2:00 + 1:00 + 0:45 on four days.
    await expect(page.locator('table.review-figures tbody tr').first().textContent()).resolves.toContain('5時間15分');
    expect(await seriousViolations(page)).toEqual([]);
    const logs = await page.locator('.review-logs a').evaluateAll((elements) => elements.map((element) => element.getAttribute('href')));
    expect(logs).toEqual(['/logs/2025-07-21/', '/logs/2025-07-22/', '/logs/2025-07-23/', '/logs/2025-07-24/']);
    const reflection = page.locator('figure.reflection');
    await expect(reflection.locator('blockquote').textContent()).resolves.toBe('今週は問題を二つ片づけた。来週は計測を続ける。');

    // A thread it resolved.
    await page.locator('section[aria-labelledby="problems-title"] ul').last().getByRole('link', { name: 'Lambda のコールドスタートが遅い' }).click();
    await page.waitForURL(/\/problems\/[0-9a-f]{12}\/$/);
    await expect(page.locator('h1').textContent()).resolves.toBe('Lambda のコールドスタートが遅い');
    await page.goBack();

    // A learning, to its line in its log.
    await page.getByRole('link', { name: 'パッケージを小さくするとコールドスタートが縮む' }).click();
    await page.waitForURL(/\/logs\/2025-07-24\/#L10$/);
    const target = await page.evaluate(() => document.getElementById(location.hash.slice(1))?.textContent ?? null);
    expect(target).toBe('パッケージを小さくするとコールドスタートが縮む');
    // The log links back to its week.
    await page.getByRole('link', { name: 'この週の振り返り' }).click();
    await page.waitForURL(/\/reviews\/week\/2025-07-21\/$/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a month: chart drawn, its weeks and its days\' logs linked, axe clean', async () => {
    const { page, errors } = await open('/reviews/month/2025-08/');
    await expect(page.locator('h1').textContent()).resolves.toBe('2025年8月の振り返り');
    const canvases = await painted(page);
    expect(canvases.map((canvas) => canvas.id)).toEqual(['review-month-daily']);
    expect(canvases[0]!.painted).toBeGreaterThan(500);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('link', { name: '2025年8月3日(日) 学習ログ' }).click();
    await page.waitForURL(/\/logs\/2025-08-03\/$/);
    await expect(page.locator('article').textContent()).resolves.toContain('Mangum依存関係の不足');
    await page.goBack();
    await page.getByRole('link', { name: '2025年8月4日〜10日' }).click();
    await page.waitForURL(/\/reviews\/week\/2025-08-04\/$/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the index lists every month and week; axe clean', async () => {
    const { page } = await open('/reviews/');
    const links = await page.locator('.review-index a').evaluateAll((elements) => elements.map((element) => element.getAttribute('href')));
    expect(links).toEqual(['/reviews/month/2025-08/', '/reviews/week/2025-08-04/', '/reviews/month/2025-07/', '/reviews/week/2025-07-21/', '/reviews/week/2025-07-28/', '/reviews/month/2025-06/', '/reviews/week/2025-06-30/']);
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });

  it('publishes each review as JSON of the review shape, and a feed of the weeks', async () => {
    const week = reviewSchema.parse(JSON.parse(await readFile(`${siteDir}/data/reviews/week/2025-07-21.json`, 'utf8')));
    // The week before had no log, but it is after the first one (2025-06-30): nothing, not "no previous week".
    expect(week).toMatchObject({ kind: 'week', start: '2025-07-21', end: '2025-07-27', days: 4, minutes: 315, previous: { minutes: 0, days: 0 } });
    const first = reviewSchema.parse(JSON.parse(await readFile(`${siteDir}/data/reviews/week/2025-06-30.json`, 'utf8')));
    expect(first).toMatchObject({ start: '2025-06-30', days: 1, previous: null });
    expect(week.problems.resolved).toHaveLength(2);
    const month = reviewSchema.parse(JSON.parse(await readFile(`${siteDir}/data/reviews/month/2025-08.json`, 'utf8')));
    expect(month).toMatchObject({ kind: 'month', start: '2025-08-01', end: '2025-08-31', targetMinutes: null, previous: { minutes: 315, days: 4 } });
    const feed = await readFile(`${siteDir}/reviews/rss.xml`, 'utf8');
    expect(feed.match(/<item>/g)).toHaveLength(4);
    expect(feed).toContain('<link>https://nisshi.test/reviews/week/2025-08-04/</link>');
  });
});
