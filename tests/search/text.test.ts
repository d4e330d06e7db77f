/** How search compares text: NFKC, lower case, spaces beside Japanese dropped; and the way back to the text shown. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collapseSpaces, compact, fold, parseQuery, SearchText, searchForm, MAX_QUERY_LENGTH } from '../../src/search/text.ts';

describe('the searched form', () => {
  it.each([
    ['ＡＷＳ　Ｌａｍｂｄａ', 'aws lambda'],
    ['ﾃｽﾄｺｰﾄﾞ', 'テストコード'],
    ['ｶﾞｲﾄﾞ', 'ガイド'],
    ['AccessDenied', 'accessdenied'],
    ['Lambda の設定', 'lambdaの設定'],
    ['異常に良い\n影響', '異常に良い影響'],
    ['Node 22 と 24', 'node 22と24'],
    ['Cache  not\tfound', 'cache not found'],
    ['①', '1'],
    ['ゼロ\u200B幅', 'ゼロ幅'],
  ])('%j is searched as %j', (text, searched) => {
    expect(searchForm(text)).toBe(searched);
  });

  it('keeps a line of text as written apart from its whitespace', () => {
    expect(collapseSpaces('  現状: 検証\nスコア\u3000が  良い ')).toBe('現状: 検証 スコア が 良い');
    expect(fold('ＡＢＣ㍻')).toBe('abc平成');
    expect(compact('a b の c\nd')).toBe('a bのc\nd');
  });
});

describe('SearchText', () => {
  const shown = (text: string, from: number, to: number) => {
    const searchText = new SearchText(text);
    const [start, end] = searchText.originalRange(from, to);
    return text.slice(start, end);
  };

  it('maps a match back to the text shown, over dropped spaces and characters that fold to more or fewer', () => {
    const text = '現状: 検証スコアが異常に良い 影響: ＡＷＳのｶﾞｲﾄﾞ㍻';
    const searchText = new SearchText(text);
    // A space stays between two characters that are not Japanese (`: Ａ`).
    expect(searchText.searched).toBe('現状:検証スコアが異常に良い影響: awsのガイド平成');
    const find = (needle: string) => {
      const at = searchText.searched.indexOf(needle);
      return shown(text, at, at + needle.length);
    };
    expect(find('良い影響')).toBe('良い 影響');
    expect(find('aws')).toBe('ＡＷＳ');
    expect(find('ガイド')).toBe('ｶﾞｲﾄﾞ');
    // Half of what one character folded to marks the whole character.
    expect(find('平')).toBe('㍻');
    expect(find('検証')).toBe('検証');
  });

  it('finds every piece of a text made of pieces, and maps each back to text that searches the same', () => {
    const piece = fc.stringMatching(/^[a-zA-Zａ-ｚＡ-Ｚ0-9ｱ-ﾝあ-んア-ン漢字設計\-_.:][a-zA-Zａ-ｚＡ-Ｚ0-9ｱ-ﾝﾞﾟあ-んア-ン漢字設計\-_.:]{0,7}$/);
    fc.assert(
      fc.property(fc.array(fc.tuple(piece, fc.constantFrom(' ', '', '\u3000', '  ')), { minLength: 1, maxLength: 12 }), (parts) => {
        const text = collapseSpaces(parts.map(([word, space]) => word + space).join(''));
        const searchText = new SearchText(text);
        for (const [word] of parts) {
          const needle = searchForm(word);
          if (needle === '') continue;
          const at = searchText.searched.indexOf(needle);
          expect(at, `${needle} in ${searchText.searched}`).not.toBe(-1);
          // What the match maps back to searches as the word did (it may take a mark that folded into its last character with it, never a neighbour).
          const back = searchForm(shown(text, at, at + needle.length));
          expect(back.startsWith(needle) && /^\p{M}*$/u.test(back.slice(needle.length)), `${back} for ${needle}`).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('parseQuery', () => {
  it('makes a phrase of the whole query and words of its parts between spaces', () => {
    expect(parseQuery('デプロイ 承認')).toEqual({ phrase: 'デプロイ承認', terms: ['デプロイ', '承認'] });
    expect(parseQuery('Cache not found')).toEqual({ phrase: 'cache not found', terms: ['cache', 'not', 'found'] });
    expect(parseQuery('ＡＷＳ　Lambda')).toEqual({ phrase: 'aws lambda', terms: ['aws', 'lambda'] });
    expect(parseQuery('詳細設計')).toEqual({ phrase: '詳細設計', terms: ['詳細設計'] });
  });

  it('takes a quoted query as a phrase only, drops repeated words and words inside others', () => {
    expect(parseQuery('"cache not found"')).toEqual({ phrase: 'cache not found', terms: ['cache not found'] });
    expect(parseQuery('テスト テスト実行 テスト')).toEqual({ phrase: 'テストテスト実行テスト', terms: ['テスト実行'] });
  });

  it('searches nothing for a blank query and cuts a very long one', () => {
    expect(parseQuery('')).toBeUndefined();
    expect(parseQuery(' \u3000\n')).toBeUndefined();
    expect(parseQuery('""')).toBeUndefined();
    expect(parseQuery('あ'.repeat(MAX_QUERY_LENGTH + 50))!.phrase).toHaveLength(MAX_QUERY_LENGTH);
  });
});
