import { describe, expect, it } from 'vitest';
import { parseFixture } from './helpers.ts';

describe('goals', () => {
  const record = parseFixture('goals.md');

  it('reads bullets, numbers and task items under 今日の目標 and Goals', () => {
    expect(record.goals.map((goal) => [goal.text, goal.done])).toEqual([
      ['問題集を3問解く', true],
      ['英単語50個', false],
      ['復習をする', null],
      ['番号付きの目標', null],
      ['English goal', null],
    ]);
  });

  it('takes 明日の目標 as a plan for tomorrow, not a goal', () => {
    expect(record.plans.map((plan) => [plan.text, plan.horizon])).toEqual([['これは目標ではなく計画', 'tomorrow']]);
  });
});
