/** Line anchors (the lines a review links to, /logs/<slug>/#L31, get an id) and links between logs (2025-09-01.md#L12 → ../2025-09-01/#L12). */
import { describe, expect, it } from 'vitest';
import { renderLogBody } from '../../src/render/index.ts';

const log = [
  '---', 'tags: [a]', '---', '# 2025年9月1日', '', '## 学び', '- **Mangum**: アダプター', '- 二つ目', '', '## 振り返り',
  '一行目', '二行目  ', '三行目', '四行目', '', '> 引用の感想',
].join('\n');

describe('line anchors', () => {
  it('puts id="L<line>" on the list item or paragraph starting on a wanted line, and a span where a line starts inside a paragraph', async () => {
    const { html } = await renderLogBody(log, { allowRawHtml: false, anchorLines: [7, 11, 12, 13, 14, 16] });
    expect(html).toContain('<li id="L7"><strong>Mangum</strong>: アダプター</li>');
    expect(html).toContain('<li>二つ目</li>');
    expect(html).toContain('<p id="L11">一行目\n<span id="L12"></span>二行目<br>\n<span id="L13"></span>三行目\n<span id="L14"></span>四行目</p>');
    expect(html).toContain('<blockquote>\n<p id="L16">引用の感想</p>\n</blockquote>');
  });

  it('changes nothing when no line is wanted, with raw HTML allowed too', async () => {
    const plain = await renderLogBody(log, { allowRawHtml: false });
    expect(plain.html).not.toMatch(/id="L\d+"/);
    const raw = await renderLogBody(log, { allowRawHtml: true, anchorLines: [8] });
    expect(raw.html).toContain('<li id="L8">二つ目</li>');
  });
});

describe('links between logs', () => {
  it('points a relative link to another log file, with its line, to that log\'s page; leaves other links alone', async () => {
    const text = [
      '# 2026年3月14日', '', '## 復習',
      '- [ ] 学び（[9/1 の学び](2025-09-01.md#L12)）',
      '- [ ] 入れ子（[2025/9/14 の学び](2025/09/14.md#L7)）',
      '- [本](https://example.com/a.md) [図](./image.png) [節](#復習) [メモ](notes/todo.md)',
    ].join('\n');
    const { html } = await renderLogBody(text, { allowRawHtml: false, path: 'logs/2026-03-14.md' });
    expect(html).toContain('<a href="../2025-09-01/#L12">9/1 の学び</a>');
    expect(html).toContain('<a href="../2025-09-14/#L7">2025/9/14 の学び</a>');
    expect(html).toContain('<a href="https://example.com/a.md">本</a>');
    expect(html).toContain('<a href="./image.png">図</a>');
    expect(html).toContain('<a href="#%E5%BE%A9%E7%BF%92">節</a>');
    expect(html).toContain('<a href="../todo/">メモ</a>');
    // Without the log's path nothing is rewritten.
    expect((await renderLogBody(text, { allowRawHtml: false })).html).toContain('<a href="2025-09-01.md#L12">');
  });
});
