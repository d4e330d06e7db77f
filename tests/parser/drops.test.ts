/** Drops (- [ ] ~~…~~, （中止）…): where a plan or task was given up, and what was given up. */
import { describe, expect, it } from 'vitest';
import { parseLog } from '../../src/index.ts';
import { readFileSync } from 'node:fs';
import { parseFixture } from './helpers.ts';

/** Outside tests/fixtures/parser, whose files seed the parity test's random logs. */
const dropsLog = () => parseLog(readFileSync(new URL('../fixtures/drops/drops.md', import.meta.url), 'utf8'), { path: 'logs/drops.md' });

describe('drops', () => {
  const record = dropsLog();
  const drops = record.drops.map((drop) => [drop.line, drop.text]);

  it('reads items wholly struck through, an aside or a reason after a separator allowed', () => {
    expect(drops.filter(([line]) => [4, 7, 8, 15, 16].includes(line as number))).toEqual([
      [4, 'テストを書く'],
      [7, '記事を書く'],
      [8, 'ブログの下書き'],
      [15, 'ブログを書く'],
      [16, 'a b'],
    ]);
  });

  it('reads each drop word after the item, with or without a reason in the aside or after it, and a carried label before it', () => {
    expect(drops.filter(([line]) => [9, 10, 19, 20, 21, 22].includes(line as number))).toEqual([
      [9, '環境構築'],
      [10, '権限エラーの調査'],
      [19, '英単語を覚える'],
      [20, '本を読む'],
      [21, '掃除をする'],
      [22, '洗濯をする'],
    ]);
  });

  it('reads a drop word written between the item and its carried label, as a writer adds it after the text', () => {
    const day = '# 2025年9月3日\n\n## 持ち越し\n- [ ] 環境構築（中止）（2024/12/20 の計画）\n- [ ] 権限エラーの調査（見送り: 来月に回す） 未完了（9/2）\n- [ ] 中止（9/1 の計画）\n';
    const read = parseLog(day, { path: 'logs/2025-09-03.md' });
    expect(read.drops).toEqual([{ text: '環境構築', line: 4 }, { text: '権限エラーの調査', line: 5 }]);
    expect(read.checklist.map((item) => item.carried?.kind)).toEqual(['plan', 'unfinished', 'plan']);
  });

  it('reads nothing else: a strike followed by more of the sentence, a nested item that is no plan, a drop word inside the text', () => {
    expect(drops.map(([line]) => line)).toEqual([4, 7, 8, 9, 10, 15, 16, 19, 20, 21, 22]);
  });

  it('keeps the text as written, without the marks, in the checklist and the plans', () => {
    expect(record.checklist.map((item) => item.text)).toContain('テストを書く（9/1 の計画）');
    expect(record.plans.map((plan) => plan.text).slice(0, 4)).toEqual(['ブログを書く', 'a b', '普通の計画', '英単語を覚える（やめた）']);
  });

  it('takes the drop words from the vocabulary', () => {
    const text = '# 2025-09-03\n\n## 次のステップ\n- 本を読む（ボツ）\n- 掃除をする（中止）\n';
    const own = parseLog(text, { path: 'logs/2025-09-03.md', vocabulary: { droppedWords: ['ボツ'] } });
    expect(own.drops).toEqual([{ text: '本を読む', line: 4 }]);
  });
});

describe('carried items', () => {
  const record = dropsLog();
  const carried = Object.fromEntries(record.checklist.map((item) => [item.line, item.carried]));

  it('marks the items under 持ち越し as carried, with the day and kind their label names (the year when written)', () => {
    expect(carried[4]).toEqual({ kind: 'plan', from: '2025-09-01' });
    expect(carried[6]).toEqual({ kind: 'plan', from: null });
    expect(carried[9]).toEqual({ kind: 'plan', from: '2024-12-20' });
    expect(carried[10]).toEqual({ kind: 'unfinished', from: '2025-09-02' });
    expect(carried[11]).toEqual({ kind: 'plan', from: '2025-09-01' });
  });

  it('marks a labelled item elsewhere as carried, and nothing else', () => {
    const text = '# 2026年1月2日\n\n## 今日の目標\n- [ ] 本を読む（12/30 の計画）\n- [ ] 掃除 未完了（１２/３１）\n- [ ] 新しい目標\n- [ ] メモ（12/30）\n';
    const own = parseLog(text, { path: 'logs/2026-01-02.md' });
    expect(own.checklist.map((item) => [item.text, item.carried])).toEqual([
      ['本を読む（12/30 の計画）', { kind: 'plan', from: '2025-12-30' }],
      ['掃除 未完了（１２/３１）', { kind: 'unfinished', from: '2025-12-31' }],
      ['新しい目標', null],
      ['メモ（12/30）', null],
    ]);
  });
});

describe('the struck fixture of issue 26', () => {
  const record = parseFixture('struck.md');

  it('gives the plans and tasks wholly struck through, not the one struck in part nor a nested item that is no plan', () => {
    expect(record.drops).toEqual([
      { text: 'テストを書く', line: 4 },
      { text: 'ブログを書く', line: 10 },
      { text: 'a b', line: 11 },
    ]);
    expect(record.checklist.map((item) => item.text)).toContain('テストを書く（9/1 の計画）');
    expect(record.plans.map((plan) => plan.text)).toEqual(['ブログを書く', 'a b', '普通の計画']);
  });
});
