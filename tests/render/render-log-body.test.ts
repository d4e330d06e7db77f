/** renderLogBody: safe by default, GFM, build-time highlighting, Japanese heading ids. */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { markdownBody, renderLogBody } from '../../src/render/index.ts';

const fixture = (name: string) => readFile(new URL(`../fixtures/render/${name}`, import.meta.url), 'utf8');
const safe = async (markdown: string) => (await renderLogBody(markdown, { allowRawHtml: false })).html;

/**
 * Anything in the output that could run script, load a frame or restyle the
 * page. ("javascript:" as text is fine: only a URL in an attribute runs.)
 */
const dangerous =
  /<script|<iframe|<svg|<object|<embed|<style|\son[a-z]+=|\sstyle=|\s(?:href|src|action|formaction)="?\s*(?:javascript|vbscript|data:(?!image\/(?:png|jpeg|gif|webp|avif)))/i;

describe('renderLogBody, sanitised (the default)', () => {
  const vectors: Record<string, string> = {
    'script element': '<script>alert(1)</script>',
    'inline script element': 'text <script>alert(1)</script> text',
    'img onerror': '<img src="x" onerror="alert(1)">',
    'img onerror inline': 'a <img src=x onerror=alert(1)> b',
    'markdown javascript: link': '[x](javascript:alert(1))',
    'mixed-case javascript: in raw html': '<a href="JaVaScRiPt:alert(1)">x</a>',
    'mixed-case javascript: link': '[x](JaVaScRiPt:alert(1))',
    'entity-encoded javascript: link': '[x](&#106;avascript:alert(1))',
    'hex-entity javascript: link': '[x](&#x6A;&#x61;vascript:alert(1))',
    'javascript: autolink': '<javascript:alert(1)>',
    'javascript: reference link': '[x][evil]\n\n[evil]: javascript:alert(1)',
    'javascript: image': '![x](javascript:alert(1))',
    'vbscript: link': '[x](vbscript:msgbox(1))',
    'data:text/html link': '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
    'data:image/svg+xml image': '![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)',
    'svg onload': '<svg onload="alert(1)"><circle r="1"/></svg>',
    'svg onload inline': 'a <svg/onload=alert(1)> b',
    iframe: '<iframe src="https://evil.example/"></iframe>',
    'style attribute': '<p style="position:fixed;inset:0">cover</p>',
    'style element': '<style>body{display:none}</style>',
    'object element': '<object data="evil.swf"></object>',
  };

  for (const [name, markdown] of Object.entries(vectors)) {
    it(`neutralises ${name}`, async () => {
      expect(await safe(markdown)).not.toMatch(dangerous);
    });
  }

  it('keeps the text of a link whose URL it drops', async () => {
    expect(await safe('[押してね](javascript:alert(1))')).toBe('<p><a>押してね</a></p>');
  });

  it('keeps ordinary links, relative links and raster data: images', async () => {
    const html = await safe('[a](https://example.com/x) [b](./2025-08-03/) [c](#今日の目標) ![d](data:image/png;base64,iVBORw0KGgo=)');
    expect(html).toContain('href="https://example.com/x"');
    expect(html).toContain('href="./2025-08-03/"');
    // Percent-encoded as URLs are; a browser decodes the fragment to find id="今日の目標".
    expect(html).toContain(`href="#${encodeURIComponent('今日の目標')}"`);
    expect(html).toContain('src="data:image/png;base64,iVBORw0KGgo="');
  });

  it('drops raw HTML it would otherwise have to trust, <details> included', async () => {
    const html = await safe(await fixture('raw-html.md'));
    expect(html).not.toContain('<details');
    expect(html).not.toContain('<br');
    expect(html).toContain('<strong>Markdown</strong>');
  });
});

describe('renderLogBody with allowRawHtml', () => {
  it('lets <details><summary> and <br> through', async () => {
    const { html } = await renderLogBody(await fixture('raw-html.md'), { allowRawHtml: true });
    expect(html).toContain('<details>');
    expect(html).toContain('<summary>詳細を開く</summary>');
    expect(html).toContain('<strong>Markdown</strong>');
    expect(html).toContain('一行目<br>二行目');
  });
});

