/** The highlighting pass: rehype-highlight (detect: false) over each block that names its language, nothing else. */
import type { Element, ElementContent, RootContent } from 'hast';
import { describe, expect, it } from 'vitest';
import { namedCodeBlocks } from '../../src/render/highlight-code.ts';
import { renderLogBody } from '../../src/render/render-log-body.ts';

const element = (tagName: string, className: string[] | undefined, children: ElementContent[] = []): Element => ({
  type: 'element',
  tagName,
  properties: className ? { className } : {},
  children,
});
const text = (value: string): ElementContent => ({ type: 'text', value });

describe('namedCodeBlocks', () => {
  it.each<[string, RootContent[], number]>([
    ['a fenced block that names its language', [element('pre', undefined, [element('code', ['language-bash'], [text('ls')])])], 1],
    ['the short lang- form, and two blocks', [element('pre', undefined, [element('code', ['lang-python'])]), element('pre', undefined, [element('code', ['language-yaml'])])], 2],
    ['a block deep inside a quote and a list', [element('blockquote', undefined, [element('ul', undefined, [element('li', undefined, [element('pre', undefined, [element('code', ['language-yaml'])])])])])], 1],
    ['a fenced block without a language', [element('pre', undefined, [element('code', undefined, [text('plain')])])], 0],
    ['inline code with a language class', [element('p', undefined, [element('code', ['language-bash'], [text('ls')])])], 0],
    ['no code at all', [element('p', undefined, [text('今日は何もなし')])], 0],
  ])('%s', (_name, nodes, expected) => {
    expect(namedCodeBlocks(nodes)).toHaveLength(expected);
  });

  it('renders a log without named code as before, and highlights one with it', async () => {
    const plain = await renderLogBody('# 2025-08-03\n\n```\necho hi\n```\n', { allowRawHtml: false });
    expect(plain.html).toContain('<pre tabindex="0"><code>echo hi\n</code></pre>');
    const named = await renderLogBody('# 2025-08-03\n\n```bash\necho hi\n```\n', { allowRawHtml: false });
    expect(named.html).toContain('class="hljs language-bash"');
    expect(named.html).toContain('<span class="hljs-built_in">echo</span>');
    // Each block is highlighted, the first and the last, whatever lies between them.
    const two = await renderLogBody('# 2025-08-03\n\n```bash\necho a\n```\n\n- 項目\n\n  ```python\n  print(1)\n  ```\n', { allowRawHtml: false });
    expect(two.html).toContain('class="hljs language-bash"');
    expect(two.html).toContain('class="hljs language-python"');
    expect(two.html).toContain('<span class="hljs-built_in">print</span>');
  });
});
