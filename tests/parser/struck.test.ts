/** Struck-through items (- [ ] ~~…~~): where a plan or task was given up. */
import { describe, expect, it } from 'vitest';
import { parseFixture } from './helpers.ts';

describe('struck-through items', () => {
  const record = parseFixture('struck.md');

  it('lists the lines of items wholly struck through, a trailing aside allowed, nested items included', () => {
    expect(record.struckLines).toEqual([4, 10, 11, 12]);
  });

  it('keeps their text, without the marks, in the checklist and the plans', () => {
    expect(record.checklist.map((item) => item.text)).toContain('テストを書く（9/1 の計画）');
    expect(record.plans.map((plan) => plan.text)).toEqual(['ブログを書く', 'a b', '普通の計画']);
  });
});
