/**
 * The `pages` bench section: the largest HTML pages of a built site, by bytes
 * and by elements, against the limits a ten-year site must stay within
 * (250 KB and 3,000 elements a page). The site section prints it for the site
 * it builds; run alone it builds the site of generated logs itself:
 *
 *   npm run bench -- --section pages [--count 3650]
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { decimal, integer, type BenchSection } from './section.ts';

export const PAGE_BYTES_LIMIT = 250 * 1024;
export const PAGE_ELEMENTS_LIMIT = 3_000;

export interface PageSize {
  page: string;
  bytes: number;
  elements: number;
}

/**
 * Elements of an HTML page: start tags (an SVG <rect> is an element too),
 * not counting what is inside <script>, <style> or comments. A scan, not a
 * parser, which is enough for pages Astro wrote.
 */
export function countElements(html: string): number {
  let count = 0;
  let index = 0;
  const lower = html.toLowerCase();
  while ((index = html.indexOf('<', index)) !== -1) {
    if (html.startsWith('<!--', index)) {
      const end = html.indexOf('-->', index + 4);
      index = end === -1 ? html.length : end + 3;
      continue;
    }
    const next = html.charCodeAt(index + 1);
    const letter = (next >= 65 && next <= 90) || (next >= 97 && next <= 122);
    if (!letter) {
      index++;
      continue;
    }
    count++;
    const raw = ['script', 'style'].find((name) => lower.startsWith(name, index + 1) && !/[a-z0-9-]/.test(lower[index + 1 + name.length] ?? ''));
    if (raw) {
      const end = lower.indexOf(`</${raw}`, index + 1);
      index = end === -1 ? html.length : end + 2;
    } else {
      index++;
    }
  }
  return count;
}

/** Every .html file under `dist`, with its size and element count. */
export function measurePages(dist: string): PageSize[] {
  return readdirSync(dist, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => {
      const file = path.join(entry.parentPath, entry.name);
      const html = readFileSync(file, 'utf8');
      return { page: `/${path.relative(dist, file)}`.replace(/index\.html$/, ''), bytes: Buffer.byteLength(html), elements: countElements(html) };
    });
}

/** The largest page by bytes and by elements, and the five largest of each, with the limits. */
export function printLargestPages(dist: string): void {
  const pages = measurePages(dist);
  const line = (page: PageSize) =>
    `      ${page.page.padEnd(44)}${`${decimal.format(page.bytes / 1024)} KB`.padStart(11)}${`${integer.format(page.elements)} elements`.padStart(17)}`;
  const byBytes = [...pages].sort((a, b) => b.bytes - a.bytes);
  const byElements = [...pages].sort((a, b) => b.elements - a.elements);
  const biggest = byBytes[0];
  const busiest = byElements[0];
  console.log(`  HTML pages: ${integer.format(pages.length)} (limits: ${PAGE_BYTES_LIMIT / 1024} KB and ${integer.format(PAGE_ELEMENTS_LIMIT)} elements a page)`);
  if (!biggest || !busiest) return;
  const over = pages.filter((page) => page.bytes > PAGE_BYTES_LIMIT || page.elements > PAGE_ELEMENTS_LIMIT);
  console.log(`    largest by bytes:    ${biggest.page} ${decimal.format(biggest.bytes / 1024)} KB, ${integer.format(biggest.elements)} elements`);
  console.log(`    largest by elements: ${busiest.page} ${integer.format(busiest.elements)} elements, ${decimal.format(busiest.bytes / 1024)} KB`);
  console.log(`    five largest by bytes:`);
  for (const page of byBytes.slice(0, 5)) console.log(line(page));
  console.log(`    five largest by elements:`);
  for (const page of byElements.slice(0, 5)) console.log(line(page));
  console.log(`    pages over a limit: ${over.length === 0 ? 'none' : over.map((page) => page.page).join(', ')}`);
}

export const pagesSection: BenchSection = {
  name: 'pages',
  async run({ count, seed }) {
    // Imported here so that the site section and this one share one build helper without a cycle.
    const { buildGeneratedSite } = await import('./site.ts');
    await buildGeneratedSite(count, seed, (dist) => printLargestPages(dist));
  },
};
