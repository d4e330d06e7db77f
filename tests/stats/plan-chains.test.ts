/** planChains on the acceptance week (tests/fixtures/site/logs/2025-07-2*.md) and on tiny logs parsed for real. */
import { describe, expect, it } from 'vitest';
import { chainJson, followThroughByMonth, planChains } from '../../src/stats/plan-chains.ts';
import type { StatsOptions } from '../../src/stats/index.ts';
import { acceptanceWeek, tinyLog } from './helpers.ts';

const options: StatsOptions = { today: '2025-07-27', weekStart: 'monday' };
const plan = (horizon: string, text: string) => `## 次のステップ\n\n### ${horizon}\n- ${text}\n`;

describe('plan chains', () => {
  it('makes the plan written on day 1 and day 2 one chain, done on day 3, carried 1', () => {
    const chains = planChains(acceptanceWeek(), options);
    expect(chains.map(chainJson)).toEqual([
      {
        id: chains[0]!.id,
        text: 'API Gateway の設定を見直す',
        plannedOn: '2025-07-21',
        horizon: 'tomorrow',
        due: '2025-07-22',
        status: 'done',
        doneOn: '2025-07-23',
        droppedOn: null,
        stale: false,
        staleOn: null,
        carried: 1,
        occurrences: [
          { slug: '2025-07-21', date: '2025-07-21', line: 15, horizon: 'tomorrow' },
          { slug: '2025-07-22', date: '2025-07-22', line: 15, horizon: 'tomorrow' },
        ],
      },
    ]);
    expect(chains[0]!.id).toMatch(/^[0-9a-f]{12}$/);
  });

  it('counts a tick in the same log, overdue by the first writing, and a plan written after it was done as a new chain', () => {
    const records = [
      tinyLog('2025-07-01', 30, `${plan('今日中', '記事を書く')}\n## 実施\n- [x] 記事を書く\n`),
      tinyLog('2025-07-02', 30, plan('今週中', '記事を書く')),
      tinyLog('2025-07-03', 30, plan('今週中', 'ＣＩ の設定')),
      tinyLog('2025-07-08', 30, plan('明日', 'CIの設定')),
      tinyLog('2025-07-10', 30, plan('いつか', '新しい言語')),
    ];
    const chains = planChains(records, { today: '2025-07-20', weekStart: 'monday' });
    expect(chains.map((chain) => [chain.text, chain.plannedOn, chain.due, chain.status, chain.doneOn, chain.carried, chain.occurrences.length])).toEqual([
      ['新しい言語', '2025-07-10', null, 'open', null, 0, 1],
      ['ＣＩ の設定', '2025-07-03', '2025-07-06', 'overdue', null, 1, 2],
      ['記事を書く', '2025-07-02', '2025-07-06', 'overdue', null, 0, 1],
      ['記事を書く', '2025-07-01', '2025-07-01', 'done', '2025-07-01', 0, 1],
    ]);
  });

  it('drops a plan struck through or given up with （中止） on a later day, and a plan written struck on its first day', () => {
    const records = [
      tinyLog('2025-07-01', 30, `${plan('今週中', '記事を書く')}${plan('今週中', 'テストを書く')}${plan('来週', 'READMEの更新')}`),
      tinyLog('2025-07-02', 30, '## 持ち越し\n- [ ] ~~記事を書く~~（7/1 の計画）\n'),
      tinyLog('2025-07-03', 30, plan('今週中', 'テストを書く（中止）')),
      tinyLog('2025-07-04', 30, `${plan('今日中', '~~ブログを書く~~')}## 実施\n- [ ] READMEの更新 (dropped)\n`),
      tinyLog('2025-07-05', 30, '## 実施\n- [x] READMEの更新\n'),
    ];
    const chains = planChains(records, { today: '2025-07-20', weekStart: 'monday' });
    expect(chains.map((chain) => [chain.text, chain.status, chain.doneOn, chain.droppedOn, chain.carried, chain.occurrences.length])).toEqual([
      ['ブログを書く', 'dropped', null, '2025-07-04', 0, 1],
      // Given up on 7/4 and done on 7/5 all the same: done wins.
      ['READMEの更新', 'done', '2025-07-05', null, 0, 1],
      // Written again with （中止）: that occurrence is where it was dropped, not a carry.
      ['テストを書く', 'dropped', null, '2025-07-03', 0, 2],
      ['記事を書く', 'dropped', null, '2025-07-02', 0, 1],
    ]);
  });

  it('starts a new chain when a dropped plan is written again later', () => {
    const records = [
      tinyLog('2025-07-01', 30, plan('今日中', '記事を書く')),
      tinyLog('2025-07-02', 30, plan('今日中', '記事を書く（見送り）')),
      tinyLog('2025-07-09', 30, plan('今日中', '記事を書く')),
    ];
    const chains = planChains(records, { today: '2025-07-20', weekStart: 'monday' });
    expect(chains.map((chain) => [chain.plannedOn, chain.status, chain.droppedOn])).toEqual([
      ['2025-07-09', 'overdue', null],
      ['2025-07-01', 'dropped', '2025-07-02'],
    ]);
  });

  it('counts the due date in the site week start: a 今週中 plan of a Sunday is due that day on Monday weeks, on Saturday on Sunday weeks', () => {
    const records = [tinyLog('2025-07-06', 30, plan('今週中', '振り返り'))];
    expect(planChains(records, { today: '2025-07-06', weekStart: 'monday' })[0]!.due).toBe('2025-07-06');
    expect(planChains(records, { today: '2025-07-06', weekStart: 'sunday' })[0]!.due).toBe('2025-07-12');
  });

  it('tells plans done by their due date from plans done late, per month and horizon', () => {
    const records = [
      tinyLog('2025-06-30', 30, `${plan('明日', '記事を書く')}${plan('今日中', '掃除をする')}`),
      tinyLog('2025-07-01', 30, '## 実施\n- [x] 記事を書く\n'),
      tinyLog('2025-07-05', 30, `${plan('明日', '本を読む')}\n## 実施\n- [x] 掃除をする\n`),
      tinyLog('2025-07-09', 30, '## 実施\n- [x] 本を読む\n'),
    ];
    expect(followThroughByMonth(planChains(records, { today: '2025-07-20', weekStart: 'monday' }))).toEqual([
      { month: '2025-06', horizon: 'today', planned: 1, onTime: 0, late: 1 },
      { month: '2025-06', horizon: 'tomorrow', planned: 1, onTime: 1, late: 0 },
      { month: '2025-07', horizon: 'tomorrow', planned: 1, onTime: 0, late: 1 },
    ]);
  });
});
