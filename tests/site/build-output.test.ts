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
    const pages = ['index.html', 'logs/index.html', 'problems/index.html', 'plans/index.html', 'search/index.html', 'rss.xml', 'sitemap-index.xml', 'data/logs/index.json', 'data/logs/2025.json', '404.html', 'tags/index.html', 'tags/aws/index.html'];
    pages.push('logs/2025/index.html', 'logs/2025/07/index.html', 'logs/2025/08/index.html', 'plans/2025-07/index.html', 'plans/2025-08/index.html', 'data/problems.json', 'data/plans.json');
    for (const slug of ['2025-06-30', '2025-07-21', '2025-07-22', '2025-07-23', '2025-07-24', '2025-08-03', '2025-08-04', '2025-08-05', '2025-08-05-evening', '2025-08-06', '2025-08-09']) pages.push(`logs/${slug}/index.html`);
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

  it('writes every published record to its year\'s data/logs/<year>.json, without body HTML, and lists the years', async () => {
    expect(JSON.parse(await read('data/logs/index.json'))).toEqual({ years: [{ year: '2025', logs: 11, path: '/data/logs/2025.json' }] });
    const records = JSON.parse(await read('data/logs/2025.json')) as Array<Record<string, unknown>>;
    // The acceptance week of issue 7 (2025-07-21 … 24) is among the site fixtures.
    expect(records.map((record) => record.slug)).toEqual(['2025-08-09', '2025-08-06', '2025-08-05-evening', '2025-08-05', '2025-08-04', '2025-08-03', '2025-07-24', '2025-07-23', '2025-07-22', '2025-07-21', '2025-06-30']);
    expect(records.every((record) => record.draft === false && !('html' in record) && !('body' in record))).toBe(true);
  });

  it('lists the logs in the feed and the sitemap', async () => {
    const feed = await read('rss.xml');
    expect(feed.match(/<item>/g)).toHaveLength(11);
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

  it('shows plan follow-through: plans done in a later log in the month history, and plans overdue on /plans/', async () => {
    // Done plans are history now: /plans/ keeps what matters today on top, the months hold every chain.
    const month = await read('plans/2025-08/index.html');
    const row = (text: string) => month.slice(month.indexOf(text), month.indexOf('</tr>', month.indexOf(text)));
    expect(row('本番環境の構築')).toContain('完了');
    expect(row('本番環境の構築')).toContain('2025-08-09');
    expect(await read('plans/index.html')).toContain('期限切れ');
  });

  it('writes the acceptance week as two problem threads and one plan chain (issue 7)', async () => {
    const threads = JSON.parse(await read('data/problems.json')) as Array<{ id: string; title: string; status: string; resolvedOn: string | null; occurrences: Array<{ slug: string; line: number; status: string | null }> }>;
    const week = threads.filter((thread) => thread.occurrences.some((occurrence) => occurrence.slug.startsWith('2025-07-')));
    expect(week.map((thread) => [thread.title, thread.status, thread.resolvedOn, thread.occurrences.map((occurrence) => occurrence.slug)])).toEqual([
      ['Lambda のコールドスタートが遅い', 'resolved', '2025-07-24', ['2025-07-21', '2025-07-22', '2025-07-23', '2025-07-24']],
      ['CORS エラーが出る', 'resolved', '2025-07-22', ['2025-07-21', '2025-07-22']],
    ]);
    // Open threads come first.
    expect(threads.findIndex((thread) => thread.status === 'resolved')).toBe(threads.filter((thread) => thread.status === 'open').length);
    for (const thread of threads) expect(thread.id).toMatch(/^[0-9a-f]{12}$/);
    const chains = JSON.parse(await read('data/plans.json')) as Array<{ text: string; plannedOn: string; status: string; doneOn: string | null; carried: number; occurrences: unknown[] }>;
    const chain = chains.filter((candidate) => candidate.text === 'API Gateway の設定を見直す');
    expect(chain).toHaveLength(1);
    expect(chain[0]).toMatchObject({ plannedOn: '2025-07-21', status: 'done', doneOn: '2025-07-23', carried: 1 });
    expect(chain[0]!.occurrences).toHaveLength(2);
  });

  it('writes the dropped and the stale chains with their dates to /data/plans.json, and lists them on /plans/ (issue 24)', async () => {
    const chains = JSON.parse(await read('data/plans.json')) as Array<{ text: string; status: string; droppedOn: string | null; stale: boolean; staleOn: string | null }>;
    const of = (text: string) => chains.find((chain) => chain.text === text);
    // 2025-06-30's 今日中 plans, on 2025-08-10: one left open past 14 days, two given up that day.
    expect(of('古くなった計画')).toMatchObject({ status: 'overdue', stale: true, staleOn: '2025-07-15', droppedOn: null });
    expect(of('やめた計画')).toMatchObject({ status: 'dropped', droppedOn: '2025-06-30', stale: false });
    expect(of('見送った計画')).toMatchObject({ status: 'dropped', droppedOn: '2025-06-30' });
    const plans = await read('plans/index.html');
    const section = (id: string) => plans.slice(plans.indexOf(`id="${id}"`), plans.indexOf('</table>', plans.indexOf(`id="${id}"`)));
    expect(section('stale-title')).toContain('古くなった計画');
    expect(section('stale-title')).toContain('バックログ（2025-07-15〜）');
    expect(section('dropped-title')).toContain('やめた計画');
    expect(section('dropped-title')).toContain('中止');
    expect(section('overdue-title')).not.toContain('古くなった計画');
  });

  it('links each log page to its month, and the month and year pages to each other', async () => {
    const log = await read('logs/2025-07-22/index.html');
    expect(log).toContain('href="/logs/2025/07/"');
    const july = await read('logs/2025/07/index.html');
    expect(july).toMatch(/rel="next" href="\/logs\/2025\/08\/"/);
    expect(july).toContain('href="/logs/2025/"');
    expect(july).toContain('href="/logs/2025-07-24/"');
    const year = await read('logs/2025/index.html');
    expect(year).toContain('href="/logs/2025/08/"');
    expect(await read('logs/index.html')).toContain('href="/logs/2025/"');
  });
});