describe('renderLogBody on a GFM log', () => {
  it('renders tables, task lists, strikethrough, autolinks and footnotes', async () => {
    const html = await safe(await fixture('gfm-log.md'));
    expect(html).toContain('<table>');
    expect(html).toContain('<th>項目</th>');
    expect(html).toContain('<td align="right">1時間</td>');
    // Each checkbox is named by its item (GFM gives none): axe and Lighthouse ask for a label.
    expect(html).toContain('<input type="checkbox" checked disabled aria-label="表を書く（完了）"> 表を書く');
    expect(html).toContain('<input type="checkbox" disabled aria-label="脚注を試す（未完了）"> 脚注を試す');
    expect(html).toContain('<del>やめた作業</del>');
    expect(html).toContain('<a href="https://docs.aws.amazon.com/lambda/">');
    expect(html).toContain('<a href="http://www.example.com">');
    expect(html).toContain('<a href="mailto:study@example.com">');
    expect(html).toContain('<section data-footnotes class="footnotes">');
    expect(html).toContain('脚注の中身。');
  });

  it('links footnotes to ids that exist', async () => {
    const html = await safe(await fixture('gfm-log.md'));
    const targets = [...html.matchAll(/href="#([^"]+)"/g)].map((match) => match[1]);
    expect(targets.length).toBeGreaterThanOrEqual(2);
    for (const target of targets) expect(html).toContain(`id="${target}"`);
  });

  it('highlights bash, python and yaml at build time, and only fenced code that names a language', async () => {
    const html = await safe(await fixture('gfm-log.md'));
    for (const language of ['bash', 'python', 'yaml']) {
      const block = html.match(new RegExp(`<code class="hljs language-${language}">([\\s\\S]*?)</code>`));
      expect(block?.[1], language).toMatch(/<span class="hljs-[a-z_]+/);
    }
    // Code blocks take the keyboard's focus, so a long line can be scrolled without a mouse.
    expect(html).toContain('<pre tabindex="0"><code>言語なしのコード');
    expect(html).toContain('no highlight here');
    expect(html).not.toMatch(/<span class="hljs-[^"]*">no/);
  });

  it('leaves the frontmatter out', async () => {
    const html = await safe(await fixture('gfm-log.md'));
    expect(html).not.toContain('FRONTMATTER-SHOULD-NOT-RENDER');
    expect(html.startsWith('<h1')).toBe(true);
  });

  it('gives headings unique ids with the Japanese kept, and lists them', async () => {
    const { html, headings } = await renderLogBody(await fixture('gfm-log.md'), { allowRawHtml: false });
    expect(headings).toEqual([
      { depth: 1, slug: '2025年8月7日---学習ログ', text: '2025年8月7日 - 学習ログ' },
      { depth: 2, slug: '今日の目標', text: '今日の目標' },
      { depth: 2, slug: '実施内容', text: '実施内容' },
      { depth: 3, slug: '問題1-設定ファイル', text: '問題1: 設定ファイル' },
      { depth: 3, slug: '問題1-設定ファイル-1', text: '問題1: 設定ファイル' },
      { depth: 2, slug: 'aws-学習まとめ', text: 'ＡＷＳ 学習「まとめ」！' },
    ]);
    for (const { slug } of headings) expect(html).toContain(`id="${slug}"`);
    const ids = [...html.matchAll(/ id="([^"]+)"/g)].map((match) => match[1]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('does not let a heading take the id of the footnotes label', async () => {
    const { html } = await renderLogBody('# footnote label\n\nx[^a]\n\n[^a]: y', { allowRawHtml: true });
    const ids = [...html.matchAll(/ id="([^"]+)"/g)].map((match) => match[1]);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('markdownBody', () => {
  it('is the Markdown after the frontmatter', async () => {
    const body = markdownBody(await fixture('gfm-log.md'));
    expect(body.startsWith('# 2025年8月7日 - 学習ログ\n')).toBe(true);
    expect(markdownBody('# only a body\n')).toBe('# only a body\n');
  });
});

describe('renderLogBody arranges the page from the record', () => {
  it('makes a problem a card: its heading, status and labelled parts as rows, the code block kept, up to the next heading', async () => {
    const markdown = [
      '# 2025-08-03', '', '### 問題1: デプロイが止まる', '**現状**: 止まる', '**影響**: 出せない', '**原因**: 権限', '**再現手順**: 毎回', '',
      '**解決方法**:', '```bash', 'aws iam attach', '```', '', '### 次', '- 続き', '',
    ].join('\n');
    const html = await safe(markdown);
    const card = /<section class="problem-card"[^>]*>([\s\S]*?)<\/section>/.exec(html)?.[1] ?? '';
    expect(card).toContain('<h3 id="問題1-デプロイが止まる">問題1: デプロイが止まる</h3><p class="problem-status state-open">解決方法あり</p>');
    expect([...card.matchAll(/<dt>([^<]+)<\/dt>/g)].map((match) => match[1])).toEqual(['現状', '影響', '原因', '再現手順', '解決方法']);
    expect(card).toMatch(/<dt>解決方法<\/dt><dd><pre tabindex="0"><code class="hljs language-bash">aws iam attach/);
    expect(card).not.toContain('続き');
    expect(html).toMatch(/<section class="problem-card" aria-labelledby="問題1-デプロイが止まる">/);
  });

  it('makes an unnumbered problem item a card with its nested parts, a bare label taking what is nested below it', async () => {
    const html = await safe('# 2025-10-10\n\n## ハマったこと\n- npm ci が失敗する\n  - 原因\n    - Node が古い\n  - 解決: 上げた\n');
    expect(html).toMatch(/<li class="problem-card problem-item"><div class="problem-head">npm ci が失敗する\n?<p class="problem-status state-done">解決済み<\/p><\/div><dl class="problem-parts"><div class="part"><dt>原因<\/dt><dd><ul>/);
    expect(html).toContain('<dt>解決</dt><dd>上げた</dd>');
  });

  it('makes the closing figures a table, and leaves a paragraph that only looks alike', async () => {
    const html = await safe('# 2025-08-03\n\n---\n**学習時間**: 約2時間\n**特定した問題**: 3件\n\n**メモ**: ただの段落\n');
    expect(html).toContain('<table class="log-figures"><tbody><tr><th scope="row">学習時間</th><td>約2時間</td></tr><tr><th scope="row">特定した問題</th><td>3件</td></tr></tbody></table>');
    expect(html).toContain('<p><strong>メモ</strong>: ただの段落</p>');
  });

  it('hands an image beside the log to Astro with its properties, shows a missing one as its text, and leaves others lazy', async () => {
    const images = [{ url: './diagram.png', ok: true }, { url: 'images/none.png', ok: false }];
    const read = '# 2025-08-03\n\n![構成図](./diagram.png)\n\n![ない図](images/none.png)\n\n![外](https://example.com/x.png)\n';
    const { parseLog } = await import('../../src/parse/parse-log.ts');
    const { renderMarkdownTree, parseMarkdown } = await import('../../src/render/index.ts');
    const rendered = await renderMarkdownTree(parseMarkdown(read), { allowRawHtml: false, record: parseLog(read, { path: 'logs/x.md' }), images });
    expect(rendered.imagePaths).toEqual(['./diagram.png']);
    expect(rendered.html).toContain('<img __ASTRO_IMAGE_="{&#x22;alt&#x22;:&#x22;構成図&#x22;,&#x22;src&#x22;:&#x22;./diagram.png&#x22;,&#x22;index&#x22;:0}">');
    expect(rendered.html).toContain('<span class="missing-image">［画像: ない図］</span>');
    expect(rendered.html).toContain('<img src="https://example.com/x.png" alt="外" loading="lazy" decoding="async">');
  });
});
