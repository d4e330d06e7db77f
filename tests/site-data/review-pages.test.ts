/**
 * The review pages' keys for Astro's incremental build: a digest of what each
 * page shows, so an edit re-renders the reviews it changes and no other.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseLog } from '../../src/index.ts';
import { periodLabel, reviewPages, type ReviewPages } from '../../src/site/review-pages.ts';
import { options, records, reviewFixtures } from '../stats/review-expectations.ts';

const keys = (pages: ReviewPages) => new Map([...pages.weeks, ...pages.months].map((page) => [page.path, page.cacheKey]));
const changed = (before: ReviewPages, after: ReviewPages) => {
  const old = keys(before);
  return [...keys(after)].filter(([path, key]) => old.get(path) !== key).map(([path]) => path);
};
const edited = (name: string, edit: (text: string) => string) =>
  records.map((record) => (record.source === `logs/${name}` ? parseLog(edit(readFileSync(reviewFixtures + name, 'utf8')), { path: `logs/${name}` }) : record));

describe('review pages', () => {
  const before = reviewPages(records, options);

  it('has a page per week and month with a log, linked to its neighbours and to its months or weeks', () => {
    expect(before.weeks.map((page) => [page.path, page.label, page.previous?.key ?? null, page.next?.key ?? null, page.related.map((link) => link.key)])).toEqual([
      ['/reviews/week/2025-08-25/', '2025年8月25日〜31日', null, '2025-09-01', ['2025-08']],
      ['/reviews/week/2025-09-01/', '2025年9月1日〜7日', '2025-08-25', '2025-09-08', ['2025-09']],
      ['/reviews/week/2025-09-08/', '2025年9月8日〜14日', '2025-09-01', null, ['2025-09']],
    ]);
    expect(before.months.map((page) => [page.path, page.related.map((link) => link.key)])).toEqual([
      ['/reviews/month/2025-08/', ['2025-08-25']],
      ['/reviews/month/2025-09/', ['2025-09-01', '2025-09-08']],
    ]);
    expect(periodLabel('week', '2025-12-29', '2026-01-04')).toBe('2025年12月29日〜2026年1月4日');
    expect(periodLabel('week', '2025-09-29', '2025-10-05')).toBe('2025年9月29日〜10月5日');
  });

  it('keeps every key when a log changes nothing a review shows (the bench\'s edit of the newest log)', () => {
    expect(changed(before, reviewPages(edited('2025-09-14.md', (text) => `${text}\n## 追記\n- ベンチマークのための一行\n`), options))).toEqual([]);
  });

  it('changes the keys of the edited log\'s week and month only, and the next week\'s, whose previous figures it is', () => {
    const newest = edited('2025-09-14.md', (text) => text.replace('**学習時間**: 2時間', '**学習時間**: 3時間'));
    expect(changed(before, reviewPages(newest, options))).toEqual(['/reviews/week/2025-09-08/', '/reviews/month/2025-09/']);
    const older = edited('2025-09-03.md', (text) => text.replace('**学習時間**: 30分', '**学習時間**: 40分'));
    expect(changed(before, reviewPages(older, options))).toEqual(['/reviews/week/2025-09-01/', '/reviews/week/2025-09-08/', '/reviews/month/2025-09/']);
  });

  it('keys a JSON file by the review alone', () => {
    const titled = edited('2025-09-10.md', (text) => text.replace('# 2025年9月10日 - 学習ログ', '# 2025年9月10日 - 新しい題'));
    const after = reviewPages(titled, options);
    // The page lists the log's title; the JSON has none.
    expect(changed(before, after)).toEqual(['/reviews/week/2025-09-08/', '/reviews/month/2025-09/']);
    expect(after.weeks.map((page) => page.jsonKey)).toEqual(before.weeks.map((page) => page.jsonKey));
  });
});

describe('review lists as HTML', () => {
  it('escapes the writer\'s text and links each learning to its line', async () => {
    const { learningsHtml, plansHtml } = await import('../../src/components/review-html.ts');
    expect(learningsHtml([{ text: '<script>"a" & \'b\'</script>', slug: '2025-09-01', date: '2025-09-01', line: 12 }])).toBe(
      '<li><a href="/logs/2025-09-01/#L12">&lt;script&gt;&quot;a&quot; &amp; &#39;b&#39;&lt;/script&gt;</a> <span class="muted">9/1</span></li>',
    );
    expect(plansHtml([{ id: 'x', text: 'A<B', plannedOn: '2025-09-10', due: '2025-09-11', doneOn: null, droppedOn: '2025-09-11', slug: '2025-09-10', line: 12 }])).toBe(
      '<li><a href="/logs/2025-09-10/">A&lt;B</a> <span class="muted">9/10 → 期限 9/11・中止 9/11</span></li>',
    );
  });
});
