/**
 * The day first: the carried sections of a log (## 持ち越し, ## 継続中の問題)
 * are folded into a <details> with their count, after the day's goals, with
 * their headings' ids, their line anchors and private notes as before.
 */
import { describe, expect, it } from 'vitest';
import { renderLogBody } from '../../src/render/index.ts';

const carriedFirst = [
  '# 2025年1月6日', // 1
  '',
  '## 持ち越し', // 3
  '- [ ] 記事を書く（1/2 の計画）', // 4
  '- [x] 本を読む（1/2 の計画）', // 5
  '- [ ] 掃除 未完了（1/5）', // 6
  '',
  '## 継続中の問題', // 8
  '- 権限エラー（1/5 から） — 現状: まだ', // 9
  '- ビルドが遅い（1/3 から）', // 10
  '',
  'ほかに 継続中の問題 2 件があります（一覧は nisshi status --all）', // 12
  '',
  '## 今日の目標', // 14
  '- [ ] 目標1',
  '- [x] 目標2',
  '### 細かい目標',
  '- [ ] 目標3',
  '',
  '## 実施内容', // 20
  'やった',
].join('\n');

describe('carried sections on the log page', () => {
  it('folds each carried section under its heading into a <details> with its count, and puts them after the goals', async () => {
    const { html, headings } = await renderLogBody(carriedFirst, { allowRawHtml: false });
    const order = ['<h2 id="今日の目標">', '<h3 id="細かい目標">', '<h2 id="持ち越し">', '<details class="carried-section" data-carried="carried"><summary data-search-ignore="">3件（完了 1件）</summary>',
      '記事を書く（1/2 の計画）', '</details>', '<h2 id="継続中の問題">', '<details class="carried-section" data-carried="continuing"><summary data-search-ignore="">2件</summary>', 'ほかに 継続中の問題 2 件', '</details>', '<h2 id="実施内容">'];
    // Each part after the one before it.
    let from = 0;
    for (const part of order) {
      const index = html.indexOf(part, from);
      expect(index, part).toBeGreaterThanOrEqual(0);
      from = index + part.length;
    }
    // The outline is the writer's, headings in the order written, their ids unchanged.
    expect(headings.map((heading) => heading.slug)).toEqual(['2025年1月6日', '持ち越し', '継続中の問題', '今日の目標', '細かい目標', '実施内容']);
    expect(html).not.toContain('<details open');
  });

  it('says the record\'s count of carried items when given (the dropped ones left out, as the page\'s summary counts)', async () => {
    const { html } = await renderLogBody(carriedFirst, { allowRawHtml: false, carriedCount: { done: 1, total: 2 } });
    expect(html).toContain('<summary data-search-ignore="">2件（完了 1件）</summary>');
  });

  it('keeps the line anchors of the items it moves', async () => {
    const { html } = await renderLogBody(carriedFirst, { allowRawHtml: false, anchorLines: [4, 15] });
    expect(html).toMatch(/<details[^>]*><summary[^>]*>[^<]*<\/summary>\s*<ul class="contains-task-list">\s*<li class="task-list-item" id="L4">/u);
    expect(html).toContain('id="L15"');
  });

  it('leaves a log without carried sections as it was, and reads the headings from the writer\'s vocabulary', async () => {
    const plain = '# 2025年1月6日\n\n## 今日の目標\n- [ ] 目標\n\n## 実施内容\nやった\n';
    expect((await renderLogBody(plain, { allowRawHtml: false })).html).not.toContain('<details');
    const own = '# 2025年1月6日\n\n## 昨日の残り\n- [ ] 記事を書く\n\n## 今日の目標\n- [ ] 目標\n';
    const { html } = await renderLogBody(own, { allowRawHtml: false, vocabulary: { carriedHeadings: ['昨日の残り'] } });
    expect(html.indexOf('<h2 id="今日の目標">')).toBeLessThan(html.indexOf('<h2 id="昨日の残り">'));
    expect(html).toContain('<summary data-search-ignore="">1件</summary>');
  });

  it('never shows a private note, folded or not', async () => {
    const text = '# 2025年1月6日\n\n## 持ち越し\n- [ ] 公開の項目\n\n### 秘密 🔒\n- [ ] 秘密の項目\n\n## 今日の目標\n- [ ] 目標\n';
    const { html } = await renderLogBody(text, { allowRawHtml: false });
    expect(html).not.toContain('秘密の項目');
    expect(html).toContain('<summary data-search-ignore="">1件</summary>');
  });
});
