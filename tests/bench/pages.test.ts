/** The page measure of `npm run bench -- --section pages`: elements counted in real HTML, script and style bodies left out. */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { countElements, measurePages } from '../../scripts/bench/pages.ts';

describe('page measure', () => {
  it('counts start tags, SVG ones included, and nothing inside scripts, styles or comments', () => {
    const html =
      '<!doctype html><html><head><style>a<b{}</style><script type="module">if (a<b) x()</script></head>' +
      '<body><!-- <p>not</p> --><svg><rect/><rect></rect></svg><p>1 < 2 <em>yes</em></p><scripted-el></scripted-el></body></html>';
    // html head style script body svg rect rect p em scripted-el
    expect(countElements(html)).toBe(11);
  });

  it('measures every page of a folder by address, bytes and elements', async () => {
    const dir = 'tmp/bench-pages-test';
    await rm(dir, { recursive: true, force: true });
    await mkdir(`${dir}/logs/2025`, { recursive: true });
    const top = '<html><body><p>あ</p></body></html>';
    await writeFile(`${dir}/index.html`, top);
    await writeFile(`${dir}/logs/2025/index.html`, '<html></html>');
    await writeFile(`${dir}/data.json`, '{}');
    const pages = measurePages(dir).sort((a, b) => a.page.localeCompare(b.page));
    expect(pages).toEqual([
      // あ is three bytes in UTF-8: bytes, not characters.
      { page: '/', bytes: top.length + 2, elements: 3 },
      { page: '/logs/2025/', bytes: 13, elements: 1 },
    ]);
    await rm(dir, { recursive: true, force: true });
  });
});
