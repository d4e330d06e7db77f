/**
 * What a reader sees on a log page beyond the text (issue 27): problems as
 * cards, an image beside the log taken into the build, the missing one
 * warned about, the share card every page names, the tags index, and pages
 * that fit a phone. The site is the one global-setup.ts built.
 */
import { readFile, stat } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from './browser.ts';

const siteUrl = inject('siteUrl');
const dist = inject('siteDir');
const buildLog = inject('buildLog');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

async function open(path: string, viewport = { width: 1280, height: 900 }): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport, reducedMotion: 'reduce' });
  const errors: string[] = [];
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('requestfailed', (request) => errors.push(`failed: ${request.url()}`));
  page.on('response', (response) => response.status() >= 400 && errors.push(`${response.status()}: ${response.url()}`));
  await page.goto(siteUrl + path, { waitUntil: 'networkidle' });
  return { page, errors };
}

/** Width and height of a PNG, from its IHDR chunk. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('a log page', () => {
  it('shows a problem as a card: its title, status and four labelled parts as rows of one size, the code block kept', async () => {
    const { page, errors } = await open('/logs/2025-08-09/');
    const card = page.locator('section.problem-card').filter({ hasText: '本番のデプロイが途中で止まる' });
    await expect(card.locator('.problem-head h3').textContent()).resolves.toBe('問題1: 本番のデプロイが途中で止まる');
    await expect(card.locator('.problem-status').textContent()).resolves.toBe('解決方法あり');
    const rows = await card.locator('.problem-parts .part').evaluateAll((parts) =>
      parts.map((part) => ({
        label: part.querySelector('dt')!.textContent,
        text: part.querySelector('dd')!.textContent!.trim().slice(0, 14),
        size: getComputedStyle(part.querySelector('dd')!).fontSize,
      })),
    );
    expect(rows.map((row) => row.label)).toEqual(['現状', '影響', '原因', '解決方法']);
    expect(rows[0]!.text).toBe('CloudFormation');
    expect(new Set(rows.map((row) => row.size)).size).toBe(1);
    await expect(card.locator('.problem-parts dd pre code').textContent()).resolves.toContain('aws iam attach-role-policy');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows the closing figures as a small table', async () => {
    const { page } = await open('/logs/2025-08-03/');
    const rows = await page.locator('article table.log-figures tr').evaluateAll((trs) => trs.map((tr) => [tr.querySelector('th')!.textContent, tr.querySelector('td')!.textContent]));
    expect(rows).toEqual([['学習時間', '約2時間'], ['特定した問題', '3件'], ['計画したタスク', '9件'], ['技術的学び', 'AWS Lambda、サーバーレス、デプロイメント']]);
    await expect(page.locator('article section.problem-card').count()).resolves.toBe(3);
    await page.close();
  });

  it('shows the image beside the log from the build, sized, in a modern format, loaded lazily, and the missing one as its text', async () => {
    const { page, errors } = await open('/logs/2025-08-09/');
    const image = page.locator('article img[alt="API と Lambda の構成図"]');
    await image.scrollIntoViewIfNeeded();
    await expect.poll(() => image.evaluate((element: HTMLImageElement) => element.complete && element.naturalWidth)).toBeGreaterThan(0);
    const attributes = await image.evaluate((element: HTMLImageElement) => ({ width: element.getAttribute('width'), height: element.getAttribute('height'), loading: element.loading, src: element.getAttribute('src') }));
    expect(attributes).toMatchObject({ width: '640', height: '360', loading: 'lazy' });
    expect(attributes.src).toMatch(/^\/_astro\/diagram\.[\w-]+\.webp$/);
    await expect(stat(`${dist}${attributes.src}`)).resolves.toBeTruthy();
    await expect(page.locator('article .missing-image').textContent()).resolves.toBe('［画像: まだ描いていない図］');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('never copies an image of a private section', async () => {
    const secret = await readFile('tests/fixtures/site/logs/images/private-photo.png');
    const { readdir } = await import('node:fs/promises');
    const files = (await readdir(dist, { recursive: true })).map(String);
    expect(files.filter((file) => file.includes('private-photo'))).toEqual([]);
    for (const file of files.filter((name) => /\.(png|webp|avif|jpe?g)$/.test(name))) {
      const bytes = await readFile(`${dist}/${file}`);
      expect(bytes.equals(secret), file).toBe(false);
    }
    expect(await readFile(`${dist}/logs/2025-08-09/index.html`, 'utf8')).not.toContain('職場の写真');
  });

  it('warns about the missing image in the build with its file and line', () => {
    expect(buildLog).toMatch(/tmp\/site-test\/logs\/2025-08-09\.md:17:1: warning .*images\/not-drawn-yet\.png.*\[missing-image\]/);
    expect(buildLog).not.toMatch(/diagram\.png.*\[missing-image\]/);
  });
});

describe('share cards', () => {
  it("names a 1200x630 PNG in dist/ as a log page's og:image, with the day's summary and the canonical URL", async () => {
    const html = await readFile(`${dist}/logs/2025-08-03/index.html`, 'utf8');
    const meta = (key: string) => new RegExp(`<meta (?:property|name)="${key}" content="([^"]*)"`).exec(html)?.[1];
    expect(meta('og:image')).toBe('https://nisshi.test/cards/logs/2025-08-03.png');
    expect(meta('twitter:card')).toBe('summary_large_image');
    expect(meta('og:title')).toContain('2025年8月3日(日)');
    expect(meta('og:description')).toBe('2025年8月3日(日)の学習ログ: 学習時間 約2時間・問題 3件');
    expect(html).toContain('<link rel="canonical" href="https://nisshi.test/logs/2025-08-03/">');
    const png = await readFile(`${dist}/cards/logs/2025-08-03.png`);
    expect(pngSize(png)).toEqual({ width: 1200, height: 630 });
  });

  it("names the week's own card as a week review's og:image, with the week's figures", async () => {
    const html = await readFile(`${dist}/reviews/week/2025-08-04/index.html`, 'utf8');
    const meta = (key: string) => new RegExp(`<meta (?:property|name)="${key}" content="([^"]*)"`).exec(html)?.[1];
    expect(meta('og:image')).toBe('https://nisshi.test/cards/weeks/2025-08-04.png');
    expect(meta('og:description')).toMatch(/^2025年8月4日〜10日の週の振り返り: 学習時間 .+・記録日数 \d+日$/);
    expect(pngSize(await readFile(`${dist}/cards/weeks/2025-08-04.png`))).toEqual({ width: 1200, height: 630 });
  });

  it('gives every page an og:image that exists in dist/', async () => {
    const { readdir } = await import('node:fs/promises');
    const pages = (await readdir(dist, { recursive: true })).map(String).filter((file) => file.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(20);
    for (const file of pages) {
      const html = await readFile(`${dist}/${file}`, 'utf8');
      const image = /<meta property="og:image" content="https:\/\/nisshi\.test(\/[^"]+)"/.exec(html)?.[1];
      expect(image, file).toBeDefined();
      expect(pngSize(await readFile(`${dist}${image}`)), file).toEqual({ width: 1200, height: 630 });
      for (const key of ['og:title', 'og:description', 'og:url', 'twitter:card']) expect(html, `${file} ${key}`).toMatch(new RegExp(`<meta (?:property|name)="${key}" content="[^"]+"`));
    }
  });
});

describe('tags', () => {
  it('/tags/ lists every tag with its days, hours and last use, and the navigation links to it', async () => {
    const { page, errors } = await open('/tags/');
    const rows = await page.locator('table.tag-table tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((cell) => cell.textContent!.trim())));
    const aws = rows.find((row) => row[0] === '#aws');
    // 2025-08-04 (1.5 h) and 2025-08-06 (2 h) carry the tag.
    expect(aws).toEqual(['#aws', '2日', '3.5時間', '2025年8月6日(水)']);
    expect(rows.map((row) => row[0])).toContain('#日本語');
    await expect(page.locator('header nav a[href="/tags/"]').getAttribute('aria-current')).resolves.toBe('page');
    await page.getByRole('link', { name: '#aws' }).click();
    await page.waitForURL(/\/tags\/aws\/$/);
    await expect(page.locator('canvas#tag-months').count()).resolves.toBe(1);
    await expect(page.locator('main').textContent()).resolves.toContain('2025年8月');
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('on a phone (390 px)', () => {
  for (const path of ['/', '/logs/2025-08-03/', '/logs/2025-08-09/', '/logs/2025/', '/tags/', '/problems/']) {
    it(`nothing on ${path} is wider than the screen, and the navigation is one line`, async () => {
      const { page } = await open(path, { width: 390, height: 844 });
      const fit = await page.evaluate(() => ({
        overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
        navHeight: document.querySelector('.nav-links')!.getBoundingClientRect().height,
        linkHeight: document.querySelector('.nav-links a')!.getBoundingClientRect().height,
        // Links the reader cannot see without scrolling the navigation sideways.
        hiddenLinks: [...document.querySelectorAll('.nav-links a')].filter((link) => link.getBoundingClientRect().right > document.documentElement.clientWidth).map((link) => link.textContent),
      }));
      expect(fit.overflow).toBeLessThanOrEqual(0);
      expect(fit.hiddenLinks).toEqual([]);
      expect(fit.navHeight).toBeLessThan(fit.linkHeight * 1.8);
      await page.close();
    });
  }

  it('keeps each stat value on one line', async () => {
    const { page } = await open('/', { width: 390, height: 844 });
    const values = await page.locator('.cards .value').evaluateAll((elements) =>
      elements.map((element) => {
        const range = document.createRange();
        range.selectNodeContents(element);
        return { text: element.textContent, lines: new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size };
      }),
    );
    for (const value of values) expect(value.lines, value.text ?? '').toBe(1);
    await page.close();
  });
});
