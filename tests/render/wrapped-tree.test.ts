/**
 * remark-rehype over the wrapped tree (src/render/wrapped-tree.ts) makes the
 * same hast as remark-rehype over the tree itself: definitions and footnotes
 * found where createState finds them, the first of an identifier kept, and
 * the root's position and data kept.
 */
import type { Root as HastRoot } from 'hast';
import type { Root as MdastRoot } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { renderLogBody } from '../../src/render/render-log-body.ts';
import { remarkWrapTree, WRAPPED_TREE, wrappedTreeHandlers } from '../../src/render/wrapped-tree.ts';

const parse = (markdown: string): MdastRoot => unified().use(remarkParse).use(remarkGfm).parse(markdown);

async function hastOf(markdown: string, wrapped: boolean): Promise<HastRoot> {
  const processor = wrapped
    ? unified().use(remarkWrapTree).use(remarkRehype, { handlers: wrappedTreeHandlers, allowDangerousHtml: true })
    : unified().use(remarkRehype, { allowDangerousHtml: true });
  return (await processor.run(parse(markdown))) as HastRoot;
}

const html = (tree: HastRoot) => unified().use(rehypeStringify, { allowDangerousHtml: true }).stringify(tree);

describe('remark-rehype over the wrapped tree', () => {
  it.each<[string, string]>([
    ['a log without definitions', '# 2025-08-03 学習ログ\n\n## 今日の目標\n\n- [x] 環境構築\n- [ ] テスト\n\n**学習時間**: 約2時間\n'],
    ['a link by reference', '[公式ドキュメント][docs] を読んだ。\n\n[docs]: https://docs.astro.build/ "Astro"\n'],
    ['the first of two definitions with one identifier, in any case', '[参照][A]\n\n[a]: https://first.example/\n[A]: https://second.example/\n'],
    ['a definition inside a quote and a list, used before it', '[深い][deep]\n\n> - 項目\n>\n>   [deep]: https://deep.example/\n'],
    ['footnotes, one used twice, one defined twice, one never used', '本文[^1]と再び[^1]、そして[^b]。\n\n[^1]: 一つ目\n[^b]: 二つ目\n[^b]: 二つ目の重複\n[^unused]: 使われない\n'],
    ['a footnote inside a footnote and a table', '| 表 | 値 |\n| --- | --- |\n| a[^t] | 1 |\n\n[^t]: 表の脚注[^n]\n[^n]: 入れ子\n'],
    ['a hard break before text and raw HTML', '一行目  \n  二行目\n\n<details><summary>詳細</summary>中身</details>\n'],
    ['an empty log', ''],
  ])('%s', async (_name, markdown) => {
    const [plain, wrapped] = await Promise.all([hastOf(markdown, false), hastOf(markdown, true)]);
    expect(wrapped).toEqual(plain);
    expect(html(wrapped)).toBe(html(plain));
  });

  it('keeps the position and data of the tree it wraps, and leaves that tree as it was', () => {
    const tree = parse('# 見出し\n');
    tree.data = { note: 'kept' } as MdastRoot['data'];
    const before = structuredClone(tree);
    const root = remarkWrapTree()(tree);
    expect(root.position).toEqual(tree.position);
    expect(root.data).toBe(tree.data);
    expect(root.children).toEqual([{ type: WRAPPED_TREE, tree }]);
    expect(tree).toEqual(before);
  });

  it('is what renderLogBody uses: a log with a reference link and a footnote renders both', async () => {
    const { html: body } = await renderLogBody('# 2025-08-03\n\n[Astro][docs] を読んだ[^1]。\n\n[docs]: https://docs.astro.build/\n[^1]: 公式\n', { allowRawHtml: false });
    expect(body).toContain('<a href="https://docs.astro.build/">Astro</a>');
    expect(body).toContain('<h2 class="sr-only" id="footnote-label">脚注</h2>');
    expect(body).toContain('公式');
  });
});
