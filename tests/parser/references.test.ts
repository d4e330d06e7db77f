import { describe, expect, it } from 'vitest';
import { parseFixture } from './helpers.ts';

describe('references and learnings', () => {
  it('reads links under 参考資料 and References only', () => {
    expect(parseFixture('references.md').references).toEqual([
      { title: 'Mangum Documentation', url: 'https://mangum.io/' },
      { title: 'https://example.com/bare', url: 'https://example.com/bare' },
      { title: '画像', url: 'https://example.com/image-link' },
      { title: 'English heading', url: 'https://example.org/en' },
    ]);
  });

  it('reads learnings from lists and paragraphs under 学び・気づき and わかったこと', () => {
    expect(parseFixture('learnings.md').learnings).toEqual([
      '.gitignore の書き方が分かった',
      'Mangum: アダプター',
      '段落で書いた学び。',
    ]);
  });
});
