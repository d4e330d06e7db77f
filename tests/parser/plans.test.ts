import { describe, expect, it } from 'vitest';
import { parseLog } from '../../src/index.ts';
import { parseFixture } from './helpers.ts';

describe('plans', () => {
  const { plans } = parseFixture('plans.md');
  const table = plans.map((plan) => [plan.text, plan.horizon]);

  it('takes the horizon from the nearest heading, and nested sub-bullets stay with their item', () => {
    expect(table.slice(0, 8)).toEqual([
      ['依存関係の修正', 'today'],
      ['テストを書く', 'today'],
      ['CI の設定', 'this-week'],
      ['README の更新', 'this-week'],
      ['本番環境', 'next-week'],
      ['振り返り', 'weekend'],
      ['新しい言語', 'someday'],
      ['レビュー対応', 'tomorrow'],
    ]);
  });

  it('takes the horizon from the item itself and drops the aside that named it', () => {
    expect(table.slice(8, 12)).toEqual([
      ['依存関係の修正', 'today'],
      ['記事を書く', 'this-month'],
      ['勉強会に出る', 'next-month'],
      ['分類できない（メモ）', 'later'],
    ]);
  });

  it('reads TODO task items as plans, with section and line', () => {
    expect(plans.at(-1)).toEqual({ text: '掃除', horizon: 'later', section: 'TODO', line: 34 });
    expect(plans).toHaveLength(13);
  });

  it('keeps an item that is only a horizon aside', () => {
    const record = parseLog('# 2025-08-04\n\n## 次のステップ\n- [ ] （今日のうちにやること）\n', { path: 'logs/2025-08-04.md' });
    expect(record.plans.map((plan) => [plan.text, plan.horizon])).toEqual([['今日のうちにやること', 'today']]);
  });
});
