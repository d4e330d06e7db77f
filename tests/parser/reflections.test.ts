/** Learnings with their lines, reflection passages, and the review items of ## 復習. */
import { describe, expect, it } from 'vitest';
import { parseFixture } from './helpers.ts';

describe('learnings and reflections', () => {
  const record = parseFixture('reflections.md');

  it('gives every learning its line, in step with the learnings', () => {
    expect(record.learnings).toEqual(['Mangum: ASGIアプリをLambdaで動かすアダプター', 'IAM のポリシーは最小から始める', '振り返りの中の学び']);
    expect(record.learningLines).toEqual([4, 5, 14]);
  });

  it('quotes the passages under 振り返り, 感想・反省 and a bold 感じたこと, not a learnings section inside them', () => {
    expect(record.reflections).toEqual([
      { heading: '振り返り', text: '思ったより早く終わった。\n明日は計測から始める。', line: 8 },
      { heading: '振り返り', text: '問題を書き出すと整理できる', line: 11 },
      { heading: '感想・反省', text: '焦らず進めたい。', line: 17 },
      { heading: '感じたこと', text: 'ログを毎日書くと続けられる。', line: 21 },
    ]);
  });
});

describe('review items', () => {
  const record = parseFixture('review-items.md');

  it('reads each learning brought back: its text, the day learned (the year before when the day is later than the log), ticked, its lines', () => {
    expect(record.reviewItems).toEqual([
      { text: 'Mangum: ASGIアプリをLambdaで動かすアダプター', learnedOn: '2025-12-30', done: true, line: 7, learningLine: 12 },
      { text: 'IAM のポリシーは最小から始める', learnedOn: '2026-01-01', done: false, line: 8, learningLine: null },
      { text: '年の違う学び', learnedOn: '2024-06-03', done: false, line: 9, learningLine: 7 },
      { text: '全角の学び', learnedOn: '2025-12-29', done: true, line: 11, learningLine: null },
    ]);
  });

  it('leaves review items out of the checklist, but keeps the other tasks, under 復習 or elsewhere', () => {
    expect(record.checklist.map((item) => item.text)).toEqual(['復習を終える', '英単語を覚える', '本を読む（12/30 の学び）']);
    expect(record.goals.map((goal) => goal.text)).toEqual(['復習を終える']);
    expect(record.plans).toEqual([]);
  });
});
