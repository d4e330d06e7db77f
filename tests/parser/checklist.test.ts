import { describe, expect, it } from 'vitest';
import { parseFixture } from './helpers.ts';

describe('checklist', () => {
  const { checklist } = parseFixture('checklist.md');

  it('reads ✅ ☑️ ✔️ as done and ❌ ⬜ ☐ as not done, without marks or **', () => {
    expect(checklist.slice(0, 6).map((item) => [item.text, item.done, item.line])).toEqual([
      ['環境構築', true, 4],
      ['テストの追加', false, 5],
      ['ドキュメントを読む', true, 6],
      ['復習', true, 7],
      ['記事を書く', false, 8],
      ['英語の勉強', false, 9],
    ]);
  });

  it('reads GFM task items, nested ones included, with their section', () => {
    expect(checklist.slice(6, 10).map((item) => [item.text, item.done, item.section])).toEqual([
      ['単語帳を10ページ', true, 'やったこと'],
      ['買い物', false, 'やったこと'],
      ['大文字のX', true, 'やったこと'],
      ['入れ子のタスク', false, 'やったこと'],
    ]);
  });

  it('reads marks inside list items and numbered task items', () => {
    expect(checklist.slice(10).map((item) => [item.text, item.done, item.section])).toEqual([
      ['リストの中の完了マーク', true, 'メモ'],
      ['リストの中の未完了マーク', false, 'メモ'],
      ['番号付きのタスク', true, 'メモ'],
    ]);
  });

  it('numbers the lines of marks in a paragraph that also holds a bare URL in square brackets (remark-gfm gives the split text no position)', () => {
    const { checklist: items } = parseFixture('checklist-bare-url.md');
    expect(items.map((item) => [item.text, item.done, item.line])).toEqual([
      ['環境構築', true, 4],
      ['テストの追加', false, 5],
      ['ドキュメントを読む', true, 6],
      ['復習', true, 8],
    ]);
  });
});
