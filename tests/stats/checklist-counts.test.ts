/**
 * Counts that mean what they say: a day's own checklist apart from what was
 * carried over, dropped items in neither; the one rule of the log page, the
 * completion chart (weekly rows), the archives and the reviews.
 */
import { describe, expect, it } from 'vitest';
import { checklistCounts } from '../../src/stats/checklist-counts.ts';
import { computeStats, logDays, planChains } from '../../src/stats/index.ts';
import { tinyLog } from './helpers.ts';

/** A day with 8 items of its own (3 ticked) and 22 carried ones (1 ticked), one of them struck through. */
function busyDay(): string {
  const own = ['- [x] 目標1', '- [x] 目標2', '- [x] 目標3', '- [ ] 目標4', '- [ ] 目標5', '- [ ] 目標6', '- [ ] 目標7', '- [ ] 目標8'];
  const carried = Array.from({ length: 22 }, (_, index) => `- [${index === 0 ? 'x' : ' '}] 持ち越した計画${index + 1}（8/1 の計画）`);
  return `## 今日の目標\n${own.join('\n')}\n\n## 持ち越し\n${carried.join('\n')}\n- [ ] ~~やめた計画~~（8/1 の計画）\n`;
}

describe('checklist counts', () => {
  it('counts the day\'s own items apart from the carried ones, leaving dropped items out of both', () => {
    const record = tinyLog('2025-08-04', 60, busyDay());
    expect(checklistCounts(record)).toEqual({ own: { done: 3, total: 8 }, carried: { done: 1, total: 22 } });
    expect(record.checklist).toHaveLength(31);
  });

  it('is what logDays and the weekly completion rate count', () => {
    const records = [tinyLog('2025-08-04', 60, busyDay()), tinyLog('2025-08-05', 60, '## 今日の目標\n- [x] 目標\n- [ ] 本を読む 未完了（8/4）\n')];
    expect(logDays(records).map((day) => [day.checklistDone, day.checklistTotal, day.carriedDone, day.carriedTotal])).toEqual([
      [3, 8, 1, 22],
      [1, 1, 0, 1],
    ]);
    const week = computeStats(records, { today: '2025-08-10', weekStart: 'monday' }).weekly.at(-1)!;
    expect(week).toMatchObject({ checklistDone: 4, checklistTotal: 9, completionRate: 4 / 9 });
  });

  it('counts a carried item ticked as its plan done that day', () => {
    const records = [
      tinyLog('2025-08-01', 60, '## 次のステップ\n### 今日中\n- [ ] 持ち越した計画1\n'),
      tinyLog('2025-08-04', 60, busyDay()),
    ];
    const chain = planChains(records, { today: '2025-08-10', weekStart: 'monday' })[0]!;
    expect(chain).toMatchObject({ text: '持ち越した計画1', status: 'done', doneOn: '2025-08-04' });
  });
});
