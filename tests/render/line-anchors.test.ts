/** Line anchors: the lines a review links to (/logs/<slug>/#L31) get an id on the page. */
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
