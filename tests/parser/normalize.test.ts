import { describe, it, expect } from 'vitest';
import { toHalfWidth, normalizeSpaces } from '../../src/parse/normalize.ts';

describe('toHalfWidth', () => {
  it.each([
    ['２０２５年８月３日', '2025年8月3日'],
    ['７ｈ', '7h'],
    ['：', ':'],
    ['（金）', '(金)'],
    ['８０％', '80%'],
    ['ＡＢＣ ａｂｃ', 'ABC abc'],
    ['！～', '!~'],
    ['累計:\u3000277\u00a0h', '累計: 277 h'],
    ['ひらがなカタカナ漢字', 'ひらがなカタカナ漢字'],
    ['〜', '〜'], // wave dash U+301C is not in the full-width ASCII block
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(toHalfWidth(input)).toBe(expected);
  });

  it('keeps the string length, so indices carry over to the original', () => {
    const s = '＃　２０２５年８月３日（日）　学習ログ😀';
    expect(toHalfWidth(s).length).toBe(s.length);
  });
});

describe('normalizeSpaces', () => {
  it.each([
    ['  a   b  ', 'a b'],
    ['a\u3000\u3000b', 'a b'],
    ['a\t\n b', 'a b'],
    ['\u00a0x\u00a0', 'x'],
    ['', ''],
    ['   ', ''],
  ])('%j → %j', (input, expected) => {
    expect(normalizeSpaces(input)).toBe(expected);
  });
});
