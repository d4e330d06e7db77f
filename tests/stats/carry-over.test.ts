/**
 * carryOver (what `nisshi new` carries): open, fresh plans and the newest
 * log's tasks left open, once each, newest first, capped; nothing given up,
 * nothing stale, nothing someday. The acceptance week of issue 24 is
 * tests/fixtures/carry-week (Mon 2024-12-30 to Sun 2025-01-05, and a plan of
 * 2024-12-02), carried into Monday 2025-01-06.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { carryCandidates, carryOver } from '../../src/stats/carry-over.ts';
import { chainJson, planChains } from '../../src/stats/plan-chains.ts';
import { recordsIn, tinyLog } from './helpers.ts';

const week = () => recordsIn(fileURLToPath(new URL('../fixtures/carry-week/', import.meta.url)));
const options = { weekStart: 'monday' as const };
const plan = (horizon: string, ...texts: string[]) => `## 次のステップ\n### ${horizon}\n${texts.map((text) => `- [ ] ${text}\n`).join('')}`;
const brief = (items: ReadonlyArray<{ text: string; kind: string; from: string }>) => items.map((item) => [item.text, item.kind, item.from]);

describe('the carry-over of the acceptance week', () => {
  const carried = carryOver(week(), '2025-01-06', options);

  it('carries exactly the open, fresh plans once each, and the last day\'s tasks left open as 未完了, newest first', () => {
    expect(brief(carried.items)).toEqual([
      // 1/5: an unticked goal and a ❌ finding, never plans.
      ['本を読む', 'unfinished', '2025-01-05'],
      ['sls deploy が権限エラーで失敗', 'unfinished', '2025-01-05'],
      // Written 12/30 and again, in another spelling, on 12/31: one plan, carried from its first day.
      ['ローカルテスト環境構築', 'plan', '2024-12-30'],
      ['READMEの更新', 'plan', '2024-12-30'],
      // First written 2024-12-02, written again on 1/3: fresh again.
      ['CIの高速化', 'plan', '2024-12-02'],
    ]);
    expect(carried.problems.map((problem) => problem.title)).toEqual(['sls deploy の権限エラー']);
  });

  it('leaves out the stale plan of the year before, and counts it', () => {
    expect(carried.leftOut).toEqual({ items: 0, problems: 0, stale: 1 });
    const { stale } = carryCandidates(week(), '2025-01-06', options);
    expect(brief(stale)).toEqual([['古いAPIの移行', 'plan', '2024-12-02']]);
    expect(stale[0]!.staleOn).toBe('2024-12-17');
  });

  it('writes every chain with its fate and dates, as /data/plans.json does', () => {
    const chains = planChains(week(), { ...options, today: '2025-01-06' }).map(chainJson);
    const fate = Object.fromEntries(chains.map((chain) => [chain.text, [chain.status, chain.doneOn ?? chain.droppedOn, chain.stale, chain.staleOn]]));
    expect(fate).toEqual({
      古いAPIの移行: ['overdue', null, true, '2024-12-17'],
      CIの高速化: ['overdue', null, false, null],
      ローカルテスト環境構築: ['overdue', null, false, null],
      // Struck through on 12/31, a reason after it.
      ブログを書く: ['dropped', '2024-12-31', false, null],
      記事を書く: ['dropped', '2024-12-31', false, null],
      英単語を覚える: ['dropped', '2024-12-31', false, null],
      // A carried item ticked on 12/31: its plan done that day.
      写真の整理: ['done', '2024-12-31', false, null],
      掃除をする: ['dropped', '2025-01-01', false, null],
      洗濯をする: ['dropped', '2025-01-01', false, null],
      買い物をする: ['dropped', '2025-01-02', false, null],
      動画を見る: ['dropped', '2025-01-03', false, null],
      READMEの更新: ['overdue', null, false, null],
      'Rust を学ぶ': ['open', null, false, null],
    });
    const local = chains.find((chain) => chain.text === 'ローカルテスト環境構築')!;
    expect(local.occurrences.map((occurrence) => occurrence.date)).toEqual(['2024-12-30', '2024-12-31']);
    expect(local.carried).toBe(1);
    expect(chains.find((chain) => chain.text === 'Rust を学ぶ')).toMatchObject({ horizon: 'someday', due: null });
  });
});

describe('carry-over', () => {
  it('does not carry a plan given up, nor an unchecked item struck through or marked （中止）', () => {
    const records = [
      tinyLog('2025-07-01', 30, '## 次のステップ\n### 今日中\n- 記事を書く\n- 本を読む\n'),
      tinyLog('2025-07-02', 30, '## 持ち越し\n- [ ] ~~記事を書く~~（7/1 の計画）\n- [ ] 本を読む（7/1 の計画）\n- [ ] 掃除をする（不要）\n- [ ] 洗濯をする\n'),
    ];
    expect(brief(carryOver(records, '2025-07-03', options).items)).toEqual([
      ['洗濯をする', 'plan', '2025-07-02'],
      ['本を読む', 'plan', '2025-07-01'],
    ]);
  });

  it('carries a plan until maxAgeDays after its due date, then counts it stale; writing it again makes it fresh', () => {
    const records = [tinyLog('2025-07-01', 30, plan('今日中', '記事を書く'))];
    const on = (date: string, maxAgeDays = 14) => carryCandidates(records, date, { ...options, carryOver: { maxAgeDays } });
    expect(brief(on('2025-07-15').items)).toEqual([['記事を書く', 'plan', '2025-07-01']]);
    expect(on('2025-07-16').items).toEqual([]);
    expect(brief(on('2025-07-16').stale)).toEqual([['記事を書く', 'plan', '2025-07-01']]);
    expect(on('2025-07-03', 1).items).toEqual([]);
    const again = [...records, tinyLog('2025-07-20', 30, plan('今週中', '記事を書く'))];
    // Due again at the end of the week of 7/20 (7/20 itself, a Sunday): carried from 7/21, labelled with its first day.
    expect(brief(carryCandidates(again, '2025-07-21', options).items)).toEqual([['記事を書く', 'plan', '2025-07-01']]);
    expect(planChains(again, { ...options, today: '2025-07-21' })[0]).toMatchObject({ stale: false, staleOn: null, status: 'overdue' });
  });

  it('ages a task left open from the day it was left open, however often it was carried', () => {
    const records = [
      tinyLog('2025-07-01', 30, '## 実施内容\n❌ **デプロイが失敗**\n'),
      tinyLog('2025-07-10', 30, '## 持ち越し\n- [ ] デプロイが失敗 未完了（7/1）\n'),
    ];
    expect(brief(carryOver(records, '2025-07-02', options).items)).toEqual([['デプロイが失敗', 'unfinished', '2025-07-01']]);
    expect(brief(carryOver(records, '2025-07-15', options).items)).toEqual([['デプロイが失敗', 'unfinished', '2025-07-01']]);
    expect(carryOver(records, '2025-07-16', options)).toMatchObject({ items: [], leftOut: { stale: 1 } });
  });

  it('never carries a plan before it is due, nor a someday or undated one, even from the newest log', () => {
    const records = [tinyLog('2025-07-01', 30, `${plan('来週', 'CIを作る')}${plan('いつか', 'Rust を学ぶ')}${plan('そのうち', '本棚を買う')}## TODO\n- [ ] 掃除\n`)];
    expect(carryOver(records, '2025-07-02', options).items).toEqual([]);
    expect(brief(carryOver(records, '2025-07-13', options).items)).toEqual([['CIを作る', 'plan', '2025-07-01']]);
  });

  it('carries a task of the same text as a plan done long ago, and not one done that day', () => {
    const records = [
      tinyLog('2025-06-01', 30, `${plan('今日中', '記事を書く')}## 実施\n- [x] 記事を書く\n`),
      tinyLog('2025-07-01', 30, '## 今日の目標\n- [ ] 記事を書く\n- [ ] 本を読む\n- [x] 本を読む\n'),
    ];
    expect(brief(carryOver(records, '2025-07-02', options).items)).toEqual([['記事を書く', 'unfinished', '2025-07-01']]);
  });

  it('lists at most maxItems items, newest first, and maxProblems problems, most recently written first; counts the rest', () => {
    const records = Array.from({ length: 20 }, (_, index) => {
      const day = String(index + 1).padStart(2, '0');
      return tinyLog(`2025-07-${day}`, 30, `## 実施内容\n#### 問題1: 問題${index + 1}\n**現状**: まだ\n\n${plan('今日中', `計画${index + 1}`)}`);
    });
    const carried = carryOver(records, '2025-07-21', { ...options, carryOver: { maxItems: 3, maxProblems: 2 } });
    expect(carried.items.map((item) => item.text)).toEqual(['計画20', '計画19', '計画18']);
    expect(carried.problems.map((problem) => problem.title)).toEqual(['問題20', '問題19']);
    // Due 7/1 … 7/20: the first six are more than 14 days past due on 7/21.
    expect(carried.leftOut).toEqual({ items: 11, problems: 18, stale: 6 });
    expect(carryOver(records, '2025-07-21', options).items).toHaveLength(14);
  });
});
