/**
 * followThrough on the fixture logs (see compute-stats.test.ts for the days),
 * today = Fri 2025-08-08, Monday weeks. Every horizon appears once or more:
 *
 *   log    plan                          horizon     due    found done later          state
 *   08-05  READMEの更新                  today       08-05  only the same evening     overdue
 *   08-05  ブログのデザイン変更          this-week   08-10  —                         open
 *   08-04  依存関係の修正                today       08-04  08-06 "**依存関係の修正** (今日中)"  done
 *   08-03  テストを書く                  today       08-03  near miss "テストを読む"  overdue
 *   08-03  掃除                          later       —      "部屋の掃除": 2 chars, too short  open
 *   08-01  振り返りを書く                weekend     08-03  08-03 "振り返りを書く"       done
 *   08-01  本番環境の構築                next-week   08-10  —                         open
 *   07-31  Lambdaのハンドラ実装とデプロイ tomorrow   08-01  08-01 "Lambdaのハンドラ実装" (plan contains it)  done
 *   07-30  型パズルの続き                tomorrow    07-31  08-01 "型パズルの続きを解く" (contains the plan)  done
 *   07-30  CI の設定                     this-week   08-03  08-03 "ＣＩの設定" (earliest; 08-06 too)  done
 *   07-30  記事を書く                    this-month  07-31  08-04 unticked; undated memo ignored  overdue
 *   07-30  英単語の復習                  next-month  08-31  only in its own log       open
 */
import { describe, expect, it } from 'vitest';
import { followThrough, type StatsOptions } from '../../src/stats/index.ts';
import { fixtureRecords, shuffled } from './helpers.ts';

const options: StatsOptions = { today: '2025-08-08', weekStart: 'monday' };
const records = fixtureRecords();
const rows = followThrough(records, options);
const table = (list = rows) => list.map((row) => [row.log.date.slice(5), row.plan.text, row.horizon, row.due, row.state]);

describe('followThrough on the fixture logs', () => {
  it('lists every plan, newest log first, with due date and state', () => {
    expect(table()).toEqual([
      ['08-05', 'READMEの更新', 'today', '2025-08-05', 'overdue'],
      ['08-05', 'ブログのデザイン変更', 'this-week', '2025-08-10', 'open'],
      ['08-04', '依存関係の修正', 'today', '2025-08-04', 'done'],
      ['08-03', 'テストを書く', 'today', '2025-08-03', 'overdue'],
      ['08-03', '掃除', 'later', null, 'open'],
      ['08-01', '振り返りを書く', 'weekend', '2025-08-03', 'done'],
      ['08-01', '本番環境の構築', 'next-week', '2025-08-10', 'open'],
      ['07-31', 'Lambdaのハンドラ実装とデプロイ', 'tomorrow', '2025-08-01', 'done'],
      ['07-30', '型パズルの続き', 'tomorrow', '2025-07-31', 'done'],
      ['07-30', 'CI の設定', 'this-week', '2025-08-03', 'done'],
      ['07-30', '記事を書く', 'this-month', '2025-07-31', 'overdue'],
      ['07-30', '英単語の復習', 'next-month', '2025-08-31', 'open'],
    ]);
  });

  it('records where each plan was done: the earliest later log, with the item line and text', () => {
    expect(rows.filter((row) => row.doneIn).map((row) => [row.plan.text, row.doneIn])).toEqual([
      ['依存関係の修正', { slug: '2025-08-06', date: '2025-08-06', line: 4, text: '依存関係の修正 (今日中)' }],
      ['振り返りを書く', { slug: '2025-08-03', date: '2025-08-03', line: 5, text: '振り返りを書く' }],
      ['Lambdaのハンドラ実装とデプロイ', { slug: '2025-08-01', date: '2025-08-01', line: 5, text: 'Lambdaのハンドラ実装' }],
      ['型パズルの続き', { slug: '2025-08-01', date: '2025-08-01', line: 4, text: '型パズルの続きを解く' }],
      ['CI の設定', { slug: '2025-08-03', date: '2025-08-03', line: 4, text: 'ＣＩの設定' }],
    ]);
  });

  it('carries the plan and its log', () => {
    expect(rows[2]).toMatchObject({
      plan: { text: '依存関係の修正', horizon: 'today', line: 10 },
      log: { slug: '2025-08-04', date: '2025-08-04', title: null },
    });
  });

  it('does not depend on the order of the records', () => {
    expect(followThrough(shuffled(records), options)).toEqual(rows);
  });

  it('turns open plans overdue only once their due date is past', () => {
    // Sun 8/10 is the due date of two plans: still open on the day, overdue the day after.
    const onDueDay = followThrough(records, { ...options, today: '2025-08-10' });
    const dayAfter = followThrough(records, { ...options, today: '2025-08-11' });
    const states = (list: typeof rows) => list.filter((row) => row.due === '2025-08-10').map((row) => row.state);
    expect(states(onDueDay)).toEqual(['open', 'open']);
    expect(states(dayAfter)).toEqual(['overdue', 'overdue']);
    // Before it was due, the same-day README plan was open.
    expect(followThrough(records, { ...options, today: '2025-08-05' })[0]!.state).toBe('open');
  });

  it('uses the week start for this-week and next-week, but not for weekend', () => {
    const sundays = followThrough(records, { ...options, weekStart: 'sunday' });
    expect(sundays.map((row) => [row.plan.text, row.due])).toEqual([
      ['READMEの更新', '2025-08-05'],
      ['ブログのデザイン変更', '2025-08-09'], // Tue 8/5 in Sun 8/3 … Sat 8/9
      ['依存関係の修正', '2025-08-04'],
      ['テストを書く', '2025-08-03'],
      ['掃除', null],
      ['振り返りを書く', '2025-08-03'], // the coming Sunday either way
      ['本番環境の構築', '2025-08-09'], // Fri 8/1 in Sun 7/27 … Sat 8/2; next week ends Sat 8/9
      ['Lambdaのハンドラ実装とデプロイ', '2025-08-01'],
      ['型パズルの続き', '2025-07-31'],
      ['CI の設定', '2025-08-02'], // Wed 7/30 in Sun 7/27 … Sat 8/2
      ['記事を書く', '2025-07-31'],
      ['英単語の復習', '2025-08-31'], // the end of the month after July
    ]);
  });

  it('ignores a tick in a log of the same day, even when that day has two logs', () => {
    const readme = rows.find((row) => row.plan.text === 'READMEの更新')!;
    expect([readme.state, readme.doneIn]).toEqual(['overdue', null]);
  });
});
