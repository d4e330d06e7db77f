/** A built log page as the search index holds it (src/search/extract.ts). */
import { describe, expect, it } from 'vitest';
import { extractSearchDoc } from '../../src/search/extract.ts';

const page = (main: string) =>
  `<!doctype html><html lang="ja"><head><title>x</title><script>const hidden = "スクリプト";</script></head>` +
  `<body><nav>ナビゲーション</nav><main id="main" data-search-body>${main}</main><footer>フッター</footer></body></html>`;

describe('extractSearchDoc', () => {
  const doc = extractSearchDoc(
    '2025-08-03',
    page(
      `<nav data-search-ignore><a href="/logs/">ログ一覧</a></nav>` +
        `<article data-search-date="2025-08-03" data-search-title="Lambda の日">` +
        `<p class="date-line">2025年8月3日(日)</p>` +
        `<h2 id="問題1-cors">問題1: CORS   エラー</h2>` +
        `<p><strong>現状</strong>: 検証スコアが異常に良い\n<strong>影響</strong>: 本番で<code>AccessDenied</code></p>` +
        `<ul><li>一つ目<ul><li>入れ子</li></ul></li><li>二つ目<br>続き</li></ul>` +
        `<p class="notice" data-search-ignore>この日のログは2件あります</p>` +
        `<pre><code>const a = 1;\n\nconst b = 2;\n</code></pre>` +
        `<h3 id="">空のid</h3><h3 id="次">次</h3><table><tr><td>セル1</td><td>セル2</td></tr></table>` +
        `<style>.x{}</style>` +
        `</article>` +
        `<div data-search-ignore><aside><a data-search-key>CORS エラー</a><span data-search-key>テストを書く</span>` +
        `<span data-search-key>CORS エラー</span><a class="tag" data-search-tag="aws">#aws</a><a data-search-tag="C++">#C++</a></aside></div>`,
    ),
  )!;

  it('reads the body a line a block, whitespace collapsed, leaving out what is marked to ignore and what is no text', () => {
    expect(doc.text.split('\n')).toEqual([
      '2025年8月3日(日)',
      '問題1: CORS エラー',
      '現状: 検証スコアが異常に良い 影響: 本番でAccessDenied',
      '一つ目',
      '入れ子',
      '二つ目 続き',
      'const a = 1;',
      'const b = 2;',
      '空のid',
      '次',
      'セル1',
      'セル2',
    ]);
  });

  it('starts a section at each heading with an id, the text before the first heading a section of its own', () => {
    const line = (offset: number) => doc.text.slice(offset).split('\n')[0];
    expect(doc.sections.map(([offset, id]) => [id, line(offset)])).toEqual([
      ['', '2025年8月3日(日)'],
      ['問題1-cors', '問題1: CORS エラー'],
      ['次', '次'],
    ]);
  });

  it('takes the date, the title, the problem titles and plans once each, and the tags from their marks, ignored parts included', () => {
    expect(doc).toMatchObject({ slug: '2025-08-03', date: '2025-08-03', title: 'Lambda の日', keys: ['CORS エラー', 'テストを書く'], tags: ['aws', 'C++'] });
  });

  it('is undefined for a page without a search body (an archive, the dashboard)', () => {
    expect(extractSearchDoc('2025', '<!doctype html><html><body><main><p>一覧</p></main></body></html>')).toBeUndefined();
  });

  it('holds a page with a body but no date or title as such', () => {
    expect(extractSearchDoc('notes', page('<article><p>日付のないメモ</p></article>'))).toEqual({
      slug: 'notes', date: null, title: '', tags: [], keys: [], text: '日付のないメモ', sections: [[0, '']],
    });
  });
});
