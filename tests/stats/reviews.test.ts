/** Reviews of the fortnight of tests/fixtures/reviews against the figures counted by hand in review-expectations.ts. */
import { describe, expect, it } from 'vitest';
import { reviewSchema } from '../../src/stats/review-schema.ts';
import { allReviews, reviewOf } from '../../src/stats/reviews.ts';
import { logDays } from '../../src/stats/days.ts';
import { planChains } from '../../src/stats/plan-chains.ts';
import { carryOver } from '../../src/stats/carry-over.ts';
import { threadOpenOn, problemThreads } from '../../src/stats/problem-threads.ts';
import { shuffled, tinyLog } from './helpers.ts';
import { august, failing, firstWeek, options, records, secondWeek, september, slow } from './review-expectations.ts';

describe('reviews of a fortnight', () => {
  const { weeks, months } = allReviews(records, options);

  it('makes a review for each week and month with a log, keyed by its first day or month', () => {
    expect(weeks.map((week) => week.key)).toEqual(['2025-08-25', '2025-09-01', '2025-09-08']);
    expect(months.map((month) => month.key)).toEqual(['2025-08', '2025-09']);
  });

  it('counts each week as by hand', () => {
    expect(weeks[1]!.review).toEqual(firstWeek);
    expect(weeks[2]!.review).toEqual(secondWeek);
    expect(weeks[0]!.review.previous).toBeNull();
  });

  it('counts each month as by hand', () => {
    expect(months[0]!.review).toEqual(august);
    expect(months[1]!.review).toEqual(september);
  });

  it('fits the JSON schema, and gives the same review for one period asked alone, whatever the order of the records', () => {
    for (const period of [...weeks, ...months]) expect(reviewSchema.parse(period.review)).toEqual(period.review);
    expect(reviewOf(shuffled(records), 'week', '2025-09-10', options).review).toEqual(secondWeek);
    expect(reviewOf(records, 'month', '2025-09-01', options).review).toEqual(september);
    // The site hands over the days, threads and chains it has already computed: the same reviews.
    const given = { days: logDays(records), threads: problemThreads(records), chains: planChains(records, options) };
    expect(allReviews(records, options, given)).toEqual({ weeks, months });
  });

  it('gives the page its days, threads, plans and reflections', () => {
    const { details } = weeks[2]!;
    expect(details.daily.map((day) => [day.date, day.minutes, day.logs.map((log) => log.slug)])).toEqual([
      ['2025-09-08', 120, ['2025-09-08']], ['2025-09-09', 100, ['2025-09-09']], ['2025-09-10', 90, ['2025-09-10']], ['2025-09-11', 60, ['2025-09-11']],
      ['2025-09-12', 90, ['2025-09-12']], ['2025-09-13', 60, ['2025-09-13']], ['2025-09-14', 120, ['2025-09-14']],
    ]);
    expect(details.opened).toEqual([{ id: failing, title: 'テストが落ちる' }]);
    expect(details.resolved).toEqual([{ id: slow, title: 'ビルドが遅い' }]);
    expect(details.plans.dropped.map((plan) => [plan.text, plan.droppedOn, plan.slug, plan.line])).toEqual([['ベンチマークを取る', '2025-09-11', '2025-09-10', 12]]);
    expect(details.reflections).toEqual([
      { heading: '感想', text: '目標の10時間に届いた', slug: '2025-09-14', date: '2025-09-14', line: 10 },
      { heading: '感想', text: '来週はテストを直す', slug: '2025-09-14', date: '2025-09-14', line: 11 },
    ]);
    expect(weeks[1]!.details.reflections).toEqual([
      { heading: '振り返り', text: '今週はCIに時間を使った。\nビルドの遅さはまだ残っている。', slug: '2025-09-07', date: '2025-09-07', line: 4 },
    ]);
  });

  it('counts a week still under way up to today, the streak through yesterday when today has no log yet', () => {
    const midWeek = reviewOf(records, 'week', '2025-09-10', { ...options, today: '2025-09-11' }).review;
    expect(midWeek.streak).toEqual({ longest: 7, atEnd: 5 });
    // Plans as the chains stand on 9/11: 掃除をする (due 9/13) is not yet overdue, Rustを学ぶ has no due date.
    expect(midWeek.plans).toEqual({ done: 2, doneLate: 0, slipped: 0, dropped: 1, open: 2 });
  });

  it('follows a thread resolved, reopened and resolved again: listed as resolved in each period it was, open in between', () => {
    const problem = (status: string) => `## 問題\n### 問題1: ビルドが遅い${status}\n**現状**: 遅い\n`;
    const logs = [
      tinyLog('2025-07-01', 30, problem('')),
      tinyLog('2025-07-02', 30, problem('（解決済み）')),
      tinyLog('2025-07-09', 30, problem('')),
      tinyLog('2025-07-10', 30, problem('（解決済み）')),
      tinyLog('2025-07-15', 30, '## 問題\n### 問題1: 別の問題\n'),
    ];
    const thread = problemThreads(logs).find((candidate) => candidate.title === 'ビルドが遅い')!;
    expect(['2025-07-01', '2025-07-02', '2025-07-09', '2025-07-10'].map((day) => threadOpenOn(thread, day))).toEqual([true, false, true, false]);
    const { weeks } = allReviews(logs, { today: '2025-07-20', weekStart: 'monday', weeklyTargetMinutes: null });
    expect(weeks.map((week) => [week.key, week.review.problems.opened.length, week.review.problems.resolved, week.review.problems.stillOpen])).toEqual([
      ['2025-06-30', 1, [thread.id], 0],
      ['2025-07-07', 0, [thread.id], 0],
      // Under way on 7/20: 別の問題 is open today.
      ['2025-07-14', 1, [], 1],
    ]);
  });

  it('counts as dropped exactly the chains the carry-over leaves out as given up: a strike with a reason, a drop word with one (one definition, record.drops)', () => {
    const plans = '## 次のステップ\n### 今日中\n- [ ] 記事を書く\n- [ ] 本を読む\n- [ ] 掃除をする\n';
    const week = [
      tinyLog('2025-09-01', 30, plans),
      tinyLog('2025-09-02', 30, '## 持ち越し\n- [ ] ~~記事を書く~~（9/1 の計画） — 要らなくなった\n- [ ] 本を読む（見送り: 来月に回す）（9/1 の計画）\n'),
    ];
    const weekOptions = { ...options, today: '2025-09-07' };
    const chains = planChains(week, weekOptions);
    expect(chains.filter((chain) => chain.status === 'dropped').map((chain) => [chain.text, chain.droppedOn]).sort()).toEqual([['本を読む', '2025-09-02'], ['記事を書く', '2025-09-02']]);
    const review = reviewOf(week, 'week', '2025-09-01', weekOptions);
    expect(review.review.plans.dropped).toBe(2);
    expect(carryOver(week, '2025-09-03', weekOptions).items.map((item) => item.text)).toEqual(['掃除をする']);
  });
});
