/** What `astro build` + the search index put in dist/, read as files. */
import { readdir, readFile } from 'node:fs/promises';
import { describe, expect, inject, it } from 'vitest';

const dist = inject('siteDir');
const read = (path: string) => readFile(`${dist}/${path}`, 'utf8');

async function everyFile(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => `${entry.parentPath}/${entry.name}`);
}

describe('the built site', () => {
  it('has a page per published log, the archive, problems, plans, search, feed, sitemap, data and 404', async () => {
    const pages = ['index.html', 'logs/index.html', 'problems/index.html', 'plans/index.html', 'search/index.html', 'rss.xml', 'sitemap-index.xml', 'data/logs.json', '404.html', 'tags/aws/index.html'];
    for (const slug of ['2025-08-03', '2025-08-04', '2025-08-05', '2025-08-06', '2025-08-09']) pages.push(`logs/${slug}/index.html`);
    for (const page of pages) await expect(read(page), page).resolves.toBeTruthy();
  });

  it('publishes no draft anywhere: no page, no data, no feed entry, no tag, no sitemap entry', async () => {
    const files = await everyFile(dist);
    expect(files.some((file) => file.includes('2025-08-07'))).toBe(false);
    for (const file of files.filter((name) => /\.(html|json|xml|js|txt)$/.test(name))) {
      const text = await readFile(file, 'utf8');
      expect(text.includes('ひみつのしたがき'), file).toBe(false);
      expect(text.includes('下書きタグ'), file).toBe(false);
    }
  });

  it('writes every published record to data/logs.json, without body HTML', async () => {
    const records = JSON.parse(await read('data/logs.json')) as Array<Record<string, unknown>>;
    expect(records.map((record) => record.slug)).toEqual(['2025-08-09', '2025-08-06', '2025-08-05', '2025-08-04', '2025-08-03']);
    expect(records.every((record) => record.draft === false && !('html' in record) && !('body' in record))).toBe(true);
  });

  it('lists the logs in the feed and the sitemap', async () => {
    const feed = await read('rss.xml');
    expect(feed.match(/<item>/g)).toHaveLength(5);
    expect(feed).toContain('https://nisshi.test/logs/2025-08-03/');
    const sitemap = await read('sitemap-0.xml');
    expect(sitemap).toContain('https://nisshi.test/logs/2025-08-09/');
  });

  it('sanitises log bodies: no script, no javascript: URL', async () => {
    const page = await read('logs/2025-08-09/index.html');
    expect(page).toContain('本番環境の構築');
    expect(page).not.toMatch(/<script>alert/);
    expect(page).not.toMatch(/javascript:/i);
  });

  it('highlights code at build time and renders GFM tables', async () => {
    const page = await read('logs/2025-08-05/index.html');
    expect(page).toMatch(/class="[^"]*hljs-/);
    expect(page).toMatch(/<table>[\s\S]*デプロイ[\s\S]*成功/);
  });

  it('ships no chart code on log pages, and embeds the chart data in the dashboard', async () => {
    const logPage = await read('logs/2025-08-03/index.html');
    expect(logPage).not.toMatch(/<script[^>]+src=/);
    const dashboard = await read('index.html');
    expect(dashboard).toMatch(/<script type="module" src="[^"]+"/);
    expect(dashboard).toContain('data-chart-spec="study-time"');
  });

  it('shows plan follow-through: plans done in a later log, and plans overdue', async () => {
    const plans = await read('plans/index.html');
    const row = (text: string) => plans.slice(plans.indexOf(text), plans.indexOf('</tr>', plans.indexOf(text)));
    expect(row('本番環境の構築')).toContain('完了');
    expect(row('本番環境の構築')).toContain('2025-08-09');
    expect(plans).toContain('期限切れ');
  });
});
