/** The highlighting pass runs only where rehype-highlight (detect: false) has a block to highlight. */
import type { Element, ElementContent, RootContent } from 'hast';
import { describe, expect, it } from 'vitest';
import { hasNamedCode } from '../../src/render/highlight-code.ts';
import { renderLogBody } from '../../src/render/render-log-body.ts';

const element = (tagName: string, className: string[] | undefined, children: ElementContent[] = []): Element => ({
  type: 'element',
  tagName,
  properties: className ? { className } : {},
  children,
});
const text = (value: string): ElementContent => ({ type: 'text', value });

describe('hasNamedCode', () => {
  it.each<[string, RootContent[], boolean]>([
    ['a fenced block that names its language', [element('pre', undefined, [element('code', ['language-bash'], [text('ls')])])], true],
    ['the short lang- form', [element('pre', undefined, [element('code', ['lang-python'])])], true],
    ['a block deep inside a quote and a list', [element('blockquote', undefined, [element('ul', undefined, [element('li', undefined, [element('pre', undefined, [element('code', ['language-yaml'])])])])])], true],
    ['a fenced block without a language', [element('pre', undefined, [element('code', undefined, [text('plain')])])], false],
    ['inline code with a language class', [element('p', undefined, [element('code', ['language-bash'], [text('ls')])])], false],
    ['no code at all', [element('p', undefined, [text('今日は何もなし')])], false],
  ])('%s', (_name, nodes, expected) => {
    expect(hasNamedCode(nodes)).toBe(expected);
  });

  it('renders a log without named code as before, and highlights one with it', async () => {
    const plain = await renderLogBody('# 2025-08-03\n\n```\necho hi\n```\n', { allowRawHtml: false });
    expect(plain.html).toContain('<pre tabindex="0"><code>echo hi\n</code></pre>');
    const named = await renderLogBody('# 2025-08-03\n\n```bash\necho hi\n```\n', { allowRawHtml: false });
    expect(named.html).toContain('class="hljs language-bash"');
    expect(named.html).toContain('<span class="hljs-built_in">echo</span>');
  });
});
