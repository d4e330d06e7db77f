/** Images beside a log (src/parse/images.ts): which references are log-relative, where they point, and missing-image. */
import { describe, expect, it } from 'vitest';
import { checkImages, imagePath, isInside, isLogRelativeImage, logImages } from '../../src/parse/images.ts';
import { parseLog } from '../../src/parse/parse-log.ts';
import { remarkTree } from '../../src/parse/remark-tree.ts';

describe('images beside a log', () => {
  it('takes relative image paths only: not URLs, data:, site-absolute paths or other files', () => {
    for (const url of ['./x.png', 'images/x.jpeg', '../assets/x.webp', '図/構成.PNG', 'x.svg?v=2']) expect(isLogRelativeImage(url), url).toBe(true);
    for (const url of ['https://example.com/x.png', '//cdn/x.png', 'data:image/png;base64,AAAA', '/x.png', '#x', 'notes.md', './x.pdf', '']) expect(isLogRelativeImage(url), url).toBe(false);
  });

  it('lists image nodes and reference images with their lines, in document order', () => {
    const tree = remarkTree('# 見出し\n\n![a](./a.png)\n\ntext ![b][ref] and ![c](https://x/c.png)\n\n[ref]: images/b.png\n');
    expect(logImages(tree)).toEqual([
      { url: './a.png', line: 3, column: 1 },
      { url: 'images/b.png', line: 5, column: 6 },
    ]);
  });

  it('resolves a path against the log and tells inside from outside the logs folder', () => {
    expect(imagePath('logs/2025/08/03.md', '../assets/x.png')).toBe('logs/2025/assets/x.png');
    expect(imagePath('logs/2025-08-03.md', './%E5%9B%B3.png')).toBe('logs/図.png');
    expect(isInside('logs/2025/assets/x.png', 'logs')).toBe(true);
    expect(isInside('assets/x.png', 'logs')).toBe(false);
    expect(isInside('logs-old/x.png', 'logs')).toBe(false);
    const checked = checkImages([{ url: '../../x.png', line: 1, column: 1 }, { url: './here.png', line: 2, column: 1 }], 'logs/a.md', { logsDir: 'logs', exists: (file) => file === 'logs/here.png' || file === '../x.png' });
    expect(checked.map((image) => [image.path, image.ok])).toEqual([['../x.png', false], ['logs/here.png', true]]);
  });

  it('warns missing-image with the line for a missing image and one outside the logs folder, and says nothing without a check', () => {
    const text = '# 2025-08-03\n\n![ある](./ok.png)\n![ない](./none.png)\n![外](../../etc/x.png)\n';
    const exists = (file: string) => file === 'logs/ok.png' || file === 'etc/x.png';
    const record = parseLog(text, { path: 'logs/2025-08-03.md', images: { logsDir: 'logs', exists } });
    const found = record.diagnostics.filter((diagnostic) => diagnostic.rule === 'missing-image');
    expect(found.map((diagnostic) => [diagnostic.line, diagnostic.column, diagnostic.severity])).toEqual([[4, 1, 'warning'], [5, 1, 'warning']]);
    expect(found[0]!.message).toContain('"./none.png" does not exist');
    expect(found[1]!.message).toContain('outside the logs folder');
    expect(parseLog(text, { path: 'logs/2025-08-03.md' }).diagnostics.filter((diagnostic) => diagnostic.rule === 'missing-image')).toEqual([]);
  });

  it('never looks at an image inside a private note', () => {
    const text = '# 2025-08-03\n\n## 気持ち 🔒\n![秘密](./secret.png)\n\n## 公開\n公開 <!-- private -->![秘密2](./secret2.png)<!-- /private -->\n';
    const asked: string[] = [];
    const record = parseLog(text, { path: 'logs/2025-08-03.md', images: { logsDir: 'logs', exists: (file) => (asked.push(file), false) } });
    expect(asked).toEqual([]);
    expect(record.diagnostics.filter((diagnostic) => diagnostic.rule === 'missing-image')).toEqual([]);
  });
});
