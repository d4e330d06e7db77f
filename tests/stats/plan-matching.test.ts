import { describe, expect, it } from 'vitest';
import { defaultVocabulary, resolveVocabulary } from '../../src/index.ts';
import { keysMatch, planDueDate, planKey } from '../../src/stats/index.ts';

const key = (text: string) => planKey(text, defaultVocabulary);
const match = (plan: string, done: string) => keysMatch(key(plan), key(done));

describe('planKey', () => {
  it('folds width and case and drops spaces, punctuation, markdown marks and emoji', () => {
    expect(key('**CI の設定**')).toBe('ci設定');
    expect(key('ＣＩの設定')).toBe('ci設定');
    expect(key('`lambda_handler.py` の作成。')).toBe('lambdahandlerpy作成');
    expect(key('✅ ~~記事~~を「書く」')).toBe('記事書く');
    expect(key('[Mangum](https://mangum.io/) を読む')).toBe('mangum読む');
  });

  it('drops a trailing aside that names a horizon, and keeps any other', () => {
    expect(key('依存関係の修正 (今日中)')).toBe('依存関係修正');
    expect(key('依存関係の修正（来週）')).toBe('依存関係修正');
    expect(key('Rust を学ぶ（いつか）')).toBe('rust学ぶ');
    expect(key('分類できない（メモ）')).toBe('分類できないメモ');
    // An item that is only the aside keeps it.
    expect(key('（今日のうちにやること）')).toBe('今日のうちにやること');
  });

  it('drops the labels nisshi new writes, with or without a year, and a drop word after them', () => {
    expect(key('テストを書く（8/1 の計画）')).toBe(key('テストを書く'));
    expect(key('テストを書く（2024/12/20 の計画）')).toBe(key('テストを書く'));
    expect(key('テストを書く（８/１の計画）（中止）')).toBe(key('テストを書く'));
    expect(key('sls deploy が権限エラーで失敗 未完了（12/6）')).toBe(key('sls deploy が権限エラーで失敗'));
    expect(key('（8/1 の計画）')).toBe('81計画');
  });

  it('reads horizon words from the writer vocabulary', () => {
    const vocabulary = resolveVocabulary({ horizons: [{ horizon: 'today', words: ['きょう'] }] });
    expect(planKey('掃除 (きょう)', vocabulary)).toBe('掃除');
    expect(planKey('掃除 (今日中)', vocabulary)).toBe('掃除今日中');
  });

  it('keeps + and #, so C++ and C# stay apart', () => {
    expect([key('C++ の勉強'), key('C# の勉強')]).toEqual(['c++勉強', 'c#勉強']);
    expect(match('C++ の勉強', 'C# の勉強')).toBe(false);
  });
});

describe('one plan, one line (the rule in plan-key.ts)', () => {
  it.each([
    ['ローカルテスト環境構築', 'ローカルテスト環境の構築'],
    ['環境構築', '環境の構築'],
    ['テストを書く', 'テスト書く'],
    ['CI の設定', 'ＣＩの設定'],
    ['README を 更新する', 'READMEを更新する。'],
    ['「API」の設計・実装', 'API の設計実装'],
    ['データのバックアップ', 'データバックアップ'],
  ])('%s and %s are one plan', (a, b) => {
    expect(key(a)).toBe(key(b));
  });

  it.each([
    ['テストを書く', 'テストを読む'],
    ['設定の確認', '設定の変更'],
    ['このまま進める', 'こまま進める'],
    ['C++ の勉強', 'C# の勉強'],
    ['環境構築', '環境破壊'],
  ])('%s and %s stay two plans', (a, b) => {
    expect(key(a)).not.toBe(key(b));
  });

  it('keeps の and を next to hiragana: they are part of a word or a phrase there', () => {
    expect(key('このまま進める')).toBe('このまま進める');
    expect(key('ものを減らす')).toBe('ものを減らす');
  });
});

describe('keysMatch', () => {
  it('matches equal texts after normalising, short ones included', () => {
    expect(match('掃除', '✅ 掃除')).toBe(true);
    expect(match('README の更新', '**readme** の更新 (今日中)')).toBe(true);
  });

  it('matches when the done item contains the plan (plan ≥ 4 characters)', () => {
    expect(match('型パズルの続き', '型パズルの続きを解く')).toBe(true);
  });

  it('matches when the plan contains the done item (item ≥ 4 characters)', () => {
    expect(match('Lambdaのハンドラ実装とデプロイ', 'Lambdaのハンドラ実装')).toBe(true);
  });

  it('counts the 4 characters after normalising, in code points', () => {
    // "ci設定" is 4 characters: enough; "ci設" is 3: not.
    expect(match('CI設定', 'CI設定をやり直す')).toBe(true);
    expect(match('CI設', 'CI設定をやり直す')).toBe(false);
    expect(match('𠮷野家に行く', '𠮷野家')).toBe(false); // 𠮷 is one character (two UTF-16 units)
    expect(match('𠮷野家へ', '𠮷野家へ行く')).toBe(true);
  });

  it('does not match near misses', () => {
    expect(match('掃除', '部屋の掃除')).toBe(false); // contained, but only 2 characters
    expect(match('テストを書く', 'テストを読む')).toBe(false);
    expect(match('英単語の復習', '英単語を30個覚える')).toBe(false);
    expect(match('', '')).toBe(false);
  });
});

describe('planDueDate', () => {
  // Wed 2025-12-31: a week and a month that end in the next year.
  it('gives every horizon its day, across a year end (Monday weeks)', () => {
    const due = (horizon: Parameters<typeof planDueDate>[1]) => planDueDate('2025-12-31', horizon, 'monday');
    expect(due('today')).toBe('2025-12-31');
    expect(due('tomorrow')).toBe('2026-01-01');
    expect(due('this-week')).toBe('2026-01-04'); // Mon 12/29 … Sun 1/4
    expect(due('weekend')).toBe('2026-01-04');
    expect(due('next-week')).toBe('2026-01-11');
    expect(due('this-month')).toBe('2025-12-31');
    expect(due('next-month')).toBe('2026-01-31');
    expect(due('later')).toBeNull();
  });

  it('ends the month on a leap day and the week on Saturday for Sunday weeks', () => {
    expect(planDueDate('2024-01-31', 'next-month', 'monday')).toBe('2024-02-29');
    expect(planDueDate('2024-02-01', 'this-month', 'monday')).toBe('2024-02-29');
    expect(planDueDate('2025-12-31', 'this-week', 'sunday')).toBe('2026-01-03'); // Sun 12/28 … Sat 1/3
    expect(planDueDate('2025-12-31', 'next-week', 'sunday')).toBe('2026-01-10');
  });

  it('takes the coming Sunday for weekend: the same day on Sunday, the next on Saturday', () => {
    expect(planDueDate('2025-08-03', 'weekend', 'sunday')).toBe('2025-08-03'); // Sunday
    expect(planDueDate('2025-08-02', 'weekend', 'monday')).toBe('2025-08-03'); // Saturday
    expect(planDueDate('2025-08-04', 'weekend', 'sunday')).toBe('2025-08-10'); // Monday
  });
});
