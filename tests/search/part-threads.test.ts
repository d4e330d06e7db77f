/** The search index's parts made on worker threads: the same files as on the calling thread, in the order asked. */
import { describe, expect, it } from 'vitest';
import { partJson } from '../../src/search/part-json.ts';
import { MIN_PAGES_FOR_THREADS, partJsons } from '../../src/search/part-threads.ts';

const encoder = new TextEncoder();
const page = (date: string, words: string) => ({
  sourcePath: `logs/${date}/index.html`,
  html: encoder.encode(`<!doctype html><html><body><main data-search-body><article data-search-date="${date}" data-search-title="${date}の学習ログ"><h2 id="学び">学び</h2><p>${words}</p><pre><code>npm run build\nnpm test</code></pre></article></main></body></html>`),
});

describe('partJsons', () => {
  it('makes each part on a thread as the calling thread makes it, in the order of the parts asked for', async () => {
    const years = ['2023', '2024', '2025'];
    const jobs = years.map((year) => ({
      part: year,
      pages: Array.from({ length: Math.ceil(MIN_PAGES_FOR_THREADS / 2) }, (_, day) => page(`${year}-01-${String((day % 28) + 1).padStart(2, '0')}`, `${year}年 ${day}日目 Lambda の設定`)),
    }));
    const onThreads = await partJsons(jobs);
    expect(onThreads).toEqual(jobs.map((job) => partJson(job.part, job.pages)));
    expect(onThreads.map((json) => (JSON.parse(json) as { part: string }).part)).toEqual(years);
  });

  it('makes a few pages on the calling thread', async () => {
    const jobs = [{ part: 'recent', pages: [page('2025-12-01', '短い')] }, { part: '2025', pages: [page('2025-11-30', '前の月')] }];
    expect(await partJsons(jobs)).toEqual(jobs.map((job) => partJson(job.part, job.pages)));
  });
});
