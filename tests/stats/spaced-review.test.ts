/**
 * The spaced schedule of learnings on the fortnight of tests/fixtures/reviews:
 * 9/1's "Lambda のコールドスタート…" is due 9/2 (1 day), ticked under ## 復習 on
 * 9/2, so due next on 9/4 (3 days); left unticked on 9/4 it stays due; ticked
 * on 9/5, it is due again on 9/8 (7 days).
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { dueLearnings, firstDueLearnings, learningStates, REVIEW_INTERVALS } from '../../src/stats/spaced-review.ts';
import { recordsIn, tinyLog } from './helpers.ts';

const records = recordsIn(fileURLToPath(new URL('../fixtures/reviews/', import.meta.url)));
const lambda = 'Lambda のコールドスタートは初回だけ遅い';
const upTo = (day: string) => records.filter((record) => record.date !== null && record.date <= day);
const stateOf = (day: string, text = lambda) => learningStates(upTo(day), day).find((state) => state.learning.text === text)!;
const dueOn = (day: string) => dueLearnings(upTo(day), day).map((learning) => learning.text);

describe('learnings that come back', () => {
  it('comes back 1, 3, 7, 21, 60 and 180 days after the day written', () => {
    expect(REVIEW_INTERVALS).toEqual([1, 3, 7, 21, 60, 180]);
  });

  it('is due the day after it was written, and not before', () => {
    expect(dueLearnings(upTo('2025-09-01'), '2025-09-01')).toEqual([]);
    // Before the tick of 9/2 is read: due since 9/2.
    expect(learningStates(upTo('2025-09-01'), '2025-09-02')).toEqual([
      expect.objectContaining({ learning: expect.objectContaining({ text: lambda, line: 11 }), due: '2025-09-02', interval: 1, reviewedOn: [] }),
      expect.objectContaining({ learning: expect.objectContaining({ line: 12 }), due: '2025-09-02', interval: 1, reviewedOn: [] }),
    ]);
  });

  it('moves on to its next interval when ticked, stays due when left unticked, and is due again at the next interval', () => {
    expect(stateOf('2025-09-02')).toMatchObject({ due: '2025-09-04', interval: 3, reviewedOn: ['2025-09-02'] });
    expect(dueOn('2025-09-03')).not.toContain(lambda);
    expect(dueOn('2025-09-04')).toContain(lambda);
    // Unticked on 9/4: still due on 9/5, until the tick of that day is read.
    expect(learningStates(upTo('2025-09-04'), '2025-09-05').find((state) => state.learning.text === lambda)).toMatchObject({ due: '2025-09-04', interval: 3 });
    expect(stateOf('2025-09-05')).toMatchObject({ due: '2025-09-08', interval: 7, reviewedOn: ['2025-09-02', '2025-09-05'] });
    expect(dueOn('2025-09-07')).not.toContain(lambda);
    expect(dueOn('2025-09-08')).toContain(lambda);
  });

  it('lists the due learnings oldest due first', () => {
    // 9/15, from the logs before it: IAM (due 9/2), GitHub Actions (9/3), Docker (9/5), Lambda (9/8), 日付 (9/11), CloudWatch (9/15).
    expect(dueLearnings(upTo('2025-09-14'), '2025-09-15').map((learning) => [learning.text, learning.due, learning.interval])).toEqual([
      ['IAM のポリシーは最小権限から始める', '2025-09-02', 1],
      ['GitHub Actions のキャッシュはキーで決まる', '2025-09-03', 1],
      ['Docker のレイヤーは順番でキャッシュが効く', '2025-09-05', 1],
      [lambda, '2025-09-08', 7],
      ['日付は設定のタイムゾーンで数える', '2025-09-11', 1],
      ['CloudWatch のアラームは平均で判定する', '2025-09-15', 1],
    ]);
  });

  it('counts the due learnings and names the first few in the same order without listing them all (what status and new show)', () => {
    // Ties on the day due: two logs of one day, two learnings of one log, learnings of days before.
    const many = [
      tinyLog('2025-03-01', 30, '## 学び\n- 一つ目\n- 二つ目\n'),
      { ...tinyLog('2025-03-01', 30, '## 学び\n- 午後の学び\n'), slug: '2025-03-01-pm', source: 'logs/2025-03-01-pm.md' },
      tinyLog('2025-02-27', 30, '## 学び\n- 前の学び\n- もう一つ\n'),
      tinyLog('2025-02-28', 30, '## 学び\n- その次\n'),
      ...records,
    ];
    for (const today of ['2025-03-02', '2025-09-15', '2025-12-31']) {
      const all = dueLearnings(many, today);
      expect(all.length).toBeGreaterThan(3);
      for (const limit of [0, 1, 2, 3, 5, all.length, all.length + 3]) {
        expect(firstDueLearnings(many, today, limit)).toEqual({ count: all.length, items: all.slice(0, limit) });
      }
      expect(firstDueLearnings(many, today, Infinity)).toEqual({ count: all.length, items: all });
    }
  });

  it('skips the intervals that passed before a late review, ignores a tick before the day due, and ends after 180 days', () => {
    const log = (date: string, tick: string) => tinyLog(date, 30, `## 復習\n- [${tick}] 型は先に書く（2025/1/1 の学び）\n`);
    const learned = tinyLog('2025-01-01', 30, '## 学び\n- 型は先に書く\n');
    const states = (more: ReturnType<typeof tinyLog>[], day: string) => learningStates([learned, ...more], day)[0]!;
    // Reviewed on day 10: 1, 3 and 7 have passed, so next is day 21.
    expect(states([log('2025-01-11', 'x')], '2025-01-12')).toMatchObject({ due: '2025-01-22', interval: 21 });
    // A tick on day 2 while due on day 4 (after an earlier review) is no review.
    expect(states([log('2025-01-02', 'x'), log('2025-01-03', 'x')], '2025-01-03')).toMatchObject({ due: '2025-01-04', reviewedOn: ['2025-01-02'] });
    // Reviewed on day 180: nothing left.
    expect(states([log('2025-06-30', 'x')], '2025-07-01')).toMatchObject({ due: null, interval: null });
  });

  it('finds a learning by the line its link names when its text was edited since', () => {
    const learned = tinyLog('2025-01-01', 30, '## 学び\n- 型は最初に書くとよい\n');
    const review = tinyLog('2025-01-02', 30, '## 復習\n- [x] 型は先に書く（[1/1 の学び](2025-01-01.md#L4)）\n');
    expect(learned.learningLines).toEqual([4]);
    expect(learningStates([learned, review], '2025-01-02')[0]).toMatchObject({ due: '2025-01-04', reviewedOn: ['2025-01-02'] });
  });
});
