/**
 * The search page over an index in several parts: a copy of the test site
 * indexed one part per month (production cuts by the newest month and years;
 * the fixtures span three months of one year), then searched in Chromium.
 * Results must come from every part, in one list.
 */
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildSearchIndex, type SearchManifest } from '../../src/search/build-index.ts';
import { LOG_PAGE } from '../../src/search/partitions.ts';
import { launchBrowser } from './browser.ts';
import { searchFor } from './search-page.ts';
import { serveStatic } from './static-server.ts';

const byMonth = (sourcePath: string) => LOG_PAGE.exec(sourcePath)?.[1]?.slice(0, 7) ?? 'other';

let copy = '';
let url = '';
let server: Server;
let browser: Browser;

beforeAll(async () => {
  copy = await mkdtemp(path.join(tmpdir(), 'nisshi-search-parts-'));
  await cp(inject('siteDir'), copy, { recursive: true });
  const result = await buildSearchIndex(copy, { cacheDir: path.join(copy, '.cache'), partOf: byMonth });
  expect(result.built).toEqual(['2025-08', '2025-07', '2025-06']);
  ({ url, server } = await serveStatic(copy));
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
  await rm(copy, { recursive: true, force: true });
});

async function resultLinks(query: string): Promise<{ links: string[]; errors: string[] }> {
  const { page, slugs, errors } = await searchFor(browser, url, query);
  await page.close();
  return { links: slugs.map((slug) => `/logs/${slug}/`), errors };
}

describe('search over an index in parts', () => {
  it('lists the parts newest first for the page to merge', async () => {
    const manifest = JSON.parse(await readFile(path.join(copy, 'search-index/parts.json'), 'utf8')) as SearchManifest;
    expect(manifest.parts.map((part) => part.name)).toEqual(['2025-08', '2025-07', '2025-06']);
  });

  it('finds a log of the older part (July) and one of the newer (August) with the same page', async () => {
    const july = await resultLinks('コールドスタート');
    expect(july.links).toContain('/logs/2025-07-22/');
    const august = await resultLinks('依存関係');
    expect(august.links).toContain('/logs/2025-08-03/');
    expect([...july.errors, ...august.errors]).toEqual([]);
  });

  it('merges results of both parts into one list for a word written in both months', async () => {
    const { links } = await resultLinks('Lambda');
    expect(links.some((link) => link.startsWith('/logs/2025-07-'))).toBe(true);
    expect(links.some((link) => link.startsWith('/logs/2025-08-'))).toBe(true);
  });
});
