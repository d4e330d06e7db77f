/**
 * The reviews of the fortnight of tests/fixtures/reviews (2025-09-01 … 09-14,
 * Monday weeks, and one log on 08-29 before it), built for 2025-09-15, with
 * every figure counted by hand from the fixture logs (see each comment).
 * Shared by the stats test and the test of `nisshi review`.
 */
import { fileURLToPath } from 'node:url';
import { problemKey, threadId } from '../../src/stats/problem-threads.ts';
import type { Review } from '../../src/stats/review-schema.ts';
import type { ReviewOptions } from '../../src/stats/reviews.ts';
import { recordsIn } from './helpers.ts';

export const reviewFixtures = fileURLToPath(new URL('../fixtures/reviews/', import.meta.url));
export const records = recordsIn(reviewFixtures);
export const options: ReviewOptions = { today: '2025-09-15', weekStart: 'monday', weeklyTargetMinutes: 600 };
const thread = (title: string) => threadId(problemKey(title));
export const slow = thread('ビルドが遅い');
export const failing = thread('テストが落ちる');
export const missing = thread('依存関係の不足');

export const firstWeek: Review = {
  kind: 'week',
  start: '2025-09-01',
  end: '2025-09-07',
  // 9/1, 2, 3, 4, 5 and 7 (none on 9/6).
  days: 6,
  // 60 + 90 + 30 + 120 (約) + 60 + 30.
  minutes: 390,
  approximate: true,
  targetMinutes: 600,
  // 9/1–9/5 inside the week; on 9/7 the run has just started again.
  streak: { longest: 5, atEnd: 1 },
  // 9/1: 2 goals, 1 ticked; 9/2: 1 of 1; 9/3: 0 of 1.
  goals: { set: 4, met: 2 },
  // The goals' task items and 9/4's ✓ CIを設定する; 9/5's struck carry is carried and given up, and 9/2's and
  // 9/4's review items are not tasks: the days' own items only (stats/checklist-counts.ts).
  checklist: { done: 3, total: 5 },
  // ビルドが遅い first written 9/2 (resolved 9/9); at the end of 9/7 it and 8/29's 依存関係の不足 are open.
  problems: { opened: [slow], resolved: [], stillOpen: 2 },
  // READMEを書く done the day planned; CIを設定する due 9/2, done 9/4; 記事を書く (today, 9/2) and デプロイする (来週: 9/14)
  // never done; テストを書く struck through on 9/5; 本を読む due 10/31.
  plans: { done: 1, doneLate: 1, slipped: 2, dropped: 1, open: 1 },
  learnings: [
    { text: 'Lambda のコールドスタートは初回だけ遅い', slug: '2025-09-01', date: '2025-09-01', line: 11 },
    { text: 'IAM のポリシーは最小権限から始める', slug: '2025-09-01', date: '2025-09-01', line: 12 },
    { text: 'GitHub Actions のキャッシュはキーで決まる', slug: '2025-09-02', date: '2025-09-02', line: 10 },
    { text: 'Docker のレイヤーは順番でキャッシュが効く', slug: '2025-09-04', date: '2025-09-04', line: 10 },
  ],
  // aws on 9/1 (60) and 9/3 (30); ci on 9/3 (30).
  tags: [{ tag: 'aws', days: 2, minutes: 90 }, { tag: 'ci', days: 1, minutes: 30 }],
  // 8/25–8/31: the log of 8/29.
  previous: { minutes: 30, days: 1 },
};

export const secondWeek: Review = {
  kind: 'week',
  start: '2025-09-08',
  end: '2025-09-14',
  days: 7,
  // 120 + 100 + 90 + 60 + 90 + 60 + 120: the target met.
  minutes: 640,
  approximate: false,
  targetMinutes: 600,
  // Every day; the run began on 9/7, so 8 days at 9/14.
  streak: { longest: 7, atEnd: 8 },
  // 9/8: 1 of 1; 9/13: 0 of 1.
  goals: { set: 2, met: 1 },
  // 9/8's goal, 9/12's ✓ and 9/13's goal.
  checklist: { done: 2, total: 3 },
  // テストが落ちる opened 9/10; ビルドが遅い resolved 9/9; open at 9/14: テストが落ちる and 依存関係の不足.
  problems: { opened: [failing], resolved: [slow], stillOpen: 2 },
  // リファクタリング and ドキュメントを更新する (due 9/14, done 9/12) done; ベンチマークを取る（中止）; Rustを学ぶ (いつか); 掃除をする never done.
  plans: { done: 2, doneLate: 0, slipped: 1, dropped: 1, open: 1 },
  learnings: [
    { text: '日付は設定のタイムゾーンで数える', slug: '2025-09-10', date: '2025-09-10', line: 8 },
    { text: 'CloudWatch のアラームは平均で判定する', slug: '2025-09-14', date: '2025-09-14', line: 7 },
  ],
  // aws on 9/14 (120), ci on 9/9 (100).
  tags: [{ tag: 'aws', days: 1, minutes: 120 }, { tag: 'ci', days: 1, minutes: 100 }],
  previous: { minutes: 390, days: 6 },
};

export const september: Review = {
  kind: 'month',
  start: '2025-09-01',
  end: '2025-09-30',
  days: 13,
  minutes: 1030,
  approximate: true,
  // The target is a week's.
  targetMinutes: null,
  // 9/7–9/14; the month is under way on 9/15, which has no log yet: the streak through 9/14.
  streak: { longest: 8, atEnd: 8 },
  goals: { set: 6, met: 3 },
  // The two weeks' own items (9/5's struck carry left out).
  checklist: { done: 5, total: 8 },
  problems: { opened: [slow, failing], resolved: [slow], stillOpen: 2 },
  plans: { done: 3, doneLate: 1, slipped: 3, dropped: 2, open: 2 },
  learnings: [...firstWeek.learnings, ...secondWeek.learnings],
  // aws on 9/1, 9/3, 9/14 (60 + 30 + 120); ci on 9/3, 9/9 (30 + 100).
  tags: [{ tag: 'aws', days: 3, minutes: 210 }, { tag: 'ci', days: 2, minutes: 130 }],
  previous: { minutes: 30, days: 1 },
};

export const august: Review = {
  kind: 'month',
  start: '2025-08-01',
  end: '2025-08-31',
  days: 1,
  minutes: 30,
  approximate: false,
  targetMinutes: null,
  streak: { longest: 1, atEnd: 0 },
  goals: { set: 0, met: 0 },
  checklist: { done: 0, total: 0 },
  problems: { opened: [missing], resolved: [], stillOpen: 1 },
  plans: { done: 0, doneLate: 0, slipped: 0, dropped: 0, open: 0 },
  learnings: [],
  tags: [],
  // July is before the first log.
  previous: null,
};

