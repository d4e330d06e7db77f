/** The site's own /search/ page driven in Chromium, as the search tests read it. */
import type { Browser, Page } from 'playwright-core';

export interface SearchPageResults {
  /** The status line: the count, or 「…」に一致するログはありません. */
  status: string;
  /** Each result's link (`/logs/<slug>/#<heading>`), in order. */
  links: string[];
  /** Each result's slug, in order. */
  slugs: string[];
  /** Console errors and page errors seen while searching. */
  errors: string[];
}

/** Waits until every part of the index is in and the results for what the page shows are there. */
export async function settled(page: Page): Promise<void> {
  await page.locator('#search-status[data-complete="true"]').waitFor({ state: 'attached', timeout: 30_000 });
}

export async function readResults(page: Page): Promise<Omit<SearchPageResults, 'errors'>> {
  const status = (await page.locator('#search-status').textContent()) ?? '';
  const links = await page.locator('#search-results a.result-title').evaluateAll((elements) => elements.map((element) => element.getAttribute('href') ?? ''));
  // Every result, not only the first page of them: "さらに表示" adds the rest.
  return { status, links, slugs: links.map((link) => decodeURIComponent(/\/logs\/([^/]+)\//.exec(link)?.[1] ?? '')) };
}

/** Opens /search/?q=… and reads the results once the whole index is searched. */
export async function searchFor(browser: Browser, siteUrl: string, query: string, viewport = { width: 1280, height: 900 }): Promise<SearchPageResults & { page: Page }> {
  const page = await browser.newPage({ viewport, reducedMotion: 'reduce' });
  const errors: string[] = [];
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${siteUrl}/search/?q=${encodeURIComponent(query)}`);
  await settled(page);
  return { ...(await readResults(page)), errors, page };
}
